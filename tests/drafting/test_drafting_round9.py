"""Patterns of the tuning articles t56-t61 (first written as the blind held-out h25-h30),
in other words than theirs."""

from __future__ import annotations

from typing import Any

import pytest
from drafting_helpers import drafted, everyone, names, person

from tui.drafting.dates import find_dates
from tui.drafting.sentences import read_article


def test_a_catalan_i_joins_two_surnames_into_one_name() -> None:
    briefing = drafted(
        "The mayor met Montserrat Puig i Soler, Minister for Culture of the Generalitat, "
        "in Girona. Puig i Soler said the region wants more visitors."
    )
    assert everyone(briefing) == ["Montserrat Puig i Soler"]
    assert person(briefing, "Montserrat Puig i Soler")["title"] == (
        "Minister for Culture of the Generalitat"
    )


def test_a_name_right_after_a_bureaus_fields_is_the_next_official_of_a_row() -> None:
    briefing = drafted(
        "Vice Mayor Liang Fei, Director of the Lanzhou Municipal Bureau of Commerce, Sports "
        "and Tourism Ma Ruolan accompanied the delegation."
    )
    assert everyone(briefing) == ["Liang Fei", "Ma Ruolan"]
    assert person(briefing, "Liang Fei")["title"] == "Vice Mayor"
    assert person(briefing, "Ma Ruolan")["title"] == (
        "Director of the Lanzhou Municipal Bureau of Commerce, Sports and Tourism"
    )


def test_a_company_name_that_ends_in_a_legal_form_is_no_persons_name() -> None:
    briefing = drafted(
        "The guests toured a sawmill, where the President of Kuusi Timber Oy, "
        "Ms. Liisa Harju, explained its drying kilns."
    )
    assert everyone(briefing) == ["Liisa Harju"]
    assert person(briefing, "Liisa Harju")["title"] == "President of Kuusi Timber Oy"


def test_a_legal_form_spelt_like_a_word_stays_in_a_title_and_leaves_the_full_stop() -> None:
    briefing = drafted(
        "The mayor later received Ms. Ingrid Dahl, Director of Fjordlys Salmon AS. "
        "Dahl invited Xiamen buyers to Bergen."
    )
    assert person(briefing, "Ingrid Dahl")["title"] == "Director of Fjordlys Salmon AS"
    assert names(briefing["organizations"]) == ["Fjordlys Salmon AS"]


def test_a_first_surname_alone_is_the_same_person_and_a_medical_director_is_an_office() -> None:
    briefing = drafted(
        "A delegation led by Mayor Chen Bo visited Monterrey. The next stop was a "
        "children's ward. Dr. Ana Ibarra Solís, medical director of "
        'Sanatorio Infantil del Norte, showed the guests round. "We share one problem," '
        "Dr. Ibarra said."
    )
    assert everyone(briefing) == ["Ana Ibarra Solís", "Chen Bo"]
    ana = person(briefing, "Ana Ibarra Solís")
    assert ana["title"] == "medical director of Sanatorio Infantil del Norte"
    assert "Ibarra" in ana["aliases"]
    assert "Sanatorio Infantil del Norte" in names(briefing["organizations"])


def test_words_after_a_bodys_of_end_its_name_and_the_body_starts_after_its_officer() -> None:
    briefing = drafted(
        "Mayor Hu Lan met the guests from Porto. Vice Mayor Gu Ning and Director Ye Min "
        "of the Kunming Municipal Bureau of Export Promotion attended."
    )
    assert everyone(briefing) == ["Gu Ning", "Hu Lan", "Ye Min"]
    assert names(briefing["organizations"]) == ["Kunming Municipal Bureau of Export Promotion"]


def test_the_full_stops_of_co_ltd_end_no_title() -> None:
    briefing = drafted(
        "Mayor Hu Lan welcomed the guests from Malmö. Yang Jie, General Manager of Nanhai "
        "Ceramics Co., Ltd., and Ms. Rosa Lind signed a supply contract."
    )
    assert person(briefing, "Yang Jie")["title"] == ("General Manager of Nanhai Ceramics Co., Ltd.")


def test_a_charge_daffaires_is_an_office() -> None:
    briefing = drafted(
        "The delegation included Mr. Tarik Alaoui, Chargé d'affaires of the Embassy of "
        "Tunisia in China, and Mayor Ines Ferchichi."
    )
    assert person(briefing, "Tarik Alaoui")["title"] == (
        "Chargé d'affaires of the Embassy of Tunisia in China"
    )


