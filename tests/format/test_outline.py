"""The outline's count of entries to review: the same as the whole briefing's."""

from __future__ import annotations

from pathlib import Path

from conftest import BUNDLED

from tui.format.outline import outline_of, sourced_entries
from tui.reading.checks import iter_sourced
from tui.reading.loader import load_paths
from tui.reading.review import review_count

ARCHIVE = Path(__file__).resolve().parent.parent / "data" / "archive"


def test_the_walk_by_name_finds_what_reflection_finds() -> None:
    briefings = load_paths([BUNDLED, ARCHIVE]).briefings
    assert len(briefings) == 4
    for loaded in briefings:
        by_name = [id(entry) for entry in sourced_entries(loaded.briefing)]
        by_reflection = [id(entry) for _, entry in iter_sourced(loaded.briefing)]
        assert sorted(by_name) == sorted(by_reflection), loaded.id


def test_the_outline_counts_what_the_header_counts() -> None:
    counts = {}
    for loaded in load_paths([BUNDLED, ARCHIVE]).briefings:
        outline = outline_of(loaded.briefing)
        counted = review_count(loaded.briefing)
        assert (outline.drafted, outline.marked) == (counted.drafted, counted.marked)
        counts[loaded.id] = outline.drafted, outline.marked
    assert counts["lyon-trade"] == (2, 4)
