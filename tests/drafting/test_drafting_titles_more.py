"""Titles and sides the first rules missed: a title with a place before the name, hyphenated
and lower-case titles after a comma, "its Head of ...", a company officer's company, the
passive "were received by", and who attends a meeting on which side."""

from __future__ import annotations

import pytest
from drafting_helpers import drafted, names, person


@pytest.mark.parametrize(
    ("body", "name", "title"),
    [
        (
            "Governor of Alnor Karim Tawfiq met Mayor Li Na on May 2.",
            "Karim Tawfiq",
            "Governor of Alnor",
        ),
        (
            "He met Premier of Westmark Dana Holt and Mayor of Brill Owen Saye.",
            "Owen Saye",
            "Mayor of Brill",
        ),
        (
            # The place's two words are written elsewhere too, so both stay in the title.
            "He met Mayor of New Harlow Ruth Kaye. New Harlow is a harbour town.",
            "Ruth Kaye",
            "Mayor of New Harlow",
        ),
        (
            "Dr. Imre Lakatos, vice-rector of the University of Varn, spoke.",
            "Imre Lakatos",
            "vice-rector of the University of Varn",
        ),
        (
            "He met Dr. Tom Pike, Vice-Chancellor of the University of Lisk, there.",
            "Tom Pike",
            "Vice-Chancellor of the University of Lisk",
        ),
        (
            "Ms. Sara Noor, Minister Plenipotentiary of the Oberian Embassy in China, came.",
            "Sara Noor",
            "Minister Plenipotentiary of the Oberian Embassy in China",
        ),
        (
            "They visited Harrow Bank, where Ms. Ann Lee, its Head of Asia Markets, spoke.",
            "Ann Lee",
            "Head of Asia Markets",
        ),
    ],
)
def test_a_title_is_found(body: str, name: str, title: str) -> None:
    assert person(drafted(body), name).get("title") == title


def test_a_place_alone_after_of_is_not_split_into_a_name() -> None:
    briefing = drafted("Mayor Wu Hong met the Mayor of Turin on May 3.")
    assert "Turin" not in names(briefing["counterparts"])


def test_what_follows_its_is_not_taken_for_a_person() -> None:
    briefing = drafted(
        "Mayor Wu Hong visited Harrow Bank, where Ms. Ann Lee, its Head of Asia "
        "Infrastructure, spoke."
    )
    assert names(briefing["counterparts"]) == ["Ann Lee"]


def test_a_company_officer_is_of_the_company_the_title_names() -> None:
    briefing = drafted(
        "Mayor Wu Hong received the delegation. Mrs. Kim Ha-na, Vice President of Hanmo "
        "Shipping, and Lee Jun, Director of the Sora Port Authority, attended the meeting."
    )
    organizations = {o["id"]: o["name"] for o in briefing["organizations"]}
    kim = person(briefing, "Kim Ha-na")
    assert organizations[kim["organization"]] == "Hanmo Shipping"
    assert "organization" not in kim.get("inferred", {})


@pytest.mark.parametrize("title", ["President of Kenya", "Vice President of Marketing"])
def test_an_officer_of_a_place_or_department_names_no_company(title: str) -> None:
    briefing = drafted(f"Mayor Wu Hong met Mr. Tom Ode, {title}, on May 2.")
    assert "organization" not in person(briefing, "Tom Ode")
    assert title.split(" of ")[1] not in names(briefing["organizations"])


def test_were_received_by_is_an_incoming_visit_with_the_host_after_the_verb() -> None:
    briefing = drafted(
        "Governor of Alnor Karim Tawfiq and his delegation were received by Lanzhou Mayor "
        "Gu Ming on Nov. 20."
    )
    assert briefing["direction"] == "incoming"
    assert briefing["delegation"]["lead"]["name"] == "Gu Ming"
    assert names(briefing["counterparts"]) == ["Karim Tawfiq"]


