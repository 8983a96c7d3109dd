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


def test_what_talks_were_held_on_are_fields_up_to_where_they_run() -> None:
    assert themes(
        "The guests held talks on river freight, bonded warehousing and grain terminals along "
        "the Rhône."
    ) == ["river freight", "bonded warehousing", "grain terminals"]


def test_a_field_may_open_with_a_language_or_peoples_name() -> None:
    assert themes("Roux and Zhang discussed French-language teaching and chef exchanges.") == [
        "French-language teaching",
        "chef exchanges",
    ]
    assert themes("Two colleges signed a memorandum on Spanish-language courses.") == [
        "Spanish-language courses"
    ]


def test_what_a_city_has_a_base_in_and_where_companies_are_welcome() -> None:
    assert themes("Roux said Lyon had a solid base in silk weaving and organic chemistry.") == [
        "silk weaving",
        "organic chemistry",
    ]
    assert themes("Roux would welcome Zhang's firms, especially in biogas and optics.") == [
        "biogas",
        "optics",
    ]


def test_training_for_trainees_named_by_nationality_lists_its_fields() -> None:
    assert themes("The college will offer training for Malian nurses in midwifery.") == [
        "midwifery"
    ]


def event_dates(body: str) -> list[str]:
    briefing = drafted(body)
    return [e["date"]["as_stated"] for e in briefing["itinerary"] if e.get("date")]


def test_a_meeting_between_two_people_is_dated_by_its_sentence() -> None:
    assert "on Monday, June 2" in event_dates(
        "A delegation led by Mayor Zhang Wei held many meetings in France. The visit opened "
        "in Lyon on Monday, June 2, with a meeting between Zhang and Mr. Paul Roux, "
        "Mayor of Lyon."
    )


def test_a_heading_before_a_destination_is_still_a_leg() -> None:
    assert event_dates(
        "A delegation led by Mayor Zhang Wei visited Lyon on June 2. On Tuesday (June 3), "
        "the delegation travelled south to Marseille."
    ) == ["On Tuesday (June 3)"]


def test_closed_joint_stock_and_bulgarian_joint_stock_companies() -> None:
    briefing = drafted("The guests saw Kura Shipping CJSC and then Rodopi Foods AD in Lyon.")
    assert [o["name"] for o in briefing["organizations"]] == [
        "Kura Shipping CJSC",
        "Rodopi Foods AD",
    ]
