"""Organizations spelt more than one way become one with aliases (and the reason), and
what the article says one organization is to another becomes a relation."""

from __future__ import annotations

from typing import Any

import pytest
from drafting_helpers import drafted, names


def _organization(briefing: dict[str, Any], name: str) -> dict[str, Any]:
    found = [o for o in briefing["organizations"] if o["name"] == name]
    assert found, f"{name} not among {names(briefing['organizations'])}"
    return found[0]


@pytest.mark.parametrize(
    ("body", "name", "alias"),
    [
        (
            "The delegation visited the Sorano Port Authority (SPA). SPA runs the docks.",
            "Sorano Port Authority",
            "SPA",
        ),
        (
            "The delegation visited the Lanzhou Investment Bureau. The LIB said it was ready.",
            "Lanzhou Investment Bureau",
            "LIB",
        ),
        (
            "The delegation visited Hanmo Shipping Company and toured its docks. Hanmo "
            "Shipping Group said it was ready.",
            "Hanmo Shipping Company",
            "Hanmo Shipping Group",
        ),
        (
            "The delegation visited the Bank of Ulm. The Ulm Bank said it was ready.",
            "Bank of Ulm",
            "Ulm Bank",
        ),
    ],
)
def test_spellings_of_one_organization_are_joined(body: str, name: str, alias: str) -> None:
    briefing = drafted(body)
    organization = _organization(briefing, name)
    assert organization["aliases"] == [alias]
    assert alias in organization["inferred"]["aliases"]
    assert alias not in names(briefing["organizations"])


def test_different_organizations_are_not_joined() -> None:
    briefing = drafted("The delegation visited the Bank of Ulm and the Ulm Trade Bureau.")
    assert names(briefing["organizations"]) == ["Bank of Ulm", "Ulm Trade Bureau"]
    assert all("aliases" not in o for o in briefing["organizations"])


def test_a_person_of_an_alias_is_of_the_organization() -> None:
    briefing = drafted(
        "Mayor Wu Hong led a Lanzhou delegation that visited the Sorano Port Authority (SPA). "
        "Ms. Ana Ruiz, Chairwoman of SPA, spoke."
    )
    ids = {o["name"]: o["id"] for o in briefing["organizations"]}
    ana = next(c for c in briefing["counterparts"] if c["name"] == "Ana Ruiz")
    assert ana["organization"] == ids["Sorano Port Authority"]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        (
            "Harrow Bank is an important strategic partner of the Bank of Ulm.",
            "important strategic partner of",
        ),
        ("Harrow Bank, a subsidiary of the Bank of Ulm, hosted them.", "subsidiary of"),
    ],
)
def test_a_relation_between_two_organizations(sentence: str, kind: str) -> None:
    briefing = drafted(f"The delegation visited Harrow Bank and the Bank of Ulm. {sentence}")
    harrow = _organization(briefing, "Harrow Bank")
    ulm = _organization(briefing, "Bank of Ulm")
    (relation,) = harrow["relations"]
    assert relation["kind"] == kind and relation["target"] == ulm["id"]
    assert relation["quotes"] == [sentence]
    assert "relations" not in ulm


def test_no_relation_without_the_words_for_one() -> None:
    briefing = drafted(
        "The delegation visited Harrow Bank and the Bank of Ulm. Harrow Bank met the Bank of Ulm."
    )
    assert all("relations" not in o for o in briefing["organizations"])
