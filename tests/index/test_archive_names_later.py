"""An archive indexes names when they are first needed (or when told to), so that the
first briefing can be shown before the search engine's modules are imported."""

import json
import subprocess
import sys

from tui.index.archive import Archive
from tui.index.refs import Kind
from tui.reading.bundled import bundled_briefings
from tui.reading.loader import load_paths


def test_adding_briefings_imports_no_search_engine_until_names_are_needed() -> None:
    code = """
import json, sys
from tui.index.archive import Archive
from tui.reading.bundled import bundled_briefings
from tui.reading.loader import load_paths

archive = Archive(load_paths([bundled_briefings()], cache=None).briefings)
before = [m for m in ("numpy", "rapidfuzz", "tui.index.search") if m in sys.modules]
found = [match.person.name for match in archive.search_names("le mingham", 1)]
print(json.dumps([before, found, "numpy" in sys.modules]))
"""
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert json.loads(output) == [[], ["Le Mingham"], True]


def test_a_briefing_removed_before_it_was_indexed_is_never_found() -> None:
    loaded = load_paths([bundled_briefings()], cache=None).briefings
    archive = Archive(loaded)
    archive.remove([loaded[0].id])
    assert archive.search_names("le mingham", 5) == []
    archive.add(loaded)  # back, under new numbers
    [match] = archive.search_names("le mingham", 1)
    assert match.person.name == "Le Mingham"
    # The removed copy holds the name under no number the search finds.
    assert archive.same_person(match.ref) == [match.ref]
    assert match.ref.kind is Kind.counterpart
