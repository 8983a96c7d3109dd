"""Patterns of the dates the tuning articles t104-t133 give and the drafts missed, in
other words than theirs."""

from __future__ import annotations

import pytest
from drafting_helpers import drafted, event_dates


@pytest.mark.parametrize(
    "dateline",
    ["ODENSE, Denmark, Nov. 3 (Xinhua) --", "PUERTO MONTT, Chile, Nov. 3, 2025 (Xinhua) --"],
)
def test_a_dateline_with_its_country_is_the_report_s_date(dateline: str) -> None:
    briefing = drafted(
        f"{dateline} A delegation from Ganzhou wrapped up a two-day visit here on Monday. "
        "Ganzhou Mayor Li Qiang met Mayor Anna Holm."
    )
    assert briefing["reported"]["as_stated"] == dateline.split(", ", 2)[2].split(" (")[0]
    assert briefing["dates"]["as_stated"] == "on Monday"


def test_a_page_updated_on_a_day_was_reported_that_day() -> None:
    briefing = drafted(
        "By Wu Lan in Ganzhou | Ganzhou Daily | Updated: 2025-11-03\n\n"
        "A delegation from Odense ended a visit to Ganzhou on Monday. "
        "Ganzhou Mayor Li Qiang met Mayor Anna Holm of Odense."
    )
    assert briefing["reported"]["as_stated"] == "2025-11-03"
    assert briefing["dates"]["as_stated"] == "on Monday"


def test_the_day_an_office_said_it_is_the_report_s_date() -> None:
    briefing = drafted(
        "By Wu Lan | Ganzhou Daily\n\nA delegation from Ganzhou has come home with six "
        "agreements from a visit to Chile from Nov 2 to 6, the city's commerce bureau said "
        "on Saturday. "
        "Ganzhou Mayor Li Qiang met Mayor Anna Holm of Valdivia."
    )
    assert briefing["reported"]["as_stated"] == "on Saturday"
    assert briefing["dates"]["as_stated"] == "from Nov 2 to 6"


def test_a_day_someone_said_something_on_is_not_the_report_s() -> None:
    briefing = drafted(
        "Ganzhou Mayor Li Qiang met Mayor Anna Holm of Valdivia, who said on Saturday that "
        "trade would grow."
    )
    assert "reported" not in briefing


def test_an_arrival_and_a_departure_to_no_named_place_keep_their_days() -> None:
    briefing = drafted(
        "Guests from Valdivia arrived in our city on Sunday. The group was received that "
        "evening by Ganzhou Mayor Li Qiang. Before leaving on Thursday morning, Mayor Anna "
        "Holm of Valdivia invited Li to visit Chile."
    )
    dates = event_dates(briefing)
    assert dates["Arrival"] == "on Sunday"
    assert dates["Departure"] == "on Thursday morning"


def test_a_meeting_after_an_arrival_takes_the_day_the_arrival_did_not() -> None:
    briefing = drafted(
        "The delegation of Valdivia, led by Mayor Anna Holm, arrived on Sunday and was "
        "received the next morning by Ganzhou Mayor Li Qiang."
    )
    dates = event_dates(briefing)
    assert dates["Arrival"] == "on Sunday"
    assert "the next morning" in dates.values()


def test_a_destination_named_is_a_leg_not_a_bare_departure() -> None:
    dates = event_dates(
        drafted("Mayor Li Qiang met Mayor Anna Holm in Valdivia. Li left for Santiago on Monday.")
    )
    assert dates.get("Travel to Santiago") == "on Monday"
    assert "Departure" not in dates


def test_an_unnamed_event_s_title_does_not_end_in_a_preposition() -> None:
    titles = list(
        event_dates(
            drafted(
                "Mayor Li Qiang opened a seminar on port logistics with Mayor Anna Holm of "
                "Valdivia on Monday, and hosted a lunch for the delegation in the old town."
            )
        )
    )
    assert "seminar on port logistics" in titles


def test_a_dinner_with_none_before_it_is_an_event_of_its_own() -> None:
    dates = event_dates(
        drafted(
            "Mayor Li Qiang met Mayor Anna Holm of Valdivia on Monday. Holm said at a "
            "dinner hosted by the Valdivia City Council that evening that trade would grow."
        )
    )
    assert dates.get("dinner") == "that evening"
