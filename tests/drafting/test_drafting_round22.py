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


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        ("Tomorrow the delegation will travel to Osorno.", "Tomorrow"),
        ("Holm hosted a dinner for the group on the last evening.", "on the last evening"),
        ("On the Monday the delegates were driven to the port of Corral.", "On the Monday"),
        ("The last day, Thursday, was spent at the Corral port.", "The last day, Thursday"),
    ],
)
def test_days_of_the_stay_said_in_words(sentence: str, day: str) -> None:
    assert day in event_dates(drafted(_OPENING + sentence)).values()


def test_the_day_a_visit_began_is_its_date_where_the_opening_sentence_gives_none() -> None:
    briefing = drafted(
        "Ganzhou is looking to Chile's south for salmon and timber. A 20-strong group from "
        "the city spent five days in Chile from Nov 3, meeting regional officials. Mayor Li "
        "Qiang met Mayor Anna Holm of Valdivia."
    )
    assert briefing["dates"]["as_stated"] == "from Nov 3"


def test_a_day_of_its_own_is_not_the_day_of_a_meeting_before_it() -> None:
    dates = event_dates(
        drafted(_OPENING + "On Friday, the last day of the visit, Holm toured the old mill.")
    )
    assert dates["Tour of the old mill"] == "On Friday, the last day of the visit"
    assert dates["Meeting with Anna Holm"] != "On Friday, the last day of the visit"


def test_a_banquet_takes_the_day_said_right_after_it() -> None:
    dates = event_dates(
        drafted(
            "Ganzhou Mayor Li Qiang met Mayor Anna Holm of Valdivia on Wednesday morning and "
            "hosted a welcome banquet that evening."
        )
    )
    assert dates["welcome banquet"] == "that evening"


def test_the_way_back_from_abroad_ends_the_itinerary() -> None:
    itinerary = drafted(
        "A delegation from Ganzhou returned from Chile on Thursday. Mayor Li Qiang met "
        "Mayor Anna Holm of Valdivia on Monday."
    )["itinerary"]
    assert itinerary[-1]["title"] == "Return from Chile"
    assert itinerary[-1]["date"]["as_stated"] == "on Thursday"


@pytest.mark.parametrize(
    ("sentence", "title"),
    [
        (
            "On Friday, Li called at the Chinese Embassy in Chile.",
            "Visit to Chinese Embassy in Chile",
        ),
        (
            "Li spent Thursday afternoon at Austral Salmon Company, touring its farms.",
            "Visit to Austral Salmon Company",
        ),
        ("The delegation is due in Osorno on Thursday.", "Travel to Osorno"),
        (
            "The delegation met the board of the Valdivia Chamber of Commerce on Friday.",
            "Meeting with Valdivia Chamber of Commerce",
        ),
    ],
)
def test_more_ways_of_saying_where_the_delegation_went(sentence: str, title: str) -> None:
    assert title in event_dates(drafted(_OPENING + sentence))


def test_the_subject_of_a_dinner_stops_before_a_weekday() -> None:
    titles = event_dates(drafted(_OPENING + "Holm hosted a dinner on Wednesday evening."))
    assert "dinner" in titles
