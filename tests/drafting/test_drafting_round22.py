"""Patterns of the days the tuning articles give to what was done on them, where the
sentence names no event, in other words than theirs."""

from __future__ import annotations

import pytest
from drafting_helpers import drafted, event_dates

_OPENING = "Mayor Li Qiang of Ganzhou met Mayor Anna Holm of Valdivia on Monday. "


@pytest.mark.parametrize(
    ("sentence", "title", "day"),
    [
        (
            "On the last day, Li and officials of the Los Lagos Regional Government agreed on "
            "a plan for a joint port study.",
            "Agreement on a plan for a joint port study",
            "On the last day",
        ),
        (
            "The next morning the group toured the old harbour district before lunch.",
            "Tour of the old harbour district",
            "The next morning",
        ),
        (
            "On Thursday, the delegates were driven to the salmon farms of Austral Fish Co.",
            "Visit to the salmon farms of Austral Fish Co.",
            "On Thursday",
        ),
        (
            "The following day, the delegation discussed river dredging with port engineers.",
            "Talks on river dredging",
            "The following day",
        ),
    ],
)
def test_a_sentence_that_opens_with_a_day_reports_what_was_done_on_it(
    sentence: str, title: str, day: str
) -> None:
    assert event_dates(drafted(_OPENING + sentence)).get(title) == day


def test_a_day_inside_a_sentence_does_not_make_it_a_day_s_programme() -> None:
    titles = event_dates(drafted(_OPENING + "Holm recalled that she toured Ganzhou on Friday."))
    assert not any(title.startswith("Tour of") for title in titles)


def test_the_subject_of_a_dinner_stops_before_its_day() -> None:
    titles = event_dates(
        drafted(_OPENING + "Li hosted a dinner for the delegation the same evening.")
    )
    assert "dinner for the delegation" in titles
