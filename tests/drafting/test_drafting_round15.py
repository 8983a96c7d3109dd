"""Patterns of the tuning articles t92-t103 (first written as the blind held-out h61-h72),
in other words than theirs."""

from __future__ import annotations

from drafting_helpers import drafted, event_dates, names, organizations, themes


def test_a_delegation_back_from_a_visit_abroad_is_outgoing_whoever_welcomed_the_guests() -> None:
    briefing = drafted(
        "A Taizhou delegation headed by Ma Lin, Mayor of Taizhou, came back on Friday from a "
        "four-day visit to Portugal. In Porto, Mayor Rui Vaz welcomed the guests."
    )
    assert briefing["direction"] == "outgoing"
    assert briefing["delegation"]["lead"]["name"] == "Ma Lin"
    assert "Rui Vaz" in names(briefing["counterparts"])


def test_a_delegation_that_was_in_a_country_went_there() -> None:
    briefing = drafted(
        "A Taizhou delegation led by Ma Lin, Mayor of Taizhou, was in Peru from May 3 to 7. "
        "Lima's mayor, Jorge Salas, received the delegation."
    )
    assert briefing["direction"] == "outgoing"
    assert briefing["delegation"]["lead"]["name"] == "Ma Lin"


def test_the_host_who_held_talks_with_the_guests_leads_the_citys_side() -> None:
    briefing = drafted(
        "A delegation from Portugal's Braga District, headed by Rui Vaz, President of the "
        "Braga District Council, stayed in Taizhou for three days. Taizhou Mayor Ma Lin held "
        "talks with the guests on Monday."
    )
    assert briefing["direction"] == "incoming"
    assert briefing["delegation"]["lead"]["name"] == "Ma Lin"
    assert "Rui Vaz" in names(briefing["counterparts"])


def test_an_opening_weekday_is_not_a_dateline_city() -> None:
    briefing = drafted(
        "On Friday, June 6, Ma Lin, Vice Mayor of Taizhou, received a trade delegation from "
        "Peru. Also present was Gao Fei, Director of the Taizhou Municipal Bureau of Commerce."
    )
    assert "Gao Fei" in names(briefing["delegation"]["members"])


def test_a_city_officer_who_accompanied_the_visitors_is_of_the_hosts() -> None:
    briefing = drafted(
        "TAIZHOU, June 6 -- Mayor Ma Lin met a delegation from Peru led by Jorge Salas, Mayor "
        "of Cusco. Vice Mayor Gao Fei accompanied the delegation to the port."
    )
    assert "Gao Fei" in names(briefing["delegation"]["members"])
    assert "Jorge Salas" in names(briefing["counterparts"])


def test_an_office_the_host_city_owns_is_of_the_hosts() -> None:
    briefing = drafted(
        "TAIZHOU, June 6 -- Mayor Ma Lin met a delegation from Peru led by Jorge Salas, Mayor "
        "of Cusco. Taizhou's deputy mayor for trade, Gao Fei, also took part."
    )
    assert "Gao Fei" in names(briefing["delegation"]["members"])


def test_fields_after_experience_with() -> None:
    assert {"oyster farming", "wetland restoration"} <= set(
        themes(
            "Mayor Ma Lin said Taizhou wanted to learn from Cusco's experience with oyster "
            "farming and wetland restoration."
        )
    )


def test_fields_a_side_would_encourage_more_of_but_not_its_companies() -> None:
    found = themes(
        "Mayor Ma Lin said the city would encourage more charter flights and teacher exchanges. "
        "The council would encourage more companies from Cusco to visit."
    )
    assert {"charter flights", "teacher exchanges"} <= set(found)
    assert "companies" not in found


def test_fields_a_city_is_turning_towards() -> None:
    assert {"biomedicine", "marine engineering"} <= set(
        themes("Ma Lin noted that Taizhou is turning towards biomedicine and marine engineering.")
    )


def test_fields_a_memorandum_covers() -> None:
    assert {"urban planning", "culture", "sports"} <= set(
        themes(
            "The two cities signed a memorandum of understanding on friendship, covering urban "
            "planning, culture and sports."
        )
    )


def test_fields_a_partnership_with_common_nouns_covers() -> None:
    assert {"copper mining", "solar power"} <= set(
        themes(
            "Ma Lin hopes to build a partnership with Peruvian regions covering copper mining and "
            "solar power."
        )
    )


