"""Patterns of the tuning articles t74-t79 (first written as the blind held-out h43-h48),
in other words than theirs."""

from __future__ import annotations

from typing import Any

from drafting_helpers import drafted, person

from tui.drafting.dates import find_dates
from tui.drafting.sentences import read_article


def themes(body: str) -> list[str]:
    briefing: dict[str, Any] = drafted("A delegation led by Mayor Zhang Wei visited Lyon. " + body)
    return [theme["name"] for theme in briefing["themes"]]


def test_what_two_sides_discussed_are_fields() -> None:
    assert themes("The two sides discussed port automation and grain shipping, and agreed.") == [
        "port automation",
        "grain shipping",
    ]
    assert themes("Lefort discussed with Zhang solar farming and the protection of wetlands.") == [
        "solar farming",
        "protection of wetlands",
    ]


def test_a_discussion_of_joint_work_takes_its_fields_from_the_work() -> None:
    assert themes("Lefort discussed joint work on wind energy with Zhang.") == ["wind energy"]


def test_notes_compared_and_exchanges_covering_list_fields() -> None:
    assert themes("Engineers compared notes on dredging and pilotage.") == ["dredging", "pilotage"]
    assert themes(
        "Lefort looked forward to exchanges with Lyon covering silk weaving, dyeing and design."
    ) == ["silk weaving", "dyeing", "design"]


def test_teaching_lists_its_fields() -> None:
    assert sorted(
        themes(
            "Students will come for internships in food safety. The college will train nurses "
            "in elderly care. Both discussed teacher exchanges and joint courses in hotel "
            "management."
        )
    ) == ["elderly care", "food safety", "hotel management", "teacher exchanges"]


def test_where_companies_are_told_to_look_is_a_field() -> None:
    assert themes("Li encouraged Lyon companies to look at biogas and wool processing.") == [
        "biogas",
        "wool processing",
    ]


def test_an_agreement_with_a_company_on_the_supply_of_something() -> None:
    assert themes(
        "Lefort signed an agreement with Rhône Poissons Co., Ltd. on the supply of trout eggs "
        "and fish farming."
    ) == ["supply of trout eggs", "fish farming"]


def test_an_example_after_the_list_is_no_field() -> None:
    assert themes(
        "They discussed cooperation in optics and laser welding, including visits for teachers."
    ) == ["optics", "laser welding"]


def test_a_field_with_its_own_and_keeps_it() -> None:
    assert themes(
        "Lyon will share its experience in tram design, rice and wheat breeding and the "
        "greening of roofs."
    ) == ["tram design", "rice and wheat breeding", "greening of roofs"]
    assert themes("Lefort proposed joint work on Alpine and high-altitude farming.") == [
        "Alpine and high-altitude farming"
    ]


def people(body: str) -> dict[str, str | None]:
    briefing = drafted("A delegation led by Mayor Zhang Wei visited Lyon. " + body)
    found = briefing["counterparts"] + briefing["delegation"]["members"]
    return {entry["name"]: entry.get("title") for entry in found}


def test_a_lower_case_office_right_before_a_name_is_its_title() -> None:
    assert people(
        "At Rhône Verre SA, where general manager Élise Fournier said orders had grown, the "
        "guests saw a furnace. Chief executive Paul Marchand said the firm would invest."
    ) == {"Élise Fournier": "general manager", "Paul Marchand": "Chief executive"}


def test_department_nouns_before_an_office_are_part_of_the_title() -> None:
    assert people(
        "At the chamber, board chairman Dr. Louis Garnier hosted a session. They heard "
        "operations director Anne Morel."
    ) == {"Louis Garnier": "board chairman", "Anne Morel": "operations director"}


def test_an_office_with_its_complement_before_a_name() -> None:
    assert people("At the port, head of business development Marc Lenoir discussed ferries.") == {
        "Marc Lenoir": "head of business development"
    }


def test_a_title_after_a_comma_with_the_department_nouns_before_its_office() -> None:
    assert people("Paul Roux, research director for water and urban farming, said so.") == {
        "Paul Roux": "research director for water and urban farming"
    }


def test_a_lower_case_field_joined_by_and_ends_the_title() -> None:
    assert people(
        "He met Marc Petit, Lyon's regional councillor for trade and industry, today."
    ) == {"Marc Petit": "regional councillor for trade and industry"}


def test_a_member_of_a_board_named_by_its_kind_and_a_committee_member() -> None:
    assert people(
        "Ms. Anne Roy, a member of the supervisory board of Loire Pompes AG, spoke. Hon. Jean "
        "Bal, Lyon's County Executive Committee Member for Water and Energy; and Mr. Luc Ney."
    ) == {
        "Anne Roy": "member of the supervisory board of Loire Pompes AG",
        "Jean Bal": "County Executive Committee Member for Water and Energy",
        "Luc Ney": None,
    }


