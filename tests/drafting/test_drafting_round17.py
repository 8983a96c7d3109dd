"""Patterns of the tuning articles t110-t115 (first written as the blind held-out h79-h84),
in other words than theirs."""

from __future__ import annotations

from drafting_helpers import drafted, names


def test_a_dateline_abroad_makes_the_visit_outgoing() -> None:
    briefing = drafted(
        "OULU, Finland, May 3 (Xinhua) -- A delegation from Taizhou, a coastal city in eastern "
        "China, ended a three-day visit to Oulu on Friday. The 12-member delegation, headed by "
        "Taizhou Mayor Ma Lin, was welcomed by Mayor Aino Kallio."
    )
    assert briefing["direction"] == "outgoing"
    assert briefing["delegation"]["lead"]["name"] == "Ma Lin"
    assert "Aino Kallio" in names(briefing["counterparts"])


def test_a_dateline_at_home_or_a_delegation_from_a_country_stays_incoming() -> None:
    briefing = drafted(
        "A delegation from Oulu, Finland, led by Mayor Aino Kallio, visited Taizhou on May 3. "
        "Ma Lin, Mayor of Taizhou, met the delegation."
    )
    assert briefing["direction"] == "incoming"
    assert briefing["delegation"]["lead"]["name"] == "Ma Lin"


def test_a_region_of_a_country_visited_is_abroad() -> None:
    briefing = drafted(
        "A delegation led by Ma Lin, Vice Mayor of Taizhou, paid a visit to the Lapland Region "
        "of Finland from May 3 to 7. The delegation was received by Mayor Aino Kallio."
    )
    assert briefing["direction"] == "outgoing"
    assert briefing["delegation"]["lead"]["name"] == "Ma Lin"


def test_a_delegation_led_by_a_party_secretary_is_the_citys_own() -> None:
    briefing = drafted(
        "The chamber co-hosted a delegation from Taizhou. The delegation was led by Ma Lin, "
        "Secretary of the CPC Taizhou Municipal Committee. Mayor Aino Kallio welcomed the group."
    )
    assert briefing["direction"] == "outgoing"
    assert briefing["delegation"]["lead"]["name"] == "Ma Lin"


def test_a_host_party_secretary_who_met_a_delegation_keeps_it_incoming() -> None:
    briefing = drafted(
        "Ma Lin, Secretary of the CPC Taizhou Municipal Committee, met a delegation led by "
        "Aino Kallio, Mayor of Oulu, on May 3."
    )
    assert briefing["direction"] == "incoming"
