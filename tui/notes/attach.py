"""Where a note stands against the briefings loaded now.

A note remembers its entry's id, name and a digest of its quotes. Briefings get
edited: while the entry's id is there, the note follows it (and says when the entry
was renamed or re-quoted since); when the id is gone from a loaded briefing, the note
is orphaned and says what it was attached to. A note on a briefing that is not loaded
is neither: its briefing is simply not open.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from enum import StrEnum

from tui.index.archive import Archive
from tui.index.refs import Kind, Ref
from tui.notes.store import Note
from tui.reading.loader import BriefingError


class Standing(StrEnum):
    attached = "attached"
    orphaned = "orphaned"  # its briefing is loaded, its entry is gone
    not_loaded = "not loaded"  # its briefing is not among those open


@dataclass(frozen=True, slots=True)
class Attachment:
    standing: Standing
    renamed: bool = False  # the entry has another name than when the note was written
    requoted: bool = False  # its quotes changed since


def quote_digest(quotes: list[str]) -> str:
    """A digest of an entry's quotes, whitespace aside (the format lets it differ)."""
    text = "\n".join(" ".join(quote.split()) for quote in quotes)
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def entry_quotes(archive: Archive, ref: Ref) -> list[str]:
    return list(archive.get(ref).quotes)


def stamp_of(archive: Archive, ref: Ref) -> tuple[str, str]:
    """What a new note on `ref` remembers of it: its name and the digest of its quotes."""
    return archive.label(ref), quote_digest(entry_quotes(archive, ref))


def attachment(archive: Archive, note: Note) -> Attachment:
    ref = note.ref
    if ref.briefing not in archive.briefings:
        return Attachment(Standing.not_loaded)
    try:
        present = ref in archive
        if not present:
            return Attachment(Standing.orphaned)
        name, digest = stamp_of(archive, ref)
    except BriefingError:
        # Its file no longer loads: the briefing is as good as not open.
        return Attachment(Standing.not_loaded)
    return Attachment(Standing.attached, name != note.entry_name, digest != note.quote_digest)


def describe_attachment(note: Note, where: Attachment) -> str:
    """What a list says of the entry a note is on."""
    kind = "briefing" if note.ref.kind is Kind.briefing else note.ref.kind.value
    what = f"{kind} {note.entry_name!r} ({note.ref.briefing}/{note.ref.id})"
    if where.standing is Standing.orphaned:
        return f"orphaned: was on {what}, no longer in the briefing"
    if where.standing is Standing.not_loaded:
        return f"on {what}, in a briefing not open"
    changes = [c for c, yes in (("renamed", where.renamed), ("re-quoted", where.requoted)) if yes]
    return f"on {what}" + (f" ({' and '.join(changes)} since)" if changes else "")


def orphaned_entries(archive: Archive, noted: set[Ref]) -> list[Ref]:
    """Of the entries that have notes, those gone from their (loaded) briefings."""
    found = []
    for ref in sorted(noted):
        if ref.briefing not in archive.briefings:
            continue
        try:
            if ref not in archive:
                found.append(ref)
        except BriefingError:
            continue  # its file no longer loads: not open, rather than orphaned
    return found
