"""Patterns of the tuning articles t134-t139 (first written as the blind held-out
h103-h108), in other words than theirs."""

from __future__ import annotations

from drafting_helpers import drafted, event_dates, organizations, person


def test_a_delegation_from_a_city_that_went_to_a_country_is_outgoing() -> None:
    briefing = drafted(
        "A delegation from Ganzhou, the rare-earth hub in Jiangxi Province, wrapped up a "
        "four-day visit to Peru on Friday. It was led by Ganzhou Vice Mayor Li Qiang, who "
        "met Mayor Ana Ruiz of Arequipa."
    )
    assert briefing["direction"] == "outgoing"


def test_a_delegation_from_abroad_that_visited_the_city_is_incoming() -> None:
    briefing = drafted(
        "A delegation from Arequipa wrapped up a four-day visit to Ganzhou on Friday. "
        "Ganzhou Mayor Li Qiang met Mayor Ana Ruiz of Arequipa."
    )
    assert briefing["direction"] == "incoming"


def test_a_page_s_date_header_is_the_report_s_date() -> None:
    briefing = drafted(
        "Source: Ganzhou Municipal People's Government    Date: 2025-05-14\n\n"
        "A delegation led by Ana Ruiz, Mayor of Arequipa, visited our city from 9 to 12 "
        "May 2025. Ganzhou Mayor Li Qiang met Ruiz."
    )
    assert briefing["reported"]["as_stated"] == "2025-05-14"
    assert briefing["dates"]["as_stated"] == "from 9 to 12 May 2025"


def test_a_foreign_officer_who_accompanied_the_delegation_is_its_host() -> None:
    briefing = drafted(
        "Ganzhou Mayor Li Qiang led a delegation to Peru. The delegation toured the port "
        "of Matarani, accompanied by Luis Paredes, Deputy Director of the Peru Ports "
        "Authority."
    )
    assert person(briefing, "Luis Paredes") in briefing["counterparts"]


def test_a_city_company_s_manager_is_not_of_the_hosts() -> None:
    briefing = drafted(
        "A delegation led by Ana Ruiz, Mayor of Arequipa, visited Ganzhou. Ganzhou Mayor "
        "Li Qiang met Ruiz. At the port, Wang Jun, general manager of Ganzhou Port Logistics "
        "Group, briefed the guests."
    )
    assert person(briefing, "Wang Jun") in briefing["counterparts"]


def test_whose_office_it_is_said_before_a_lower_case_title() -> None:
    briefing = drafted(
        "Ganzhou Mayor Li Qiang led a delegation to Peru, where Li and university "
        "president Carlos Vega discussed training."
    )
    assert person(briefing, "Carlos Vega")["title"] == "university president"


def test_boards_clusters_and_terminals_are_organizations() -> None:
    found = organizations(
        "Ganzhou Mayor Li Qiang led a delegation to Peru. It toured the Callao Bulk "
        "Terminal, met the Arequipa Textile Cluster and signed a memorandum with the Peru "
        "Tourism Board."
    )
    assert {"Callao Bulk Terminal", "Arequipa Textile Cluster", "Peru Tourism Board"} <= set(found)


def test_a_company_s_board_is_the_company() -> None:
    found = organizations(
        "Ganzhou Mayor Li Qiang led a delegation to Poland, where Jan Nowak, President of "
        "the Management Board of Mleko Polska, met Li."
    )
    assert "Mleko Polska" in found
    assert not any(name.startswith("Management Board") for name in found)


def test_no_organization_ends_in_a_form_of_address() -> None:
    found = organizations(
        "Ganzhou Mayor Li Qiang led a delegation to Peru. It visited Callao Port Services "
        "SA, and Executive Director Mr. Luis Paredes introduced the port."
    )
    assert not any(name.endswith("Mr") for name in found)


def test_where_a_city_s_chamber_and_a_province_of_a_country_are() -> None:
    briefing = drafted(
        "A business delegation from the Arequipa Chamber of Commerce visited Ganzhou. The "
        "group was led by Ana Ruiz, Governor of Caylloma Province of Peru. Ganzhou Mayor Li "
        "Qiang said Ganzhou hoped to work with Arequipa on textiles."
    )
    assert {"Arequipa", "Caylloma Province", "Peru"} <= set(briefing["places"])


def test_places_said_by_where_they_lie() -> None:
    briefing = drafted(
        "Ganzhou Mayor Li Qiang led a delegation to Peru. It toured the Majes industrial "
        "area and a new corridor east of Chiguata, and sailed on the Panama Canal."
    )
    assert {"Majes", "Chiguata", "Panama Canal"} <= set(briefing["places"])


def test_a_day_counted_from_an_event_told() -> None:
    dates = event_dates(
        drafted(
            "Ganzhou Mayor Li Qiang met Mayor Ana Ruiz of Arequipa on Monday. Three days "
            "after the opening of the trade week, the two cities agreed on a list of projects."
        )
    )
    assert dates["Agreement on a list of projects"] == (
        "Three days after the opening of the trade week"
    )


def test_what_a_counterpart_told_the_delegation_on_a_day_of_its_own() -> None:
    dates = event_dates(
        drafted(
            "Ganzhou Mayor Li Qiang led a delegation to Peru. A day later, in Cusco, Dr. "
            "Carlos Vega, director of the Andean Textile Institute, explained how alpaca "
            "wool is graded."
        )
    )
    assert dates["Briefing by Carlos Vega"] == "A day later"


def test_the_day_the_visit_began_somewhere_else() -> None:
    dates = event_dates(
        drafted(
            "Ganzhou Mayor Li Qiang on Tuesday hosted a delegation from Arequipa led by Mayor "
            "Ana Ruiz. Its week-long tour of China started on May 3 in Beijing."
        )
    )
    assert dates["Start of the visit"] == "on May 3"
