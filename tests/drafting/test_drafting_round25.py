"""Patterns of the tuning articles t146-t151 (first written as the blind held-out
h115-h120), in other words than theirs."""

from __future__ import annotations

from drafting_helpers import drafted, event_dates, organizations, person, themes


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


def test_being_welcomed_by_someone_is_meeting_them() -> None:
    dates = event_dates(
        drafted(
            "Mayor Xu Lan of Luoyang led a delegation to Kenya. On 4 May, the guests were "
            "welcomed at the county offices by Governor Peter Kamau of Nakuru."
        )
    )
    assert dates["Meeting with Peter Kamau"] == "On 4 May"


def test_being_welcomed_at_a_banquet_is_the_banquet() -> None:
    briefing = drafted(
        "Mayor Xu Lan of Luoyang led a delegation to Kenya. On 4 May, the guests were "
        "welcomed at a banquet given by Governor Peter Kamau of Nakuru."
    )
    assert [e["title"] for e in briefing["itinerary"]] == ["banquet"]


def test_meeting_the_same_people_on_another_day_is_another_meeting() -> None:
    dates = [
        (e["title"], e["date"]["as_stated"])
        for e in drafted(
            "Mayor Xu Lan of Luoyang led a delegation to Kenya from 3 to 6 May. On 3 May, Xu "
            "met Governor Peter Kamau of Nakuru. On 5 May, Xu met with Kamau again."
        )["itinerary"]
        if e["title"].startswith("Meeting")
    ]
    assert dates == [
        ("Meeting with Peter Kamau", "On 3 May"),
        ("Meeting with Peter Kamau", "On 5 May"),
    ]


def test_concluding_its_visit_on_a_day_is_its_end() -> None:
    dates = event_dates(
        drafted(
            "Mayor Xu Lan of Luoyang met Governor Peter Kamau of Nakuru on 3 May. The "
            "delegation toured the old town and concluded its visit on 5 May."
        )
    )
    assert dates["End of the visit"] == "on 5 May"


def test_a_body_whose_name_lists_fields_with_commas_is_one_name() -> None:
    briefing = drafted(
        "Mayor Xu Lan of Luoyang led a delegation to Kenya, where she met Mr. Peter Kamau, "
        "Chairman of the Federation of Farming, Fisheries, Forestry and Trade of Nakuru."
    )
    assert person(briefing, "Peter Kamau")["title"] == (
        "Chairman of the Federation of Farming, Fisheries, Forestry and Trade of Nakuru"
    )
    assert "Federation of Farming, Fisheries, Forestry and Trade of Nakuru" in [
        o["name"] for o in briefing["organizations"]
    ]


def test_fields_between_semicolons_are_whole() -> None:
    assert themes(
        "Mayor Xu Lan of Luoyang led a delegation to Kenya. Three fields led the talks: "
        "tea trade; leather tanning; and solar pumps and irrigation."
    ) == ["tea trade", "leather tanning", "solar pumps and irrigation"]


def test_a_clause_after_a_semicolon_is_no_field() -> None:
    assert themes(
        "Mayor Xu Lan of Luoyang led a delegation to Kenya to cooperate in tea trade; the "
        "mayor also visited a school."
    ) == ["tea trade"]


def test_especially_opens_a_field_of_its_own() -> None:
    assert themes(
        "Mayor Xu Lan of Luoyang led a delegation to Kenya to cooperate in tea trade, "
        "farming, particularly drip irrigation, and tourism."
    ) == ["tea trade", "farming", "drip irrigation", "tourism"]


def test_which_industry_a_field_serves_is_part_of_it() -> None:
    assert themes(
        "Mayor Xu Lan of Luoyang led a delegation to Kenya to cooperate in tea trade and "
        "pumps for the geothermal power industry."
    ) == ["tea trade", "pumps for the geothermal power industry"]


def test_a_head_word_a_currency_or_a_people_alone_is_no_organization() -> None:
    found = organizations(
        "Mayor Xu Lan of Luoyang led a delegation to Kenya, meeting Chamber members and "
        "Kenyan exporters. Enterprises from both sides signed deals worth 9 million U.S. "
        "dollars and 2 million USD with the Nakuru Tea Board."
    )
    assert found == ["Nakuru Tea Board"]


def test_a_people_s_adjective_is_no_place() -> None:
    briefing = drafted(
        "Mayor Xu Lan of Luoyang led a delegation to Finland. In Helsinki, she said the "
        "route could be marketed to Chinese travellers and Finnish firms."
    )
    assert "Chinese" not in briefing["places"]
    assert "Finnish" not in briefing["places"]
    assert "Helsinki" in briefing["places"]


def test_china_is_a_place_of_the_visit_only_where_the_journey_goes() -> None:
    told = (
        "Mayor Xu Lan of Luoyang led a delegation to Finland, the first from central China "
        "this year. In Helsinki, Xu met Mayor Anna Virtanen."
    )
    assert "China" not in drafted(told)["places"]
    assert "China" in drafted(told + " The delegation returns to China on Friday.")["places"]


def test_a_two_word_place_before_a_title_says_whose_office_it_is() -> None:
    briefing = drafted(
        "Mayor Xu Lan of Luoyang led a delegation to South Africa, where Xu and Cape Town "
        "Mayor Ann Botha signed a letter of intent."
    )
    assert person(briefing, "Ann Botha")["title"] == "Cape Town Mayor"


def test_the_city_s_leader_leads_the_hosts_before_a_university_s_president() -> None:
    briefing = drafted(
        "A delegation from Tartu, led by Mayor Urmas Kask, visited Luoyang from 3 to 6 May. "
        "On 3 May, Prof. Li Na, President of Luoyang Normal University, met the guests. On "
        "4 May, Mayor Xu Lan met with Mr. Kask and the delegation."
    )
    assert briefing["delegation"]["lead"]["name"] == "Xu Lan"


def test_a_clause_after_a_serial_comma_ends_the_list() -> None:
    assert themes(
        "Mayor Xu Lan of Luoyang led a delegation to Kenya. They agreed to deepen "
        "cooperation in tea trade, solar pumps and drip irrigation, and actively explore "
        "cooperation with the county on training."
    )[:3] == ["tea trade", "solar pumps", "drip irrigation"]
