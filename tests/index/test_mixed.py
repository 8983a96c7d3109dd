"""The archive's one search (people, organizations, themes, events, visits), which
entries of different briefings are taken to be the same, and relations both ways; on a
small archive of hand-made briefings (tests/data/archive) and the bundled one."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import BUNDLED

from tui.index import mixed
from tui.index.archive import Archive, Kind, Ref
from tui.index.identity import linked, links
from tui.index.mixed import PREFIX_HINT, parse, search
from tui.index.search import Query
from tui.reading.loader import load_paths

ARCHIVE = Path(__file__).resolve().parent.parent / "data" / "archive"
NANJING = "nanjing-france-study-visit"


@pytest.fixture(scope="module")
def archive() -> Archive:
    result = load_paths([BUNDLED, ARCHIVE])
    assert not result.problems
    return Archive(result.briefings)


def found(archive: Archive, query: str, limit: int = 10) -> list[tuple[Kind, str, list[str]]]:
    return [(f.kind, f.matched.text, f.briefings) for f in search(archive, query, limit)]


def test_aliases_count_kayent_finds_kering_group(archive: Archive) -> None:
    (best, *_) = search(archive, "kayent")
    assert best.kind is Kind.organization
    assert best.ref == Ref(Kind.organization, NANJING, "kering-group")
    assert (best.matched.text, best.matched.kind) == ("Kayent Group", "alias")


@pytest.mark.parametrize(
    "query", ["automotive parts", "AUTOMOTIVE", "parts automotive", "automotiv prts"]
)
def test_a_theme_of_several_visits_is_one_result_naming_them_all(
    archive: Archive, query: str
) -> None:
    (best, *_) = search(archive, query)
    assert best.kind is Kind.theme and best.matched.text == "Automotive parts"
    assert set(best.briefings) == {NANJING, "munich-2024", "lyon-trade"}
    assert all(ref.kind is Kind.theme for ref in best.refs)


def test_a_result_names_its_entries_as_they_are_when_asked() -> None:
    # A result's refs are made from its entries' numbers when asked for: every entry,
    # the first the one shown; one whose briefing was removed since is left out.
    archive = Archive(load_paths([ARCHIVE]).briefings)
    (best, *_) = search(archive, "automotive parts")
    assert best.ref == best.refs[0] and len(best.refs) == len(best.numbers) == 2
    assert [ref.briefing for ref in best.refs] == best.briefings
    gone = best.briefings[-1]
    archive.remove([gone])
    assert best.briefings == [best.ref.briefing] != [gone] and len(best.refs) == 1


def test_a_place_finds_every_visit_there(archive: Archive) -> None:
    (best, *_) = search(archive, "france")
    assert best.kind is Kind.briefing and best.matched.kind == "place"
    assert set(best.briefings) == {NANJING, "lyon-trade"}


def test_results_are_best_first_and_say_why(archive: Archive) -> None:
    results = search(archive, "allianz")
    scores = [result.score for result in results]
    assert scores == sorted(scores, reverse=True)
    kinds = {result.kind for result in results}
    assert {Kind.organization, Kind.event} <= kinds
    assert results[0].matched.text == "Allianz"  # an alias in Munich, the name in Stockholm
    # ...and the bundled briefing's, by the full name Munich's holds too.
    assert set(results[0].briefings) == {"munich-2024", "stockholm-2023", NANJING}


def test_people_who_share_only_a_name_are_separate_results(archive: Archive) -> None:
    results = [r for r in search(archive, "oberg") if r.kind is Kind.counterpart]
    groups = sorted(sorted(r.briefings) for r in results)
    assert groups == [["lyon-trade"], ["munich-2024", NANJING]]


def test_a_kind_prefix_narrows_the_search(archive: Archive) -> None:
    assert parse("@org allianz") == (Kind.organization, "allianz")
    assert parse("@p oberg") == (Kind.counterpart, "oberg")
    assert parse("@visit france") == (Kind.briefing, "france")
    assert parse("@nothing here") == (None, "@nothing here")
    assert {kind for kind, *_ in found(archive, "@org allianz")} == {Kind.organization}
    assert {kind for kind, *_ in found(archive, "@event allianz")} == {Kind.event}
    assert found(archive, "@org oberg") == []
    assert {kind for kind, *_ in found(archive, "@theme auto")} == {Kind.theme}
    assert "@org" in PREFIX_HINT and "@visit" in PREFIX_HINT


def test_kinds_argument_and_the_prefix_both_apply(archive: Archive) -> None:
    assert search(archive, "@org allianz", kinds=[Kind.theme]) == []
    people = search(archive, "mafaron", kinds=[Kind.counterpart])
    assert [sorted(r.briefings) for r in people] == [["lyon-trade", NANJING]]


def test_an_entry_found_by_two_of_its_names_is_listed_once(archive: Archive) -> None:
    # The bundled visit's lead is in its title too.
    refs = [r.ref for r in search(archive, "chen zhichang")]
    assert refs.count(Ref(Kind.briefing, NANJING, NANJING)) == 1


def test_search_speaks_only_of_loaded_briefings(archive: Archive) -> None:
    smaller = Archive(load_paths([ARCHIVE]).briefings)
    smaller.remove(["lyon-trade"])
    (best, *_) = search(smaller, "automotive parts")
    assert best.briefings == ["munich-2024"]
    assert search(smaller, "rhone logistics", kinds=[Kind.organization]) == []


# --- the same entry across briefings -----------------------------------------------------


def test_the_same_person_by_name_and_organization(archive: Archive) -> None:
    oberg = Ref(Kind.counterpart, NANJING, "oberg")
    found_links = links(archive, oberg)
    assert [(link.ref.briefing, link.reason, link.linked) for link in found_links] == [
        ("munich-2024", "same name, same organization", True),
        ("lyon-trade", "same name, another organization (Rhône Logistics)", False),
    ]
    assert linked(archive, oberg) == [oberg, Ref(Kind.counterpart, "munich-2024", "oberg")]


def test_events_with_a_person_span_only_linked_briefings(archive: Archive) -> None:
    events = archive.events_with(Ref(Kind.counterpart, NANJING, "oberg"))
    assert Ref(Kind.event, "munich-2024", "allianz-headquarters") in events
    assert not [event for event in events if event.briefing == "lyon-trade"]


def test_organizations_are_linked_by_name_and_alias(archive: Archive) -> None:
    found_links = links(archive, Ref(Kind.organization, "munich-2024", "allianz"))
    assert [(link.ref.briefing, link.reason) for link in found_links] == [
        (NANJING, "same name"),
        ("stockholm-2023", "same name as an alias: “Allianz”"),
    ]
    assert all(link.linked for link in found_links)
    # Events have no identity across briefings.
    assert links(archive, Ref(Kind.event, "munich-2024", "brenner-talks")) == []


def test_relations_show_on_both_organizations(archive: Archive) -> None:
    bnp = Ref(Kind.organization, NANJING, "bnp-paribas")
    bank = Ref(Kind.organization, NANJING, "bank-of-nanjing")
    assert archive.relations(bank) == [(bnp, "strategic partner of", bank)]
    assert archive.relations(bnp) == [(bnp, "strategic partner of", bank)]
    assert archive.relations(Ref(Kind.organization, NANJING, "unital")) == []


def test_a_short_word_finds_the_long_titles_that_hold_it(archive: Archive) -> None:
    """WRatio scores "bnp" against a title more than 8 times as long at 60 at most
    (its partial scores are scaled by 0.6 there), under the titles' cutoff: such a
    title is found when it holds every word typed, whole, at a shared word's score."""
    found = search(archive, "@event bnp")
    assert [(f.matched.text, f.score) for f in found] == [
        ("Meeting with BNP Paribas chairman Le Mingham", 85.5)
    ]
    # Two letters of a word are not enough: they start words of most long titles.
    assert search(archive, "@event bn") == []
    # Unnarrowed, the organization's name matches better than the event's title.
    kinds = [f.kind for f in search(archive, "bnp")]
    assert kinds[:2] == [Kind.organization, Kind.event]


