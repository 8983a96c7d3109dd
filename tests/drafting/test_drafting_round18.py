"""Patterns of the tuning articles t116-t121 (first written as the blind held-out h85-h90),
in other words than theirs."""

from __future__ import annotations

from drafting_helpers import drafted, everyone, names, person, themes


def test_names_with_two_particles_a_worship_and_an_architect() -> None:
    briefing = drafted(
        "A delegation from Utrecht, headed by Alderman Pieter van den Berg, arrived in Taizhou. "
        "Also present were Utrecht Chief Architect Sanne Visser and Her Worship Amina Juma, "
        "Mayor of Moshi."
    )
    assert {"Pieter van den Berg", "Sanne Visser", "Amina Juma"} <= set(everyone(briefing))
    assert person(briefing, "Sanne Visser")["title"] == "Utrecht Chief Architect"
    assert not {"Pieter", "Worship Amina Juma"} & set(everyone(briefing))


def test_a_business_mission_abroad_is_outgoing() -> None:
    briefing = drafted(
        "Thirty enterprises from Taizhou spent a busy week in Kenya in May. The mission was "
        "headed by Ma Lin, vice mayor of Taizhou. The group was received by Mayor Amina Juma."
    )
    assert briefing["direction"] == "outgoing"
    assert briefing["delegation"]["lead"]["name"] == "Ma Lin"


def test_fields_of_a_citys_industries_its_base_and_where_talk_turned() -> None:
    found = themes(
        "Ma said Taizhou has strong industries in auto parts, pumps and plastic moulds, and is "
        "a base of shipbuilding and textiles. Their talk turned to vocational education. The "
        "two sides were exchanging views on rail freight between the two countries."
    )
    assert {
        "auto parts",
        "pumps",
        "plastic moulds",
        "shipbuilding",
        "textiles",
        "vocational education",
        "rail freight",
    } <= set(found)


def test_fields_a_letter_of_intent_covers_and_a_list_ending_in_there() -> None:
    found = themes(
        "The mayors signed a letter of intent on friendship, covering trade, football and "
        "culture. The two firms signed a memorandum of understanding on green steel there."
    )
    assert {"trade", "football", "culture", "green steel"} <= set(found)


def test_a_maker_in_an_appositive_and_a_haute_ecole_are_organizations() -> None:
    found = names(
        drafted(
            "Ma's company and Forges Delvaux, a local maker of boiler parts, signed a deal. "
            "Teachers from the Haute École Libre spoke."
        )["organizations"]
    )
    assert {"Forges Delvaux", "Haute École Libre"} <= set(found)
