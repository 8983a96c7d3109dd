"""What screens say of a note: when written, and where a follow-up stands."""

from __future__ import annotations

from datetime import UTC, date, datetime

from tui.index.refs import Kind, Ref
from tui.notes.describe import first_line, follow_up_status, written
from tui.notes.store import Note

TODAY = date(2026, 12, 5)


def note(**changes: object) -> Note:
    values: dict[str, object] = {
        "id": 1,
        "uid": "0" * 32,
        "ref": Ref(Kind.theme, "b", "t"),
        "entry_name": "T",
        "quote_digest": "",
        "text": "\n  first line  \nsecond",
        "created": datetime(2026, 12, 1, 9, 30, tzinfo=UTC),
        "updated": datetime(2026, 12, 1, 9, 30, 20, tzinfo=UTC),
        "follow_up": True,
        "due": None,
        "done": None,
        "deleted": None,
    }
    values.update(changes)
    return Note(**values)  # type: ignore[arg-type]


def test_a_follow_up_says_when_it_is_due_and_whether_late_or_done():
    assert follow_up_status(note(follow_up=False)) == ""
    assert follow_up_status(note(), TODAY) == "follow-up, no date"
    assert follow_up_status(note(due=TODAY), TODAY) == "follow-up, due Sat 5 Dec 2026"
    assert follow_up_status(note(due=date(2026, 12, 4)), TODAY) == (
        "follow-up, due Fri 4 Dec 2026 (overdue)"
    )
    assert follow_up_status(note(due=date(2026, 12, 4), done=datetime.now(UTC)), TODAY) == (
        "follow-up, done"
    )


def _local(moment: datetime) -> str:
    local = moment.astimezone()
    return f"{local.day} {local:%b %Y %H:%M}"


def test_when_written_in_local_time_and_the_first_line():
    created = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)
    assert written(note()) == _local(created)  # edited within the minute: not said
    later = datetime(2026, 12, 2, 8, 0, tzinfo=UTC)
    assert written(note(updated=later)) == f"{_local(created)}, edited {_local(later)}"
    assert first_line(note()) == "first line"
    assert first_line(note(text="x" * 100), 10) == "x" * 9 + "…"
