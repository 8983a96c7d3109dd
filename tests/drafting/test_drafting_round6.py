"""Patterns of the tuning articles t26-t31 (t26-t28 first written as the held-out
h10-h12; t29-t31 written for the same patterns in other words)."""

from __future__ import annotations

import pytest
from drafting_helpers import drafted, names

from tui.drafting.dates import find_dates
from tui.drafting.sentences import read_article


@pytest.mark.parametrize(
    ("body", "themes"),
    [
        (
            "The agency welcomes Chinese partners in solar power, water desalination and "
            "green hydrogen.",
            ["solar power", "water desalination", "green hydrogen"],
        ),
        (
            "The firm is looking for partners in battery systems.",
            ["battery systems"],
        ),
        (
            "The port welcomes foreign investors in ship repair and container handling.",
            ["ship repair", "container handling"],
        ),
    ],
)
def test_fields_after_partners_or_investors(body: str, themes: list[str]) -> None:
    assert names(drafted(body)["themes"]) == themes


@pytest.mark.parametrize(
    "ending",
    [
        ", and welcomes more overseas investors to the Acme Hi-tech Zone.",
        ", and invites Chilean firms to the Acme Development Zone.",
        ", and encourages local firms to build plants abroad.",
        ", and offers the guests a tour.",
    ],
)
def test_a_long_list_ends_at_and_with_a_verb_in_the_present(ending: str) -> None:
    body = (
        "Wu Gang said the city will deepen cooperation in industrial robots, power "
        "batteries, logistics equipment and biomedicine" + ending
    )
    assert names(drafted(body)["themes"]) == [
        "industrial robots",
        "power batteries",
        "logistics equipment",
        "biomedicine",
    ]


def test_a_field_ending_in_s_after_and_is_still_a_field() -> None:
    body = "They will cooperate in textiles, garments, and electronics manufacturing."
    assert names(drafted(body)["themes"]) == [
        "textiles",
        "garments",
        "electronics manufacturing",
    ]


@pytest.mark.parametrize(
    ("text", "stated"),
    [
        (
            "They visited Portugal from late September to early October.",
            "from late September to early October",
        ),
        ("They toured Brazil between mid-June and early July.", "between mid-June and early July"),
        ("The exhibition runs until mid-November.", "until mid-November"),
        ("The plant opens by the end of March.", "by the end of March"),
        ("They travel from early to mid-May.", "from early to mid-May"),
    ],
)
def test_part_of_a_month_is_a_date_as_stated_with_no_day(text: str, stated: str) -> None:
    dates = find_dates(read_article(f"T\n{text}\n"))
    assert [d.as_stated for d in dates] == [stated]
    assert dates[0].stated_date() == {"as_stated": stated}


def test_part_of_a_month_keeps_the_year_its_phrase_gives() -> None:
    (date,) = find_dates(read_article("T\nThe line opens in late May 2026.\n"))
    assert date.stated_date() == {"as_stated": "late May 2026", "year": 2026}


def test_a_vague_start_and_a_day_are_two_dates() -> None:
    dates = find_dates(read_article("T\nThey stay from late September to October 3.\n"))
    assert [d.as_stated for d in dates] == ["from late September", "October 3"]
    assert dates[1].first == (10, 3)


def test_mid_before_a_word_that_is_no_month_is_no_date() -> None:
    assert find_dates(read_article("T\nA mid-size firm from Mayfield signed.\n")) == []
