"""A cache of briefings that loaded without problems, so that re-opening unchanged
files skips the YAML parse.

One entry per briefing file, in the user's cache directory (platformdirs), or in
$VISIT_BRIEFINGS_CACHE_DIR; VISIT_BRIEFINGS_NO_CACHE=1 turns the cache off.

An entry file is a line of JSON (the header: what the entry was made from), a line of
JSON with the briefing's outline (tui.format.outline: what an archive indexes of it), and
then the briefing as JSON compressed with zlib. An app re-opening an archive reads the
outlines only, and the briefing when it is opened. Nothing in an entry is ever
executed: the header is validated by a pydantic model, the outline by the outline
model and the briefing by the briefing model itself (pydantic's `model_validate_json`),
exactly as strictly as when it comes from YAML. An entry is used only when all of
these match:
- the cache format, the briefing format and the package version;
- the briefing file's resolved path, size, modification time (ns) and a BLAKE2 digest of
  its text;
- the source text's resolved path, size, modification time and digest;
- a digest of the outline and the compressed briefing, so a corrupt, truncated or
  edited entry is caught before it is read.
Anything else (a missing, unreadable, foreign, corrupt or stale entry) is a miss: the
file is loaded from its YAML, and a new entry replaces the old one. Digests cost a read
of both files, which is small next to parsing them, and they make the cache right even
when a modification time does not change with the content (two saves within the
clock's resolution, a copy that keeps times). Only briefings without problems are
stored, so a file with problems is always read again and its problems reported.

What an entry cannot defend against is a forger with write access to the cache
directory who recomputes every digest: they can make the app show a briefing that is
valid but is not what the file says. Whoever can write there can equally write the
user's other files; the cache never grants more than that.

Entries of files that were moved or deleted stay behind; `BriefingCache.clear()`
empties the cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
import zlib
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from stat import S_ISREG
from typing import Literal

from pydantic import BaseModel, ConfigDict

from tui import __version__
from tui.format.model import FORMAT_VERSION, Briefing
from tui.format.outline import Outline, outline_of
from tui.reading.paths import open_regular
from tui.reading.paths import resolved as resolved_path
from tui.reading.quotes import SourceText
from tui.reading.safe_yaml import YamlProblem, read_at_most

ReadText = Callable[[Path], str]

CACHE_FORMAT: Literal[4] = 4  # 4: outlines count the entries to review
ENV_DIR = "VISIT_BRIEFINGS_CACHE_DIR"
ENV_OFF = "VISIT_BRIEFINGS_NO_CACHE"
_MAX_ENTRY_BYTES = 64 * 1024 * 1024


class _Header(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    cache_format: Literal[4]
    package_version: str
    briefing_format: int
    path: str
    size: int
    mtime_ns: int
    digest: str
    source_path: str
    source_size: int
    source_mtime_ns: int
    source_digest: str
    payload_digest: str


class _Payload(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id_line: int
    briefing: Briefing


class _OutlinePayload(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id_line: int
    source_path: str  # as the briefing gives it, relative to its file
    outline: Outline


@dataclass(frozen=True)
class FileFacts:
    """What a briefing file and its source text were when the briefing was read from
    them (resolved paths, sizes, modification times, digests of the texts): what an
    entry of the cache, or of the archive store (tui.reading.store), is checked against."""

    path: str
    size: int
    mtime_ns: int
    digest: str
    source_path: str
    source_size: int
    source_mtime_ns: int
    source_digest: str


@dataclass(frozen=True)
class CachedBriefing:
    briefing: Briefing
    source: SourceText
    source_path: Path
    id_line: int
    facts: FileFacts


@dataclass(frozen=True)
class _Source:
    path: Path
    text: SourceText


@dataclass(frozen=True)
class CachedOutline:
    outline: Outline
    source_path: Path
    id_line: int
    facts: FileFacts
    source_ref: str  # the source text's path as the briefing gives it


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=20).hexdigest()


def text_digest(text: str) -> str:
    return digest(text.encode("utf-8", "surrogatepass"))


class BriefingCache:
    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def entry_path(self, resolved: Path) -> Path:
        """Where the entry of a file is, by the file's resolved path."""
        return self.directory / f"{digest(os.fsencode(resolved))}.entry"

    def lookup(
        self, resolved: Path, read_text: ReadText, sources: dict[Path, SourceText]
    ) -> CachedBriefing | None:
        """The cached briefing of the file at this resolved path, if the entry matches
        the file as it is now.

        `read_text` is the loader's reader (size limit, UTF-8); `sources` the loader's
        source texts by resolved path, which a hit adds its source to."""
        try:
            fresh = self._fresh(resolved, read_text, sources)
            if fresh is None:
                return None
            header, _, payload, source = fresh
            cached = _Payload.model_validate_json(_inflate(payload))
            if resolved_path(resolved.parent / cached.briefing.source.path) != source.path:
                return None
        except (OSError, ValueError, zlib.error, YamlProblem):
            # Whatever is wrong with an entry (or with reading the files: the loader
            # will report that) makes it a miss; ValidationError is a ValueError.
            return None
        sources[source.path] = source.text
        return CachedBriefing(
            cached.briefing, source.text, source.path, cached.id_line, _facts(header)
        )

    def lookup_outline(
        self, resolved: Path, read_text: ReadText, sources: dict[Path, SourceText]
    ) -> CachedOutline | None:
        """The cached outline of the file at this resolved path, on the same terms as
        `lookup`, but the briefing itself is neither decompressed nor validated."""
        try:
            fresh = self._fresh(resolved, read_text, sources)
        except (OSError, ValueError, YamlProblem):
            return None
        if fresh is None:
            return None
        header, outline, _, source = fresh
        sources[source.path] = source.text
        return CachedOutline(
            outline.outline, source.path, outline.id_line, _facts(header), outline.source_path
        )

    def _fresh(
        self, resolved: Path, read_text: ReadText, sources: dict[Path, SourceText]
    ) -> tuple[_Header, _OutlinePayload, bytes, _Source] | None:
        """The entry's outline (validated), its compressed briefing and the source text,
        when the entry is whole and was made from the files as they are now."""
        # A named pipe put in an entry's place would block an open() for reading.
        with open_regular(self.entry_path(resolved)) as file:
            raw = read_at_most(file, _MAX_ENTRY_BYTES)
        if len(raw) > _MAX_ENTRY_BYTES:
            return None
        head, newline, rest = raw.partition(b"\n")
        outline_line, second_newline, payload = rest.partition(b"\n")
        if not newline or not second_newline:
            return None
        header = _Header.model_validate_json(head)
        if (
            header.package_version != __version__
            or header.briefing_format != FORMAT_VERSION
            or header.path != str(resolved)
            or digest(rest) != header.payload_digest
        ):
            return None
        stat = os.stat(resolved)
        if stat.st_size != header.size or stat.st_mtime_ns != header.mtime_ns:
            return None
        source_path = Path(header.source_path)
        source_stat = os.stat(source_path)
        if (
            # Regular files only: reading a named pipe would block.
            not S_ISREG(stat.st_mode)
            or not S_ISREG(source_stat.st_mode)
            or source_stat.st_size != header.source_size
            or source_stat.st_mtime_ns != header.source_mtime_ns
        ):
            return None
        if text_digest(read_text(resolved)) != header.digest:
            return None
        source = sources.get(source_path)
        if source is None:
            source = SourceText(read_text(source_path))
        if text_digest(source.text) != header.source_digest:
            return None
        # Every part of an entry must pass for either part to be used.
        outline = _OutlinePayload.model_validate_json(outline_line)
        if resolved_path(resolved.parent / outline.source_path) != source_path:
            return None
        return header, outline, payload, _Source(source_path, source)

    def store(
        self, resolved: Path, text: str, briefing: Briefing, source: SourceText, id_line: int
    ) -> FileFacts | None:
        """Remember a briefing loaded without problems from `text`, the content of the
        file at this resolved path; what the files were (None when that cannot be told).

        Best effort: a cache that cannot be written is no cache."""
        try:
            source_path = resolved_path(resolved.parent / briefing.source.path)
            stat = os.stat(resolved)
            source_stat = os.stat(source_path)
            payload = _Payload(id_line=id_line, briefing=briefing).model_dump_json()
            outline = _OutlinePayload(
                id_line=id_line, source_path=briefing.source.path, outline=outline_of(briefing)
            ).model_dump_json()
            # JSON escapes newlines in strings: the outline is one line.
            rest = outline.encode("utf-8") + b"\n" + zlib.compress(payload.encode("utf-8"), 1)
            facts = FileFacts(
                path=str(resolved),
                size=stat.st_size,
                mtime_ns=stat.st_mtime_ns,
                digest=text_digest(text),
                source_path=str(source_path),
                source_size=source_stat.st_size,
                source_mtime_ns=source_stat.st_mtime_ns,
                source_digest=text_digest(source.text),
            )
            header = _Header(
                cache_format=CACHE_FORMAT,
                package_version=__version__,
                briefing_format=FORMAT_VERSION,
                payload_digest=digest(rest),
                **asdict(facts),
            )
            self.directory.mkdir(parents=True, exist_ok=True)
            target = self.entry_path(resolved)
            # Written aside and renamed: a reader never sees half an entry.
            handle, temporary = tempfile.mkstemp(dir=self.directory, suffix=".tmp")
            try:
                with os.fdopen(handle, "wb") as file:
                    file.write(header.model_dump_json().encode("utf-8") + b"\n" + rest)
                os.replace(temporary, target)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
                raise
        except (OSError, ValueError):
            return None
        return facts

    def clear(self) -> None:
        for entry in self.directory.glob("*.entry"):
            with contextlib.suppress(OSError):
                entry.unlink()


def _facts(header: _Header) -> FileFacts:
    return FileFacts(**header.model_dump(include=set(FileFacts.__dataclass_fields__)))


def _inflate(payload: bytes) -> bytes:
    """Decompress, refusing to grow past the limit (a forged entry may be a zip bomb)."""
    inflater = zlib.decompressobj()
    data = inflater.decompress(payload, _MAX_ENTRY_BYTES)
    if inflater.unconsumed_tail or not inflater.eof:
        raise ValueError("the entry is truncated or too large")
    return data


def cache_directory() -> Path:
    configured = os.environ.get(ENV_DIR)
    if configured:
        return Path(configured)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("visit-briefings")) / f"briefings-v{CACHE_FORMAT}"


def default_cache() -> BriefingCache | None:
    """The cache the loader uses unless told otherwise; None when turned off."""
    if os.environ.get(ENV_OFF, "") not in ("", "0"):
        return None
    return BriefingCache(cache_directory())
