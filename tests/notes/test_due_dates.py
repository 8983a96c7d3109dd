"""Due dates typed as people type them: each form read one way, anything else refused."""

from __future__ import annotations

from datetime import date

import pytest

from tui.notes.dates import DateError, describe_due, parse_due

TODAY = date(2026, 12, 1)  # a Tuesday


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("2026-12-05", date(2026, 12, 5)),
        ("5 Dec 2026", date(2026, 12, 5)),
        ("5 december 2026", date(2026, 12, 5)),
        ("Dec 5 2026", date(2026, 12, 5)),
        ("  December 5,  2026 ", date(2026, 12, 5)),
        ("Dec 5", date(2026, 12, 5)),
        ("5 dec", date(2026, 12, 5)),
        ("Nov 30", date(2027, 11, 30)),  # passed this year: the next one
        ("Dec 1", TODAY),
        ("29 Feb", date(2028, 2, 29)),
        ("today", TODAY),
        ("Tomorrow", date(2026, 12, 2)),
        ("+3d", date(2026, 12, 4)),
        ("+2w", date(2026, 12, 15)),
        ("friday", date(2026, 12, 4)),
        ("tue", date(2026, 12, 8)),  # the next one, never today
    ],
)
def test_accepted_forms(typed: str, meant: date):
    assert parse_due(typed, TODAY) == meant


@pytest.mark.parametrize(
    "typed",
    ["05/12/2026", "12/05", "5.12.2026", "next week", "2026-02-30", "31 Apr 2027", "Decem 5", ""],
)
def test_anything_else_is_refused_with_the_forms_that_work(typed: str):
    with pytest.raises(DateError) as raised:
        parse_due(typed, TODAY)
    assert "2026-12-05" in str(raised.value) or "no such day" in str(raised.value)


def test_a_due_date_is_shown_whole():
    assert describe_due(date(2026, 12, 5)) == "Sat 5 Dec 2026"
