"""The archive index: look-ups by reference, who took part in what, where a theme came
up, which people of different briefings are the same person."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import BUNDLED, MINIMAL_YAML, WriteBriefing

import tui.reading.loader
from tui.format.model import Briefing, Counterpart, Event, Organization, Theme
from tui.index.archive import Archive, Kind, Ref
from tui.reading.loader import (
    BriefingError,
    LoadedBriefing,
    LoadedOutline,
    load_briefing,
    load_paths,
)

BID = "nanjing-france-study-visit"


@pytest.fixture(scope="module")
def bundled() -> LoadedBriefing:
    return load_briefing(BUNDLED)


@pytest.fixture(scope="module")
def archive(bundled: LoadedBriefing) -> Archive:
    return Archive([bundled])


def events_of(briefing: Briefing, field: str, item: str) -> list[Ref]:
    """The events listing `item` in `field`, in itinerary order, read off the model."""
    return [
        Ref(Kind.event, briefing.id, event.id)
        for event in briefing.itinerary
        if item in getattr(event, field)
    ]


def test_looking_up_entries(archive: Archive, bundled: LoadedBriefing) -> None:
    briefing = bundled.briefing
    assert len(archive) == 1
    assert archive.loaded(BID) is bundled
    assert archive.briefings[BID].title == briefing.title
    for kind, items in (
        (Kind.event, briefing.itinerary),
        (Kind.counterpart, briefing.counterparts),
        (Kind.organization, briefing.organizations),
        (Kind.theme, briefing.themes),
    ):
        refs = archive.refs(kind, BID)
        assert refs == [Ref(kind, BID, item.id) for item in items]
        for ref, item in zip(refs, items, strict=True):
            assert ref in archive
            assert archive.get(ref) is item
            assert archive.briefing(ref) is briefing
            label = archive.label(ref)
            assert label == (item.title if isinstance(item, Event) else item.name)
    own = Ref(Kind.briefing, BID, BID)
    assert archive.get(own) is briefing and archive.label(own) == briefing.title
    assert Ref(Kind.counterpart, BID, "nobody") not in archive
    assert Ref(Kind.event, BID, "le-mingham") not in archive  # ids are per kind


def test_events_with_a_counterpart(archive: Archive, bundled: LoadedBriefing) -> None:
    found = archive.events_with(Ref(Kind.counterpart, BID, "le-mingham"))
    assert found == [Ref(Kind.event, BID, "bnp-paribas-headquarters-meeting")]
    for counterpart in bundled.briefing.counterparts:
        ref = Ref(Kind.counterpart, BID, counterpart.id)
        expected = events_of(bundled.briefing, "counterparts", counterpart.id)
        assert archive.events_with(ref) == expected, counterpart.id
        assert expected, f"{counterpart.id} takes part in no event"


def test_events_with_an_organization(archive: Archive, bundled: LoadedBriefing) -> None:
    found = archive.events_with(Ref(Kind.organization, BID, "bnp-paribas"))
    assert found == [
        Ref(Kind.event, BID, "paris-cooperation-conference"),
        Ref(Kind.event, BID, "bnp-paribas-headquarters-meeting"),
    ]
    for organization in bundled.briefing.organizations:
        ref = Ref(Kind.organization, BID, organization.id)
        expected = events_of(bundled.briefing, "organizations", organization.id)
        assert archive.events_with(ref) == expected, organization.id
    # Bank of Nanjing is spoken of, but takes part in no event.
    assert archive.events_with(Ref(Kind.organization, BID, "bank-of-nanjing")) == []


def test_events_with_a_theme(archive: Archive, bundled: LoadedBriefing) -> None:
    found = archive.events_with(Ref(Kind.theme, BID, "biomedicine"))
    assert found == [Ref(Kind.event, BID, "biomedical-symposium")]
    for theme in bundled.briefing.themes:
        ref = Ref(Kind.theme, BID, theme.id)
        assert archive.events_with(ref) == events_of(bundled.briefing, "themes", theme.id)


def test_organizations_with_a_theme(archive: Archive, bundled: LoadedBriefing) -> None:
    found = archive.organizations_with_theme(Ref(Kind.theme, BID, "insurance"))
    assert found == [Ref(Kind.organization, BID, "allianz-insurance-group")]
    by_id = {event.id: event for event in bundled.briefing.itinerary}
    for theme in bundled.briefing.themes:
        expected: list[Ref] = []
        for event_ref in events_of(bundled.briefing, "themes", theme.id):
            for item in by_id[event_ref.id].organizations:
                if Ref(Kind.organization, BID, item) not in expected:
                    expected.append(Ref(Kind.organization, BID, item))
        assert archive.organizations_with_theme(Ref(Kind.theme, BID, theme.id)) == expected


def test_organizations_with_a_theme_are_listed_once(write_briefing: WriteBriefing) -> None:
    second_event = """\
  - id: second-meeting
    title: Another meeting
    kind: meeting
    organizations: [acme-bank]
    themes: [trade]
    quotes: [they talked about trade]
