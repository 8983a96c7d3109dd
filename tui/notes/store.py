"""The user's notes and follow-ups, in one SQLite file of their own.

Notes belong to the person using the app, not to the briefings (which are shared and
reviewed): they live in `notes.sqlite3` in the user data folder (platformdirs), or in
$VISIT_BRIEFINGS_DATA_DIR, and no briefing file is ever written for one.

Safety, in the order things can go wrong:
- Two app processes (two terminals) on the same file: WAL lets readers go on while one
  writes, every write is one `BEGIN IMMEDIATE` transaction (it waits for the write lock
  up front, under a busy timeout, rather than failing half-way on a lock upgrade), so
  neither loses the other's note.
- A crash or a kill at any moment: `synchronous=FULL` makes a commit durable before the
  call returns; an interrupted transaction leaves nothing behind.
- A file that is damaged (truncated, not SQLite) or from a newer version of the app
  is never written to: opening it raises `NotesUnavailable`, naming the file and how to
  restore a backup (`backup` makes one through SQLite's backup API, consistent even
  while another process writes).
- A new file is made whole in a temporary file and linked into place, so a crash
  while it is made never leaves a half-made notes file.

A note is attached to an entry by briefing id, kind and entry id, and remembers the
entry's name and a digest of its quotes when it was written: when a briefing is
edited the note follows the entry while its id exists, and otherwise is orphaned (see
tui.notes.attach), never deleted. Deleting is a mark that `restore` takes back; every
edit keeps the text it replaced in `revisions`. A follow-up is a note with a done mark
and, optionally, a due date.

Full-text search uses SQLite's FTS5 where the sqlite3 module has it; without it,
search falls back to matching words with LIKE (`full_text` says which).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from tui.index.refs import Kind, Ref

ENV_DIR = "VISIT_BRIEFINGS_DATA_DIR"
FILE_NAME = "notes.sqlite3"
BUSY_TIMEOUT_MS = 5000

_SQLITE_MAGIC = b"SQLite format 3\x00"

Migration = Callable[[sqlite3.Connection], None]


def _v1(db: sqlite3.Connection) -> None:
    db.execute(
        """CREATE TABLE notes (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,     -- the same note in every export and import
            briefing TEXT NOT NULL,
            kind TEXT NOT NULL,
            entry TEXT NOT NULL,
            entry_name TEXT NOT NULL,     -- the entry's name when the note was written
            quote_digest TEXT NOT NULL,   -- of the entry's quotes then
            text TEXT NOT NULL,
            created TEXT NOT NULL,        -- ISO 8601, UTC
            updated TEXT NOT NULL,
            follow_up INTEGER NOT NULL DEFAULT 0,
            due TEXT,                     -- YYYY-MM-DD
            done TEXT,                    -- when marked done
            deleted TEXT                  -- when deleted (restore clears it)
        )"""
    )
    db.execute("CREATE INDEX notes_by_entry ON notes (briefing, kind, entry)")
    db.execute("CREATE INDEX notes_open ON notes (follow_up, done, due)")
    db.execute(
        """CREATE TABLE revisions (
            id INTEGER PRIMARY KEY,
            note INTEGER NOT NULL REFERENCES notes (id),
            text TEXT NOT NULL,           -- the text an edit replaced
            written TEXT NOT NULL         -- when that text was written
        )"""
    )
    db.execute("CREATE INDEX revisions_by_note ON revisions (note)")


# Every release's schema changes, in order; never edited once released, only added to.
MIGRATIONS: tuple[Migration, ...] = (_v1,)


class NotesUnavailable(Exception):
    """The notes file cannot be used; the message says why, which file, and what to do."""

    def __init__(self, path: Path, problem: str, advice: str | None = None) -> None:
        self.path = path
        self.problem = problem
        advice = advice or (
            f"It has not been changed. To restore a backup, quit every briefings app and "
            f"copy the backup (made with `briefings notes backup FILE`) over {path}; "
            f"or move {path} aside to start with no notes."
        )
        super().__init__(f"{path}: {problem}. {advice}")


@dataclass(frozen=True, slots=True)
class Note:
    id: int
    uid: str
    ref: Ref
    entry_name: str
    quote_digest: str
    text: str
    created: datetime
    updated: datetime
    follow_up: bool
    due: date | None
    done: datetime | None
    deleted: datetime | None


@dataclass(frozen=True, slots=True)
class Revision:
    text: str
    written: datetime


def default_path() -> Path:
    folder = os.environ.get(ENV_DIR)
    if not folder:
        from platformdirs import user_data_dir

        folder = user_data_dir("visit-briefings", appauthor=False)
    return Path(folder) / FILE_NAME


def now() -> datetime:
    return datetime.now(UTC)


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _moment(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


_COLUMNS = (
    "id, uid, briefing, kind, entry, entry_name, quote_digest, text, created, updated, "
    "follow_up, due, done, deleted"
)


def _note(row: Sequence[Any]) -> Note:
    (nid, uid, briefing, kind, entry, name, digest, text, created, updated) = row[:10]
    follow_up, due, done, deleted = row[10:14]
    return Note(
        nid,
        uid,
        Ref(Kind(kind), briefing, entry),
        name,
        digest,
        text,
        datetime.fromisoformat(created),
        datetime.fromisoformat(updated),
        bool(follow_up),
        date.fromisoformat(due) if due else None,
        _moment(done),
        _moment(deleted),
    )


class NoteStore:
    """The notes file, open. Every method that writes is one transaction."""

    def __init__(self, db: sqlite3.Connection, path: Path) -> None:
        self._db = db
        self.path = path
        self.full_text = _has_fts5(db)
        if self.full_text:
            self._transaction(self._index_notes)

    @classmethod
    def open(
        cls, path: Path | None = None, migrations: Sequence[Migration] = MIGRATIONS
    ) -> NoteStore:
        """The notes file at `path` (default: the user's), made when missing and
        migrated to this version; NotesUnavailable when it cannot be used."""
        path = path or default_path()
        if not path.exists():
            _create(path, migrations)
        _check_header(path)
        try:
            db = _connect(path)
        except sqlite3.Error as error:
            raise NotesUnavailable(path, f"cannot be opened ({error})") from None
        try:
            _migrate(db, path, migrations)
            return cls(db, path)
        except sqlite3.DatabaseError as error:
            db.close()
            raise NotesUnavailable(path, f"is damaged ({error})") from None
        except BaseException:
            db.close()
            raise

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> NoteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        db = self._db
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")

    def _transaction(self, work: Callable[[sqlite3.Connection], None]) -> None:
        with self._writing() as db:
            work(db)

    # Writing.

    def add(
        self,
        ref: Ref,
        entry_name: str,
        quote_digest: str,
        text: str,
        *,
        follow_up: bool = False,
        due: date | None = None,
    ) -> Note:
        """A new note on an entry; one with a due date is a follow-up."""
        stamp = _stamp(now())
        with self._writing() as db:
            cursor = db.execute(
                "INSERT INTO notes (uid, briefing, kind, entry, entry_name, quote_digest, text,"
                " created, updated, follow_up, due) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    uuid.uuid4().hex,
                    ref.briefing,
                    ref.kind.value,
                    ref.id,
                    entry_name,
                    quote_digest,
                    text,
                    stamp,
                    stamp,
                    int(follow_up or due is not None),
                    due.isoformat() if due else None,
                ),
            )
            assert cursor.lastrowid is not None
            self._index(db, cursor.lastrowid)
            return self._get(db, cursor.lastrowid)

    def edit(self, note_id: int, text: str, *, keep_revision: bool = True) -> Note:
        """The note with a new text; the text it had is kept as a revision, unless it
        was only an autosave the editor is saving over (`keep_revision=False`)."""
        with self._writing() as db:
            old = self._get(db, note_id)
            if old.text == text:
                return old
            if keep_revision:
                db.execute(
                    "INSERT INTO revisions (note, text, written) VALUES (?, ?, ?)",
                    (note_id, old.text, _stamp(old.updated)),
                )
            self._unindex(db, old)
            db.execute(
                "UPDATE notes SET text = ?, updated = ? WHERE id = ?",
                (text, _stamp(now()), note_id),
            )
            self._index(db, note_id)
            return self._get(db, note_id)

    def set_due(self, note_id: int, due: date | None, *, follow_up: bool = True) -> Note:
        with self._writing() as db:
            db.execute(
                "UPDATE notes SET due = ?, follow_up = ? WHERE id = ?",
                (due.isoformat() if due else None, int(follow_up or due is not None), note_id),
            )
            return self._get(db, note_id)

    def set_done(self, note_id: int, done: bool = True) -> Note:
        with self._writing() as db:
            db.execute(
                "UPDATE notes SET done = ? WHERE id = ?",
                (_stamp(now()) if done else None, note_id),
            )
            return self._get(db, note_id)

    def delete(self, note_id: int) -> Note:
        """Mark the note deleted: it no longer shows, and `restore` brings it back."""
        with self._writing() as db:
            db.execute(
                "UPDATE notes SET deleted = ? WHERE id = ? AND deleted IS NULL",
                (_stamp(now()), note_id),
            )
            return self._get(db, note_id)

    def restore(self, note_id: int) -> Note:
        with self._writing() as db:
            db.execute("UPDATE notes SET deleted = NULL WHERE id = ?", (note_id,))
            return self._get(db, note_id)

    def put(self, note: Note, revisions: Sequence[Revision]) -> bool:
        """Take in a note from an export: a note not here is added with its revisions;
        a note here is replaced by a later edit of it (its text kept as a revision),
        and otherwise left as it is. True when anything changed."""
        with self._writing() as db:
            row = db.execute(f"SELECT {_COLUMNS} FROM notes WHERE uid = ?", (note.uid,)).fetchone()
            if row is None:
                self._insert_whole(db, note, revisions)
                return True
            mine = _note(row)
            changed = False
            if note.updated > mine.updated:
                self._unindex(db, mine)
                db.execute(
                    "INSERT INTO revisions (note, text, written) VALUES (?, ?, ?)",
                    (mine.id, mine.text, _stamp(mine.updated)),
                )
                db.execute(
                    "UPDATE notes SET text = ?, updated = ?, follow_up = ?, due = ?,"
                    " done = ?, deleted = ? WHERE id = ?",
                    (
                        note.text,
                        _stamp(note.updated),
                        int(note.follow_up),
                        note.due.isoformat() if note.due else None,
                        _stamp(note.done) if note.done else None,
                        _stamp(note.deleted) if note.deleted else None,
                        mine.id,
                    ),
                )
                self._index(db, mine.id)
                changed = True
            known = {r.text for r in self._revisions(db, mine.id)} | {note.text}
            for revision in revisions:
                if revision.text not in known:
                    known.add(revision.text)
                    db.execute(
                        "INSERT INTO revisions (note, text, written) VALUES (?, ?, ?)",
                        (mine.id, revision.text, _stamp(revision.written)),
                    )
                    changed = True
            return changed

    def _insert_whole(
        self, db: sqlite3.Connection, note: Note, revisions: Sequence[Revision]
    ) -> None:
        cursor = db.execute(
            "INSERT INTO notes (uid, briefing, kind, entry, entry_name, quote_digest, text,"
            " created, updated, follow_up, due, done, deleted)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                note.uid,
                note.ref.briefing,
                note.ref.kind.value,
                note.ref.id,
                note.entry_name,
                note.quote_digest,
                note.text,
                _stamp(note.created),
                _stamp(note.updated),
                int(note.follow_up),
                note.due.isoformat() if note.due else None,
                _stamp(note.done) if note.done else None,
                _stamp(note.deleted) if note.deleted else None,
            ),
        )
        db.executemany(
            "INSERT INTO revisions (note, text, written) VALUES (?, ?, ?)",
            [(cursor.lastrowid, r.text, _stamp(r.written)) for r in revisions],
        )
        assert cursor.lastrowid is not None
        self._index(db, cursor.lastrowid)

    # Reading.

    def get(self, note_id: int) -> Note:
        return self._get(self._db, note_id)

    def _get(self, db: sqlite3.Connection, note_id: int) -> Note:
        row = db.execute(f"SELECT {_COLUMNS} FROM notes WHERE id = ?", (note_id,)).fetchone()
        if row is None:
            raise KeyError(note_id)
        return _note(row)

    def notes_on(self, ref: Ref) -> list[Note]:
        """An entry's notes, newest first (deleted ones left out)."""
        rows = self._db.execute(
            f"SELECT {_COLUMNS} FROM notes WHERE briefing = ? AND kind = ? AND entry = ?"
            " AND deleted IS NULL ORDER BY created DESC, id DESC",
            (ref.briefing, ref.kind.value, ref.id),
        )
        return [_note(row) for row in rows]

    def noted_in(self, briefing: str) -> set[Ref]:
        """The entries of a briefing that have notes."""
        rows = self._db.execute(
            "SELECT DISTINCT kind, entry FROM notes WHERE briefing = ? AND deleted IS NULL",
            (briefing,),
        )
        return {Ref(Kind(kind), briefing, entry) for kind, entry in rows}

    def noted_entries(self) -> set[Ref]:
        """Every entry that has notes, in any briefing."""
        rows = self._db.execute(
            "SELECT DISTINCT briefing, kind, entry FROM notes WHERE deleted IS NULL"
        )
        return {Ref(Kind(kind), briefing, entry) for briefing, kind, entry in rows}

    def all_notes(self, *, deleted: bool = False) -> list[Note]:
        """Every note, oldest first; deleted ones too when asked."""
        where = "" if deleted else " WHERE deleted IS NULL"
        rows = self._db.execute(f"SELECT {_COLUMNS} FROM notes{where} ORDER BY created, id")
        return [_note(row) for row in rows]

    def open_follow_ups(self) -> list[Note]:
        """Follow-ups not done, soonest due first, then those without a date, oldest first."""
        rows = self._db.execute(
            f"SELECT {_COLUMNS} FROM notes WHERE follow_up = 1 AND done IS NULL"
            " AND deleted IS NULL ORDER BY due IS NULL, due, created, id"
        )
        return [_note(row) for row in rows]

    def revisions(self, note_id: int) -> list[Revision]:
        """The texts a note had before, oldest first."""
        return self._revisions(self._db, note_id)

    def _revisions(self, db: sqlite3.Connection, note_id: int) -> list[Revision]:
        rows = db.execute(
            "SELECT text, written FROM revisions WHERE note = ? ORDER BY written, id", (note_id,)
        )
        return [Revision(text, datetime.fromisoformat(written)) for text, written in rows]

    def search(self, query: str, limit: int = 10) -> list[Note]:
        """Notes whose text has every word of the query (a word may be the start of one),
        newest first; deleted ones left out.

        Newest first rather than by relevance: FTS5 then stops at `limit` matches instead
        of ranking every note that has a common word."""
        words = query.split()
        if not words:
            return []
        if self.full_text:
            match = " ".join('"' + word.replace('"', '""') + '"*' for word in words)
            rows = self._db.execute(
                f"SELECT {', '.join('n.' + c for c in _COLUMNS.split(', '))} FROM notes_search"
                " JOIN notes AS n ON n.id = notes_search.rowid"
                " WHERE notes_search MATCH ? AND n.deleted IS NULL"
                " ORDER BY notes_search.rowid DESC LIMIT ?",
                (match, limit),
            )
        else:
            like = " AND ".join("text LIKE ? ESCAPE '\\'" for _ in words)
            patterns = [
                "%" + w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
                for w in words
            ]
            rows = self._db.execute(
                f"SELECT {_COLUMNS} FROM notes WHERE {like} AND deleted IS NULL"
                " ORDER BY id DESC LIMIT ?",
                (*patterns, limit),
            )
        return [_note(row) for row in rows]

    def backup(self, target: Path) -> None:
        """A consistent copy of the notes in `target` (replaced if there), even while
        other processes write."""
        partial = target.with_name(target.name + ".partial")
        partial.unlink(missing_ok=True)
        copy = sqlite3.connect(partial)
        try:
            self._db.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")
        finally:
            copy.close()
        os.replace(partial, target)

    def integrity(self) -> str:
        return str(self._db.execute("PRAGMA integrity_check").fetchone()[0])

    # The full-text index: an FTS5 table over the notes' text, kept by this class in
    # the transaction that writes a note (not by triggers, which would make every
    # write fail in a Python whose SQLite lacks FTS5).

    def _index(self, db: sqlite3.Connection, note_id: int) -> None:
        if self.full_text:
            db.execute(
                "INSERT INTO notes_search (rowid, text) SELECT id, text FROM notes WHERE id = ?",
                (note_id,),
            )
        else:
            db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('search_stale', '1')")

    def _unindex(self, db: sqlite3.Connection, note: Note) -> None:
        if self.full_text:
            db.execute(
                "INSERT INTO notes_search (notes_search, rowid, text) VALUES ('delete', ?, ?)",
                (note.id, note.text),
            )

    def _index_notes(self, db: sqlite3.Connection) -> None:
        """Make the index when missing, and again after a Python without FTS5 wrote."""
        exists = db.execute("SELECT 1 FROM sqlite_master WHERE name = 'notes_search'").fetchone()
        stale = db.execute("SELECT 1 FROM meta WHERE key = 'search_stale'").fetchone()
        if not exists:
            db.execute(
                "CREATE VIRTUAL TABLE notes_search USING fts5 (text, content = 'notes',"
                " content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2',"
                # Indexes of word starts: what a search typed a letter at a time asks.
                " prefix = '1 2 3')"
            )
        if not exists or stale:
            db.execute("INSERT INTO notes_search (notes_search) VALUES ('rebuild')")
            db.execute("DELETE FROM meta WHERE key = 'search_stale'")


def _has_fts5(db: sqlite3.Connection) -> bool:
    try:
        db.execute("CREATE VIRTUAL TABLE temp.fts5_probe USING fts5 (x)")
    except sqlite3.OperationalError:
        return False
    db.execute("DROP TABLE temp.fts5_probe")
    return True


def _connect(path: Path) -> sqlite3.Connection:
    # isolation_level=None: transactions are begun and ended here, explicitly.
    db = sqlite3.connect(
        f"file:{path}?mode=rw", uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000
    )
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return db


def _schema_version(db: sqlite3.Connection) -> int:
    has_table = db.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
    ).fetchone()
    if not has_table:
        return 0
    return int(db.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0])


