"""Patterns of the tuning articles t26-t37 (t26-t28 first written as the held-out
h10-h12; t29-t37 written for the same patterns in other words)."""

from __future__ import annotations

from typing import Any

import pytest
from drafting_helpers import drafted, names, person

from tui.drafting.dates import find_dates
from tui.drafting.sentences import read_article


@pytest.mark.parametrize(
    ("body", "themes"),
    [
        (
            "The agency welcomes Chinese partners in solar power, water desalination and "
            "green hydrogen.",
            ["solar power", "water desalination", "green hydrogen"],
        ),
        (
            "The firm is looking for partners in battery systems.",
            ["battery systems"],
        ),
        (
            "The port welcomes foreign investors in ship repair and container handling.",
            ["ship repair", "container handling"],
        ),
    ],
)
def test_fields_after_partners_or_investors(body: str, themes: list[str]) -> None:
    assert names(drafted(body)["themes"]) == themes


@pytest.mark.parametrize(
    "ending",
    [
        ", and welcomes more overseas investors to the Acme Hi-tech Zone.",
        ", and invites Chilean firms to the Acme Development Zone.",
        ", and encourages local firms to build plants abroad.",
        ", and offers the guests a tour.",
    ],
)
def test_a_long_list_ends_at_and_with_a_verb_in_the_present(ending: str) -> None:
    body = (
        "Wu Gang said the city will deepen cooperation in industrial robots, power "
        "batteries, logistics equipment and biomedicine" + ending
    )
    assert names(drafted(body)["themes"]) == [
        "industrial robots",
        "power batteries",
        "logistics equipment",
        "biomedicine",
    ]


def test_a_field_ending_in_s_after_and_is_still_a_field() -> None:
    body = "They will cooperate in textiles, garments, and electronics manufacturing."
    assert names(drafted(body)["themes"]) == [
        "textiles",
        "garments",
        "electronics manufacturing",
    ]


@pytest.mark.parametrize(
    ("text", "stated"),
    [
        (
            "They visited Portugal from late September to early October.",
            "from late September to early October",
        ),
        ("They toured Brazil between mid-June and early July.", "between mid-June and early July"),
        ("The exhibition runs until mid-November.", "until mid-November"),
        ("The plant opens by the end of March.", "by the end of March"),
        ("They travel from early to mid-May.", "from early to mid-May"),
    ],
)
def test_part_of_a_month_is_a_date_as_stated_with_no_day(text: str, stated: str) -> None:
    dates = find_dates(read_article(f"T\n{text}\n"))
    assert [d.as_stated for d in dates] == [stated]
    assert dates[0].stated_date() == {"as_stated": stated}


def test_part_of_a_month_keeps_the_year_its_phrase_gives() -> None:
    (date,) = find_dates(read_article("T\nThe line opens in late May 2026.\n"))
    assert date.stated_date() == {"as_stated": "in late May 2026", "year": 2026}


def test_a_vague_start_and_a_day_are_two_dates() -> None:
    dates = find_dates(read_article("T\nThey stay from late September to October 3.\n"))
    assert [d.as_stated for d in dates] == ["from late September", "October 3"]
    assert dates[1].first == (10, 3)


def test_mid_before_a_word_that_is_no_month_is_no_date() -> None:
    assert find_dates(read_article("T\nA mid-size firm from Mayfield signed.\n")) == []


@pytest.mark.parametrize(
    ("sentence", "name", "title"),
    [
        (
            "A Polish delegation led by Jan Kowal, Marshal of the Opole Region, arrived.",
            "Jan Kowal",
            "Marshal of the Opole Region",
        ),
        (
            "Mayor Li met Ms. Amina Berrada, Wali of the Fes-Meknes Region, and others.",
            "Amina Berrada",
            "Wali of the Fes-Meknes Region",
        ),
        (
            "The guests were led by Rosa Vidal, Intendant of the Maule Region, on Monday.",
            "Rosa Vidal",
            "Intendant of the Maule Region",
        ),
        # Not in the lexicon: one capitalized word, "of", then a place's or body's name.
        (
            "The talks were with Pieter Maas, Dijkgraaf of the Rijnland Water Board, today.",
            "Pieter Maas",
            "Dijkgraaf of the Rijnland Water Board",
        ),
        (
            "A delegation headed by Oskar Lind, Landshövding of the Uppsala County, came.",
            "Oskar Lind",
            "Landshövding of the Uppsala County",
        ),
    ],
)
def test_an_office_the_lexicon_does_not_know_after_a_name(
    sentence: str, name: str, title: str
) -> None:
    assert person(drafted(sentence), name)["title"] == title


