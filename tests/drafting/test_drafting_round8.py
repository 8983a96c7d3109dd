"""Patterns of the tuning articles t50-t55 (first written as the blind held-out h19-h24),
in other words than theirs."""

from __future__ import annotations

import pytest
from drafting_helpers import drafted, names, person


@pytest.mark.parametrize(
    ("body", "themes"),
    [
        (
            "The mayor named wind power, citrus packing and potash mining as fields where "
            "the two sides could cooperate.",
            ["wind power", "citrus packing", "potash mining"],
        ),
        (
            "Ms. Ana Lenz said Tarvo is eager to learn from Wuxi in flood control and "
            "canal dredging.",
            ["flood control", "canal dredging"],
        ),
        (
            "Mr. Olav Berg said Tromsø firms want to team up with Wuxi suppliers on cable "
            "winches and pumps for fish farms.",
            ["cable winches", "pumps for fish farms"],
        ),
        (
            "Mr. Olav Berg said the city would like to pair up with Wuxi in game design "
            "and film dubbing.",
            ["game design", "film dubbing"],
        ),
        (
            "Mr. Olav Berg said Kenya saw great potential in tea blending and leather tanning.",
            ["tea blending", "leather tanning"],
        ),
        (
            "Mr. Olav Berg said his company wanted Chinese help with hull coatings for its "
            "ferries.",
            ["hull coatings"],
        ),
        (
            "Mr. Olav Berg suggested joint training of crane operators.",
            ["training of crane operators"],
        ),
        (
            "Mr. Olav Berg said the town hoped to attract Wuxi investment in cold storage "
            "and forestry, and suggested regular student exchanges between the two towns.",
            ["cold storage", "forestry", "student exchanges"],
        ),
        (
            "Mr. Olav Berg said local firms were eager to explore bamboo textiles and tea "
            "tourism together.",
            ["bamboo textiles", "tea tourism"],
        ),
    ],
)
def test_fields_after_more_verbs_and_before_what_they_are(body: str, themes: list[str]) -> None:
    assert sorted(names(drafted(body)["themes"])) == sorted(themes)


@pytest.mark.parametrize(
    ("body", "name", "title"),
    [
        (
            "Zhao Lin, Economic and Commercial Counsellor of the Chinese Embassy in Peru, "
            "attended the talks.",
            "Zhao Lin",
            "Economic and Commercial Counsellor of the Chinese Embassy in Peru",
        ),
        (
            "The mayor met with Mag. Eva Gruber-Hofer, Tyrolean Regional Councillor for Tourism.",
            "Eva Gruber-Hofer",
            "Tyrolean Regional Councillor for Tourism",
        ),
        (
            "The guests called at Alpen Pumpen AG. Its chief operating officer, Jonas Weber, "
            "said the firm wants partners.",
            "Jonas Weber",
            "chief operating officer",
        ),
    ],
)
def test_titles_with_and_a_region_or_its_before_the_name(body: str, name: str, title: str) -> None:
    briefing = drafted("A Lanxi delegation led by Mayor Fu Ming visited Vienna. " + body)
    assert person(briefing, name)["title"] == title
