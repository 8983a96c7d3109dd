"""What a screen says about a note, worked out without any terminal."""

from __future__ import annotations

from datetime import date

from tui.notes.dates import describe_due
from tui.notes.store import Note


def written(note: Note) -> str:
    """When the note was written (and last edited), in local time."""
    created = note.created.astimezone()
    said = f"{created.day} {created:%b %Y %H:%M}"
    if note.updated.astimezone().replace(second=0, microsecond=0) != created.replace(
        second=0, microsecond=0
    ):
        updated = note.updated.astimezone()
        said += f", edited {updated.day} {updated:%b %Y %H:%M}"
    return said


def follow_up_status(note: Note, today: date | None = None) -> str:
    """'' for a plain note; otherwise whether it is done, and when it is due."""
    if not note.follow_up:
        return ""
    if note.done:
        return "follow-up, done"
    if note.due is None:
        return "follow-up, no date"
    late = " (overdue)" if note.due < (today or date.today()) else ""
    return f"follow-up, due {describe_due(note.due)}{late}"


def first_line(note: Note, width: int = 80) -> str:
    line = next((line.strip() for line in note.text.splitlines() if line.strip()), "")
    return line if len(line) <= width else line[: width - 1] + "…"