@pytest.mark.parametrize(
    "sentence",
    [
        "The guests visited Lyon, Capital of Gastronomy, on Monday.",
        "They met Anna Berg, Friend of the Museum, on Monday.",
    ],
)
def test_a_capitalized_word_of_a_name_that_is_no_body_is_no_title(sentence: str) -> None:
    briefing = drafted(sentence)
    assert all(p.get("title") is None for p in briefing["counterparts"])


def test_whoever_leads_a_delegation_is_a_person_without_a_title() -> None:
    briefing = drafted(
        "A Czech delegation led by Marek Wolny arrived in Taiyuan on Monday. "
        "Taiyuan Mayor Li Chunhua met the delegation."
    )
    assert "Marek Wolny" in names(briefing["counterparts"])


def test_a_given_name_that_is_also_a_month_s_short_form() -> None:
    briefing = drafted("Mayor Li met Jan Kowal, Marshal of the Opole Region, on Jan. 5.")
    assert person(briefing, "Jan Kowal")["title"] == "Marshal of the Opole Region"
    assert briefing["dates"]["as_stated"] == "on Jan. 5"


@pytest.mark.parametrize(
    "sentence",
    [
        "Yinchuan Mayor Han Dexin met the guests at the city guesthouse.",
        "Xuzhou Mayor Zhao Yiming welcomed the overseas guests at the opening.",
        "Party Secretary Xu Ming and Mayor Chen Yi met with foreign visitors.",
    ],
)
def test_hosts_who_meet_the_guests_make_the_visit_incoming(sentence: str) -> None:
    briefing = drafted(
        "A Chilean delegation headed by Rodrigo Salinas arrived on Wednesday. " + sentence
    )
    assert briefing["direction"] == "incoming"
    assert briefing["delegation"]["lead"]["name"] in ("Han Dexin", "Zhao Yiming", "Xu Ming")


def test_guests_welcomed_by_a_city_that_sends_a_delegation_stay_outgoing() -> None:
    # The seed's pattern: the mayor leads a delegation abroad and hosts a meeting there.
    briefing = drafted(
        "Mayor Chen Zhichang led a Nanjing delegation to visit France. At the conference "
        "in Paris, Chen Zhichang welcomed all the guests attending the meeting."
    )
    assert briefing["direction"] == "outgoing"


def test_a_subject_of_two_hosts_is_led_by_the_first() -> None:
    briefing = drafted(
        "Changzhou Party Secretary Xu Minghao and Mayor Chen Yiran met with foreign guests "
        "before the opening."
    )
    assert briefing["delegation"]["lead"]["name"] == "Xu Minghao"
    assert names(briefing["delegation"]["members"]) == ["Chen Yiran"]


@pytest.mark.parametrize(
    "opening",
    [
        "CHANGZHOU, Nov. 6 -- The Changzhou Smart Manufacturing Investment Conference was "
        "held on Wednesday.",
        "Weifang, May 3 -- The Weifang International Kite Festival opened on Friday.",
    ],
)
def test_an_event_named_for_the_dateline_s_city_is_hosted_there(opening: str) -> None:
    briefing = drafted(opening + " More than 300 guests attended.")
    assert briefing["direction"] == "incoming"
    assert briefing["delegation"]["name"].endswith(" hosts")
    assert not briefing["delegation"]["name"].isupper()


_MET = "Taiyuan Mayor Li Chunhua met the delegation led by Jan Kowal, Marshal of the Opole Region."


@pytest.mark.parametrize(
    "sentence",
    [
        "Accompanied by Vice Mayor Guo Pingan, the guests toured the Acme Group.",
        "Executive Vice Mayor Qian Hong presided over the signing ceremony.",
        "The guests visited the Acme Group. Party Secretary Xu Ming spoke there.",
        # After the guests, the city's own officer: the title names the lead's city.
        "Kowal signed the memorandum. Wang Rui, Secretary-General of the Taiyuan "
        "Municipal People's Government, attended the signing.",
    ],
)
def test_the_city_s_officers_are_hosts_in_an_incoming_visit(sentence: str) -> None:
    briefing = drafted(f"{_MET} {sentence}")
    members = names(briefing["delegation"]["members"])
    assert len(members) == 1 and members[0] in ("Guo Pingan", "Qian Hong", "Xu Ming", "Wang Rui")
    assert "Jan Kowal" in names(briefing["counterparts"])


