"""Patterns of the tuning articles t38-t46 (t38-t43 first written as the blind held-out
h13-h18; t44-t46 written for the same patterns in other words)."""

from __future__ import annotations

from typing import Any

import pytest
from drafting_helpers import drafted, names, person


def test_a_row_of_officials_each_with_a_title_before_the_name() -> None:
    briefing = drafted(
        "A Lanxi delegation led by Mayor Fu Ming visited Oslo on May 3. The delegation "
        "also included Vice Mayor Qin Lu, Deputy Director of the Lanxi Municipal Bureau of "
        "Commerce Tang Bo and Ms. Wei Na, Director of the Lanxi Port Office."
    )
    assert person(briefing, "Qin Lu")["title"] == "Vice Mayor"
    tang = person(briefing, "Tang Bo")
    assert tang["title"] == "Deputy Director of the Lanxi Municipal Bureau of Commerce"
    assert person(briefing, "Wei Na")["title"] == "Director of the Lanxi Port Office"
    members = names(briefing["delegation"]["members"])
    assert {"Qin Lu", "Tang Bo", "Wei Na"} <= set(members)


def test_a_title_after_a_name_is_still_theirs_before_the_next_person() -> None:
    briefing = drafted(
        "Mr. Karl Brun, Managing Director of Oster Industrial Park, and Ms. Ada Holm, "
        "President of Holm Tools, spoke at the ceremony."
    )
    assert person(briefing, "Karl Brun")["title"] == "Managing Director of Oster Industrial Park"


@pytest.mark.parametrize(
    ("body", "name", "title"),
    [
        (
            "The mission visited Bora Tools S.A., whose chief executive Luis Mora said the "
            "firm wants partners.",
            "Luis Mora",
            "chief executive",
        ),
        (
            "Norra Freight AB's Senior Vice President for Business Development Eva Lind told "
            "the delegation that the group plans to expand.",
            "Eva Lind",
            "Senior Vice President for Business Development",
        ),
        (
            "Tarso Cement's Chief Procurement Officer Ana Ruiz said her company plans to buy "
            "trucks.",
            "Ana Ruiz",
            "Chief Procurement Officer",
        ),
        (
            "At the Fjord Salmon Centre, Chief Executive Officer Nils Dahl introduced its "
            "research.",
            "Nils Dahl",
            "Chief Executive Officer",
        ),
        (
            "The guests went to the embassy, where Minister Counsellor for Economic and "
            "Commercial Affairs Hu Lan briefed them.",
            "Hu Lan",
            "Minister Counsellor for Economic and Commercial Affairs",
        ),
    ],
)
def test_titles_of_company_and_embassy_officers(body: str, name: str, title: str) -> None:
    assert person(drafted(body), name)["title"] == title


def test_hosts_of_a_city_named_by_the_visit_attend_the_talks() -> None:
    briefing = drafted(
        "A delegation from Porto led by Mayor Rui Sa paid a visit to Lishui on Friday. Vice "
        "Mayor Ke Hua met the delegation. Zhou Yi, Secretary-General of the Lishui Municipal "
        "People's Government, attended the talks."
    )
    assert "Zhou Yi" in names(briefing["delegation"]["members"])


@pytest.mark.parametrize(
    ("body", "themes"),
    [
        (
            "The delegation visited Peru to open markets for farm drones and seek partners in "
            "seed breeding.",
            ["farm drones", "seed breeding"],
        ),
        (
            "The mission aims to boost exports of medical devices.",
            ["medical devices"],
        ),
        (
            "He proposed that the two sides explore opportunities in wind turbines, rail "
            "transit and the repair of old bridges.",
            ["wind turbines", "rail transit", "repair of old bridges"],
        ),
        (
            "She proposed joint programmes in nursing and sports science.",
            ["nursing", "sports science"],
        ),
        (
            "Chile welcomes Chinese partners in copper smelting and salt lakes, and Rojas "
            "invited firms to the fair.",
            ["copper smelting", "salt lakes"],
        ),
    ],
)
def test_fields_after_verbs_of_markets_and_joint_work(body: str, themes: list[str]) -> None:
    assert sorted(names(drafted(body)["themes"])) == sorted(themes)


@pytest.mark.parametrize(
    "name",
    ["Tanjung Data Sdn Bhd", "Koros Gep Kft.", "Brno Lisovna a.s.", "Maju Jaya Berhad"],
)
def test_legal_forms_make_companies(name: str) -> None:
    briefing = drafted(f"The guests visited {name} and signed an agreement on March 3.")
    assert name in names(briefing["organizations"])


def _dates_of(briefing: dict[str, Any]) -> list[dict[str, Any]]:
    return [event["date"] for event in briefing["itinerary"] if "date" in event]


