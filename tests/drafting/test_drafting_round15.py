"""Patterns of the tuning articles t92-t103 (first written as the blind held-out h61-h72),
in other words than theirs."""

from __future__ import annotations

from drafting_helpers import drafted, names


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
