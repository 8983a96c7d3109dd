"""The archive store: what re-opening an unchanged archive needs, in one SQLite file
in the cache's folder (tui.reading.cache), so that it is read without a file and a
model per briefing.

It holds, for every briefing file that loaded without problems, its outline as plain
tuples (tui.format.outline.OutlineRecord) and what the file and its source text were
when it was read (tui.reading.cache.FileFacts); and, for each set of paths the user
opened, the archive's search index as it was last built (tui.index.snapshot), with the
outlines it was built from. An outline is used only when all of these match:
- the store's format, the briefing format and the package version;
- a digest of the row (its path, facts and outline), so a corrupt or edited row is
  caught before its outline is read;
- the briefing file's size, modification time and digest, and its source text's, as
  the cache checks them, and the source text found where the briefing says it is.
The outline is then validated by pydantic as plain tuples of strings and numbers (no
model per entry: that is most of what reading the cache's outline cost), and nothing
in the store is ever executed. Anything else is a miss: the file is read as if the
store were not there, and its row written again. A store SQLite cannot read is
removed and made anew; one that another process holds locked is done without for
that load. The cache's word on forgers holds here too.

Rows of files that were moved or deleted stay behind, as cache entries do.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from stat import S_ISREG
from typing import TYPE_CHECKING, Final

from tui import __version__
from tui.format.model import FORMAT_VERSION
from tui.format.outline import OutlineRecord
from tui.reading.cache import BriefingCache, FileFacts, default_cache, digest
from tui.reading.paths import open_regular, resolved_files
from tui.reading.safe_yaml import MAX_FILE_BYTES, read_at_most

if TYPE_CHECKING:
    from pydantic import TypeAdapter

STORE_FORMAT: Final = 1
FILE_NAME = f"archive-v{STORE_FORMAT}.sqlite"
# How long a load waits for another process writing the store before going without.
_BUSY_MS = 2000
_BOM = b"\xef\xbb\xbf"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS outlines (
    path TEXT PRIMARY KEY, facts TEXT NOT NULL, record BLOB NOT NULL, stamp TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS indexes (
    opened TEXT PRIMARY KEY, stamps BLOB NOT NULL, data BLOB NOT NULL, check_digest TEXT NOT NULL
);
"""


@dataclass(frozen=True)
class StoredOutline:
    """An outline in the store, and the facts of the files it was read from."""

    record: OutlineRecord
    source_path: Path
    id_line: int
    stamp: str  # the row's digest: which outline this is


@dataclass(frozen=True)
class NewOutline:
    """An outline to keep: of a briefing read from these files."""

    path: Path  # resolved
    facts: FileFacts
    id_line: int
    source_ref: str  # the source text's path as the briefing gives it
    record: OutlineRecord


class ArchiveStore:
    def __init__(self, path: Path) -> None:
        self.path = path

    @contextlib.contextmanager
    def _connection(self, write: bool = False) -> Iterator[sqlite3.Connection | None]:
        """A connection to the store, in a transaction; None when there is no store to
        read, or it cannot be used now (another process holds it locked, say)."""
        connection = self._open(write)
        if connection is None:
            yield None
            return
        try:
            with connection:
                yield connection
        except sqlite3.DatabaseError as error:
            if _unreadable(error):
                self._remove()
        finally:
            connection.close()

    def _open(self, write: bool) -> sqlite3.Connection | None:
        if not write and not self.path.exists():
            return None
        connection = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(self.path, timeout=_BUSY_MS / 1000)
            with connection:
                _prepare(connection)
            return connection
        except (OSError, sqlite3.Error) as error:
            if connection is not None:
                connection.close()
            if isinstance(error, sqlite3.DatabaseError) and _unreadable(error):
                self._remove()
            return None

    def _remove(self) -> None:
        for suffix in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(OSError):
                os.unlink(f"{self.path}{suffix}")

    def outlines(self, paths: list[Path]) -> dict[Path, StoredOutline]:
        """The stored outlines of the files at these resolved paths that are as they
        were when their outlines were stored."""
        if not paths:
            return {}
        rows: list[tuple[object, object, object, object]] = []
        with self._connection() as connection:
            if connection is None:
                return {}
            marks = ",".join("?" * len(paths))
            rows = connection.execute(
                f"SELECT path, facts, record, stamp FROM outlines WHERE path IN ({marks})",
                [str(path) for path in paths],
            ).fetchall()
        whole: list[tuple[Path, _Row]] = []
        for path, facts_text, record, stamp in rows:
            try:
                read = _read_row(path, facts_text, record, stamp)
            except (ValueError, TypeError):  # ValidationError is a ValueError
                continue
            if read is not None:
                whole.append((Path(read.facts.path), read))
        # The source texts where the briefings now say they are: resolving a path costs
        # a system call per folder in it, so each folder is resolved once.
        cited = resolved_files([path.parent / row.source_ref for path, row in whole])
        found = {}
        for (path, row), source in zip(whole, cited, strict=True):
            if str(source) == row.facts.source_path and _unchanged(row.facts):
                found[path] = StoredOutline(row.record, source, row.id_line, row.stamp)
        return found

    def keep(self, outlines: list[NewOutline]) -> dict[Path, str]:
        """Store these outlines (replacing those of the same files); their stamps, by
        path (none when the store cannot be written: best effort)."""
        rows = [_row(outline) for outline in outlines]
        if not rows:
            return {}
        with self._connection(write=True) as connection:
            if connection is None:
                return {}
            connection.executemany(
                "INSERT OR REPLACE INTO outlines (path, facts, record, stamp) VALUES (?, ?, ?, ?)",
                rows,
            )
            return {Path(path): stamp for path, _, _, stamp in rows}
        return {}

    def index(self, opened: str) -> tuple[list[str], bytes] | None:
        """The search index stored for these opened paths, and the stamps of the
        outlines it was built from, in order; None when there is none or it is damaged."""
        row = None
        with self._connection() as connection:
            if connection is None:
                return None
            row = connection.execute(
                "SELECT stamps, data, check_digest FROM indexes WHERE opened = ?", (opened,)
            ).fetchone()
        if row is None:
            return None
        stamps, data, check = row
        if not isinstance(stamps, bytes) or not isinstance(data, bytes):
            return None
        if digest(stamps + b"\n" + data) != check:
            return None
        try:
            return stamps.decode("ascii").split(), data
        except UnicodeDecodeError:
            return None

    def index_stamps(self, opened: str) -> list[str] | None:
        """The stamps of the index stored for these opened paths, unchecked: enough to
        tell whether a load is making the same archive (`index` checks them)."""
        row = None
        with self._connection() as connection:
            if connection is None:
                return None
            row = connection.execute(
                "SELECT stamps FROM indexes WHERE opened = ?", (opened,)
            ).fetchone()
        if row is None or not isinstance(row[0], bytes):
            return None
        return row[0].decode("ascii", "replace").split()

    def keep_index(self, opened: str, stamps: list[str], data: bytes) -> None:
        joined = " ".join(stamps).encode("ascii")
        with self._connection(write=True) as connection:
            if connection is not None:
                connection.execute(
                    "INSERT OR REPLACE INTO indexes (opened, stamps, data, check_digest)"
                    " VALUES (?, ?, ?, ?)",
                    (opened, joined, data, digest(joined + b"\n" + data)),
                )


