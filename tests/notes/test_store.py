"""The notes store: what it keeps, and that it keeps it through crashes, concurrent
writers, damaged files and new versions."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from tui.index.refs import Kind, Ref
from tui.notes import store as store_module
from tui.notes.store import MIGRATIONS, NoteStore, NotesUnavailable, default_path

WRITER = Path(__file__).with_name("writer.py")
WANG = Ref(Kind.counterpart, "minimal", "wang-wei")
TRADE = Ref(Kind.theme, "minimal", "trade")


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "notes.sqlite3"


def test_the_file_is_in_the_data_folder_the_environment_names(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("VISIT_BRIEFINGS_DATA_DIR", str(tmp_path / "elsewhere"))
    assert default_path() == tmp_path / "elsewhere" / "notes.sqlite3"
    with NoteStore.open() as store:
        store.add(WANG, "Wang Wei", "d", "x")
    assert (tmp_path / "elsewhere" / "notes.sqlite3").is_file()


def test_the_file_is_in_wal_mode_with_full_sync_and_a_busy_timeout(path: Path):
    with NoteStore.open(path) as store:
        db = store._db
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000


def test_an_entry_s_notes_come_newest_first_and_stay_with_their_entry(path: Path):
    with NoteStore.open(path) as store:
        first = store.add(WANG, "Wang Wei", "d", "first")
        second = store.add(WANG, "Wang Wei", "d", "second")
        store.add(TRADE, "Trade", "d", "on the theme")
        assert [n.text for n in store.notes_on(WANG)] == ["second", "first"]
        assert store.noted_in("minimal") == {WANG, TRADE}
        assert second.created >= first.created


def test_an_edit_keeps_every_previous_text(path: Path):
    with NoteStore.open(path) as store:
        note = store.add(WANG, "Wang Wei", "d", "one")
        store.edit(note.id, "two")
        store.edit(note.id, "two")  # unchanged: no revision
        store.edit(note.id, "three")
        assert store.get(note.id).text == "three"
        assert [r.text for r in store.revisions(note.id)] == ["one", "two"]


def test_a_deleted_note_is_hidden_and_can_be_restored(path: Path):
    with NoteStore.open(path) as store:
        note = store.add(WANG, "Wang Wei", "d", "keep me")
        store.delete(note.id)
        assert store.notes_on(WANG) == []
        assert store.search("keep") == []
        assert store.all_notes(deleted=True)[0].deleted is not None
        store.restore(note.id)
        assert [n.text for n in store.notes_on(WANG)] == ["keep me"]
        assert [n.text for n in store.search("keep")] == ["keep me"]


def test_open_follow_ups_come_soonest_first_then_undated(path: Path):
    with NoteStore.open(path) as store:
        store.add(WANG, "Wang Wei", "d", "plain note")
        store.add(WANG, "Wang Wei", "d", "undated", follow_up=True)
        late = store.add(WANG, "Wang Wei", "d", "late", due=date(2027, 3, 1))
        store.add(TRADE, "Trade", "d", "soon", due=date(2026, 12, 5))
        done = store.add(TRADE, "Trade", "d", "done already", due=date(2026, 12, 1))
        store.set_done(done.id)
        assert [n.text for n in store.open_follow_ups()] == ["soon", "late", "undated"]
        store.set_due(late.id, date(2026, 12, 2))
        assert [n.text for n in store.open_follow_ups()] == ["late", "soon", "undated"]
        store.set_done(done.id, False)
        assert store.open_follow_ups()[0].text == "done already"


def test_search_finds_words_and_word_starts_in_any_order_accents_aside(path: Path):
    with NoteStore.open(path) as store:
        assert store.full_text
        store.add(WANG, "Wang Wei", "d", "Ask about the Diplé report next time")
        store.add(TRADE, "Trade", "d", "Tariffs; nothing promised")
        assert [n.text for n in store.search("diple rep")] == [
            "Ask about the Diplé report next time"
        ]
        assert [n.text for n in store.search("NOTHING tariff")] == ["Tariffs; nothing promised"]
        assert store.search('"; DROP TABLE notes; --') == []
        assert store.search("   ") == []


def test_without_fts5_search_falls_back_and_the_index_catches_up_later(path: Path, monkeypatch):
    with NoteStore.open(path) as store:
        store.add(WANG, "Wang Wei", "d", "written with the index")
    with monkeypatch.context() as patched:
        patched.setattr(store_module, "_has_fts5", lambda db: False)
        with NoteStore.open(path) as store:
            assert not store.full_text
            store.add(TRADE, "Trade", "d", "written without it, 100%_sure")
            assert [n.text for n in store.search("without")] == ["written without it, 100%_sure"]
            assert [n.text for n in store.search("100%_")] == ["written without it, 100%_sure"]
            assert store.search("0%x") == []
    with NoteStore.open(path) as store:
        assert store.full_text
        assert [n.text for n in store.search("without")] == ["written without it, 100%_sure"]
        assert [n.text for n in store.search("index")] == ["written with the index"]


def _writer(path: Path, name: str, what: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(WRITER), str(path), name, what],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )


def test_two_processes_writing_at_once_lose_nothing(path: Path):
    NoteStore.open(path).close()
    for round_ in range(3):
        writers = [_writer(path, f"p{which}r{round_}", "150") for which in (1, 2)]
        uids = set()
        for writer in writers:
            out, _ = writer.communicate(timeout=120)
            assert writer.returncode == 0
            uids |= set(out.split())
        assert len(uids) == 300
        with NoteStore.open(path) as store:
            mine = {n.uid for n in store.all_notes() if f"r{round_} " in n.text}
            assert mine == uids
            assert all(n.text.endswith(" edited") for n in store.all_notes())
            assert store.integrity() == "ok"


def test_a_writer_killed_at_any_moment_loses_no_committed_note(path: Path):
    NoteStore.open(path).close()
    committed: set[str] = set()
    rng = random.Random(11)
    for round_ in range(12):
        writer = _writer(path, f"r{round_}", "100000")
        assert writer.stdout is not None
        for _ in range(rng.randint(1, 40)):
            committed.add(writer.stdout.readline().strip())
        os.kill(writer.pid, signal.SIGKILL)
        # What it committed after the last line read counts too.
        committed |= set(writer.stdout.read().split())
        writer.wait()
        with NoteStore.open(path) as store:
            assert store.integrity() == "ok"
            assert committed <= {n.uid for n in store.all_notes()}


def test_a_writer_killed_inside_a_transaction_leaves_nothing_of_it(path: Path):
    with NoteStore.open(path) as store:
        kept = [store.add(WANG, "Wang Wei", "d", "committed before").uid]
    for _ in range(5):
        writer = _writer(path, "held", "hold")
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "in transaction"
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait()
        with NoteStore.open(path) as store:
            assert store.integrity() == "ok"
            assert [n.uid for n in store.all_notes()] == kept
            kept.append(store.add(WANG, "Wang Wei", "d", "the lock is free again").uid)
            assert store.search("uncommitted") == []


def test_a_backup_is_a_whole_copy_taken_while_another_process_writes(path: Path, tmp_path):
    NoteStore.open(path).close()
    writer = _writer(path, "busy", "400")
    backup = tmp_path / "backup.sqlite3"
    with NoteStore.open(path) as store:
        for _ in range(5):
            store.backup(backup)
            with NoteStore.open(backup) as copy:
                assert copy.integrity() == "ok"
                assert {n.uid for n in copy.all_notes()} <= {n.uid for n in store.all_notes()}
    writer.communicate(timeout=120)
    assert not backup.with_name("backup.sqlite3-wal").exists()


# Migrations.


def _versions(path: Path) -> list[int]:
    db = sqlite3.connect(path)
    try:
        return [row[0] for row in db.execute("SELECT version FROM schema_version ORDER BY 1")]
    finally:
        db.close()


def _v2(db: sqlite3.Connection) -> None:
    db.execute("ALTER TABLE notes ADD COLUMN colour TEXT")


def test_a_new_file_is_at_the_latest_version(path: Path):
    NoteStore.open(path).close()
    assert _versions(path) == list(range(1, len(MIGRATIONS) + 1))


def test_an_older_file_is_migrated_and_keeps_its_notes(path: Path):
    with NoteStore.open(path) as store:
        store.add(WANG, "Wang Wei", "d", "from version 1")
    with NoteStore.open(path, (*MIGRATIONS, _v2)) as store:
        assert [n.text for n in store.all_notes()] == ["from version 1"]
        store._db.execute("UPDATE notes SET colour = 'red'")
    assert _versions(path) == [1, 2]


def test_a_failed_migration_leaves_the_file_as_it_was(path: Path):
    with NoteStore.open(path) as store:
        store.add(WANG, "Wang Wei", "d", "safe")

    def broken(db: sqlite3.Connection) -> None:
        _v2(db)
        raise RuntimeError("half-way")

    with pytest.raises(RuntimeError):
        NoteStore.open(path, (*MIGRATIONS, broken))
    assert _versions(path) == [1]
    with NoteStore.open(path) as store:
        assert [n.text for n in store.all_notes()] == ["safe"]
        assert "colour" not in {r[1] for r in store._db.execute("PRAGMA table_info(notes)")}


def test_two_processes_opening_a_new_file_at_once_both_work(path: Path):
    writers = [_writer(path, f"first{which}", "20") for which in range(3)]
    for writer in writers:
        writer.communicate(timeout=60)
        assert writer.returncode == 0
    with NoteStore.open(path) as store:
        assert len(store.all_notes()) == 60
    assert _versions(path) == [1]
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".new")]


# Damaged files: refused with the file's name and what to do, and never written.


def _refused(path: Path, *words: str) -> None:
    before = path.read_bytes()
    with pytest.raises(NotesUnavailable) as raised:
        NoteStore.open(path)
    message = str(raised.value)
    assert str(path) in message
    assert "backup" in message
    for word in words:
        assert word in message
    assert path.read_bytes() == before
    assert not path.with_name(path.name + "-wal").exists()


def test_a_file_that_is_not_sqlite_is_refused(path: Path):
    path.write_text("my notes, typed by hand\n" * 20)
    _refused(path, "not an SQLite database")


def test_an_empty_file_is_refused(path: Path):
    path.write_bytes(b"")
    _refused(path, "empty")


def test_a_truncated_file_is_refused(path: Path):
    with NoteStore.open(path) as store:
        for number in range(300):
            store.add(WANG, "Wang Wei", "d", f"note {number} " * 20)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    _refused(path, "truncated")


def test_a_file_with_a_damaged_page_is_refused(path: Path):
    with NoteStore.open(path) as store:
        for number in range(50):
            store.add(WANG, "Wang Wei", "d", f"note {number}")
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[page : 2 * page] = b"\xff" * page  # the schema's next page: garbage
    path.write_bytes(bytes(data))
    _refused(path, "damaged")


def test_another_sqlite_database_is_refused(path: Path):
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE contacts (name TEXT)")
    db.commit()
    db.close()
    _refused(path, "not a notes file")


def test_a_file_from_a_newer_version_is_refused(path: Path):
    with NoteStore.open(path, (*MIGRATIONS, _v2)) as store:
        store.add(WANG, "Wang Wei", "d", "from the future")
    NoteStore.open(path, (*MIGRATIONS, _v2)).close()  # leaves the WAL checkpointed
    _refused(path, "newer version")
