"""Due dates typed as people type them, read one way only.

Accepted, case and extra spaces aside:
- `2026-12-05` (ISO), `5 Dec 2026`, `5 December 2026`, `Dec 5 2026`, `December 5, 2026`;
- `Dec 5`, `5 Dec` (no year): the next 5 December from today, today included;
- `today`, `tomorrow`;
- `+3d`, `+2w` (days or weeks from today);
- a weekday, `fri` or `friday`: the next one after today.
Anything else, a numeric form such as `05/12/2026` above all (day first or month
first?), is refused with this list, never guessed. Whatever a form resolves to is
shown back as a whole date (`describe_due`), so a missing year is never filled in
silently.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        1,
    )
    for name in names
}
_WEEKDAYS = {
    name: number
    for number, names in enumerate(
        [
            ("mon", "monday"),
            ("tue", "tues", "tuesday"),
            ("wed", "wednesday"),
            ("thu", "thurs", "thursday"),
            ("fri", "friday"),
            ("sat", "saturday"),
            ("sun", "sunday"),
        ]
    )
    for name in names
}

FORMS = "2026-12-05, 5 Dec 2026, Dec 5 2026, Dec 5, today, tomorrow, +3d, +2w, friday"

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DAY_MONTH = re.compile(r"(\d{1,2}) ([a-z]+)(?: (\d{4}))?")
_MONTH_DAY = re.compile(r"([a-z]+) (\d{1,2})(?:,? (\d{4}))?")
_OFFSET = re.compile(r"\+(\d{1,4}) ?([dw])")


class DateError(ValueError):
    pass


def parse_due(text: str, today: date | None = None) -> date:
    """The date `text` means, or DateError saying which forms are understood."""
    today = today or date.today()
    typed = " ".join(text.lower().split())
    if typed == "today":
        return today
    if typed == "tomorrow":
        return today + timedelta(days=1)
    if typed in _WEEKDAYS:
        ahead = (_WEEKDAYS[typed] - today.weekday() - 1) % 7 + 1
        return today + timedelta(days=ahead)
    if match := _OFFSET.fullmatch(typed):
        amount = int(match[1]) * (7 if match[2] == "w" else 1)
        return today + timedelta(days=amount)
    if match := _ISO.fullmatch(typed):
        return _whole(text, int(match[1]), int(match[2]), int(match[3]))
    for pattern, day_group, month_group in ((_DAY_MONTH, 1, 2), (_MONTH_DAY, 2, 1)):
        match = pattern.fullmatch(typed)
        if match and match[month_group] in _MONTHS:
            month, day = _MONTHS[match[month_group]], int(match[day_group])
            if match[3]:
                return _whole(text, int(match[3]), month, day)
            found = _real(text, today.year, month, day, allow_feb_29=True)
            if found is None or found < today:
                found = _next_year(text, today.year + 1, month, day)
            return found
    raise DateError(f"{text!r} is not a date I can read; write it like one of: {FORMS}")


def _real(text: str, year: int, month: int, day: int, allow_feb_29: bool = False) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        if allow_feb_29 and (month, day) == (2, 29):
            return None
        raise DateError(f"{text!r}: there is no such day") from None


def _whole(text: str, year: int, month: int, day: int) -> date:
    found = _real(text, year, month, day)
    assert found is not None  # _real returns None only when 29 February is allowed
    return found


def _next_year(text: str, year: int, month: int, day: int) -> date:
    # Only 29 February can be missing from a year: the next leap year has it.
    for candidate in range(year, year + 8):
        found = _real(text, candidate, month, day, allow_feb_29=True)
        if found is not None:
            return found
    raise DateError(f"{text!r}: there is no such day")


def describe_due(due: date) -> str:
    """A due date in full, with its weekday: `Sat 5 Dec 2026`."""
    return f"{due:%a} {due.day} {due:%b %Y}"
