"""Patterns of the tuning articles t20-t22: a courtesy call paid on the dateline city's
mayor is an incoming visit, a day-first dateline names a place, an officer's "of X" and
"at X" name their organization, a name paired with an organization as a subject is one,
"Datuk" is an honorific, and a people's adjective is no organization."""

from __future__ import annotations

import pytest
from drafting_helpers import drafted, names, person


def test_a_courtesy_call_on_the_city_s_mayor_is_an_incoming_visit() -> None:
    briefing = drafted(
        "Dalian, 6 September -- Irish Ambassador to China Niamh O'Sullivan paid a courtesy "
        "call on Dalian Mayor Ren Guo on 5 September."
    )
    assert briefing["direction"] == "incoming"
    assert briefing["delegation"]["lead"]["name"] == "Ren Guo"
    assert person(briefing, "Niamh O'Sullivan")["title"] == "Irish Ambassador to China"
    assert "Dalian" in briefing["places"]


def test_a_call_on_someone_abroad_is_still_outgoing() -> None:
    briefing = drafted(
        "Dalian, 6 September -- Mayor Ren Guo led a delegation to Ireland. He called on "
        "the Lord Mayor of Cork, Mr. Tom Daly."
    )
    assert briefing["direction"] == "outgoing"


@pytest.mark.parametrize(
    ("body", "name", "title", "organization"),
    [
        (
            "Mr. Declan Byrne, Director for Greater China of Enterprise Ireland, spoke.",
            "Declan Byrne",
            "Director for Greater China of Enterprise Ireland",
            "Enterprise Ireland",
        ),
        (
            "Ms. Priya Nair, Assistant Chief Executive of Enterprise Singapore, spoke.",
            "Priya Nair",
            "Assistant Chief Executive of Enterprise Singapore",
            "Enterprise Singapore",
        ),
        (
            "Dr. Sam Okoro, Dean of the School of Engineering at Flinders University, spoke.",
            "Sam Okoro",
            "Dean of the School of Engineering at Flinders University",
            "Flinders University",
        ),
    ],
)
def test_an_officer_s_organization_from_the_title(
    body: str, name: str, title: str, organization: str
) -> None:
    briefing = drafted("Mayor Wu Hong led a Lanzhou delegation. " + body)
    found = person(briefing, name)
    ids = {o["name"]: o["id"] for o in briefing["organizations"]}
    assert found["title"] == title
    assert found["organization"] == ids[organization]


def test_a_director_of_a_department_names_no_organization() -> None:
    briefing = drafted("Mr. Tom Ode, Director of International Relations, spoke.")
    assert names(briefing["organizations"]) == []


def test_a_name_paired_with_an_organization_that_signs_is_an_organization() -> None:
    briefing = drafted(
        "At the session, InvestPenang and the Xiamen Investment Promotion Center signed "
        "an agreement."
    )
    assert names(briefing["organizations"]) == [
        "InvestPenang",
        "Xiamen Investment Promotion Center",
    ]


def test_datuk_is_an_honorific() -> None:
    briefing = drafted("Mayor Wu Hong called on Chief Minister Datuk Lim Chee Keong.")
    assert person(briefing, "Lim Chee Keong")["title"] == "Chief Minister"


def test_a_people_s_adjective_before_university_is_no_organization() -> None:
    briefing = drafted("A delegation of Australian university leaders arrived in Wuhan.")
    assert names(briefing["organizations"]) == []
