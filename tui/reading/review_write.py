"""Marking a drafted entry reviewed: the one write to a briefing file the app makes.

The file is changed in one place only, the value of the entry's `review` key
("drafted" becomes "reviewed"), spliced into the text at the position the YAML parser
reports for it: every comment, blank line, quoting style, key order and line ending
elsewhere stays byte for byte. (A round-trip YAML library such as ruamel.yaml would
re-emit the whole document and re-wrap long plain scalars; a splice needs nothing but
the parser the loader already uses.) The write is refused when the file no longer says
what the app loaded, and it is atomic: a temporary file in the same folder, flushed and
fsynced, then renamed over the original, so a failed write leaves the file as it was.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import tempfile
from pathlib import Path

from pydantic import ValidationError
from yaml.nodes import ScalarNode

from tui.format.model import Briefing, Review, Sourced
from tui.reading.checks import Location, iter_sourced
from tui.reading.safe_yaml import MAX_FILE_BYTES, YamlProblem, locate, parse

COLLECTIONS = ("organizations", "counterparts", "themes", "itinerary")


class ReviewRefused(Exception):
    """Why an entry was not marked reviewed; the file is untouched."""


def entry_location(briefing: Briefing, collection: str | None, entry_id: str) -> Location:
    """The path to an entry: () for the briefing itself, else (collection, index)."""
    if collection is None:
        return ()
    for index, item in enumerate(getattr(briefing, collection)):
        if item.id == entry_id:
            return (collection, index)
    raise ReviewRefused(f"no entry {entry_id!r} in {collection}")


def entry_line(path: Path, loc: Location) -> int:
    """The 1-based line where the entry starts in the file (1 when it cannot be read)."""
    try:
        text, _ = _read(path)
        node = locate(parse(text).root, loc)
    except (OSError, YamlProblem, ReviewRefused):
        return 1
    return node.start_mark.line + 1


def mark_reviewed(path: Path, loaded: Briefing, loc: Location) -> Briefing:
    """Turn the entry's `review: drafted` into `review: reviewed` in the file, and return
    the briefing as the file now says it. Raises ReviewRefused, leaving the file as it
    was, when the file changed since `loaded` was read from it, when the entry is not
    drafted, or when the write fails."""
    try:
        text, bom = _read(path)
        document = parse(text)
        current = Briefing.model_validate(document.data)
    except (OSError, YamlProblem, ValidationError) as error:
        raise ReviewRefused(f"{path} cannot be read as it is now ({_reason(error)})") from None
    if current != loaded:
        raise ReviewRefused(
            f"{path} changed on disk since it was loaded; it will reload, then try again"
        )
    entry = _entry(current, loc)
    if entry.review is not Review.drafted:
        raise ReviewRefused("this entry is not marked drafted: there is nothing to review")
    node = locate(document.root, (*loc, "review"))
    if not isinstance(node, ScalarNode) or node.value != Review.drafted.value:
        raise ReviewRefused(f"{path}: cannot find this entry's 'review: drafted'")
    start, end = node.start_mark.index, node.end_mark.index
    new_text = text[:start] + Review.reviewed.value + text[end:]
    try:
        updated = Briefing.model_validate(parse(new_text).data)
    except (YamlProblem, ValidationError) as error:  # never expected: the splice is one scalar
        raise ReviewRefused(f"marking it would break the file ({_reason(error)})") from None
    if _entry(updated, loc).review is not Review.reviewed:
        raise ReviewRefused(f"{path}: the change did not land on this entry")
    try:
        write_atomically(path, bom + new_text.encode("utf-8"))
    except OSError as error:
        raise ReviewRefused(f"cannot write {path}: {error.strerror or error}") from None
    return updated


def write_atomically(path: Path, data: bytes) -> None:
    """Replace the file's content all at once, or not at all."""
    mode = path.stat().st_mode & 0o7777
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    # The rename itself survives a crash only once the folder is synced.
    with contextlib.suppress(OSError):
        folder = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)


def _read(path: Path) -> tuple[str, bytes]:
    raw = path.read_bytes()
    if len(raw) > MAX_FILE_BYTES:
        raise YamlProblem("the file is larger than the limit")
    bom = codecs.BOM_UTF8 if raw.startswith(codecs.BOM_UTF8) else b""
    try:
        return raw[len(bom) :].decode("utf-8"), bom
    except UnicodeDecodeError:
        raise YamlProblem("the file is not UTF-8 text") from None


def _entry(briefing: Briefing, loc: Location) -> Sourced:
    for item_loc, item in iter_sourced(briefing):
        if item_loc == loc:
            return item
    raise ReviewRefused("the entry is no longer in the file")


def _reason(error: Exception) -> str:
    if isinstance(error, YamlProblem):
        return error.message
    if isinstance(error, OSError):
        return error.strerror or str(error)
    return "it no longer validates"