def test_the_college_a_title_is_of_is_named_elsewhere() -> None:
    assert people("At Lyon Polytechnic, Marie Blanc, president of the college, signed.") == {
        "Marie Blanc": "president"
    }


def test_a_title_for_a_field_runs_on_to_the_embassy_it_is_at() -> None:
    assert people(
        "Ms. Awino Otieno, Counsellor for trade at the Embassy of the Republic of Kenya in "
        "Paris, attended."
    ) == {"Awino Otieno": "Counsellor for trade at the Embassy of the Republic of Kenya in Paris"}


def test_a_weekday_with_its_date_in_brackets_is_one_date() -> None:
    article = read_article(
        "T\n\nOn Tuesday (Oct. 14), Li met Roux. On Friday (late May) it rained."
    )
    assert [(d.as_stated, d.first) for d in find_dates(article)] == [
        ("On Tuesday (Oct. 14)", (10, 14)),
        ("On Friday (late May)", None),
    ]


def test_his_excellency_and_an_engineer_are_forms_of_address() -> None:
    briefing = drafted(
        "LYON, May 3 -- A delegation from Kisumu County, led by Kisumu Governor H.E. Otieno "
        "Were, was in Lyon from May 1 to 2. Eng. Peter Ouma, general manager of the Kisumu "
        "Port Authority, came. Engineer Ouma said the port would grow."
    )
    assert briefing["delegation"]["lead"]["name"] == "Otieno Were"
    others = briefing["counterparts"] + briefing["delegation"]["members"]
    assert [(p["name"], p["aliases"]) for p in others] == [("Peter Ouma", ["Ouma"])]


def test_the_day_a_visit_ended_is_the_date_of_its_end() -> None:
    briefing = drafted(
        "A delegation led by Mayor Zhang Wei visited Lyon from May 1 to 4. The visit ended on "
        "May 4 at the Lyon Institute. Zhang and Roux signed an agreement."
    )
    dates = [e["date"]["as_stated"] for e in briefing["itinerary"] if e.get("date")]
    assert "on May 4" in dates


def test_a_delegation_of_people_listed_with_commas_from_elsewhere_is_incoming() -> None:
    briefing = drafted(
        "A delegation of officials, researchers and business leaders from Kassel visited Lyon "
        "on May 2. On May 3, Lyon Mayor Paul Roux held talks with Anna Kurz and her "
        "delegation."
    )
    assert briefing["direction"] == "incoming"
    assert briefing["delegation"]["lead"]["name"] == "Paul Roux"


def organizations(body: str) -> list[str]:
    return [o["name"] for o in drafted(body)["organizations"]]


def test_estonian_and_german_legal_forms() -> None:
    assert organizations(
        "At AS Narva Vesi, the guests met. They saw Kalev Andur OÜ and Verein Rheinhafen e.V."
    ) == ["AS Narva Vesi", "Kalev Andur OÜ", "Verein Rheinhafen e.V."]


def test_a_verb_after_the_list_ends_it() -> None:
    assert themes(
        "Roux said Lyon's expertise in silk dyeing and urban cable cars was just what the "
        "city needed."
    ) == ["silk dyeing", "urban cable cars"]


def event_dates(body: str) -> list[str]:
    briefing = drafted(body)
    return [e["date"]["as_stated"] for e in briefing["itinerary"] if e.get("date")]


def test_days_counted_from_a_day_stated_stay_words() -> None:
    article = read_article(
        "T\n\nTwo days later, the delegation held a forum. Over the next three days, it toured."
    )
    assert [(d.as_stated, d.first) for d in find_dates(article)] == [
        ("Two days later", None),
        ("Over the next three days", None),
    ]


def test_a_banquet_a_reception_and_a_session_are_events_of_their_own() -> None:
    assert event_dates(
        "A delegation led by Mayor Zhang Wei visited Lyon on May 2. In the evening, Mayor "
        "Roux hosted a welcome banquet for the delegation. The following day, a business "
        "matchmaking session brought together 30 firms."
    ) == ["In the evening", "The following day"]


def test_a_flight_to_a_city_is_a_leg_of_the_journey() -> None:
    assert "on Friday" in event_dates(
        "A delegation led by Mayor Zhang Wei visited Lyon on May 2. The delegation is "
        "scheduled to fly to Madrid on Friday."
    )


def test_a_title_opening_the_sentence_before_an_honorific_and_a_foreign_mission() -> None:
    briefing = drafted(
        "LYON, May 3 -- A delegation from Kassel was received by Lyon Mayor Paul Roux. "
        "German Consul General in Lyon Mr. Jan Weber accompanied the delegation."
    )
    weber = person(briefing, "Jan Weber")
    assert weber["title"] == "German Consul General in Lyon"
    assert "Jan Weber" not in [p["name"] for p in briefing["delegation"]["members"]]
