"""The archive store: an unchanged file's outline comes from it, anything else is read
again; a store or a row that is corrupt, truncated or tampered with is ignored and
rebuilt, and never executes anything."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

import tui.reading.loader
import tui.reading.store
from tests.conftest import MINIMAL_YAML, WriteBriefing
from tui.reading.cache import BriefingCache
from tui.reading.loader import LoadedBriefing, LoadedOutline, load_paths
from tui.reading.store import FILE_NAME, ArchiveStore, store_beside


@pytest.fixture
def cache(tmp_path: Path) -> BriefingCache:
    return BriefingCache(tmp_path / "cache")


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Which way each briefing was read: "cache" (an entry of the cache) or "yaml"."""
    found: list[str] = []
    original_parse = tui.reading.loader.parse
    original_lookup = BriefingCache.lookup_outline

    def parse(text: str):  # type: ignore[no-untyped-def]
        found.append("yaml")
        return original_parse(text)

    def lookup_outline(self, *args):  # type: ignore[no-untyped-def]
        hit = original_lookup(self, *args)
        if hit is not None:
            found.append("cache")
        return hit

    monkeypatch.setattr(tui.reading.loader, "parse", parse)
    monkeypatch.setattr(BriefingCache, "lookup_outline", lookup_outline)
    return found


def outlines(paths: list[Path], cache: BriefingCache) -> list[LoadedBriefing | LoadedOutline]:
    result = load_paths(paths, cache=cache, outlines=True)
    assert not result.problems
    return result.briefings


def test_a_reopen_takes_the_outline_from_the_store(
    bundled_copy: Path, cache: BriefingCache, reads: list[str]
) -> None:
    [whole] = outlines([bundled_copy], cache)
    assert isinstance(whole, LoadedBriefing) and whole.stamp
    [outline] = outlines([bundled_copy], cache)
    assert reads == ["yaml"]  # neither parsed nor read from the cache's entry
    assert isinstance(outline, LoadedOutline)
    assert outline.record == whole.record and outline.stamp == whole.stamp
    assert (outline.path, outline.source_path, outline.id_line) == (
        whole.path,
        whole.source_path,
        whole.id_line,
    )
    assert (cache.directory / FILE_NAME).is_file()