def _prepare(connection: sqlite3.Connection) -> None:
    """Make the tables of a new store; empty a store of another format or version."""
    tables = connection.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'")
    if tables.fetchone()[0] < 3:
        for statement in _SCHEMA.split(";")[:-1]:
            connection.execute(statement)
    version = f"{STORE_FORMAT} {FORMAT_VERSION} {__version__}"
    found = connection.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
    if found != (version,):
        connection.execute("DELETE FROM outlines")
        connection.execute("DELETE FROM indexes")
        connection.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES ('version', ?)", (version,)
        )


def _unreadable(error: sqlite3.DatabaseError) -> bool:
    """Whether SQLite says the file is not a database, or a damaged one."""
    return getattr(error, "sqlite_errorname", "") in ("SQLITE_CORRUPT", "SQLITE_NOTADB") or (
        type(error) is sqlite3.DatabaseError
    )


def _row(outline: NewOutline) -> tuple[str, str, bytes, str]:
    facts = outline.facts
    facts_text = json.dumps(
        [
            facts.size,
            facts.mtime_ns,
            facts.digest,
            facts.source_path,
            facts.source_size,
            facts.source_mtime_ns,
            facts.source_digest,
            outline.id_line,
            outline.source_ref,
        ]
    )
    record = json.dumps(outline.record, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    path = str(outline.path)
    return path, facts_text, record, _stamp(path, facts_text, record)


def _stamp(path: str, facts_text: str, record: bytes) -> str:
    return digest(os.fsencode(path) + b"\n" + facts_text.encode("utf-8") + b"\n" + record)


@dataclass(frozen=True)
class _Row:
    facts: FileFacts
    source_ref: str
    id_line: int
    record: OutlineRecord
    stamp: str


def _read_row(path: object, facts_text: object, record: object, stamp: object) -> _Row | None:
    """A row of the outlines' table, when it is whole."""
    if not (
        isinstance(path, str)
        and isinstance(facts_text, str)
        and isinstance(record, bytes)
        and isinstance(stamp, str)
    ):
        return None
    if stamp != _stamp(path, facts_text, record):
        return None
    size, mtime, text_digest, source, source_size, source_mtime, source_digest, line, ref = (
        json.loads(facts_text)
    )
    for number in (size, mtime, source_size, source_mtime, line):
        if type(number) is not int:
            return None
    for text in (text_digest, source, source_digest, ref):
        if type(text) is not str:
            return None
    facts = FileFacts(
        path, size, mtime, text_digest, source, source_size, source_mtime, source_digest
    )
    return _Row(facts, ref, line, _record_adapter().validate_json(record, strict=True), stamp)


def _unchanged(facts: FileFacts) -> bool:
    """Whether the briefing file and its source text are as the facts say: size,
    modification time and digest, as the cache checks them."""
    return _file_unchanged(
        facts.path, facts.size, facts.mtime_ns, facts.digest
    ) and _file_unchanged(
        facts.source_path, facts.source_size, facts.source_mtime_ns, facts.source_digest
    )


def _file_unchanged(path: str, size: int, mtime_ns: int, text_digest: str) -> bool:
    try:
        stat = os.stat(path)
        if not S_ISREG(stat.st_mode) or stat.st_size != size or stat.st_mtime_ns != mtime_ns:
            return False
        with open_regular(Path(path)) as file:
            raw = read_at_most(file, MAX_FILE_BYTES)
    except OSError:
        return False
    # The cache digests the text, which is the bytes without a byte-order mark: the
    # same digest, without decoding (bytes that are not UTF-8 match no text's digest).
    return len(raw) <= MAX_FILE_BYTES and digest(raw.removeprefix(_BOM)) == text_digest


@cache
def _record_adapter() -> TypeAdapter[OutlineRecord]:
    from pydantic import TypeAdapter

    return TypeAdapter(OutlineRecord)


def store_beside(cache: BriefingCache) -> ArchiveStore:
    return ArchiveStore(cache.directory / FILE_NAME)


def default_store() -> ArchiveStore | None:
    """The store beside the user's cache; None when the cache is turned off."""
    cache = default_cache()
    return store_beside(cache) if cache is not None else None
