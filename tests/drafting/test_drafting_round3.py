"""Patterns of the tuning articles t17-t19: two offices joined by "and", "X and his
delegation" as the visitors' lead, fields after "experience in" and "areas including",
names that are not fields, a State as a place, an office cut off a name after "and the",
and "H.E." / "Hon." before a name."""

from __future__ import annotations

import pytest
from drafting_helpers import drafted, names, person


@pytest.mark.parametrize(
    ("body", "name", "title"),
    [
        (
            "Fuzhou Party Secretary and Mayor Lin Bao led a delegation to Brazil.",
            "Lin Bao",
            "Fuzhou Party Secretary and Mayor",
        ),
        (
            "He met Mr. Anders Holm, Chairman and CEO of Nordvik Energy AB, there.",
            "Anders Holm",
            "Chairman and CEO of Nordvik Energy AB",
        ),
        (
            "Mayor Wu Hong met H.E. Grace Wanjiru, Ambassador of Kenya to China, there.",
            "Grace Wanjiru",
            "Ambassador of Kenya to China",
        ),
    ],
)
def test_a_title_is_found(body: str, name: str, title: str) -> None:
    assert person(drafted(body), name).get("title") == title


def test_an_honorific_with_stops_is_no_organization() -> None:
    briefing = drafted("Mayor Wu Hong met H.E. Grace Wanjiru, Ambassador of Kenya to China.")
    assert names(briefing["organizations"]) == []


def test_the_mayor_s_words_and_not_a_second_office_after_and() -> None:
    briefing = drafted("Mayor Wu Hong and Director Li Na met Mr. Tom Ode there.")
    assert person(briefing, "Wu Hong")["title"] == "Mayor"


def test_who_comes_with_his_delegation_leads_the_visitors() -> None:
    briefing = drafted(
        "Changchun, May 30 -- Hon. Joseph Kamau, Governor of Nakuru County, and his "
        "delegation visited Changchun from May 27 to 29.\n\n"
        "Vice Mayor Bai Xue met the delegation on May 28."
    )
    assert briefing["direction"] == "incoming"
    assert briefing["delegation"]["lead"]["name"] == "Bai Xue"
    (meeting,) = briefing["itinerary"]
    assert meeting["counterparts"] == ["joseph-kamau"]
    assert meeting["date"]["as_stated"] == "on May 28"


@pytest.mark.parametrize(
    ("body", "themes"),
    [
        (
            "Bai said Changchun will share its experience in automobile manufacturing, "
            "grain processing and rail transit with Nakuru.",
            ["automobile manufacturing", "grain processing", "rail transit"],
        ),
        (
            "Morita said Shizuoka would like to learn from Jinan's experience in developing "
            "the digital economy.",
            ["digital economy"],
        ),
        (
            "Almeida hopes to deepen exchanges with Fuzhou in areas including software "
            "outsourcing and public health.",
            ["software outsourcing", "public health"],
        ),
        ("They visited the Federation of Industries of the State of Sao Paulo.", []),
    ],
)
def test_fields(body: str, themes: list[str]) -> None:
    assert names(drafted(body)["themes"]) == themes


def test_a_state_is_a_place_and_an_office_is_cut_off_a_name_after_and_the() -> None:
    briefing = drafted(
        "They met the Secretary of Economic Development of Sao Paulo State, Mrs. Bia Cardo. "
        "Vice Mayor Ji Hong and the Director of the Suzhou Bureau of Commerce, Chen Dong, "
        "accompanied the visit."
    )
    assert "Sao Paulo State" in briefing["places"]
    assert names(briefing["organizations"]) == ["Suzhou Bureau of Commerce"]
