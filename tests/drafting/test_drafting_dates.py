import pytest

from tui.drafting.dates import find_dates
from tui.drafting.sentences import read_article


def dates(
    body: str,
) -> list[tuple[str, int | None, tuple[int, int] | None, tuple[int, int] | None]]:
    return [(d.as_stated, d.year, d.first, d.last) for d in find_dates(read_article("T\n" + body))]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("From October 9 to 12, they met.", ("From October 9 to 12", None, (10, 9), (10, 12))),
        ("From 13 to 17 March, they met.", ("From 13 to 17 March", None, (3, 13), (3, 17))),
        ("On Sept. 22 to 27, 2025 they met.", ("On Sept. 22 to 27, 2025", 2025, (9, 22), (9, 27))),
        ("It ended on July 28, 2023.", ("on July 28, 2023", 2023, (7, 28), None)),
        ("On 14 March they met.", ("On 14 March", None, (3, 14), None)),
        (
            "From October 30 to November 2 they met.",
            ("From October 30 to November 2", None, (10, 30), (11, 2)),
        ),
        ("Beijing, 2024-10-18 -- They met.", ("2024-10-18", 2024, (10, 18), None)),
        (
            "On the afternoon of 14 March they met.",
            ("On the afternoon of 14 March", None, (3, 14), None),
        ),
        (
            "From November 16 to 18, local time, they met.",
            ("From November 16 to 18, local time", None, (11, 16), (11, 18)),
        ),
        ("They met yesterday afternoon.", ("yesterday afternoon", None, None, None)),
        ("The next day they left.", ("The next day", None, None, None)),
        ("They went to Ulm last week.", ("last week", None, None, None)),
        (
            "On the morning of Nov. 4 local time they met.",
            ("On the morning of Nov. 4 local time", None, (11, 4), None),
        ),
        ("Earlier this month they met.", ("Earlier this month", None, None, None)),
    ],
)
def test_a_date_is_the_phrase_as_written(body: str, expected: tuple[object, ...]) -> None:
    assert dates(body) == [expected]


def test_a_year_elsewhere_in_the_text_is_not_a_visits_year() -> None:
    # "in 1998" is not a date of the visit, and "May" alone is not a month.
    assert dates("They became sister cities in 1998. They may meet on May 21.") == [
        ("on May 21", None, (5, 21), None)
    ]


def test_no_day_outside_the_calendar() -> None:
    assert dates("It was March 45 or so.") == []


def test_what_the_format_cannot_hold_is_left_to_the_words() -> None:
    found = find_dates(
        read_article("T\nFrom December 30 to January 2 they met. On April 31 they left.")
    )
    assert [d.stated_date() for d in found] == [
        # A range into the next year: the format cannot order its end.
        {"as_stated": "From December 30 to January 2", "start": {"month": 12, "day": 30}},
        # No calendar has the day.
        {"as_stated": "On April 31"},
    ]


def test_a_visit_that_ended_on_a_day_has_no_first_day() -> None:
    from drafting_helpers import drafted

    briefing = drafted("Mayor Li Wei wrapped up a five-day visit to Kenya on July 28, 2023.")
    assert briefing["dates"] == {"as_stated": "on July 28, 2023", "year": 2023}
    assert "ended" in briefing["inferred"]["dates"]