def test_an_edit_that_keeps_size_and_time_is_seen(
    write_briefing: WriteBriefing, cache: BriefingCache, reads: list[str]
) -> None:
    path = write_briefing()
    stat = path.stat()
    outlines([path], cache)
    edited = MINIMAL_YAML.replace("A minimal visit", "A minimal trip!")
    assert len(edited) == len(MINIMAL_YAML)
    path.write_text(edited, encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    [again] = outlines([path], cache)
    assert isinstance(again, LoadedBriefing) and again.briefing.title == "A minimal trip!"
    [third] = outlines([path], cache)
    assert isinstance(third, LoadedOutline) and third.record[1] == "A minimal trip!"
    assert reads == ["yaml", "yaml"]


def test_a_changed_source_text_is_seen(
    write_briefing: WriteBriefing, cache: BriefingCache, reads: list[str]
) -> None:
    path = write_briefing()
    outlines([path], cache)
    source = path.parent.parent / "seeds" / "minimal.txt"
    source.write_text(source.read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8")
    [again] = outlines([path], cache)
    assert isinstance(again, LoadedBriefing)
    assert reads == ["yaml", "yaml"]


def test_a_moved_archive_folder_is_read_again_and_then_kept(
    bundled_copy: Path, cache: BriefingCache, reads: list[str], tmp_path: Path
) -> None:
    outlines([bundled_copy.parent], cache)
    moved = tmp_path / "moved"
    moved.mkdir()
    shutil.move(bundled_copy.parent, moved / "briefings")
    shutil.move(tmp_path / "seeds", moved / "seeds")
    [first] = outlines([moved / "briefings"], cache)
    # New paths: the cache's entries are by path too, so the file is read again.
    assert isinstance(first, LoadedBriefing) and reads == ["yaml", "yaml"]
    [again] = outlines([moved / "briefings"], cache)
    assert isinstance(again, LoadedOutline) and again.path.parent == moved / "briefings"


def test_an_added_and_a_removed_file(
    write_briefing: WriteBriefing, cache: BriefingCache, reads: list[str]
) -> None:
    path = write_briefing()
    outlines([path.parent], cache)
    other = write_briefing(MINIMAL_YAML.replace("id: minimal", "id: other"), "other.yaml")
    both = outlines([path.parent], cache)
    assert [type(item) for item in both] == [LoadedOutline, LoadedBriefing]
    other.unlink()
    [left] = outlines([path.parent], cache)
    assert isinstance(left, LoadedOutline) and left.id == "minimal"


def _damage_rows(store: Path, statement: str) -> None:
    with sqlite3.connect(store) as connection:
        connection.execute(statement)
    connection.close()


ROW_DAMAGES = {
    # The briefing's digest (the third of the facts) made that of another text.
    "tampered file digest": "UPDATE outlines SET facts ="
    " json_set(facts, '$[2]', 'ff' || substr(json_extract(facts, '$[2]'), 3))",
    "tampered stamp": "UPDATE outlines SET stamp = 'ab' || substr(stamp, 3)",
    "edited outline": "UPDATE outlines SET record = CAST(replace(CAST(record AS TEXT),"
    " 'Le Mingham', 'Someone Else') AS BLOB)",
    "truncated outline": "UPDATE outlines SET record = substr(record, 1, 100)",
    "outline of the wrong type": "UPDATE outlines SET record = 'not a blob'",
}


@pytest.mark.parametrize("damage", sorted(ROW_DAMAGES))
def test_a_damaged_row_is_a_miss_and_is_rebuilt(
    bundled_copy: Path, cache: BriefingCache, reads: list[str], damage: str
) -> None:
    [whole] = outlines([bundled_copy], cache)
    _damage_rows(cache.directory / FILE_NAME, ROW_DAMAGES[damage])
    [again] = outlines([bundled_copy], cache)
    # Not from the store: from the cache's entry, which is checked apart.
    assert reads == ["yaml", "cache"]
    assert again.record == whole.record
    [third] = outlines([bundled_copy], cache)
    assert isinstance(third, LoadedOutline) and third.stamp == whole.stamp
    assert reads == ["yaml", "cache"]


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty"])
def test_a_store_sqlite_cannot_read_is_removed_and_made_anew(
    bundled_copy: Path, cache: BriefingCache, reads: list[str], damage: str
) -> None:
    [whole] = outlines([bundled_copy], cache)
    store = cache.directory / FILE_NAME
    data = store.read_bytes()
    store.write_bytes(
        {"garbage": b"\x00not sqlite\x00" * 500, "truncated": data[:1500], "empty": b""}[damage]
    )
    [again] = outlines([bundled_copy], cache)
    assert again.record == whole.record
    [third] = outlines([bundled_copy], cache)
    assert isinstance(third, LoadedOutline)


def test_a_store_of_another_version_is_emptied(
    bundled_copy: Path, cache: BriefingCache, reads: list[str]
) -> None:
    outlines([bundled_copy], cache)
    _damage_rows(cache.directory / FILE_NAME, "UPDATE meta SET value = '0 0 0.0'")
    outlines([bundled_copy], cache)
    assert reads == ["yaml", "cache"]


def test_a_locked_store_is_done_without(bundled_copy: Path, cache: BriefingCache) -> None:
    [whole] = outlines([bundled_copy], cache)
    holder = sqlite3.connect(cache.directory / FILE_NAME, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        store = ArchiveStore(cache.directory / FILE_NAME)
        assert store.outlines([whole.path.resolve()]) == {}
    finally:
        holder.rollback()
        holder.close()
    assert store_beside(cache).outlines([whole.path.resolve()])


def _open_archive(folder: str, cache: str) -> list[str]:
    result = load_paths([Path(folder)], cache=BriefingCache(Path(cache)), outlines=True)
    assert not result.problems
    return sorted(loaded.id for loaded in result.briefings)


def test_two_processes_opening_one_archive_at_once(
    write_briefing: WriteBriefing, cache: BriefingCache
) -> None:
    for number in range(12):
        write_briefing(MINIMAL_YAML.replace("id: minimal", f"id: b{number}"), f"b{number}.yaml")
    folder = str(write_briefing().parent)
    context = multiprocessing.get_context("spawn")
    with context.Pool(2) as pool:
        first, second = pool.starmap(_open_archive, [(folder, str(cache.directory))] * 2)
    assert first == second and len(first) == 13
    again = outlines([Path(folder)], cache)
    assert all(isinstance(item, LoadedOutline) for item in again)


def test_a_digest_changed_with_its_row_stamp_recomputed_is_still_a_miss(
    bundled_copy: Path, cache: BriefingCache, reads: list[str]
) -> None:
    """The stamp catches damage; the files' digests catch a row made for other content."""
    outlines([bundled_copy], cache)
    store = cache.directory / FILE_NAME
    with sqlite3.connect(store) as connection:
        path, facts = connection.execute("SELECT path, facts FROM outlines").fetchone()
        record = connection.execute("SELECT record FROM outlines").fetchone()[0]
        forged = facts.replace(facts.split('"')[1], "0" * 40, 1)
        assert forged != facts
        connection.execute(
            "UPDATE outlines SET facts = ?, stamp = ?",
            (forged, tui.reading.store._stamp(path, forged, record)),
        )
    connection.close()
    outlines([bundled_copy], cache)
    assert reads == ["yaml", "cache"]
