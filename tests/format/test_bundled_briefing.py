"""The bundled Nanjing–France briefing: honest to its article, and complete.

These tests read the YAML directly (yaml.safe_load + Briefing.model_validate), so they
check the data itself, independently of the loader and its checks.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from pydantic import BaseModel

from tui.format.model import Briefing, Counterpart, Event, EventKind, Organization
from tui.reading.quotes import SourceText

ROOT = Path(__file__).resolve().parents[2]
BRIEFING_PATH = ROOT / "briefings" / "nanjing-france-study-visit.yaml"
SCHEMA_LINE = "# yaml-language-server: $schema=./briefing.schema.json"


@pytest.fixture(scope="module")
def raw() -> str:
    return BRIEFING_PATH.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def briefing(raw: str) -> Briefing:
    return Briefing.model_validate(yaml.safe_load(raw))


@pytest.fixture(scope="module")
def source(briefing: Briefing) -> SourceText:
    path = (BRIEFING_PATH.parent / briefing.source.path).resolve()
    return SourceText(path.read_text(encoding="utf-8"))


def walk(node: object, where: str = "briefing") -> Iterator[tuple[str, BaseModel]]:
    """Every model in the briefing, with a readable path to it."""
    if isinstance(node, BaseModel):
        yield where, node
        for name in type(node).model_fields:
            yield from walk(getattr(node, name), f"{where}.{name}")
    elif isinstance(node, list | tuple):
        for index, item in enumerate(node):
            yield from walk(item, f"{where}[{index}]")
    elif isinstance(node, dict):
        for key, item in node.items():
            yield from walk(item, f"{where}.{key}")


def org(briefing: Briefing, name: str) -> Organization:
    """The organization called `name`, by its name or one of its aliases."""
    found = [o for o in briefing.organizations if name == o.name or name in o.aliases]
    assert len(found) == 1, f"expected exactly one organization called {name!r}, got {found}"
    return found[0]


def counterpart(briefing: Briefing, name: str) -> Counterpart:
    found = [c for c in briefing.counterparts if name == c.name or name in c.aliases]
    assert len(found) == 1, f"expected exactly one counterpart called {name!r}, got {found}"
    return found[0]


def events_with(briefing: Briefing, counterpart_id: str) -> list[Event]:
    return [e for e in briefing.itinerary if counterpart_id in e.counterparts]


def event_by_id(briefing: Briefing, event_id: str) -> Event:
    found = [e for e in briefing.itinerary if e.id == event_id]
    assert len(found) == 1, event_id
    return found[0]


def event_organization_names(briefing: Briefing, event: Event) -> set[str]:
    by_id = {o.id: o.name for o in briefing.organizations}
    return {by_id[i] for i in event.organizations}


# -- the file itself ---------------------------------------------------------------


def test_first_line_points_at_the_schema(raw: str) -> None:
    assert raw.splitlines()[0] == SCHEMA_LINE


def test_header(briefing: Briefing) -> None:
    assert briefing.format == 1
    assert briefing.id == "nanjing-france-study-visit"
    assert briefing.source.title == (
        "Chen Zhichang Leads Nanjing Delegation on a Study Visit in France"
    )
    assert briefing.source.path == "../seeds/000_a8ebd945cfdb3d44.txt"
    assert briefing.source.language == "en"
    assert briefing.places == ["France", "Paris", "Strasbourg"]


# -- (1) every quote is in the source -----------------------------------------------


def test_every_entity_is_quoted_and_every_quote_is_in_the_source(
    briefing: Briefing, source: SourceText
) -> None:
    checked = 0
    missing = []
    for where, model in walk(briefing):
        if "quotes" not in type(model).model_fields:
            continue
        assert model.quotes, f"{where} has no quotes"
        for quote in model.quotes:
            checked += 1
            if not source.contains(quote):
                missing.append(f"{where}: {quote!r}")
    assert not missing, "quotes not found in the source:\n" + "\n".join(missing)
    # Briefing, delegation, lead, 11 organizations, 7 counterparts, 13 themes, 7 events,
    # their statements and outcomes: far more than a handful.
    assert checked > 60


def test_the_quote_check_is_not_vacuous(source: SourceText) -> None:
    assert source.contains("Mr. Lemingham said")
    assert source.contains("Kayent  Group")  # whitespace folds
    assert not source.contains("Mr. Lemingham says")
    assert not source.contains("Kering Group's Deputy CEO Diple")  # accents count


def test_the_titles_and_places_stated_in_the_source_are_in_it(
    briefing: Briefing, source: SourceText
) -> None:
    assert source.contains(briefing.source.title)
    assert source.contains(briefing.dates.as_stated)
    for place in briefing.places:
        assert source.contains(place)
    for item in briefing.counterparts:
        assert source.contains(item.name)
        for alias in item.aliases:
            assert source.contains(alias)
        assert item.title is not None
        assert source.contains(item.title)
    for item in briefing.organizations:
        for name in [item.name, *item.aliases]:
            assert source.contains(name), name
    for event in briefing.itinerary:
        for alias in event.aliases:
            assert source.contains(alias)
        if event.place is not None:
            assert source.contains(event.place)


# -- (2) completeness against the article -------------------------------------------

EXPECTED_COUNTERPARTS = {
    # name: (title, organization name)
    "Le Mingham": ("chairman of the board", "BNP Paribas"),
    "Oberg": ("Vice President", "Allianz Insurance Group"),
    "Mafaron": (
        "Senior Vice President of Communications and Investment Relations",
        "Valeo Group",
    ),
    "Philippe Lauver": ("Executive Vice President", "Dassault Systèmes"),
    "Diplé": ("Deputy CEO", "Kering Group"),
    "Lu Shano": ("Chinese Ambassador to France", "Chinese Embassy in France"),
    "Pan Yumin": ("Consul General in Strasbourg", "Consulate General in Strasbourg"),
}


def test_the_delegation(briefing: Briefing) -> None:
    delegation = briefing.delegation
    assert delegation.name == "Nanjing delegation"
    assert delegation.lead.name == "Chen Zhichang"
    assert delegation.lead.title == "Mayor"
    assert delegation.members == []  # the article names no member


def test_counterparts_are_the_seven_people_met(briefing: Briefing) -> None:
    assert {c.name for c in briefing.counterparts} == set(EXPECTED_COUNTERPARTS)
    names = {o.id: o.name for o in briefing.organizations}
    for item in briefing.counterparts:
        title, organization = EXPECTED_COUNTERPARTS[item.name]
        assert item.title == title, item.name
        assert item.organization is not None, item.name
        assert names[item.organization] == organization, item.name


def test_organizations_named_by_the_article_exist(briefing: Briefing) -> None:
    for name in [
        "BNP Paribas",
        "Bank of Nanjing",
        "Allianz Insurance Group",
        "Valeo Group",
        "Dassault Systèmes",
        "Kering Group",
        "Kayent Group",
        "Unital",
        "Paris Region SME Union",
        "Chinese Embassy in France",
        "Consulate General in Strasbourg",
        "French biomedical enterprises",
    ]:
        org(briefing, name)
    assert len(briefing.organizations) == 11


def test_bnp_paribas_is_a_strategic_partner_of_bank_of_nanjing(briefing: Briefing) -> None:
    bnp = org(briefing, "BNP Paribas")
    bank = org(briefing, "Bank of Nanjing")
    assert [(r.kind, r.target) for r in bnp.relations] == [("strategic partner of", bank.id)]
    others = [o for o in briefing.organizations if o.relations and o is not bnp]
    assert others == []


def test_the_itinerary(briefing: Briefing) -> None:
    kinds = [(e.id, e.kind) for e in briefing.itinerary]
    assert kinds == [
        ("paris-cooperation-conference", EventKind.conference),
        ("biomedical-symposium", EventKind.symposium),
        ("bnp-paribas-headquarters-meeting", EventKind.meeting),
        ("allianz-meeting", EventKind.meeting),
        ("valeo-dassault-kering-exchange", EventKind.meeting),
        ("chinese-embassy-visit", EventKind.visit),
        ("strasbourg-consulate-visit", EventKind.visit),
    ]


def test_the_paris_conference(briefing: Briefing) -> None:
    event = event_by_id(briefing, "paris-cooperation-conference")
    assert event.title == (
        "China-Nanjing-France-Paris Industry Cooperation and Exchange Conference"
    )
    assert event.aliases == [
        "China-Nanjing-France-Paris Industrial Cooperation and Exchange Meeting"
    ]
    assert "aliases" in event.inferred
    assert event.place == "Paris"
    assert event.counterparts == []  # no one at the conference is named
    assert event_organization_names(briefing, event) == {
        "Valeo Group",
        "BNP Paribas",
        "Unital",
        "Paris Region SME Union",
    }
    assert "Chen Zhichang" in {s.speaker for s in event.statements}
    assert [o.text for o in event.outcomes] == [
        "A number of industrial projects were signed on the spot."
    ]
    assert set(event.themes) == {
        "science-and-technology-innovation",
        "strategic-emerging-industries",
        "modern-service-industry",
        "green-development",
    }


def test_the_biomedical_symposium(briefing: Briefing) -> None:
    event = event_by_id(briefing, "biomedical-symposium")
    assert event_organization_names(briefing, event) == {"French biomedical enterprises"}
    assert event.themes == ["biomedicine"]
    assert event.counterparts == []
    speakers = {s.speaker for s in event.statements}
    assert speakers == {"Chen Zhichang", "Heads of participating organizations and enterprises"}


@pytest.mark.parametrize(
    ("name", "event_id", "organizations"),
    [
        ("Le Mingham", "bnp-paribas-headquarters-meeting", {"BNP Paribas"}),
        ("Oberg", "allianz-meeting", {"Allianz Insurance Group"}),
        (
            "Mafaron",
            "valeo-dassault-kering-exchange",
            {"Valeo Group", "Dassault Systèmes", "Kering Group"},
        ),
        (
            "Philippe Lauver",
            "valeo-dassault-kering-exchange",
            {"Valeo Group", "Dassault Systèmes", "Kering Group"},
        ),
        (
            "Diplé",
            "valeo-dassault-kering-exchange",
            {"Valeo Group", "Dassault Systèmes", "Kering Group"},
        ),
        ("Lu Shano", "chinese-embassy-visit", {"Chinese Embassy in France"}),
        ("Pan Yumin", "strasbourg-consulate-visit", {"Consulate General in Strasbourg"}),
    ],
)
def test_each_counterpart_is_met_at_one_event(
    briefing: Briefing, name: str, event_id: str, organizations: set[str]
) -> None:
    person = counterpart(briefing, name)
    events = events_with(briefing, person.id)
    assert [e.id for e in events] == [event_id]
    assert event_organization_names(briefing, events[0]) == organizations


def test_the_counterparts_speak_where_the_article_quotes_them(briefing: Briefing) -> None:
    bnp = event_by_id(briefing, "bnp-paribas-headquarters-meeting")
    assert {s.speaker for s in bnp.statements} == {"Chen Zhichang", "Le Mingham"}
    assert bnp.place == "headquarters of BNP Paribas"
    allianz = event_by_id(briefing, "allianz-meeting")
    assert {s.speaker for s in allianz.statements} == {"Chen Zhichang", "Oberg"}
    # Mafaron, Lauver and Diplé are not quoted; the ambassador and consul say nothing.
    exchange = event_by_id(briefing, "valeo-dassault-kering-exchange")
    assert {s.speaker for s in exchange.statements} == {"Chen Zhichang"}
    for event_id in ["chinese-embassy-visit", "strasbourg-consulate-visit"]:
        assert event_by_id(briefing, event_id).statements == []


EXPECTED_THEMES = {
    "science-and-technology-innovation": "scientific and technological innovation",
    "strategic-emerging-industries": "strategic emerging industries",
    "modern-service-industry": "modern service industry",
    "green-development": "green development",
    "biomedicine": "biomedicine",
    "bnp-paribas-bank-of-nanjing-cooperation": "bank of nanjing",
    "insurance": "insurance",
    "nanjing-financial-center": "financial center",
    "automotive-parts": "automotive parts",
    "industrial-software": "industrial software",
    "consumer-brands": "consumer brands",
    "industrial-powerhouse": "industrial powerhouse",
    "international-consumption-center": "international consumption center",
}


def test_the_themes_the_article_names(briefing: Briefing) -> None:
    themes = {t.id: t for t in briefing.themes}
    assert set(themes) == set(EXPECTED_THEMES)
    for theme_id, words in EXPECTED_THEMES.items():
        assert words in themes[theme_id].name.lower(), theme_id
    used = {t for e in briefing.itinerary for t in e.themes}
    assert used == set(themes), "every theme comes up at some event"


def test_the_valeo_dassault_kering_exchange_covers_its_fields(briefing: Briefing) -> None:
    event = event_by_id(briefing, "valeo-dassault-kering-exchange")
    assert set(event.themes) == {
        "industrial-powerhouse",
        "international-consumption-center",
        "automotive-parts",
        "industrial-software",
        "consumer-brands",
    }


# -- (3) honesty ---------------------------------------------------------------------


def test_the_dates_are_no_more_precise_than_the_article(briefing: Briefing) -> None:
    dates = briefing.dates
    assert dates.as_stated == "From November 16 to 18, local time"
    assert dates.year is None
    assert (dates.start.month, dates.start.day) == (11, 16)
    assert (dates.end.month, dates.end.day) == (11, 18)


def test_no_event_has_a_date(briefing: Briefing) -> None:
    assert [e.id for e in briefing.itinerary if e.date is not None] == []


def test_places_are_only_where_stated(briefing: Briefing) -> None:
    places = {e.id: e.place for e in briefing.itinerary}
    assert places == {
        "paris-cooperation-conference": "Paris",
        "biomedical-symposium": None,
        "bnp-paribas-headquarters-meeting": "headquarters of BNP Paribas",
        "allianz-meeting": None,
        "valeo-dassault-kering-exchange": None,
        "chinese-embassy-visit": None,
        "strasbourg-consulate-visit": "Strasbourg",
    }
    # The meeting with Pan Yumin is placed in Strasbourg only through the consulate.
    assert "place" in event_by_id(briefing, "strasbourg-consulate-visit").inferred


def test_kering_and_kayent_are_one_company(briefing: Briefing) -> None:
    kering = org(briefing, "Kering Group")
    assert org(briefing, "Kayent Group") is kering
    assert kering.name == "Kering Group"
    assert kering.aliases == ["Kayent Group"]
    assert "aliases" in kering.inferred
    names = [n for o in briefing.organizations for n in [o.name, *o.aliases]]
    assert sum("Kering" in n or "Kayent" in n for n in names) == 2


def test_le_mingham_and_lemingham_are_one_person(briefing: Briefing) -> None:
    person = counterpart(briefing, "Le Mingham")
    assert counterpart(briefing, "Lemingham") is person
    assert person.aliases == ["Lemingham"]
    assert "aliases" in person.inferred
    assert person.organization == org(briefing, "BNP Paribas").id


def test_the_diplomats_organizations_are_marked_inferred(briefing: Briefing) -> None:
    for name in ["Lu Shano", "Pan Yumin"]:
        assert "organization" in counterpart(briefing, name).inferred, name
    for name in ["Oberg", "Mafaron", "Philippe Lauver", "Diplé"]:
        assert counterpart(briefing, name).inferred == {}, name


def test_the_field_to_company_mapping_is_marked_inferred(briefing: Briefing) -> None:
    sectors = {
        "Valeo Group": "Automotive parts",
        "Dassault Systèmes": "industrial software",
        "Kering Group": "well-known consumer brands",
    }
    for name, sector in sectors.items():
        company = org(briefing, name)
        assert company.sector == sector
        assert "sector" in company.inferred, name


def test_countries_only_where_the_article_gives_them(briefing: Briefing) -> None:
    countries = {o.name: o.country for o in briefing.organizations if o.country}
    assert countries == {
        "French biomedical enterprises": "France",
        "Chinese Embassy in France": "China",
    }


def test_inferred_keys_are_fields_and_reasons_are_given(briefing: Briefing) -> None:
    for where, model in walk(briefing):
        for field, reason in getattr(model, "inferred", {}).items():
            assert field in type(model).model_fields, f"{where}.inferred.{field}"
            assert field not in {"quotes", "inferred"}, where
            assert len(reason) > 10, f"{where}.inferred.{field}"
            assert getattr(model, field) not in (None, [], ""), (
                f"{where}.inferred.{field} marks a field that is not set"
            )


# -- (4) references and ids ----------------------------------------------------------


def test_ids_are_unique(briefing: Briefing) -> None:
    ids = [
        *(o.id for o in briefing.organizations),
        *(c.id for c in briefing.counterparts),
        *(t.id for t in briefing.themes),
        *(e.id for e in briefing.itinerary),
    ]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    assert duplicates == []


def test_every_reference_resolves(briefing: Briefing) -> None:
    organizations = {o.id for o in briefing.organizations}
    counterparts = {c.id for c in briefing.counterparts}
    themes = {t.id for t in briefing.themes}
    broken = []
    for item in briefing.organizations:
        broken += [
            f"{item.id} -> {r.target}" for r in item.relations if r.target not in organizations
        ]
    for item in briefing.counterparts:
        if item.organization is not None and item.organization not in organizations:
            broken.append(f"{item.id} -> {item.organization}")
    for event in briefing.itinerary:
        broken += [f"{event.id} -> {i}" for i in event.counterparts if i not in counterparts]
        broken += [f"{event.id} -> {i}" for i in event.organizations if i not in organizations]
        broken += [f"{event.id} -> {i}" for i in event.themes if i not in themes]
    assert broken == []


def test_every_organization_takes_part_or_is_related(briefing: Briefing) -> None:
    present = {i for e in briefing.itinerary for i in e.organizations}
    related = {r.target for o in briefing.organizations for r in o.relations}
    affiliated = {c.organization for c in briefing.counterparts}
    stray = {o.id for o in briefing.organizations} - present - related - affiliated
    assert stray == set()
