"""Patterns of the tuning articles t128-t133 (first written as the blind held-out h97-h102),
in other words than theirs."""

from __future__ import annotations

from drafting_helpers import drafted, names, themes


def test_fields_talks_cover_talked_about_and_a_memorandum_lists() -> None:
    found = themes(
        "The delegation ended its stay with talks covering forestry, paper and bioenergy. "
        "The two sides talked about reindeer meat and tea trade, and agreed to meet again. "
        "They signed a memorandum, which lists winter sports, game design and tourism."
    )
    assert {
        "forestry",
        "paper",
        "bioenergy",
        "reindeer meat",
        "tea trade",
        "winter sports",
        "game design",
        "tourism",
    } <= set(found)


def test_a_list_ends_at_a_modal_verb_or_an_appositive_of_fields() -> None:
    found = themes(
        "Kallio said Oulu's experience in district heating and the circular economy could help. "
        "Ma introduced Taizhou's experience in pumps and valves, two fields he said could grow."
    )
    assert {"district heating", "circular economy", "pumps", "valves"} <= set(found)
    assert not [name for name in found if "could" in name or "fields" in name]


def test_a_course_in_a_field() -> None:
    assert "forest ecology" in themes(
        "The universities agreed to launch a joint master's course in forest ecology."
    )


def test_the_maker_named_after_its_trade_is_an_organization() -> None:
    found = names(
        drafted("Mayor Ma Lin toured the valve maker Pumppu, then left.")["organizations"]
    )
    assert "Pumppu" in found


def test_guests_welcomed_on_an_evening_by_the_host() -> None:
    briefing = drafted(
        "The guests, headed by Aino Kallio, Mayor of Oulu, were welcomed on Sunday evening by "
        "Taizhou Party Secretary Ma Lin."
    )
    assert briefing["direction"] == "incoming"
    assert briefing["delegation"]["lead"]["name"] == "Ma Lin"


def test_a_leg_takes_its_own_date_not_the_arrivals() -> None:
    briefing = drafted(
        "A delegation led by Mayor Aino Kallio of Oulu visited Taizhou. The delegation arrived "
        "on 16 June and left for Shanghai on 18 June."
    )
    legs = {e["title"]: (e.get("date") or {}).get("as_stated") for e in briefing["itinerary"]}
    assert legs["Travel to Shanghai"] == "on 18 June"
