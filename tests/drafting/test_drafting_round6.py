"""Patterns of the tuning articles t26-t31 (t26-t28 first written as the held-out
h10-h12; t29-t31 written for the same patterns in other words)."""

from __future__ import annotations

import pytest
from drafting_helpers import drafted, names


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
