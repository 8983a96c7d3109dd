import pytest
from drafting_helpers import drafted, person


@pytest.mark.parametrize(
    ("body", "name", "title"),
    [
        ("Mayor Wu Qingshan met Mr. Hans Berg, Mayor of Ulm.", "Hans Berg", "Mayor of Ulm"),
        (
            "He met Mr. Ahmed Abdelaziz (Mayor of Rotterdam) there.",
            "Ahmed Abdelaziz",
            "Mayor of Rotterdam",
        ),
        (
            "They met the Vice President of the Lombardy Region, Ms. Elena Ferraro.",
            "Elena Ferraro",
            "Vice President of the Lombardy Region",
        ),
        (
            "They met the chairman of the board, Mr. Le Mingham.",
            "Le Mingham",
            "chairman of the board",
        ),
        ("There, CEO Mr. Boudewijn Smeets briefed them.", "Boudewijn Smeets", "CEO"),
        (
            "Liu met with Johnson Sakwa, Governor of Nairobi City County.",
            "Johnson Sakwa",
            "Governor of Nairobi City County",
        ),
        ("They met Kering Group's Deputy CEO Diplé and others.", "Diplé", "Deputy CEO"),
        (
            "They met Valeo Group's Senior Vice President of Communications and "
            "Investment Relations Mafaron, and left.",
            "Mafaron",
            "Senior Vice President of Communications and Investment Relations",
        ),
        (
            "Mr. Jens Vollmer, Chief Operating Officer, spoke.",
            "Jens Vollmer",
            "Chief Operating Officer",
        ),
        ("He met Santiago Mayor Claudia Fuentes there.", "Claudia Fuentes", "Santiago Mayor"),
        (
            "He met Alderman Sir Peter Wetherby, Lord Mayor of the City of London, there.",
            "Peter Wetherby",
            "Lord Mayor of the City of London",
        ),
        (
            "Ms. Carmen Llorente, Regional Minister for Innovation, Industry and Trade, spoke.",
            "Carmen Llorente",
            "Regional Minister for Innovation, Industry and Trade",
        ),
        (
            "The Director of the Suzhou Municipal Bureau of Commerce, Chen Dong, came.",
            "Chen Dong",
            "Director of the Suzhou Municipal Bureau of Commerce",
        ),
        (
            "He Xiaodan, Director-General of the Ningbo Bureau, came.",
            "He Xiaodan",
            "Director-General of the Ningbo Bureau",
        ),
    ],
)
def test_a_title_before_or_after_a_name(body: str, name: str, title: str) -> None:
    assert person(drafted(body), name).get("title") == title


def test_two_titles_joined_by_and() -> None:
    body = (
        "A delegation led by Zhao Minghui, Deputy Secretary of the CPC Qingdao Municipal "
        "Committee and Mayor of Qingdao, visited Ulm."
    )
    lead = drafted(body)["delegation"]["lead"]
    assert lead["title"] == (
        "Deputy Secretary of the CPC Qingdao Municipal Committee and Mayor of Qingdao"
    )


def test_a_surname_alone_later_is_an_alias_marked_inferred() -> None:
    briefing = drafted("Mayor Li Wei met Ms. Elena Ferraro, Mayor of Ulm. Ferraro said yes.")
    ferraro = person(briefing, "Elena Ferraro")
    assert ferraro["aliases"] == ["Ferraro"]
    assert "Ferraro" in ferraro["inferred"]["aliases"]
    assert any("Ferraro said yes." in quote for quote in ferraro["quotes"])


def test_the_same_name_spaced_differently_is_an_alias() -> None:
    briefing = drafted(
        "Mayor Li Wei met Mr. Le Mingham, CEO of Acme Group. Mr. Lemingham said yes."
    )
    assert person(briefing, "Le Mingham")["aliases"] == ["Lemingham"]


def test_an_organization_from_the_title_is_stated_and_from_context_inferred() -> None:
    briefing = drafted(
        "Mayor Li Wei met Mr. Karl Timm, President of Acme Insurance Group. He also visited "
        "the Stellantis design centre, where Mr. Marco Bellini, Head of Design, spoke."
    )
    organizations = {o["id"]: o for o in briefing["organizations"]}
    timm = person(briefing, "Karl Timm")
    assert organizations[timm["organization"]]["name"] == "Acme Insurance Group"
    assert "organization" not in timm.get("inferred", {})
    bellini = person(briefing, "Marco Bellini")
    assert organizations[bellini["organization"]]["name"] == "Stellantis"
    assert "Stellantis" in bellini["inferred"]["organization"]


def test_words_that_are_not_people_are_not_people() -> None:
    briefing = drafted(
        "From October 9 to 12, a Suzhou delegation headed by Mayor Wu Qingshan visited Milan "
        "and Turin, Italy. In Turin, Wu Qingshan met with Mr. Stefano Lo Presti, Mayor of Turin."
    )
    everyone = [p["name"] for p in briefing["counterparts"]] + [
        p["name"] for p in briefing["delegation"]["members"]
    ]
    assert everyone == ["Stefano Lo Presti"]
