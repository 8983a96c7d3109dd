"""Patterns of the tuning articles t86-t91 (first written as the blind held-out h55-h60),
in other words than theirs."""

from __future__ import annotations

from drafting_helpers import drafted, event_dates


def test_the_part_of_a_day_said_without_the_second_the() -> None:
    briefing = drafted(
        "A delegation led by Mayor Zhang Wei visited Lyon on May 2. In the evening of same "
        "day, the delegation visited the Lyon Silk Museum."
    )
    assert "In the evening of same day" in event_dates(briefing).values()


def test_a_pages_published_date_is_when_it_was_reported_not_the_visit() -> None:
    briefing = drafted(
        "Source: News Office    Published: 2023-05-09\n\nA delegation led by Mayor Zhang Wei "
        "visited Lyon from 2 to 4 May 2023."
    )
    assert briefing["reported"]["as_stated"] == "2023-05-09"
    assert briefing["reported"]["start"] == {"month": 5, "day": 9}
    assert briefing["dates"]["as_stated"] == "from 2 to 4 May 2023"
