"""Patterns of the tuning articles t146-t151 (first written as the blind held-out
h115-h120), in other words than theirs."""

from __future__ import annotations

from drafting_helpers import drafted


def test_a_delegation_from_a_city_of_china_is_the_city_s_own() -> None:
    briefing = drafted(
        "NAIROBI, March 3 (Xinhua) -- A delegation from the city of Luoyang in central "
        "China's Henan Province wrapped up a three-day visit to Kenya on Friday. Its head, "
        "Mayor Xu Lan, met Governor Peter Kamau of Nakuru."
    )
    assert briefing["direction"] == "outgoing"


def test_a_delegation_from_a_city_described_as_in_china_is_the_city_s_own() -> None:
    briefing = drafted(
        "A 20-member delegation from Luoyang, an old capital in China's Henan province, "
        "spent two days in Mombasa, meeting the Chamber's members. Mayor Xu Lan led it."
    )
    assert briefing["direction"] == "outgoing"