@pytest.mark.parametrize("words", ["through Friday", "until Sunday", "until late May"])
def test_how_long_a_visit_runs_is_the_date_of_its_end(words: str) -> None:
    briefing = drafted(
        f"The fair opened in Linyi on May 2. The fair, held by the city, runs {words}."
    )
    ends = [e for e in briefing["itinerary"] if e["title"] == "End of the fair"]
    assert ends and ends[0]["date"] == {"as_stated": words}  # words, never a day or year


def test_a_weekday_visit_in_the_future_is_an_event_with_its_words() -> None:
    briefing = drafted(
        "The forum opened in Hefei on Monday. On Wednesday, the guests will visit the Hefei "
        "Institute of Robotics."
    )
    assert {"as_stated": "On Wednesday"} in _dates_of(briefing)


@pytest.mark.parametrize(
    ("body", "place"),
    [
        ("The guests toured the Penang plant of Kita Chips Sdn Bhd on May 4.", "Penang"),
        ("The firm plans a fish farm in the Adriatic Sea.", "Adriatic Sea"),
        ("The ships will sail to the Mekong Delta next year.", "Mekong Delta"),
        ("The centre monitors the water of Lake Balaton.", "Lake Balaton"),
        ("The firm hopes to build a plant near Poznan.", "Poznan"),
    ],
)
def test_places_named_in_passing(body: str, place: str) -> None:
    assert place in drafted(body)["places"]


def test_hosts_who_held_talks_with_the_delegation_lead_an_incoming_visit() -> None:
    briefing = drafted(
        "A delegation from Graz led by Mayor Eva Gruber paid a visit to Wenling. Wenling "
        "Party Secretary Xu Jun held talks with the delegation on Tuesday morning."
    )
    assert briefing["direction"] == "incoming"
    assert briefing["delegation"]["lead"]["name"] == "Xu Jun"
    assert {"as_stated": "on Tuesday morning"} in _dates_of(briefing)


def test_members_who_were_in_the_delegation() -> None:
    briefing = drafted(
        "A Lanxi delegation led by Mayor Fu Ming visited Lima on May 3. Vice Mayor Qin Lu "
        "was also in the delegation."
    )
    assert "Qin Lu" in names(briefing["delegation"]["members"])


@pytest.mark.parametrize(
    ("body", "themes"),
    [
        (
            "The two cities could cooperate more closely in cargo drones and cold storage.",
            ["cargo drones", "cold storage"],
        ),
        ("The visit aims to widen export markets for tea.", ["tea"]),
    ],
)
def test_fields_after_two_adverbs_or_export_markets(body: str, themes: list[str]) -> None:
    assert sorted(names(drafted(body)["themes"])) == sorted(themes)


@pytest.mark.parametrize(
    ("body", "name", "title"),
    [
        (
            "Slovak Ambassador to China Jan Novak attended the talks.",
            "Jan Novak",
            "Slovak Ambassador to China",
        ),
        (
            "The guests met Ing. Jan Holub, managing director of Tatra Lisy s.r.o.",
            "Jan Holub",
            "managing director of Tatra Lisy s.r.o.",
        ),
    ],
)
def test_nationalities_and_a_legal_form_that_ends_the_sentence(
    body: str, name: str, title: str
) -> None:
    assert person(drafted(body), name)["title"] == title


def test_jun_is_a_given_name_in_a_name_and_a_month_before_a_day() -> None:
    briefing = drafted("Vice Mayor Li Jun met Mayor Tom Saar in Tallinn on Jun 5.")
    assert person(briefing, "Li Jun")["title"] == "Vice Mayor"
    assert briefing["dates"] == {"as_stated": "on Jun 5", "start": {"month": 6, "day": 5}}


def test_where_a_company_is_based_is_a_place_and_no_part_of_its_name() -> None:
    briefing = drafted(
        "Jakarta-based Laut Biru Tbk's Chief Operating Officer Sari Dewi said the firm is "
        "ready to invest."
    )
    assert "Jakarta" in briefing["places"]
    assert "Laut Biru Tbk" in names(briefing["organizations"])
    assert person(briefing, "Sari Dewi")["title"] == "Chief Operating Officer"


@pytest.mark.parametrize(
    ("body", "place"),
    [
        ("Italian Consul General in Guangzhou Marco Rossi attended the talks.", "Guangzhou"),
        ("Mr. Juan Soto, Governor of the State of Jalisco, said it is ready.", "Jalisco"),
    ],
)
def test_a_place_inside_an_office(body: str, place: str) -> None:
    assert place in drafted(body)["places"]


def test_a_lower_case_legal_form_before_a_comma() -> None:
    briefing = drafted(
        "The guests visited Lubelskie Maszyny Sp. z o.o., whose president Jan Nowak said "
        "the firm is ready."
    )
    assert "Lubelskie Maszyny Sp. z o.o." in names(briefing["organizations"])
