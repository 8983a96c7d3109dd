"""Patterns of the tuning articles t110-t115 (first written as the blind held-out h79-h84),
in other words than theirs."""

from __future__ import annotations

from drafting_helpers import drafted, event_dates, names, person, themes


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


def test_titles_responsible_for_a_field_of_a_trade_and_at_a_place_not_a_body() -> None:
    briefing = drafted(
        "Mayor Ma Lin visited Oulu. Aino Kallio, deputy mayor responsible for tourism, met him. "
        "At the mill, Eero Lind, a production engineer at the plant, showed him a line, and "
        "Aila Niemi, a researcher at the University of Oulu who studies forests, spoke."
    )
    assert person(briefing, "Aino Kallio")["title"] == "deputy mayor responsible for tourism"
    assert person(briefing, "Eero Lind")["title"] == "production engineer"
    assert person(briefing, "Aila Niemi")["title"] == "researcher at the University of Oulu"


def test_fields_after_the_areas_named_and_a_colon() -> None:
    found = themes(
        "The two cities listed the areas they would work on first: forestry, winter sports and "
        "game design. They identified four areas for joint work: mining, paper, music and film."
    )
    assert {"forestry", "winter sports", "game design", "mining", "paper", "music", "film"} <= set(
        found
    )


def test_fields_projects_involve_or_a_mechanism_covers_but_not_things() -> None:
    found = themes(
        "Five projects were signed at the meeting, involving forestry, paper and tourism. "
        "The two cities set up a working mechanism covering reindeer herding. Two projects "
        "were signed, involving a sawmill and a hotel."
    )
    assert {"forestry", "paper", "tourism", "reindeer herding"} <= set(found)
    assert not {"sawmill", "hotel"} & set(found)


def test_fields_mostly_in_and_as_well_as_on() -> None:
    found = themes(
        "The two sides exchanged views on forestry and paper, as well as on winter sports. "
        "Ten deals were signed, mostly in mining and timber, according to Aino Kallio."
    )
    assert {"forestry", "paper", "winter sports", "mining", "timber"} <= set(found)


def test_visitors_received_on_a_day_by_the_host_and_a_signing_on_another_occasion() -> None:
    briefing = drafted(
        "The visitors, led by Aino Kallio, Mayor of Oulu, were in Taizhou from June 3 to 6. They "
        "were received on June 3 by Taizhou's mayor, Ma Lin. Ma and Kallio signed a friendship "
        "agreement on the evening of June 4."
    )
    assert briefing["delegation"]["lead"]["name"] == "Ma Lin"
    dates = event_dates(briefing)
    assert dates["Meeting with Aino Kallio's delegation"] == "on June 3"
    assert dates["Signing"] == "on the evening of June 4"


def test_a_weekday_or_the_final_day_said_with_which_day_of_the_visit_it_was() -> None:
    dates = event_dates(
        drafted(
            "A delegation led by Mayor Ma Lin visited Oulu from June 3 to 6. On Friday, the last "
            "day of the visit, the delegation toured the Oulu Art Museum. On the final day, "
            "June 6, the delegation visited Oulu University. Later the same day the delegation "
            "visited the Oulu Port Authority."
        )
    )
    assert {"On Friday, the last day of the visit", "On the final day, June 6"} <= set(
        dates.values()
    )
    assert "Later the same day" in dates.values()


def test_staff_titles_and_a_part_of_a_continent() -> None:
    briefing = drafted(
        "Mayor Ma Lin visited Oulu, where Associate Professor Aila Niemi, agronomist Eero Lind "
        "and Juha Salo, a lecturer in forestry, spoke. Ma said Taizhou wanted a partner in "
        "Northern Europe."
    )
    assert person(briefing, "Aila Niemi")["title"] == "Associate Professor"
    assert {"Eero Lind", "Juha Salo"} <= set(names(briefing["counterparts"]))
    assert "Northern Europe" not in names(briefing["counterparts"])


def test_a_place_only_spoken_of_is_not_where_the_event_was() -> None:
    briefing = drafted(
        'Mayor Ma Lin met Aino Kallio, Mayor of Oulu, on June 3, saying Taizhou wanted "a '
        'partner in Northern Europe".'
    )
    assert all(e.get("place") != "Northern Europe" for e in briefing["itinerary"])


def test_an_office_its_owner_word_opens_with_its_complement() -> None:
    briefing = drafted(
        "Mayor Ma Lin visited the Oulu chamber. Our vice president for trade, Aila Niemi, "
        "reported 14 deals. Mayor Kallio was accompanied by his deputy, Eero Lind; and Juha "
        "Salo, director of Oulu Port."
    )
    assert person(briefing, "Aila Niemi")["title"] == "vice president for trade"
    assert person(briefing, "Eero Lind")["title"] == "deputy"


def test_a_governorate_is_a_body_not_a_person() -> None:
    briefing = drafted(
        "At the Governorate of Azuay, Governor of Azuay Province Marco Vega hosted a lunch "
        "attended by Mayor Ma Lin."
    )
    assert "Azuay" not in names(briefing["counterparts"])
    assert "Governorate of Azuay" in names(briefing["organizations"])
