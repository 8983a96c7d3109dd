"""Patterns of the tuning articles t80-t85 (first written as the blind held-out h49-h54),
in other words than theirs."""

from __future__ import annotations

from typing import Any

from drafting_helpers import drafted, person


def themes(body: str) -> list[str]:
    briefing: dict[str, Any] = drafted("A delegation led by Mayor Zhang Wei visited Lyon. " + body)
    return [theme["name"] for theme in briefing["themes"]]


def test_an_engineer_and_a_lawyer_as_the_philippine_press_addresses_them() -> None:
    briefing = drafted(
        "A delegation led by Mayor Zhang Wei visited Cebu on May 2. Zhang met Atty. Jose "
        "Ramos, Undersecretary of Trade. Port president Engr. Ana Cruz showed the guests "
        "the wharf."
    )
    others = briefing["counterparts"] + briefing["delegation"]["members"]
    assert sorted(p["name"] for p in others) == ["Ana Cruz", "Jose Ramos"]
    assert person(briefing, "Jose Ramos")["title"] == "Undersecretary of Trade"


def test_a_uruguayan_intendente_is_an_office() -> None:
    briefing = drafted(
        "A delegation from Salto, headed by Intendente Marta Díaz, visited Lyon on May 2. "
        "Intendente Díaz said the visit went well."
    )
    lead = briefing["delegation"]["lead"]
    assert (lead["name"], lead["title"]) == ("Marta Díaz", "Intendente")
    assert briefing["counterparts"] == []