"""
    loaded = load_briefing(write_briefing(MINIMAL_YAML + second_event))
    archive = Archive([loaded])
    trade = Ref(Kind.theme, "minimal", "trade")
    assert archive.events_with(trade) == [
        Ref(Kind.event, "minimal", "bank-meeting"),
        Ref(Kind.event, "minimal", "second-meeting"),
    ]
    assert archive.organizations_with_theme(trade) == [
        Ref(Kind.organization, "minimal", "acme-bank")
    ]


def test_members(archive: Archive, bundled: LoadedBriefing) -> None:
    assert archive.members(Ref(Kind.organization, BID, "bnp-paribas")) == [
        Ref(Kind.counterpart, BID, "le-mingham")
    ]
    for organization in bundled.briefing.organizations:
        expected = [
            Ref(Kind.counterpart, BID, c.id)
            for c in bundled.briefing.counterparts
            if c.organization == organization.id
        ]
        assert archive.members(Ref(Kind.organization, BID, organization.id)) == expected
    assert archive.members(Ref(Kind.organization, BID, "unital")) == []


# --- the same person in two briefings --------------------------------------------------

OTHER_SOURCE = """\
Minister Ada Lovelace went to Paris in 2024.
She met Mr. Lemingham, chairman of BNP Paribas, and Ms. DIPLE of Kering.
They also met Mr. Wang Wei.
"""

OTHER_YAML = """\
format: 1
id: other-visit
title: Another visit
summary: Ada Lovelace went to Paris.
quotes: [Minister Ada Lovelace went to Paris in 2024.]
source: {title: Other, path: ../seeds/other.txt}
dates: {as_stated: in 2024, year: 2024}
delegation:
  name: the minister's party
  quotes: [Ada Lovelace went to Paris]
  lead: {name: Ada Lovelace, quotes: [Minister Ada Lovelace]}
organizations:
  - {id: bnp, name: BNP Paribas, quotes: [BNP Paribas]}
counterparts:
  - {id: chairman, name: Lemingham, organization: bnp, quotes: [Mr. Lemingham]}
  - {id: deputy, name: DIPLE, aliases: [Ms. Diple], quotes: [Ms. DIPLE of Kering]}
  - {id: wang, name: Wang Wei, quotes: [Mr. Wang Wei]}
itinerary:
  - id: paris-meeting
    title: Meeting in Paris
    kind: meeting
    counterparts: [chairman, deputy]
    quotes: ["She met Mr. Lemingham, chairman of BNP Paribas, and Ms. DIPLE of Kering."]
  - id: second-meeting
    title: Meeting Wang Wei
    kind: meeting
    counterparts: [wang, chairman]
    quotes: [They also met Mr. Wang Wei.]