@pytest.mark.parametrize(
    "sentence",
    [
        "The delegation included Vice Mayor Hans Roth.",
        "Thailand's Deputy Minister of Industry Somchai Rattanakul also spoke.",
        "President Zhang Wei of the Acme University spoke.",
    ],
)
def test_visitors_and_other_offices_stay_counterparts(sentence: str) -> None:
    briefing = drafted(f"{_MET} {sentence}")
    assert names(briefing["delegation"]["members"]) == []


@pytest.mark.parametrize(
    ("organization", "kind"),
    [
        ("Instituto Politécnico do Porto", "university"),
        ("Universidad de Talca", "university"),
        ("Universidade Federal de Pernambuco", "university"),
        ("Institut Supérieur de Technologie de Dakar", "research"),
        ("Kessler Antriebstechnik GmbH", "company"),
        ("Brandt Hydraulik AG", "company"),
    ],
)
def test_names_in_other_languages_and_legal_forms_are_organizations(
    organization: str, kind: str
) -> None:
    for body in (
        f"The delegation visited the Acme Group and the {organization}.",
        f"The Acme Academy runs a joint programme with the {organization}.",
    ):
        found = [o for o in drafted(body)["organizations"] if o["name"] == organization]
        assert found and found[0]["kind"] == kind, body


def test_a_company_s_legal_form_makes_it_no_person() -> None:
    briefing = drafted(
        "Mayor Li Ming met the guests. Engineers from Brandt Hydraulik AG visited the Acme "
        "Group, and Kessler Antriebstechnik GmbH signed an agreement."
    )
    assert names(briefing["counterparts"]) == []
    assert {"Brandt Hydraulik AG", "Kessler Antriebstechnik GmbH"} <= set(
        names(briefing["organizations"])
    )


@pytest.mark.parametrize(
    "organization",
    [
        "Changzhou Jintan Economic Development Zone",
        "Yinchuan Economic and Technological Development Zone",
    ],
)
def test_a_development_zone_is_an_organization(organization: str) -> None:
    briefing = drafted(f"Hanbit Materials signed an agreement with the {organization}.")
    assert organization in names(briefing["organizations"])


def test_and_inside_a_body_s_name_before_a_person_s_name() -> None:
    briefing = drafted(
        "Mayor Ma Wenjie led a Lanzhou delegation to Portugal. Members of the delegation "
        "included Director of the Lanzhou Municipal Development and Reform Commission "
        "Tian Zhiyong."
    )
    assert person(briefing, "Tian Zhiyong")["title"] == (
        "Director of the Lanzhou Municipal Development and Reform Commission"
    )
    assert "Lanzhou Municipal Development and Reform Commission" in names(briefing["organizations"])
    assert "Reform Commission" not in names(briefing["organizations"])


def test_a_university_of_a_field_in_a_title_is_named_whole() -> None:
    briefing = drafted(
        "Ms. Agnieszka Nowicka, Vice-Rector for International Affairs of the Poznań "
        "University of Technology, said the universities plan more exchanges."
    )
    organizations = names(briefing["organizations"])
    assert "Poznań University of Technology" in organizations
    assert "Technology" not in organizations
    assert not any(name.startswith("the ") for name in organizations)


@pytest.mark.parametrize(
    ("sentence", "name", "title", "country"),
    [
        (
            "Thailand's Deputy Minister of Industry Somchai Rattanakul and Park Ji-hoon, "
            "Consul General of Korea in Shanghai, also spoke.",
            "Somchai Rattanakul",
            "Deputy Minister of Industry",
            "Thailand",
        ),
        (
            "The delegation met with Brazil's Deputy Minister of Development Ana Clara "
            "Moreira, who said firms are keen.",
            "Ana Clara Moreira",
            "Deputy Minister of Development",
            "Brazil",
        ),
    ],
)
def test_a_country_s_possessive_before_a_title(
    sentence: str, name: str, title: str, country: str
) -> None:
    briefing = drafted("Mayor Li Ming met the guests. " + sentence)
    found = person(briefing, name)
    assert found["title"] == title
    assert "organization" not in found
    assert country in briefing["places"]
    assert country not in names(briefing["organizations"])


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("Portuguese firms are interested in the Lanzhou New Area.", "Lanzhou New Area"),
        ("He invited them to the Nanning Wuxiang New Area.", "Nanning Wuxiang New Area"),
        (
            "He welcomes investors to the Changzhou National Hi-tech District.",
            "Changzhou National Hi-tech District",
        ),
        ("Ms. Ana Lopez, Regent of the Badung Regency, spoke.", "Badung Regency"),
    ],
)
def test_a_place_named_by_its_generic_head(sentence: str, place: str) -> None:
    assert place in drafted("Mayor Li Ming met the guests. " + sentence)["places"]


