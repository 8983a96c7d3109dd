"""Patterns of the tuning articles t23-t25 (first written as the held-out h7-h9): a
weekday stays words, "People's" inside an organization's name, fields joined by commas
and "and" after an office's "of", a body before a title ("County Assembly President"),
and a county named as a place."""

from __future__ import annotations

import pytest
from drafting_helpers import drafted, names, person

from tui.drafting.dates import find_dates
from tui.drafting.sentences import read_article


@pytest.mark.parametrize(
    ("body", "stated"),
    [
        ("The forum opened in Xi'an on Thursday. Mayor Gao Hanlin spoke.", "on Thursday"),
        ("On Tuesday afternoon, the guests visited the Acme Group.", "On Tuesday afternoon"),
        ("The guests visited the Acme Group last Friday.", "last Friday"),
    ],
)
def test_a_weekday_is_a_date_as_stated_without_a_day_or_year(body: str, stated: str) -> None:
    briefing = drafted(body)
    dates = [briefing["dates"], *(e["date"] for e in briefing["itinerary"] if "date" in e)]
    found = [d for d in dates if d["as_stated"] == stated]
    assert found, dates
    assert all(set(d) == {"as_stated"} for d in found)


def test_a_weekday_inside_a_word_is_no_date() -> None:
    article = read_article("T\nThe Mondayfield Group hosted the guests on Fridays.\n")
    assert find_dates(article) == []


@pytest.mark.parametrize(
    "organization",
    [
        "Xi'an Municipal People's Government",
        "Hefei Municipal People's Government",
        "Suzhou Women's Federation",
    ],
)
def test_people_s_is_part_of_an_organization_s_name(organization: str) -> None:
    briefing = drafted(f"The forum was hosted by the {organization} and the Acme Group.")
    assert organization in names(briefing["organizations"])


def test_an_owner_s_possessive_still_ends_a_name() -> None:
    briefing = drafted("The guests toured NIO's advanced manufacturing base.")
    assert "NIO" in names(briefing["organizations"])


@pytest.mark.parametrize(
    "organization",
    [
        "University of Science and Technology of China",
        "Harbin Municipal Bureau of Culture, Radio, Television and Tourism",
        "Ministry of Agriculture and Rural Affairs",
    ],
)
def test_fields_after_an_office_s_of_stay_in_its_name(organization: str) -> None:
    briefing = drafted(f"The delegation visited the {organization}.")
    assert organization in names(briefing["organizations"])


def test_and_between_an_office_and_a_company_still_parts_them() -> None:
    briefing = drafted("The delegation visited the Ministry of Commerce and Huawei.")
    assert {"Ministry of Commerce", "Huawei"} <= set(names(briefing["organizations"]))


def test_a_title_cut_by_the_commas_of_a_long_name_is_whole() -> None:
    briefing = drafted(
        "Mayor Song Yunpeng led a delegation to Canada. Zhao Lei, Director of the Harbin "
        "Municipal Bureau of Culture, Radio, Television and Tourism, accompanied the visit."
    )
    assert person(briefing, "Zhao Lei")["title"] == (
        "Director of the Harbin Municipal Bureau of Culture, Radio, Television and Tourism"
    )


@pytest.mark.parametrize(
    ("body", "name", "title"),
    [
        (
            "A delegation headed by County Assembly President Zoltán Kerekes visited Hefei.",
            "Zoltán Kerekes",
            "County Assembly President",
        ),
        (
            "Mayor Li Hua led a delegation. Almaty Deputy Akim Aigerim Seitkali spoke.",
            "Aigerim Seitkali",
            "Almaty Deputy Akim",
        ),
    ],
)
def test_a_body_or_place_before_a_title_is_part_of_it(body: str, name: str, title: str) -> None:
    briefing = drafted(body)
    assert person(briefing, name)["title"] == title
    assert title not in names(briefing["organizations"])


def test_a_county_is_a_place() -> None:
    briefing = drafted("A delegation from Hungary's Baranya County visited Hefei.")
    assert "Baranya County" in briefing["places"]


def test_a_name_right_after_an_office_s_body_ends_the_title_before_and() -> None:
    briefing = drafted(
        "Mayor Song Yunpeng led a delegation to Canada. Deputy Secretary-General of the "
        "Harbin Municipal Government Yu Xiaoming and Zhao Lei, Director of the Harbin "
        "Municipal Bureau of Commerce, accompanied the visit."
    )
    assert person(briefing, "Yu Xiaoming")["title"] == (
        "Deputy Secretary-General of the Harbin Municipal Government"
    )
    assert person(briefing, "Zhao Lei")["title"] == (
        "Director of the Harbin Municipal Bureau of Commerce"
    )
    assert "Harbin Municipal Government" in names(briefing["organizations"])


