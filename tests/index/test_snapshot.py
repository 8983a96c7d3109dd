"""The stored search index: taken only when the archive is made of the same outlines
as the index was, in the same order; a damaged one is ignored; either way the search
finds what a freshly built index finds."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import MINIMAL_YAML, WriteBriefing
from tui.index.archive import Archive
from tui.index.mixed import search
from tui.index.search import NameSearch
from tui.index.snapshot import Snapshots, decode, encode
from tui.reading.store import FILE_NAME
from tui.reading.workspace import Workspace

QUERIES = ("wang", "minimal", "le mingham", "nanjing", "visit", "zzz")


def open_archive(folder: Path) -> tuple[Archive, bool]:
    """Load as the app does (tui.ui.app); whether the stored index was taken."""
    workspace, archive = Workspace([folder]), Archive()
    snapshots = Snapshots.of(workspace.paths)
    assert snapshots is not None
    for batch in workspace.load():
        archive.add(batch.briefings)
        archive.index_loading(snapshots)
    restored = snapshots.restore(archive.stamps)
    archive.settle(restored)
    if restored is None:
        snapshots.keep(archive.stamps, archive.names, archive.titles)
    return archive, restored is not None


def found(archive: Archive) -> list[list[tuple[object, float]]]:
    return [[(match.ref, match.score) for match in search(archive, q, 10)] for q in QUERIES]


def fresh(folder: Path) -> Archive:
    workspace, archive = Workspace([folder]), Archive()
    for batch in workspace.load():
        archive.add(batch.briefings)
    archive.index()
    return archive


@pytest.fixture
def folder(write_briefing: WriteBriefing, bundled_copy: Path) -> Path:
    for number in range(3):
        write_briefing(MINIMAL_YAML.replace("id: minimal", f"id: b{number}"), f"b{number}.yaml")
    return bundled_copy.parent


def test_an_unchanged_archive_takes_the_stored_index(folder: Path) -> None:
    first, taken = open_archive(folder)
    assert not taken  # nothing stored yet: built, and kept
    second, taken = open_archive(folder)
    assert taken
    assert found(first) == found(second) == found(fresh(folder))
    assert len(second.names) == len(first.names) and len(second.titles) == len(first.titles)


def test_a_changed_file_builds_the_index_again(folder: Path) -> None:
    for _ in range(3):
        open_archive(folder)
    edited = folder / "b1.yaml"
    edited.write_text(
        edited.read_text(encoding="utf-8").replace("Wang Weiming", "Wang Xiaoping"),
        encoding="utf-8",
    )
    archive, taken = open_archive(folder)
    assert not taken
    assert found(archive) == found(fresh(folder))
    assert any("b1" in match.briefings for match in search(archive, "wang xiaoping", 5))


def test_a_removed_or_added_file_builds_the_index_again(
    folder: Path, write_briefing: WriteBriefing
) -> None:
    for _ in range(3):
        open_archive(folder)
    (folder / "b0.yaml").unlink()
    archive, taken = open_archive(folder)
    assert not taken and found(archive) == found(fresh(folder))
    write_briefing(MINIMAL_YAML.replace("id: minimal", "id: b9"), "b9.yaml")
    archive, taken = open_archive(folder)
    assert not taken and found(archive) == found(fresh(folder))


DAMAGES = {
    "truncated data": "data = substr(data, 1, 4000)",
    "truncated stamps": "stamps = substr(stamps, 1, 40)",
    "tampered digest": "check_digest = 'x' || substr(check_digest, 2)",
}


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_a_damaged_stored_index_is_ignored(folder: Path, damage: str) -> None:
    for _ in range(3):
        open_archive(folder)
    store = Path(os.environ["VISIT_BRIEFINGS_CACHE_DIR"]) / FILE_NAME
    with sqlite3.connect(store) as connection:
        connection.execute(f"UPDATE indexes SET {DAMAGES[damage]}")
    connection.close()
    archive, taken = open_archive(folder)
    assert not taken and found(archive) == found(fresh(folder))
    _, taken = open_archive(folder)
    assert taken  # kept again


def test_arrays_that_do_not_fit_together_are_refused() -> None:
    names, titles = NameSearch(), NameSearch()
    names.add([["Le Mingham"], ["Wang Weiming", "Wang"]])
    titles.add([["A visit to Lyon"]])
    again = decode(encode(names, titles))
    assert [m.person for m in again[0].search("wang")] == [m.person for m in names.search("wang")]
    state = names.state()
    state["holder"] = state["holder"] + 5  # people who are not there
    with pytest.raises(ValueError):
        NameSearch.from_state(state)
    state = names.state()
    state["pair_names"] = state["pair_names"][:-1]
    with pytest.raises(ValueError):
        NameSearch.from_state(state)