def test_a_hyphenated_region_after_an_unknown_office_is_a_place() -> None:
    briefing = drafted(
        "Mayor Ma met Ms. Samira Idrissi, Wali of the Rabat-Salé-Kénitra Region, and others."
    )
    assert person(briefing, "Samira Idrissi")["title"] == "Wali of the Rabat-Salé-Kénitra Region"
    assert "Rabat-Salé-Kénitra Region" in briefing["places"]


def test_a_dateline_in_capitals_is_the_city_not_an_organization() -> None:
    briefing = drafted("XUZHOU, April 12 -- The Xuzhou Machinery Expo opened on Friday in Xuzhou.")
    assert "Xuzhou" in briefing["places"]
    assert "XUZHOU" not in names(briefing["organizations"])


def test_whose_office_between_commas_names_its_holder() -> None:
    briefing = drafted(
        "Mayor Lu Zhiqiang led a Nanning delegation to Brazil. The delegation visited the "
        "Universidade Federal de Pernambuco, whose Rector, Marcos Albuquerque, introduced "
        "its programme."
    )
    found = person(briefing, "Marcos Albuquerque")
    assert found["title"] == "Rector"
    assert found["organization"] == "universidade-federal-de-pernambuco"
    assert "organization" in found["inferred"]


def test_where_an_office_is_held_names_its_organization() -> None:
    briefing = drafted(
        "Mayor Li Chunhua met the delegation. The guests toured the Acme Heavy Machinery "
        "Group and the Shanxi University of Science and Technology, where President Zhang "
        "Weidong introduced its joint programme with the Poznań University of Technology."
    )
    found = person(briefing, "Zhang Weidong")
    assert found["organization"] == "shanxi-university-of-science-and-technology"


def test_an_office_after_whose_without_a_name_is_no_person() -> None:
    briefing = drafted("They visited the Acme Group, whose President, a former engineer, spoke.")
    assert briefing["counterparts"] == []


@pytest.mark.parametrize(
    "organization",
    [
        "Norvik Tools AS",
        "Vexo Viajes S.L.",
        "Grupo Ferromex S.A. de C.V.",
        "Cámara de Comercio de Granada",
        "Yongkang Hardware Science and Technology Park",
    ],
)
def test_more_legal_forms_and_heads_make_organizations(organization: str) -> None:
    briefing = drafted(
        f"Mayor Li Ming met the guests. The delegation called at {organization}, and at "
        "the Acme Group."
    )
    assert organization in names(briefing["organizations"])
    assert organization not in briefing["places"]


def test_a_company_s_legal_form_in_capitals_only() -> None:
    # "As" opening a sentence is no legal form of the name before it.
    briefing = drafted("Mayor Li Ming met the guests. As Mayor Li Ming said, trade grows.")
    assert names(briefing["organizations"]) == []


def test_an_undersecretary_after_a_country_s_possessive() -> None:
    briefing = drafted(
        "Mayor Li Ming met the guests. Mexico's Undersecretary of Foreign Trade Ana Luisa "
        "Paredes and Mr. Tomasz Zielinski addressed the ceremony."
    )
    assert person(briefing, "Ana Luisa Paredes")["title"] == "Undersecretary of Foreign Trade"


def test_a_hyphenated_field_that_starts_with_a_word_that_ends_lists() -> None:
    briefing = drafted(
        "Importers want to invest in spare parts warehouses and after-sales service in Zhejiang."
    )
    assert names(briefing["themes"]) == ["spare parts warehouses", "after-sales service"]


def test_accompanying_at_a_sentence_s_start_names_members() -> None:
    briefing = drafted(
        "Guilin Party Secretary Qin Wenliang led a delegation to Spain. Accompanying Qin "
        "Wenliang were Deputy Mayor Tang Ying and Mr. Liu Qiang."
    )
    assert names(briefing["delegation"]["members"]) == ["Tang Ying", "Liu Qiang"]