def test_in_an_incoming_visit_who_attends_with_a_title_of_elsewhere_is_a_visitor() -> None:
    briefing = drafted(
        "Lanzhou, May 3 -- Mayor Gu Ming met with a delegation from Sora on May 2. "
        "Mrs. Kim Ha-na, Vice President of Hanmo Shipping, attended the meeting. "
        "Vice Mayor Zhao Qi also attended the meeting."
    )
    assert names(briefing["delegation"]["members"]) == ["Zhao Qi"]
    assert "Kim Ha-na" in names(briefing["counterparts"])


def test_in_an_incoming_visit_who_accompanied_the_delegation_is_a_visitor() -> None:
    briefing = drafted(
        "Lanzhou, May 3 -- Mayor Gu Ming met with a delegation from Sora on May 2. "
        "Ms. Sara Noor, Counsellor of the Oberian Embassy in China, accompanied the delegation."
    )
    assert briefing["delegation"]["members"] == []
    assert "Sara Noor" in names(briefing["counterparts"])


def test_a_date_after_a_title_s_place_is_not_part_of_the_name() -> None:
    briefing = drafted(
        "Lanzhou Mayor Gu Ming led a delegation to Sorano. He met Mayor of Sorano Tom Ode "
        "on June 10."
    )
    assert person(briefing, "Tom Ode")["title"] == "Mayor of Sorano"
    assert sorted(briefing["places"]) == ["Lanzhou", "Sorano"]


def test_the_delegation_met_is_led_by_who_follows_led_by_and_a_title() -> None:
    briefing = drafted(
        "Lanzhou, Sept. 8 -- A delegation from Sorano, led by Mayor Tom Ode, visited Lanzhou "
        "from Sept. 3 to 5.\n\nOn Sept. 4, Mayor Gu Ming met with the delegation."
    )
    assert briefing["delegation"]["lead"]["name"] == "Gu Ming"
    (meeting,) = briefing["itinerary"]
    assert meeting["counterparts"] == ["tom-ode"]
    assert meeting["date"]["as_stated"] == "On Sept. 4"


@pytest.mark.parametrize(
    ("body", "name", "title"),
    [
        (
            "Mayor Wu Hong met with John R. Whitfield, Commissioner of the Port of Lisk, there.",
            "John R. Whitfield",
            "Commissioner of the Port of Lisk",
        ),
        (
            "Mayor Wu Hong visited Crest Shoes Inc. The chief executive officer of Crest "
            "Shoes, Maria Delgado, said sales grew.",
            "Maria Delgado",
            "chief executive officer of Crest Shoes",
        ),
        (
            "Mayor Wu Hong met Ms. Angela Brooks, a member of the Lisk City Council, there.",
            "Angela Brooks",
            "member of the Lisk City Council",
        ),
    ],
)
def test_initials_lower_case_titles_before_a_name_and_members_of_a_body(
    body: str, name: str, title: str
) -> None:
    assert person(drafted(body), name).get("title") == title


def test_a_company_spelt_with_and_without_inc_is_one_and_its_officer_s() -> None:
    briefing = drafted(
        "Mayor Wu Hong visited Crest Shoes Inc. The chief executive officer of Crest "
        "Shoes, Maria Delgado, said sales grew."
    )
    (company,) = briefing["organizations"]
    assert company["name"] == "Crest Shoes Inc." and company["aliases"] == ["Crest Shoes"]
    assert person(briefing, "Maria Delgado")["organization"] == company["id"]


def test_a_member_of_the_delegation_is_no_title() -> None:
    briefing = drafted("Mayor Wu Hong met Ms. Ann Lee, a member of the delegation, there.")
    assert "title" not in person(briefing, "Ann Lee")


def test_a_province_after_a_country_s_possessive_is_a_place() -> None:
    briefing = drafted("A delegation from Laos's Sayabouly Province visited Kunming.")
    assert "Sayabouly Province" in briefing["places"]
