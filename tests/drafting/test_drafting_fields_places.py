"""Fields after "investing in", a place's possessive before a field, a list that ends at
", and <verb>ed ...", and places: a possessive, a place before a name in a title, "from
X", "Minister for Trade of X", and a name paired with a known place."""

from __future__ import annotations

import pytest
from drafting_helpers import drafted, names


@pytest.mark.parametrize(
    ("body", "themes"),
    [
        (
            "Park said Sora companies are interested in investing in Lanzhou's hydrogen "
            "industry and biopharmaceuticals.",
            ["hydrogen industry", "biopharmaceuticals"],
        ),
        (
            "Tawfiq said Alnor welcomes Chinese investment in new urban development and "
            "renewable energy, and invited Lanzhou companies to the Alnor Investment Forum.",
            ["new urban development", "renewable energy"],
        ),
        (
            # An "-ed" word followed by a field is a field, not the verb that ends the list.
            "They agreed to cooperate in robotics, and advanced manufacturing.",
            ["robotics", "advanced manufacturing"],
        ),
    ],
)
def test_fields_are_listed(body: str, themes: list[str]) -> None:
    assert names(drafted(body)["themes"]) == themes


def test_a_theme_quote_is_the_text_of_the_list() -> None:
    briefing = drafted("Park said they are interested in investing in Lanzhou's hydrogen industry.")
    (theme,) = briefing["themes"]
    assert "investing in Lanzhou's hydrogen industry" in theme["quotes"][0]


@pytest.mark.parametrize(
    ("body", "place"),
    [
        ("Lanzhou, May 3 -- They toured Lanzhou's new port on May 2.", "Lanzhou"),
        ("Governor of Alnor Karim Tawfiq met Mayor Li Na on May 2.", "Alnor"),
        ("A delegation from Sorano visited the city.", "Sorano"),
        ("He met Mr. Colin Ward, Minister for Trade of Westmark, there.", "Westmark"),
        (
            "Lanzhou, May 3 -- Li Na said Lanzhou and Sorano have complementary strengths.",
            "Sorano",
        ),
    ],
)
def test_a_place_is_found(body: str, place: str) -> None:
    assert place in drafted(body)["places"]


def test_places_are_not_possessives_weekdays_or_people() -> None:
    briefing = drafted(
        "Lanzhou, May 3 -- Governor of Alnor Karim Tawfiq toured Lanzhou's port. "
        "The talks ran from Thursday."
    )
    assert briefing["places"] == ["Lanzhou", "Alnor"]
