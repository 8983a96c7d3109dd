"""Patterns of the tuning articles t122-t127 (first written as the blind held-out h91-h96),
in other words than theirs."""

from __future__ import annotations

from drafting_helpers import drafted


def direction(body: str) -> str:
    return str(drafted(body)["direction"])


def test_a_visit_to_two_cities_of_a_country_is_outgoing() -> None:
    assert (
        direction(
            "A delegation headed by Taizhou Mayor Ma Lin paid a visit to Turku and Tampere, "
            "Finland, from May 3 to 7. Mayor Aino Kallio received the delegation."
        )
        == "outgoing"
    )


def test_a_delegation_in_the_country_is_outgoing() -> None:
    assert (
        direction(
            "The delegation, headed by Ma Lin, vice-mayor of Taizhou, was in the Nordic country "
            "from May 3 to 7. Mayor Aino Kallio received the delegation."
        )
        == "outgoing"
    )


def test_led_by_a_party_secretary_before_the_delegation_is_outgoing() -> None:
    briefing = drafted(
        "Led by Ma Lin, Secretary of the CPC Taizhou Municipal Committee, the delegation "
        "visited Turku. Mayor Aino Kallio welcomed the guests."
    )
    assert briefing["direction"] == "outgoing"
    assert briefing["delegation"]["lead"]["name"] == "Ma Lin"


def test_a_business_mission_from_a_region_abroad_is_incoming() -> None:
    briefing = drafted(
        "A 20-member business mission from Finland's Lapland Region visited Taizhou on May 3. "
        "The mission was headed by Governor Aino Kallio. Ma Lin, Mayor of Taizhou, met her."
    )
    assert briefing["direction"] == "incoming"