def _migrate(db: sqlite3.Connection, path: Path, migrations: Sequence[Migration]) -> None:
    version = _schema_version(db)
    if version > len(migrations):
        raise NotesUnavailable(
            path,
            f"was written by a newer version of briefings (notes schema {version}; "
            f"this version knows up to {len(migrations)})",
            "It has not been changed. Upgrade briefings to use it, or restore a backup "
            "made with this version.",
        )
    if version == 0 and db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
        raise NotesUnavailable(path, "is an SQLite database, but not a notes file")
    # Set only now: the journal mode is written into the file, and a file refused above
    # is never written.
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = FULL")
    db.execute("PRAGMA foreign_keys = ON")
    if version == len(migrations):
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        # Another process may have migrated while this one waited for the lock.
        version = _schema_version(db)
        if version == 0:
            db.execute(
                "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied TEXT NOT NULL)"
            )
            db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        for number, migration in enumerate(migrations[version:], version + 1):
            migration(db)
            db.execute("INSERT INTO schema_version VALUES (?, ?)", (number, _stamp(now())))
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def _create(path: Path, migrations: Sequence[Migration]) -> None:
    """A new notes file, made whole aside and then linked into place (never over a file
    that appeared meanwhile: another process made it first)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fresh = path.with_name(f".{path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.new")
    db = sqlite3.connect(fresh, isolation_level=None)
    try:
        _migrate(db, fresh, migrations)
        db.execute("PRAGMA journal_mode = DELETE")  # one file to link; WAL is set on open
    finally:
        db.close()
    try:
        os.link(fresh, path)
    except FileExistsError:
        pass
    finally:
        fresh.unlink()


def _check_header(path: Path) -> None:
    """Refuse, before SQLite reads it, a file that is not an SQLite database or is
    shorter than its header says (truncated)."""
    try:
        with path.open("rb") as file:
            header = file.read(100)
        size = path.stat().st_size
    except OSError as error:
        raise NotesUnavailable(path, f"cannot be read ({error.strerror})") from None
    if not header.startswith(_SQLITE_MAGIC) or len(header) < 100:
        what = "is empty" if size == 0 else "is not an SQLite database"
        raise NotesUnavailable(path, what)
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    # The page count is valid only when written by the same change as the counter.
    if header[24:28] == header[92:96] and size < page_size * pages:
        raise NotesUnavailable(
            path, f"is truncated ({size} bytes where its header says {page_size * pages})"
        )
