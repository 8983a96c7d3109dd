"""Patterns of the tuning articles t62-t67 (first written as the blind held-out h31-h36),
in other words than theirs."""

from __future__ import annotations

from typing import Any

from drafting_helpers import drafted, names, person


def everyone(briefing: dict[str, Any]) -> list[str]:
    lead = briefing["delegation"]["lead"]
    people = [*briefing["counterparts"], *briefing["delegation"]["members"]]
    return sorted(names(people + ([lead] if lead else [])))


def test_an_owners_lower_case_office_between_commas_is_the_next_names_title() -> None:
    briefing = drafted(
        "A delegation led by Mayor Zhang Wei visited Lyon. Lumière Optique's chief "
        "executive, Paul Morel, said orders had doubled. The bank's deputy governor, "
        "Claire Dubois, said the city would help. Rhône's regional prefect for economic "
        "affairs, Marc Lefort."
    )
    assert everyone(briefing) == ["Claire Dubois", "Marc Lefort", "Paul Morel", "Zhang Wei"]
    assert person(briefing, "Paul Morel")["title"] == "chief executive"
    assert person(briefing, "Claire Dubois")["title"] == "deputy governor"
    assert person(briefing, "Marc Lefort")["title"] == "regional prefect for economic affairs"


def test_a_delegation_headed_by_a_citys_lower_case_office_and_a_name_has_that_lead() -> None:
    briefing = drafted(
        "Headed by Nanjing's vice mayor, Liu Peng, the 20-member group visited Lyon. "
        "Paul Morel, chairman of Lumière Optique SA, said orders had doubled."
    )
    lead = briefing["delegation"]["lead"]
    assert (lead["name"], lead["title"]) == ("Liu Peng", "vice mayor")


def test_a_body_after_a_comma_inside_brackets_is_the_persons_organization() -> None:
    briefing = drafted(
        "A delegation led by Mayor Zhang Wei visited Lyon. Paul Morel (head of sales, "
        "Lumière Optique SA) said orders had doubled."
    )
    morel = person(briefing, "Paul Morel")
    assert morel["title"] == "head of sales"
    assert morel["organization"] == "lumiere-optique-sa"


def test_who_travels_with_the_delegation_is_a_member_and_only_the_last_of_a_row() -> None:
    briefing = drafted(
        "A delegation led by Mayor Zhang Wei visited Lyon. Vice Mayor Wu Lan and Chen Bo, "
        "director of the Nanjing Municipal Bureau of Commerce, are travelling with the "
        "delegation. The deal was signed by Paul Morel, chairman of Lumière Optique SA, "
        "and Gao Yu, chairman of Nanjing Optics Co., Ltd., who travelled with the group."
    )
    members = names(briefing["delegation"]["members"])
    assert sorted(members) == ["Chen Bo", "Gao Yu", "Wu Lan"]
    assert "Paul Morel" in names(briefing["counterparts"])