def test_a_title_s_complement_with_and_between_bodies_stays_whole() -> None:
    briefing = drafted(
        "Mr. Li Hua, Director of the Office of Science and Technology, spoke at the forum."
    )
    assert person(briefing, "Li Hua")["title"] == (
        "Director of the Office of Science and Technology"
    )


def test_a_consulate_s_seat_is_part_of_its_name() -> None:
    briefing = drafted(
        "The forum was co-hosted by the Consulate General of China in Vancouver and the "
        "Canada China Business Council on June 13."
    )
    found = names(briefing["organizations"])
    assert "Consulate General of China in Vancouver" in found
    assert "Canada China Business Council" in found


def test_in_after_an_ordinary_organization_still_parts_it_from_a_place() -> None:
    briefing = drafted("The Acme Group in Vancouver hosted the guests.")
    assert "Acme Group" in names(briefing["organizations"])
    assert "Vancouver" in briefing["places"]


def test_fields_after_trade_in_are_themes() -> None:
    briefing = drafted(
        "Marchetti said Alberta hopes to expand trade in canola, beef and energy technology."
    )
    assert names(briefing["themes"]) == ["canola", "beef", "energy technology"]


def test_a_one_word_name_before_an_office_is_a_place() -> None:
    briefing = drafted(
        "Mayor Gao Hanlin spoke. Samarkand Mayor Rustam Jurayev addressed the forum."
    )
    assert "Samarkand" in briefing["places"]
    assert person(briefing, "Rustam Jurayev")["title"] == "Samarkand Mayor"


def test_a_signing_on_a_day_of_its_own_is_an_event_with_that_date() -> None:
    briefing = drafted(
        "Mayor Li Hua led a delegation to Hungary from Sept. 3 to 5. On Sept. 4, the "
        "delegation visited the Acme Group.\n\nA letter of intent between the University "
        "of Pécs and Hefei University was signed on Sept. 5."
    )
    signings = [e for e in briefing["itinerary"] if e["kind"] == "signing"]
    assert [s["date"]["as_stated"] for s in signings] == ["on Sept. 5"]
    assert signings[0]["date"]["start"] == {"month": 9, "day": 5}
    assert "year" not in signings[0]["date"]


def test_fields_of_joint_research_are_themes() -> None:
    briefing = drafted("Kerekes proposed joint research in medical imaging.")
    assert names(briefing["themes"]) == ["medical imaging"]


def test_a_premier_s_province_is_a_place() -> None:
    briefing = drafted("Mayor Song Yunpeng met with Premier of Alberta Diane Marchetti.")
    assert "Alberta" in briefing["places"]
    assert person(briefing, "Diane Marchetti")["title"] == "Premier of Alberta"


def test_the_partner_of_an_organization_in_between_a_and_b_is_one() -> None:
    briefing = drafted(
        "Projects were signed, including an agreement between the China Railway Xi'an "
        "Group and Kazakhstan Temir Zholy on freight train services."
    )
    found = names(briefing["organizations"])
    assert {"China Railway Xi'an Group", "Kazakhstan Temir Zholy"} <= set(found)


def test_a_city_paired_with_a_city_by_between_is_no_organization() -> None:
    briefing = drafted("A friendship agreement between Harbin and Edmonton was renewed.")
    assert names(briefing["organizations"]) == []


_LISTS = (
    "Mayor Chen Ming led a delegation to France. The delegation visited Valeo Group, "
    "Dassault Systèmes, and Kayent Group.\n\nDuring talks with Valeo Group's Vice "
    "President Jean Marot, Dassault Systèmes' Executive Vice President Paul Lauver, and "
    "{other}'s Deputy CEO Anne Diplé, Chen Ming welcomed the enterprises."
)


def test_one_name_spelt_two_ways_in_the_same_place_of_two_lists_is_one() -> None:
    briefing = drafted(_LISTS.format(other="Kering Group"))
    kering = [o for o in briefing["organizations"] if o["name"] == "Kering Group"]
    assert kering and kering[0]["aliases"] == ["Kayent Group"]
    assert "spelt two ways" in kering[0]["inferred"]["aliases"]
    assert "Kayent Group" not in names(briefing["organizations"])
    assert person(briefing, "Anne Diplé")["organization"] == kering[0]["id"]


@pytest.mark.parametrize("other", ["Renault Group", "Kering Holdings"])
def test_names_that_differ_in_initial_or_last_word_stay_apart(other: str) -> None:
    found = names(drafted(_LISTS.format(other=other))["organizations"])
    assert {"Kayent Group", other} <= set(found)