@pytest.mark.parametrize(
    ("body", "organization"),
    [
        (
            "The mayor then spoke with officials of the Generalitat Valenciana about ferries.",
            "Generalitat Valenciana",
        ),
        (
            "Later, Jinhua Vision Electronics showed its sensors to the guests.",
            "Jinhua Vision Electronics",
        ),
        (
            "The fruit will be flown out by Wuhan-based Skylane Freight Lines twice a week.",
            "Skylane Freight Lines",
        ),
    ],
)
def test_more_words_and_places_that_make_a_name_an_organizations(
    body: str, organization: str
) -> None:
    assert organization in names(drafted(body)["organizations"])


@pytest.mark.parametrize(
    ("body", "themes"),
    [
        (
            "Both sides exchanged opinions on seed breeding and dairy farming.",
            ["seed breeding", "dairy farming"],
        ),
        (
            "The partners agreed to concentrate on three priorities: solar glass, river "
            "shipping and eye care.",
            ["solar glass", "river shipping", "eye care"],
        ),
        (
            "The two towns will focus on two fields: wool processing and rail freight.",
            ["wool processing", "rail freight"],
        ),
        (
            "The mayor held talks with the governor of Oaxaca, covering mezcal exports, road "
            "building and dental care, and then visited a market.",
            ["mezcal exports", "road building", "dental care"],
        ),
        ("She spoke of the region's ambitions in drone testing.", ["drone testing"]),
        (
            "Since then cooperation in rice farming was lifted to a higher stage.",
            ["rice farming"],
        ),
        (
            "The mayor said both sides should deepen cooperation in honey and silk, let the "
            "old friendship bear fruit.",
            ["honey", "silk"],
        ),
    ],
)
def test_fields_after_more_words_and_where_their_lists_end(body: str, themes: list[str]) -> None:
    assert sorted(names(drafted(body)["themes"])) == sorted(themes)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The mission toured Chile during March 3-9, 2026 with eight firms.",
            ("during March 3-9, 2026", 2026, (3, 3), (3, 9)),
        ),
        ("On 4 Feb., the guests reached Santiago.", ("On 4 Feb.", None, (2, 4), None)),
        ("On the 5th, the guests reached Valparaíso.", ("On the 5th", None, None, None)),
        ("In the afternoon, a port tour followed.", ("In the afternoon", None, None, None)),
        (
            "Talks filled the first two days of the visit.",
            ("the first two days of the visit", None, None, None),
        ),
        (
            "In the morning of 6 May the mayor spoke.",
            ("the morning of 6 May", None, (5, 6), None),
        ),
    ],
)
def test_more_ways_of_stating_a_day_and_never_a_month_or_year_it_does_not_say(
    body: str, expected: tuple[str, int | None, Any, Any]
) -> None:
    found = [(d.as_stated, d.year, d.first, d.last) for d in find_dates(read_article("T\n" + body))]
    assert found == [expected]


def test_an_ordinal_before_century_is_no_day() -> None:
    assert find_dates(read_article("T\nIt lies on the 21st Century trade route.")) == []


def test_arriving_somewhere_and_leaving_one_place_for_another_are_legs_with_their_days() -> None:
    briefing = drafted(
        "Mayor Ren Bo led a Xuzhou delegation to Portugal. On 8 June the delegation arrived "
        "in Porto. It met port officials in Braga on 10 June. The delegation left Porto for "
        "Lisbon on Friday. In Lisbon, it toured a shipyard."
    )
    legs = {e["title"]: e["date"]["as_stated"] for e in briefing["itinerary"] if "date" in e}
    assert legs == {
        "Travel to Porto": "On 8 June",
        "Stay in Braga": "on 10 June",
        "Travel to Lisbon": "on Friday",
    }


def test_a_range_of_days_is_the_visits_rather_than_a_weekday_the_first_sentence_gives() -> None:
    briefing = drafted(
        "A Kunming delegation led by Mayor Tao Yi came home on Saturday from a tour of Peru. "
        "The tour ran from 4 to 9 May 2026 and took in Lima and Cusco."
    )
    assert briefing["dates"] == {
        "as_stated": "from 4 to 9 May 2026",
        "year": 2026,
        "start": {"month": 5, "day": 4},
        "end": {"month": 5, "day": 9},
    }
