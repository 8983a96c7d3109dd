"""The benchmark's archive generator and its runner.

The generator's output must load without a single problem (otherwise the benchmark
measures error reporting), be the same for the same seed, and look like the real
thing: names with diacritics and pinyin, aliases, quotes from the source text. The
runner is run in --quick mode and must print every row of the table; no timing is
asserted here (timings belong to the benchmark, not to unit tests).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from benchmarks.generate import generate_briefing, main, write_archive
from benchmarks.run import ROWS
from benchmarks.words import ascii_spelling
from benchmarks.yaml_writer import to_yaml
from tui.format.model import Briefing
from tui.index.archive import Archive
from tui.reading.loader import load_paths

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_archive(tmp_path_factory.mktemp("archive"), 40, seed=3, jobs=1).parent


def test_the_generated_archive_loads_without_problems(archive: Path) -> None:
    result = load_paths([archive / "briefings"], cache=None)
    assert [str(problem) for problem in result.problems] == []
    assert len(result.briefings) == 40
    index = Archive(result.briefings)
    assert len(index) == 40


def test_a_visit_ends_within_its_month() -> None:
    # Briefing 942 of seed 1 was drawn as February 25 to 29 of 2014, which the loader
    # refuses (no day 29): the 1,000-briefing archive did not load cleanly.
    dates = generate_briefing(942, seed=1).data["dates"]
    assert dates["year"] == 2014 and dates["start"]["month"] == 2
    assert dates["end"]["day"] <= 28
    assert str(dates["start"]["day"]) in dates["as_stated"]


def test_briefings_have_the_sizes_the_issue_asks_for(archive: Path) -> None:
    result = load_paths([archive / "briefings"], cache=None)
    for loaded in result.briefings:
        briefing = loaded.briefing
        assert 10 <= len(briefing.counterparts) <= 100
        assert 10 <= len(briefing.itinerary) <= 20
        assert briefing.organizations and briefing.themes


def test_names_mix_diacritics_pinyin_aliases_and_scripts(archive: Path) -> None:
    counterparts = [
        counterpart
        for loaded in load_paths([archive / "briefings"], cache=None).briefings
        for counterpart in loaded.briefing.counterparts
    ]
    names = [counterpart.name for counterpart in counterparts]
    assert any(not name.isascii() for name in names)  # Diplé, Müller, Łukasz...
    assert any(name.split()[0] in ("Zhang", "Wang", "Li", "Chen", "Liu") for name in names)
    assert any(counterpart.aliases for counterpart in counterparts)
    assert any(counterpart.original_script for counterpart in counterparts)
    # An alias that drops the diacritics, as sources spell them.
    assert any(
        alias == ascii_spelling(c.name) or alias == ascii_spelling(c.name, german=True)
        for c in counterparts
        for alias in c.aliases
    )


def test_every_quote_is_in_the_source_text(archive: Path) -> None:
    # The loader checks this too; here it is checked by plain substring search after
    # folding whitespace, independently of tui.reading.checks.
    for loaded in load_paths([archive / "briefings"], cache=None).briefings:
        assert loaded.source is not None
        text = " ".join(loaded.source.text.split())
        for quote in _quotes(loaded.briefing.model_dump()):
            assert " ".join(quote.split()) in text


def _quotes(node: object) -> list[str]:
    if isinstance(node, dict):
        found = list(node.get("quotes", []))
        for key, value in node.items():
            if key != "quotes":
                found += _quotes(value)
        return found
    if isinstance(node, list):
        return [quote for item in node for quote in _quotes(item)]
    return []


def test_the_same_seed_gives_the_same_archive() -> None:
    first, again = generate_briefing(5, seed=11), generate_briefing(5, seed=11)
    assert to_yaml(first.data) == to_yaml(again.data) and first.source == again.source
    assert to_yaml(generate_briefing(5, seed=12).data) != to_yaml(first.data)


def test_the_yaml_is_what_the_data_says() -> None:
    for index in range(8):
        generated = generate_briefing(index, seed=2)
        parsed = yaml.load(to_yaml(generated.data), Loader=yaml.CSafeLoader)
        assert Briefing.model_validate(parsed) == Briefing.model_validate(
            json.loads(json.dumps(generated.data, default=lambda anchored: anchored.text))
        )


def test_some_briefings_use_anchors() -> None:
    texts = [to_yaml(generate_briefing(index, seed=1).data) for index in range(30)]
    assert any("&key-areas" in text and "*key-areas" in text for text in texts)


def test_the_command_line_writes_briefings_and_sources(tmp_path: Path) -> None:
    assert main(["--count", "3", "--out", str(tmp_path), "--jobs", "1"]) == 0
    assert len(list((tmp_path / "briefings").glob("*.yaml"))) == 3
    assert len(list((tmp_path / "sources").glob("*.txt"))) == 3


def test_the_runner_prints_every_row_in_quick_mode(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    work = tmp_path / "work"
    command = ["-m", "benchmarks.run", "--quick", "--json", str(out), "--work", str(work)]
    completed = subprocess.run(
        [sys.executable, *command],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    table = completed.stdout
    for number in range(1, 10):
        assert f"| {number} |" in table
    words = (
        "cold load",
        "re-open",
        "name search",
        "content",
        "keystroke",
        "memory",
        "idle CPU",
        "notes search",
    )
    for word in words:
        assert word in table
    # Rows 4, 5, 7 and 8 run the app in tmux: measured, or skipped where tmux is missing.
    for row in table.splitlines():
        if row.startswith(("| 4 |", "| 5 |", "| 8 |")):
            assert " ms" in row or " s " in row or "skipped: no tmux" in row, row
        if row.startswith("| 7 |"):
            assert "% of a core" in row or "skipped: no tmux" in row, row
    rows = json.loads(out.read_text(encoding="utf-8"))["rows"]
    assert sorted({row["number"] for row in rows}) == [1, 2, 3, 4, 5, 6, 7, 8, 9]
    keys = {key for key, _ in ROWS}
    assert keys == {
        "load",
        "search",
        "content",
        "keystroke",
        "memory",
        "idle",
        "searchable",
        "notes",
    }