def test_where_a_delegation_leaves_for_is_a_place() -> None:
    briefing = drafted("Mayor Li Ming met the guests, who leave for Qingdao on Wednesday.")
    assert "Qingdao" in briefing["places"]


def test_a_district_s_name_alone_is_a_place_too() -> None:
    briefing = drafted(
        "A delegation headed by Klaus Reinhardt, Landrat of the Rhein-Erft District, "
        "arrived. Zibo Mayor Sun Haitao said Zibo will work with Rhein-Erft in new materials."
    )
    assert {"Rhein-Erft District", "Rhein-Erft"} <= set(briefing["places"])
    assert not any(place.startswith("Landrat") for place in briefing["places"])
    assert person(briefing, "Klaus Reinhardt")["title"] == "Landrat of the Rhein-Erft District"


def test_in_before_part_of_a_month_is_part_of_the_date() -> None:
    (date,) = find_dates(read_article("T\nThey return to Germany in early November.\n"))
    assert date.as_stated == "in early November"


def test_hosts_who_received_the_visitors_meet_the_visitors_lead() -> None:
    briefing = drafted(
        "A delegation headed by Klaus Reinhardt arrived in Zibo on Sunday evening. Zibo "
        "Mayor Sun Haitao received the visitors on Monday morning."
    )
    meetings = [e for e in briefing["itinerary"] if e["kind"] == "meeting"]
    assert [m["date"]["as_stated"] for m in meetings] == ["on Monday morning"]


def _legs(briefing: dict[str, Any]) -> list[tuple[str, str | None]]:
    return [
        (e["title"], e.get("date", {}).get("as_stated"))
        for e in briefing["itinerary"]
        if e["kind"] == "other"
    ]


def test_each_leg_of_a_journey_is_an_event_with_its_own_date() -> None:
    briefing = drafted(
        "Mayor Li Ming met the guests in Zibo. The delegation leaves for Qingdao on "
        "Wednesday and returns to Germany in early November."
    )
    assert _legs(briefing) == [
        ("Travel to Qingdao", "on Wednesday"),
        ("Travel to Germany", "in early November"),
    ]


def test_a_leg_s_date_can_open_the_sentence() -> None:
    briefing = drafted(
        "Mayor Cai led a Xiamen delegation to Japan. The next day, the mission travelled "
        "to Kobe, where it toured the port."
    )
    assert _legs(briefing) == [("Travel to Kobe", "The next day")]


def test_travel_to_what_is_no_place_is_no_leg() -> None:
    briefing = drafted("Mayor Li Ming led a delegation to Spain. Talks then turned to trade.")
    assert _legs(briefing) == []


def test_an_unknown_office_of_a_regency_without_the() -> None:
    briefing = drafted(
        "A delegation from Indonesia led by Ms. Dewi Kartika, Bupati of Banyuwangi Regency, "
        "arrived. Quanzhou Vice Mayor Chen Guohua hosted the visitors. Chen Guohua said "
        "Quanzhou will deepen ties with Banyuwangi in tea processing."
    )
    assert person(briefing, "Dewi Kartika")["title"] == "Bupati of Banyuwangi Regency"
    assert {"Banyuwangi Regency", "Banyuwangi"} <= set(briefing["places"])


def test_and_before_a_second_titled_person_ends_a_title() -> None:
    briefing = drafted(
        "Mayor Li Ming met the guests. Norway's State Secretary for Fisheries Ingrid Solberg "
        "and Kim Min-jae, Vice Mayor of Busan, spoke at the opening."
    )
    assert person(briefing, "Ingrid Solberg")["title"] == "State Secretary for Fisheries"
    assert person(briefing, "Kim Min-jae")["title"] == "Vice Mayor of Busan"


@pytest.mark.parametrize(
    "organization", ["Università degli Studi di Firenze", "Fondazione Palazzo Strozzi"]
)
def test_italian_particles_and_foundations(organization: str) -> None:
    briefing = drafted(f"The Acme Academy signed an agreement with the {organization}.")
    assert organization in names(briefing["organizations"])


@pytest.mark.parametrize(
    "stated",
    ["at the end of the month", "by the beginning of next year", "the middle of this week"],
)
def test_part_of_a_month_or_year_named_without_its_name_stays_words(stated: str) -> None:
    dates = find_dates(read_article(f"T\nThe guests go home {stated}.\n"))
    assert [(d.as_stated, d.stated_date()) for d in dates] == [(stated, {"as_stated": stated})]


