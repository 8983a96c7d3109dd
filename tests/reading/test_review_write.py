"""Marking an entry reviewed: one scalar changes, everything else stays byte for byte,
and nothing is written when the file changed or the write fails."""

from __future__ import annotations

import codecs
import os
import shutil
from pathlib import Path

import pytest
from conftest import ROOT

from tui.cli.draft import _draft_text
from tui.format.model import Review
from tui.reading.loader import load_briefing
from tui.reading.review import review_count
from tui.reading.review_write import (
    ReviewRefused,
    entry_line,
    entry_location,
    mark_reviewed,
)
from tui.ui.reviewing import editor_command

ARTICLE = ROOT / "benchmarks" / "drafting_articles" / "t3-xiamen-japan.txt"


@pytest.fixture
def drafted(tmp_path: Path) -> Path:
    article = tmp_path / ARTICLE.name
    shutil.copyfile(ARTICLE, article)
    out = tmp_path / "draft.yaml"
    _draft_text(article, out, None, False)
    # A reviewer's comment and an odd quoting style that must survive.
    text = out.read_text(encoding="utf-8")
    out.write_text(
        "# reviewer: checked the dates\n" + text.replace("format: 1", "format: 1  # v1"), "utf-8"
    )
    return out


def test_only_the_review_value_changes(drafted: Path) -> None:
    before = drafted.read_text(encoding="utf-8")
    loaded = load_briefing(drafted).briefing
    loc = entry_location(loaded, "counterparts", loaded.counterparts[1].id)
    updated = mark_reviewed(drafted, loaded, loc)
    after = drafted.read_text(encoding="utf-8")
    assert updated.counterparts[1].review is Review.reviewed
    assert after.count("review: reviewed") == 1
    assert after.replace("review: reviewed", "review: drafted") == before
    # The changed line is the entry's own.
    changed = [
        i
        for i, (a, b) in enumerate(zip(before.splitlines(), after.splitlines(), strict=True))
        if a != b
    ]
    assert len(changed) == 1 and changed[0] + 1 > entry_line(drafted, loc)
    assert review_count(load_briefing(drafted).briefing).drafted == review_count(loaded).drafted - 1


def test_a_byte_order_mark_and_crlf_line_ends_stay(drafted: Path) -> None:
    text = drafted.read_text(encoding="utf-8").replace("\n", "\r\n")
    drafted.write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))
    loaded = load_briefing(drafted).briefing
    mark_reviewed(drafted, loaded, ())
    raw = drafted.read_bytes()
    assert raw.startswith(codecs.BOM_UTF8)
    assert raw.decode("utf-8-sig") == text.replace("\nreview: drafted", "\nreview: reviewed", 1)


def test_refused_when_the_file_changed_since_it_was_loaded(drafted: Path) -> None:
    loaded = load_briefing(drafted).briefing
    changed = drafted.read_text(encoding="utf-8").replace(loaded.title, "Another title", 1)
    drafted.write_text(changed, encoding="utf-8")
    with pytest.raises(ReviewRefused, match="changed on disk since it was loaded"):
        mark_reviewed(drafted, loaded, ())
    assert drafted.read_text(encoding="utf-8") == changed


def test_refused_when_the_file_is_now_broken(drafted: Path) -> None:
    loaded = load_briefing(drafted).briefing
    drafted.write_text("format: [1\n", encoding="utf-8")
    with pytest.raises(ReviewRefused, match="cannot be read as it is now"):
        mark_reviewed(drafted, loaded, ())
    assert drafted.read_text(encoding="utf-8") == "format: [1\n"


def test_refused_for_an_entry_that_is_not_drafted(drafted: Path) -> None:
    loaded = load_briefing(drafted).briefing
    mark_reviewed(drafted, loaded, ())
    again = load_briefing(drafted).briefing
    before = drafted.read_bytes()
    with pytest.raises(ReviewRefused, match="not marked drafted"):
        mark_reviewed(drafted, again, ())
    assert drafted.read_bytes() == before


@pytest.mark.parametrize("failing", ["fsync", "replace"])
def test_a_failed_write_leaves_the_file_as_it_was(
    drafted: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    loaded = load_briefing(drafted).briefing
    before = drafted.read_bytes()

    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, failing, fail)
    with pytest.raises(ReviewRefused, match="No space left on device"):
        mark_reviewed(drafted, loaded, ())
    monkeypatch.undo()
    assert drafted.read_bytes() == before
    assert sorted(p.name for p in drafted.parent.iterdir()) == sorted(["draft.yaml", ARTICLE.name])


def test_the_editor_command() -> None:
    path = Path("/b/x.yaml")
    assert editor_command(path, 12, {}) == ["vi", "+12", "/b/x.yaml"]
    assert editor_command(path, 3, {"EDITOR": "nano"}) == ["nano", "+3", "/b/x.yaml"]
    assert editor_command(path, 3, {"EDITOR": "nano", "VISUAL": "emacs -nw"}) == [
        "emacs",
        "-nw",
        "+3",
        "/b/x.yaml",
    ]