"""


@pytest.fixture
def two(write_briefing: WriteBriefing, tmp_path: Path, bundled: LoadedBriefing) -> Archive:
    (tmp_path / "seeds" / "other.txt").write_text(OTHER_SOURCE, encoding="utf-8")
    other = load_briefing(write_briefing(OTHER_YAML, name="other.yaml"))
    minimal = load_briefing(write_briefing())
    return Archive([bundled, other, minimal])


def test_the_same_person_by_alias(two: Archive) -> None:
    # "Lemingham" is the bundled Le Mingham's alias and the other briefing's name.
    here = Ref(Kind.counterpart, BID, "le-mingham")
    there = Ref(Kind.counterpart, "other-visit", "chairman")
    assert two.same_person(here) == [here, there]
    assert two.same_person(there) == [there, here]


def test_the_same_person_by_folded_name(two: Archive) -> None:
    # "DIPLE" and "Diplé" fold alike.
    here = Ref(Kind.counterpart, BID, "diple")
    there = Ref(Kind.counterpart, "other-visit", "deputy")
    assert two.same_person(here) == [here, there]


def test_the_same_name_within_other_briefings(two: Archive) -> None:
    wang = Ref(Kind.counterpart, "other-visit", "wang")
    minimal_wang = Ref(Kind.counterpart, "minimal", "wang-wei")
    assert two.same_person(wang) == [wang, minimal_wang]
    # Someone found nowhere else is only themselves.
    oberg = Ref(Kind.counterpart, BID, "oberg")
    assert two.same_person(oberg) == [oberg]


def test_events_with_a_person_span_briefings(two: Archive) -> None:
    found = two.events_with(Ref(Kind.counterpart, BID, "le-mingham"))
    assert found == [
        Ref(Kind.event, BID, "bnp-paribas-headquarters-meeting"),
        Ref(Kind.event, "other-visit", "paris-meeting"),
        Ref(Kind.event, "other-visit", "second-meeting"),
    ]
    found = two.events_with(Ref(Kind.counterpart, "other-visit", "chairman"))
    assert found == [
        Ref(Kind.event, "other-visit", "paris-meeting"),
        Ref(Kind.event, "other-visit", "second-meeting"),
        Ref(Kind.event, BID, "bnp-paribas-headquarters-meeting"),
    ]


def test_organizations_are_not_merged_across_briefings(two: Archive) -> None:
    # Same name, but organizations are looked up per briefing.
    assert two.events_with(Ref(Kind.organization, "other-visit", "bnp")) == []
    assert two.members(Ref(Kind.organization, "other-visit", "bnp")) == [
        Ref(Kind.counterpart, "other-visit", "chairman")
    ]
    assert len(two.events_with(Ref(Kind.organization, BID, "bnp-paribas"))) == 2


def test_search_finds_people_of_every_briefing(two: Archive) -> None:
    keys = {m.ref for m in two.search_names("lemingham")}
    assert {
        Ref(Kind.counterpart, BID, "le-mingham"),
        Ref(Kind.counterpart, "other-visit", "chairman"),
    } <= keys


def test_briefings_added_later(bundled: LoadedBriefing, write_briefing: WriteBriefing) -> None:
    archive = Archive()
    assert len(archive) == 0 and archive.search_names("wang wei") == []
    archive.add([load_briefing(write_briefing())])
    archive.add([bundled])
    assert len(archive) == 2
    assert [m.ref for m in archive.search_names("wang wei")][:1] == [
        Ref(Kind.counterpart, "minimal", "wang-wei")
    ]
    assert archive.events_with(Ref(Kind.counterpart, BID, "oberg")) == [
        Ref(Kind.event, BID, "allianz-meeting")
    ]


def test_entry_types(archive: Archive) -> None:
    assert isinstance(archive.get(Ref(Kind.counterpart, BID, "oberg")), Counterpart)
    assert isinstance(archive.get(Ref(Kind.organization, BID, "unital")), Organization)
    assert isinstance(archive.get(Ref(Kind.theme, BID, "insurance")), Theme)
    assert isinstance(archive.get(Ref(Kind.event, BID, "allianz-meeting")), Event)


# --- briefings kept whole, and the rest read again --------------------------------------


def test_the_outline_shows_people_without_the_whole_briefing(
    two: Archive, bundled: LoadedBriefing
) -> None:
    outline = two.briefings[BID]
    assert (outline.title, outline.path) == (bundled.briefing.title, bundled.path)
    assert outline.places == tuple(bundled.briefing.places)
    people = [two.person(ref) for ref in two.refs(Kind.counterpart, BID)]
    organizations = {o.id: o.name for o in bundled.briefing.organizations}
    for person, counterpart in zip(people, bundled.briefing.counterparts, strict=True):
        assert person is not None
        assert (person.name, person.title) == (counterpart.name, counterpart.title)
        assert person.organization == organizations.get(counterpart.organization or "")
    [match] = [m for m in two.search_names("lemingham") if m.ref.briefing == BID]
    assert (match.person.name, match.matched.text, match.matched.kind) == (
        "Le Mingham",
        "Lemingham",
        "alias",
    )


def test_briefings_not_kept_are_read_again(
    two: Archive, bundled: LoadedBriefing, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("tui.index.archive.KEPT", 1)
    archive = Archive([bundled, *(two.loaded(bid) for bid in ("other-visit", "minimal"))])
    # Only the last one added is kept whole; the others are read again when asked for,
    # and say the same.
    event = Ref(Kind.event, BID, "allianz-meeting")
    assert archive.loaded(BID) is not bundled
    assert archive.loaded(BID).briefing == bundled.briefing
    assert event in archive
    assert archive.get(event) == next(e for e in bundled.briefing.itinerary if e.id == event.id)
    assert archive.events_with(Ref(Kind.counterpart, BID, "le-mingham")) == two.events_with(
        Ref(Kind.counterpart, BID, "le-mingham")
    )


def test_a_briefing_whose_file_broke_cannot_be_read_again(
    write_briefing: WriteBriefing, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("tui.index.archive.KEPT", 1)
    path = write_briefing()
    archive = Archive([load_briefing(path)])
    archive.add([load_briefing(BUNDLED)])  # pushes "minimal" out of memory
    path.write_text("format: 1\nid: [broken\n", encoding="utf-8")
    with pytest.raises(BriefingError) as raised:
        archive.loaded("minimal")
    assert raised.value.problems[0].path == path
    assert Ref(Kind.event, "minimal", "bank-meeting") not in archive
    # What the outline knows still answers.
    assert Ref(Kind.counterpart, "minimal", "wang-wei") in archive
    assert archive.label(Ref(Kind.briefing, "minimal", "minimal")) == "A minimal visit"


def test_a_pinned_briefing_stays_whole(
    write_briefing: WriteBriefing, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("tui.index.archive.KEPT", 1)
    path = write_briefing()
    minimal = load_briefing(path)
    archive = Archive([minimal])
    archive.pin({"minimal"})
    archive.add([load_briefing(BUNDLED)])
    path.write_text("format: 1\nid: [broken\n", encoding="utf-8")
    assert archive.loaded("minimal") is minimal
    archive.pin(set())  # unpinned: kept like any other, until pushed out
    archive.loaded(BID)
    with pytest.raises(BriefingError):
        archive.loaded("minimal")


def test_replacing_and_removing_briefings(
    two: Archive, write_briefing: WriteBriefing, tmp_path: Path
) -> None:
    renamed = OTHER_YAML.replace("name: Wang Wei,", "name: Wang Weiming,")
    other = load_briefing(write_briefing(renamed, name="other.yaml"))
    two.add([other])
    assert list(two.briefings) == [BID, "other-visit", "minimal"]
    assert two.loaded("other-visit") is other
    wang = Ref(Kind.counterpart, "other-visit", "wang")
    assert two.label(wang) == "Wang Weiming"
    assert two.same_person(Ref(Kind.counterpart, "minimal", "wang-wei")) == [
        Ref(Kind.counterpart, "minimal", "wang-wei")
    ]
    assert [m.ref for m in two.search_names("wang weiming")][:1] == [wang]
    two.remove(["other-visit"])
    assert "other-visit" not in two.briefings and wang not in two
    assert all(m.ref.briefing != "other-visit" for m in two.search_names("lemingham"))
    assert two.same_person(Ref(Kind.counterpart, BID, "le-mingham")) == [
        Ref(Kind.counterpart, BID, "le-mingham")
    ]


def test_an_archive_of_outlines_from_the_cache_reads_briefings_when_asked(
    write_briefing: WriteBriefing, parses_counted: list[int]
) -> None:
    path = write_briefing()
    whole = load_paths([path]).briefings  # fills the cache (the tests' own)
    [outline] = load_paths([path], outlines=True).briefings
    assert isinstance(outline, LoadedOutline)
    archive, reference = Archive([outline]), Archive(whole)
    parses = len(parses_counted)
    # Lists, labels and search come from the outline, as they would from the whole.
    assert archive.refs(Kind.counterpart, "minimal") == reference.refs(Kind.counterpart, "minimal")
    for ref in reference.refs(Kind.counterpart, "minimal"):
        assert archive.label(ref) == reference.label(ref)
        assert archive.person(ref) == reference.person(ref)
    assert [m.ref for m in archive.search_names("wang")] == [
        m.ref for m in reference.search_names("wang")
    ]
    # The rest needs the briefing: read from the cache, not parsed.
    for kind in (Kind.event, Kind.organization, Kind.theme):
        assert archive.refs(kind, "minimal") == reference.refs(kind, "minimal")
    assert archive.loaded("minimal").briefing == whole[0].briefing
    assert len(parses_counted) == parses


@pytest.fixture
def parses_counted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """One item per YAML parse the loader makes."""
    counted: list[int] = []
    original = tui.reading.loader.parse

    def counting(text: str):  # type: ignore[no-untyped-def]
        counted.append(1)
        return original(text)

    monkeypatch.setattr(tui.reading.loader, "parse", counting)
    return counted


def test_an_archive_holds_one_copy_of_each_id_and_of_each_date(tmp_path: Path) -> None:
    # What an archive keeps of 10,000 briefings must fit in memory: the ids events name
    # are the entries' own strings (shared by the YAML reader), and dates stated alike
    # are one object (each is a model of about 500 bytes).
    from benchmarks.generate import write_archive

    write_archive(tmp_path, 12, seed=3, jobs=1)
    archive = Archive(load_paths([tmp_path / "briefings"], cache=None).briefings)
    dates: dict[object, list[object]] = {}
    for outline in archive.briefings.values():
        people = {person.id: person.id for person in archive.people(outline.id)}
        named = [ref for event in outline.events for ref in event.counterparts]
        assert named and all(people[ref] is ref for ref in named)
        for event in outline.events:
            if event.date is not None:
                dates.setdefault(event.date, []).append(event.date)
    alike = [same for same in dates.values() if len(same) > 1]
    assert alike and all(date is same[0] for same in alike for date in same)