def test_a_delegation_led_to_another_country_is_the_city_s_own() -> None:
    briefing = drafted(
        "Mayor Li Ming led a Suzhou delegation to Chile. Chilean Minister of Economy Pedro "
        "Soto met the delegation in Santiago."
    )
    assert briefing["direction"] == "outgoing"
    assert briefing["delegation"]["lead"]["name"] == "Li Ming"
    assert "led a Suzhou delegation to Chile" in briefing["inferred"]["direction"]
    assert "Pedro Soto" in names(briefing["counterparts"])


def test_a_delegation_led_to_china_is_a_visitor_s() -> None:
    briefing = drafted(
        "Kunming, March 14 -- Vice Governor Somsak Vongsavath led a delegation to China. "
        "Kunming Mayor Liu Hong met the delegation."
    )
    assert briefing["direction"] == "incoming"
    assert briefing["delegation"]["lead"]["name"] == "Liu Hong"


@pytest.mark.parametrize(
    ("sentence", "themes"),
    [
        (
            "The two sides exchanged views on trade, investment and tourism.",
            ["trade", "investment", "tourism"],
        ),
        (
            "The talks focused on copper mining, wine exports and education.",
            ["copper mining", "wine exports", "education"],
        ),
        (
            "The two sides exchanged views on deepening cooperation in trade and tourism.",
            ["trade", "tourism"],
        ),
        ("The talks focused on how to expand trade.", []),
        ("They exchanged views on issues of common concern.", []),
        (
            "We hope to focus on key areas such as green development and biomedicine.",
            ["green development", "biomedicine"],
        ),
    ],
)
def test_fields_talked_of(sentence: str, themes: list[str]) -> None:
    assert names(drafted(sentence)["themes"]) == themes


_ABROAD = "Mayor Li Ming led a Suzhou delegation to Chile. "


@pytest.mark.parametrize(
    ("sentence", "title", "organization"),
    [
        (
            "Li Ming met with Carlos Vega, Chile's Minister of Mining, on May 3.",
            "Minister of Mining",
            None,
        ),
        ("Li Ming met with Carlos Vega, Andes Copper's CEO, on May 3.", "CEO", "andes-copper"),
    ],
)
def test_a_possessive_before_a_title_after_the_name(
    sentence: str, title: str, organization: str | None
) -> None:
    briefing = drafted(_ABROAD + sentence)
    found = person(briefing, "Carlos Vega")
    assert found["title"] == title
    assert found.get("organization") == organization
    assert "Carlos Vega" not in briefing["places"]


def test_a_field_before_a_title_is_no_place() -> None:
    briefing = drafted(_ABROAD + "Li Ming met with Mining Minister Carlos Vega on May 3.")
    assert person(briefing, "Carlos Vega")["title"] == "Mining Minister"
    assert "Mining" not in briefing["places"]


def test_and_before_a_second_office_parts_two_bodies() -> None:
    briefing = drafted(
        _ABROAD + "Li Ming met with Carlos Vega, Minister of Mining of Chile and President "
        "of the Andes Council."
    )
    assert names(briefing["organizations"]) == ["Andes Council"]


def test_a_capitalized_given_name_that_is_also_a_particle() -> None:
    briefing = drafted(_ABROAD + "Accompanied by Consul General Zhao Bin, they visited Lima.")
    assert "Zhao Bin" in names(briefing["delegation"]["members"])


def test_a_lower_case_particle_still_joins_a_name() -> None:
    briefing = drafted(_ABROAD + "Li Ming met Mr. Khalid bin Rashid, Chairman of the Acme Group.")
    assert person(briefing, "Khalid bin Rashid")["title"] == "Chairman of the Acme Group"


def test_a_nationality_before_a_title_is_no_place() -> None:
    briefing = drafted(_ABROAD + "Li Ming called on Chilean Senator Rosa Diaz.")
    assert person(briefing, "Rosa Diaz")["title"] == "Chilean Senator"
    assert "Chilean" not in briefing["places"]


def test_a_delegation_of_some_people_from_abroad_is_incoming() -> None:
    briefing = drafted(
        "Suzhou, May 8 -- A delegation of 30 entrepreneurs from Chile visited Suzhou from "
        "May 5 to 7. Li Ming, Mayor of Suzhou, met the entrepreneurs."
    )
    assert briefing["direction"] == "incoming"
