"""Patterns of a signing-heavy article hosted at home, and of company and provincial
names: "Co., Ltd.", "PT ...", "... Industrial Park", "Vice Governor of X Province Y",
a department's name with commas, "She said", and fields after "work together in"."""

from __future__ import annotations

from typing import Any

import pytest
from drafting_helpers import drafted, names, person

CEREMONY = (
    "Ningde, Oct. 22 -- A signing ceremony for new energy projects was held in Ningde on "
    "Oct. 21, with 11 projects signed.\n\n"
    "Mayor Chen Li attended the ceremony. She said Ningde will deepen cooperation in "
    "energy storage and marine equipment.\n\n"
    "Among the projects, Ningde Cathode Materials Co., Ltd. signed an agreement with "
    "Hungary's Debrecen Industrial Park on a plant, and PT Nusa Nickel signed a memorandum "
    "with the Ningde Bureau of Commerce. Ms. Dewi Sari, President Director of PT Nusa "
    "Nickel, spoke.\n\nVice Mayor Lin Tao was present."
)


@pytest.fixture(scope="module")
def ceremony() -> dict[str, Any]:
    return drafted(CEREMONY)


def test_an_event_held_in_the_dateline_s_city_is_hosted_there(ceremony: dict[str, Any]) -> None:
    assert ceremony["direction"] == "incoming"
    assert "Ningde" in ceremony["inferred"]["direction"]
    assert ceremony["delegation"]["lead"]["name"] == "Chen Li"
    assert names(ceremony["delegation"]["members"]) == ["Lin Tao"]


def test_a_city_that_sends_a_delegation_is_not_the_host() -> None:
    briefing = drafted(
        "Ningde, Oct. 22 -- Mayor Chen Li led a delegation to Ulm. A forum was held in "
        "Ningde on Oct. 21."
    )
    assert briefing["direction"] == "outgoing"


def test_the_ceremony_is_an_event_and_what_is_signed_later_is_its_outcome(
    ceremony: dict[str, Any],
) -> None:
    (signing,) = [e for e in ceremony["itinerary"] if e["kind"] == "signing"]
    assert signing["title"].startswith("signing ceremony for new energy projects")
    outcomes = [o["text"] for o in signing["outcomes"]]
    assert outcomes == [
        "with 11 projects signed",
        "Ningde Cathode Materials Co., Ltd. signed an agreement with Hungary's Debrecen "
        "Industrial Park on a plant",
        "PT Nusa Nickel signed a memorandum with the Ningde Bureau of Commerce",
    ]
    assert "outcomes" in signing["inferred"]


def test_company_names_with_legal_forms_and_parks(ceremony: dict[str, Any]) -> None:
    assert names(ceremony["organizations"]) == [
        "Ningde Cathode Materials Co., Ltd.",
        "Debrecen Industrial Park",
        "PT Nusa Nickel",
        "Ningde Bureau of Commerce",
    ]
    ids = {o["name"]: o["id"] for o in ceremony["organizations"]}
    assert person(ceremony, "Dewi Sari")["organization"] == ids["PT Nusa Nickel"]


def test_park_is_also_a_family_name() -> None:
    briefing = drafted("Mayor Wu Hong met Park Jae-won, Chairman of the Busan Chamber of Commerce.")
    assert names(briefing["counterparts"]) == ["Park Jae-won"]


def test_she_said_is_the_person_the_sentence_before_opens_with(ceremony: dict[str, Any]) -> None:
    (signing,) = [e for e in ceremony["itinerary"] if e["kind"] == "signing"]
    (statement,) = signing["statements"]
    assert statement["speaker"] == "Chen Li"
    assert (
        statement["text"] == "Ningde will deepen cooperation in energy storage and marine equipment"
    )
    assert "Chen Li" in statement["inferred"]["speaker"]


def test_he_said_after_a_sentence_about_no_one_is_no_statement() -> None:
    briefing = drafted(
        "Mayor Wu Hong met Mr. Hans Berg, Mayor of Ulm. The talks were long. He said both "
        "cities gain a lot."
    )
    assert all("statements" not in e for e in briefing["itinerary"])


def test_a_title_ending_with_a_province_then_the_name() -> None:
    briefing = drafted(
        "Vice Governor of Luang Prabang Province Somsak Vongsavath led a delegation to "
        "Kunming. Kunming will work with Luang Prabang on tourism."
    )
    assert person(briefing, "Somsak Vongsavath")["title"] == (
        "Vice Governor of Luang Prabang Province"
    )
    assert {"Luang Prabang Province", "Luang Prabang"} <= set(briefing["places"])


def test_a_name_with_commas_is_one_organization_not_also_its_first_part() -> None:
    briefing = drafted(
        "Mayor Wu Hong met Mr. Khamphone Sisouk, Director of the Luang Prabang Department "
        "of Information, Culture and Tourism, on May 2."
    )
    assert names(briefing["organizations"]) == [
        "Luang Prabang Department of Information, Culture and Tourism"
    ]


@pytest.mark.parametrize(
    ("body", "themes"),
    [
        (
            "Ms. Lena Ek said the two cities could work together in circular economy, "
            "electric buses and vocational training.",
            ["circular economy", "electric buses", "vocational training"],
        ),
        (
            "Yang said Kunming is ready to work with Luang Prabang on cross-border tourism, "
            "plateau agriculture and traditional medicine, and welcomed more Lao students.",
            ["cross-border tourism", "plateau agriculture", "traditional medicine"],
        ),
    ],
)
def test_fields_after_work_together_and_before_and_welcomed(body: str, themes: list[str]) -> None:
    assert names(drafted(body)["themes"]) == themes
