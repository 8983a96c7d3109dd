"""Every article's draft loads as it is, quotes only its article, marks every entry
drafted, says its direction, and fails `validate --strict` until reviewed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import BUNDLED_SOURCE, ROOT

from tui.cli.draft import _draft_text
from tui.cli.main import main
from tui.format.model import Review
from tui.reading.checks import iter_sourced
from tui.reading.loader import load_briefing

OWN = ROOT / "benchmarks" / "drafting_articles"


def _shared() -> list[Path]:
    for folder in (ROOT, *ROOT.parents):
        if (folder / "shared" / "drafting").is_dir():
            return sorted((folder / "shared" / "drafting").glob("*.txt"))
    return []


ARTICLES = [*sorted(OWN.glob("*.txt")), *_shared(), BUNDLED_SOURCE]


def _draft(article: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "articles" / article.name
    copy.parent.mkdir(parents=True)
    shutil.copyfile(article, copy)
    out = tmp_path / "drafts" / "briefing.yaml"
    _draft_text(copy, out, None, False)
    return out


def test_there_are_articles_of_both_directions() -> None:
    directions = {
        json.loads(gold.read_text(encoding="utf-8"))["direction"]
        for gold in OWN.glob("*.gold.json")
    }
    assert directions == {"outgoing", "incoming"}
    assert len(list(OWN.glob("*.txt"))) >= 6


@pytest.mark.parametrize("article", ARTICLES, ids=lambda path: path.stem)
def test_a_draft_loads_and_every_entry_is_marked_drafted(article: Path, tmp_path: Path) -> None:
    out = _draft(article, tmp_path)
    loaded = load_briefing(out)  # raises with every problem: quotes, ids, references
    briefing = loaded.briefing
    assert briefing.source.path == "../articles/" + article.name
    assert briefing.direction is not None
    assert briefing.review is Review.drafted
    for collection in (
        briefing.organizations,
        briefing.counterparts,
        briefing.themes,
        briefing.itinerary,
    ):
        assert all(item.review is Review.drafted for item in collection)
    text = article.read_text(encoding="utf-8")
    folded = " ".join(text.split())
    for _, item in iter_sourced(briefing):
        for quote in item.quotes:
            assert " ".join(quote.split()) in folded
    # No year unless the article writes it in that very phrase.
    for date in [briefing.dates, *(e.date for e in briefing.itinerary if e.date)]:
        if date.year is not None:
            assert str(date.year) in date.as_stated


def test_validate_passes_a_draft_and_strict_fails_it_until_reviewed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = _draft(OWN / "t3-xiamen-japan.txt", tmp_path)
    assert main(["validate", str(out)]) == 0
    capsys.readouterr()
    assert main(["validate", "--strict", str(out)]) == 1
    printed = capsys.readouterr().out
    assert f"{out}:" in printed and "itinerary[0]: drafted, not yet reviewed" in printed
    assert printed.splitlines()[-1].startswith("0 valid, 1 with problems")  # one file, once
    reviewed = out.read_text(encoding="utf-8").replace("review: drafted", "review: reviewed")
    out.write_text(reviewed, encoding="utf-8")
    assert main(["validate", "--strict", str(out)]) == 0


def test_strict_passes_a_hand_written_briefing(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--strict", str(ROOT / "briefings")]) == 0


def test_incoming_and_outgoing_are_told_apart(tmp_path: Path) -> None:
    incoming = load_briefing(_draft(OWN / "t2-chengdu-curitiba.txt", tmp_path / "in")).briefing
    outgoing = load_briefing(_draft(OWN / "t1-qingdao-germany.txt", tmp_path / "out")).briefing
    assert incoming.direction == "incoming" and outgoing.direction == "outgoing"
    # In an incoming visit the city's side is its hosts; the visitors are counterparts.
    assert incoming.delegation.lead.name == "Liang Wenbo"
    assert "Rafael Monteiro" in [c.name for c in incoming.counterparts]
    assert "direction" in incoming.inferred