def test_fields_where_a_side_is_strong_after_a_colon() -> None:
    assert {"alpaca breeding", "textiles", "eco-tourism"} <= set(
        themes(
            "Ma Lin wants cooperation in fields where Peru is strong: alpaca breeding, textiles "
            "and eco-tourism."
        )
    )


def test_fields_the_talks_ranged_over() -> None:
    assert {"fisheries", "food safety", "e-commerce"} <= set(
        themes("The talks ranged from fisheries and food safety to e-commerce.")
    )


def test_fields_after_as_well_as_and_after_an_appositive() -> None:
    found = themes(
        "Salas said Cusco was ready to widen cooperation in mining, textiles and tourism, as well "
        "as in higher education and sports. Salas was keen on partners in coffee and cocoa, two of "
        "Taizhou's strengths."
    )
    assert {
        "mining",
        "textiles",
        "tourism",
        "higher education",
        "sports",
        "coffee",
        "cocoa",
    } <= set(found)
    assert not [name for name in found if " and " in name or "strengths" in name]


def test_who_is_trained_is_not_part_of_the_field() -> None:
    found = themes(
        "The two sides discussed cooperation on water supply as well as skills training for "
        "young farmers."
    )
    assert {"water supply", "skills training"} <= set(found)


def test_a_list_ends_before_near_and_has() -> None:
    found = themes(
        "Salas asked for help with grain silos near the border. Exchanges in trade, music and "
        "film have kept growing."
    )
    assert {"grain silos", "film"} <= set(found)


def test_fields_hoped_for_and_asked_about() -> None:
    found = themes(
        "Salas hoped for regular youth exchanges between the two cities, and asked about "
        "tea courses."
    )
    assert {"youth exchanges", "tea courses"} <= set(found)


def test_days_counted_from_the_day_just_given_stay_words() -> None:
    dates = event_dates(
        drafted(
            "A delegation led by Mayor Ma Lin visited Cusco from May 3 to 7. On May 4 the "
            "delegation visited the Cusco Textile Company. The night before, the visitors had "
            "been shown around the Qorikancha Museum. Later that morning the delegation toured "
            "the Andes Coffee Company. One day later the delegation visited the Port of Matarani."
        )
    ).values()
    assert {"On May 4", "The night before", "Later that morning", "One day later"} <= set(dates)
    fair = event_dates(drafted("Mayor Ma Lin visited Cusco the day before the fair."))
    assert "before" not in str(fair)


def test_a_weekday_with_a_stays_words() -> None:
    dates = event_dates(
        drafted(
            "A delegation led by Mayor Ma Lin visited Peru in May. On a Friday morning the "
            "delegation visited the Port of Callao."
        )
    ).values()
    assert "On a Friday morning" in dates


def test_a_dinner_a_days_visit_and_an_escort_are_events() -> None:
    briefing = drafted(
        "A delegation led by Mayor Ma Lin visited Cusco from May 3 to 7. On the evening of May 3, "
        "the Cusco Chamber of Commerce hosted a dinner for the guests. On May 4 the visitors "
        "spent the whole day at Cusco Airport. On May 5, Jorge Salas accompanied the delegation "
        "to the Cusco Power Company."
    )
    events = event_dates(briefing)
    assert events["dinner for the guests"] == "On the evening of May 3"
    assert {"On May 4", "On May 5"} <= set(events.values())


def test_who_organizes_runs_or_employs_is_an_organization() -> None:
    found = organizations(
        "Mayor Ma Lin attended a briefing organized by the Andean Trade Circle, visited a farm "
        "run by Inti Highland Coffee and met engineers of Callao Marine Instruments."
    )
    assert {"Andean Trade Circle", "Inti Highland Coffee", "Callao Marine Instruments"} <= set(
        found
    )


def test_a_head_followed_by_of_names_an_organization() -> None:
    assert "Cusco Municipal Hospital of Cardiology" in organizations(
        "The visitors saw Cusco Municipal Hospital of Cardiology."
    )


def test_sri_lanka_is_a_country_not_a_form_of_address() -> None:
    briefing = drafted(
        "Mayor Ma Lin met Ruwan Perera, deputy director of the Sri Lanka Rubber Board. He also "
        "met Tan Sri Ong Boon Hock."
    )
    assert sorted(names(briefing["counterparts"])) == ["Ong Boon Hock", "Ruwan Perera"]
    assert (
        next(p for p in briefing["counterparts"] if p["name"] == "Ruwan Perera")["title"]
        == "deputy director of the Sri Lanka Rubber Board"
    )