def test_names_are_not_found_by_their_words_alone() -> None:
    """Only titles are: a two-letter word held by a long name is noise there."""
    from tui.index.search import NameSearch

    names = NameSearch()
    names.add([["Consulate General of the People's Republic in Strasbourg le"]])
    assert names.search("le", 5) == []
    assert [m.score for m in names.search("le", 5, whole_words=True)] == [85.5]


def test_an_organization_found_by_its_name_and_an_alias_is_one_result(
    archive: Archive,
) -> None:
    # Stockholm names it "Allianz"; Munich names it "Allianz Insurance Group" with the
    # alias "Allianz"; the bundled briefing by its full name only. Two names, one result.
    found = [f for f in search(archive, "allianz") if f.kind is Kind.organization]
    assert len(found) == 1
    assert sorted(found[0].briefings) == sorted([NANJING, "munich-2024", "stockholm-2023"])


def test_names_and_titles_are_scored_in_step_as_if_each_alone(
    archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both searches stop at 90 only when the two together have enough there: the
    results are those of searching each on its own, each as deep as it needs."""
    queries = ["allianz", "nanjing", "munich", "automotive", "oberg", "signing", "bnp", "lyon"]
    in_step = {query: search(archive, query, 10) for query in queries}

    def each_alone(asked: list[Query], wide: int) -> None:
        for one in asked:
            if one.count() < wide:
                one.lower(one.sharing_count() >= wide)
                if one.count() < wide:
                    one.add_words()

    monkeypatch.setattr(mixed, "_score_in_step", each_alone)
    assert {query: search(archive, query, 10) for query in queries} == in_step


def test_the_start_of_a_word_finds_a_long_title_below_whole_words(archive: Archive) -> None:
    title = "Meeting with BNP Paribas chairman Le Mingham"
    assert [(f.matched.text, f.score) for f in search(archive, "@event parib")] == [(title, 85.0)]
    assert [f.matched.text for f in search(archive, "@event chairm bnp")] == [title]
    assert [f.score for f in search(archive, "@event chairman bnp")] == [85.5]
    # Only the start of a word: "ariba" is inside one (and the title more than 8 times
    # as long, beyond what WRatio finds).
    assert search(archive, "@event ariba") == []
