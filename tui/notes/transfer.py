"""Notes out of the store and back in: JSON that imports again, Markdown to read.

Each note travels with its uid, so importing the same export twice adds nothing, and
importing into another store adds what it lacks (see NoteStore.put).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from tui.index.archive import Archive
from tui.index.refs import Kind, Ref
from tui.notes.dates import describe_due
from tui.notes.store import Note, NoteStore, Revision
from tui.present.printable import printable

EXPORT_FORMAT = "visit-briefings-notes"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Revision(_Strict):
    text: str
    written: datetime


class _Note(_Strict):
    uid: str = Field(pattern=r"^[0-9a-f]{32}$")
    briefing: str = Field(min_length=1)
    kind: Kind
    entry: str = Field(min_length=1)
    entry_name: str
    quote_digest: str
    text: str
    created: datetime
    updated: datetime
    follow_up: bool = False
    due: date | None = None
    done: datetime | None = None
    deleted: datetime | None = None
    revisions: list[_Revision] = []


class _Export(_Strict):
    format: Literal["visit-briefings-notes"]
    version: Literal[1]
    notes: list[_Note]


class NotesImportError(ValueError):
    """The file to import is not a notes export; the message names it and says why."""


def to_json(store: NoteStore) -> str:
    """Every note, deleted ones too (marked), with the texts each had before."""
    notes = []
    for note in store.all_notes(deleted=True):
        item = _Note(
            uid=note.uid,
            briefing=note.ref.briefing,
            kind=note.ref.kind,
            entry=note.ref.id,
            entry_name=note.entry_name,
            quote_digest=note.quote_digest,
            text=note.text,
            created=note.created,
            updated=note.updated,
            follow_up=note.follow_up,
            due=note.due,
            done=note.done,
            deleted=note.deleted,
            revisions=[_Revision(text=r.text, written=r.written) for r in store.revisions(note.id)],
        )
        notes.append(item.model_dump(mode="json"))
    return json.dumps({"format": EXPORT_FORMAT, "version": 1, "notes": notes}, indent=2) + "\n"


def import_file(store: NoteStore, path: Path) -> tuple[int, int]:
    """Take in an export: (notes added or updated, notes already here as they are)."""
    try:
        data = _Export.model_validate_json(path.read_bytes())
    except OSError as error:
        raise NotesImportError(f"{path}: cannot be read ({error.strerror})") from None
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "the file"
        raise NotesImportError(
            f"{path}: not a notes export ({where}: {first['msg']}; "
            f"{error.error_count()} problem(s) in all)"
        ) from None
    changed = 0
    for item in data.notes:
        note = Note(
            0,
            item.uid,
            Ref(item.kind, item.briefing, item.entry),
            item.entry_name,
            item.quote_digest,
            item.text,
            item.created,
            item.updated,
            item.follow_up or item.due is not None,
            item.due,
            item.done,
            item.deleted,
        )
        revisions = [Revision(r.text, r.written) for r in item.revisions]
        changed += store.put(note, revisions)
    return changed, len(data.notes) - changed


def to_markdown(notes: Iterable[Note]) -> str:
    """Notes to read, grouped by briefing and entry, oldest first (deleted left out)."""
    lines = ["# Notes"]
    briefing = None
    entry = None
    for note in sorted(
        (n for n in notes if n.deleted is None), key=lambda n: (n.ref.briefing, n.ref, n.created)
    ):
        if note.ref.briefing != briefing:
            briefing, entry = note.ref.briefing, None
            lines += ["", f"## {note.ref.briefing}"]
        if note.ref != entry:
            entry = note.ref
            lines += ["", f"### {note_heading(note)}"]
        lines += ["", *markdown_note(note)]
    if len(lines) == 1:
        lines += ["", "No notes."]
    return printable("\n".join(lines)) + "\n"


def briefing_notes(store: NoteStore, archive: Archive, briefing_id: str) -> str:
    """A briefing's notes, for the end of its section of a briefing book: by entry in
    the briefing's order, each entry's notes oldest first; "" when it has none."""
    notes = [note for note in store.all_notes() if note.ref.briefing == briefing_id]
    if not notes:
        return ""
    order = {ref: place for place, ref in enumerate(_entries_in_order(archive, briefing_id))}
    notes.sort(key=lambda n: (order.get(n.ref, len(order)), n.ref, n.created))
    lines = ["", "## Your notes", "", "*Written by you, not from the source.*"]
    entry = None
    for note in notes:
        if note.ref != entry:
            entry = note.ref
            lines += ["", f"### {note_heading(note)}"]
            if note.ref not in order:
                lines += ["", "*Orphaned: this entry is no longer in the briefing.*"]
        lines += ["", *markdown_note(note)]
    return printable("\n".join(lines)) + "\n"


def _entries_in_order(archive: Archive, briefing_id: str) -> list[Ref]:
    refs = [Ref(Kind.briefing, briefing_id, briefing_id)]
    for kind in (Kind.event, Kind.counterpart, Kind.organization, Kind.theme):
        refs += archive.refs(kind, briefing_id)
    return refs


def note_heading(note: Note) -> str:
    kind = note.ref.kind.value
    return f"{_md_line(note.entry_name)} ({kind} {note.ref.id})"


def markdown_note(note: Note) -> list[str]:
    """One note as Markdown: a line saying when, and its text quoted as written."""
    when = f"{note.created:%Y-%m-%d %H:%M} UTC"
    if note.follow_up:
        status = "done" if note.done else "open"
        due = f", due {describe_due(note.due)}" if note.due else ""
        when += f" · follow-up ({status}{due})"
    body = [f"> {_md_line(line)}" if line.strip() else ">" for line in note.text.splitlines()]
    return [f"*{when}*", "", *(body or [">"])]


def _md_line(text: str) -> str:
    # The user's own words, but still kept from turning into links, HTML or headings.
    return "".join("\\" + c if c in "\\`*_{}[]<>()#+!|~" else c for c in text)
