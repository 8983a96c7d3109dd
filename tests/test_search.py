"""Name search: the behaviour that any faster implementation must keep.

Queries are typed the way people half-remember names: without accents, in any case,
with typos, partial, in another order, with or without spaces.
"""

from __future__ import annotations

import pytest
from conftest import BUNDLED

from tui.archive import Archive, Kind, Ref
from tui.loader import load_briefing
from tui.search import SCORE_CUTOFF, NameMatch, NameSearch, Variant

BID = "nanjing-france-study-visit"


@pytest.fixture(scope="module")
def archive() -> Archive:
    return Archive([load_briefing(BUNDLED)])


def person(counterpart: str) -> Ref:
    return Ref(Kind.counterpart, BID, counterpart)


def assert_well_formed(matches: list[NameMatch], limit: int = 20) -> None:
    """Best first, one per person, within the limit, none below the cut-off."""
    scores = [match.score for match in matches]
    assert scores == sorted(scores, reverse=True)
    assert len({match.key for match in matches}) == len(matches)
    assert len(matches) <= limit
    assert all(SCORE_CUTOFF <= match.score <= 100 for match in matches)


@pytest.mark.parametrize(
    ("query", "counterpart", "matched", "matched_as"),
    [
        ("diple", "diple", "Diplé", "name"),
        ("DIPLÉ", "diple", "Diplé", "name"),
        ("Diple", "diple", "Diplé", "name"),
        ("dip", "diple", "Diplé", "name"),
        ("lemingham", "le-mingham", "Lemingham", "alias"),
        ("le mingham", "le-mingham", "Le Mingham", "name"),
        ("Le-Mingham", "le-mingham", "Le Mingham", "name"),
        ("mingham le", "le-mingham", "Le Mingham", "name"),
        ("mingham", "le-mingham", "Le Mingham", "name"),
        ("yumin", "pan-yumin", "Pan Yumin", "name"),
        ("obreg", "oberg", "Oberg", "name"),
        ("philip lauver", "philippe-lauver", "Philippe Lauver", "name"),
        ("lauver", "philippe-lauver", "Philippe Lauver", "name"),
        ("phil", "philippe-lauver", "Philippe Lauver", "name"),
        ("mafron", "mafaron", "Mafaron", "name"),
        ("lu shano", "lu-shano", "Lu Shano", "name"),
        ("  lu   shano  ", "lu-shano", "Lu Shano", "name"),
    ],
)
def test_finds_the_person_first(
    archive: Archive, query: str, counterpart: str, matched: str, matched_as: str
) -> None:
    matches = archive.search_names(query)
    assert matches, f"nothing found for {query!r}"
    assert_well_formed(matches)
    best = matches[0]
    assert best.key == person(counterpart), [m.key.id for m in matches]
    assert (best.matched.text, best.matched.kind) == (matched, matched_as)
    # The best match is clearly better than anyone else found.
    assert all(other.score <= best.score for other in matches[1:])


@pytest.mark.parametrize(
    ("query", "at_least"),
    [("diple", 100), ("le mingham", 100), ("lemingham", 100), ("mingham le", 90), ("obreg", 75)],
)
def test_scores_say_how_close(archive: Archive, query: str, at_least: float) -> None:
    assert archive.search_names(query)[0].score >= at_least


def test_an_exact_name_scores_higher_than_a_typo(archive: Archive) -> None:
    [exact] = archive.search_names("oberg")
    [typo] = archive.search_names("obreg")
    assert exact.key == typo.key == person("oberg")
    assert exact.score > typo.score


@pytest.mark.parametrize("query", ["zzzz", "qwxv", "xylophone", "Chen Zhichang", "1234"])
def test_nonsense_finds_nothing(archive: Archive, query: str) -> None:
    # Chen Zhichang leads the delegation: he is not a counterpart.
    assert archive.search_names(query) == []


@pytest.mark.parametrize("query", ["", " ", "\t\n", "!!!", "-", "’"])
def test_an_empty_query_finds_nothing(archive: Archive, query: str) -> None:
    assert archive.search_names(query) == []


def test_one_result_per_person(archive: Archive) -> None:
    # "lemingham" is both Le Mingham's alias and, spaced, his name.
    matches = archive.search_names("lemingham")
    assert [m.key for m in matches].count(person("le-mingham")) == 1
    assert_well_formed(matches)


def test_limit(archive: Archive) -> None:
    everyone = archive.search_names("le")
    assert len(everyone) >= 2
    assert archive.search_names("le", limit=1) == everyone[:1]
    assert archive.search_names("le", limit=len(everyone)) == everyone
    assert archive.search_names("le", limit=0) == []
    assert archive.search_names("le", limit=-1) == []


def test_equal_scores_rank_a_word_that_starts_as_typed_first(archive: Archive) -> None:
    # Both score the same for "le"; Le Mingham has a word that starts with it.
    matches = archive.search_names("le")
    assert [m.key for m in matches[:2]] == [person("le-mingham"), person("diple")]
    assert matches[0].score == matches[1].score


def test_results_are_stable(archive: Archive) -> None:
    for query in ("le", "phil", "an", "mingham le"):
        first = archive.search_names(query)
        assert all(archive.search_names(query) == first for _ in range(3))


# --- a synthetic index -------------------------------------------------------------


def index(*names: str | tuple[str, ...]) -> NameSearch[str]:
    """People keyed by their first name; a tuple is a name and its aliases."""
    people = []
    for entry in names:
        name, *aliases = (entry,) if isinstance(entry, str) else entry
        variants = [Variant(name, "name"), *(Variant(a, "alias") for a in aliases)]
        people.append((name, variants))
    return NameSearch(people)


NEAR = ("Wang Wei", "Wang Wen", "Wei Wang", "Li Wei", "Zhang Wei")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # Exact first, the same words swapped next, a letter off after that.
        ("wang wei", ["Wang Wei", "Wei Wang", "Wang Wen"]),
        ("wei wang", ["Wei Wang", "Wang Wei", "Wang Wen"]),
        ("wang wen", ["Wang Wen", "Wang Wei"]),
        ("wangwei", ["Wang Wei", "Wei Wang"]),
        ("zhang wei", ["Zhang Wei"]),
    ],
)
def test_near_duplicate_names_rank_sensibly(query: str, expected: list[str]) -> None:
    matches = index(*NEAR).search(query)
    assert_well_formed(matches)
    keys = [m.key for m in matches]
    assert keys[: len(expected)] == expected, keys


def test_ranking_does_not_depend_on_the_order_people_were_added() -> None:
    forward, backward = index(*NEAR), index(*reversed(NEAR))
    for query in ("wang", "wei", "wang wei", "wen", "li", "zhang"):
        assert [m.key for m in forward.search(query)] == [m.key for m in backward.search(query)]


def test_ties_are_broken_alphabetically() -> None:
    # All three have a word starting with "wang" and equal scores and ratios.
    matches = index("Wei Wang", "Wang Wen", "Wang Wei").search("wang")
    assert [m.key for m in matches[:3]] == ["Wang Wei", "Wang Wen", "Wei Wang"]
    assert len({m.score for m in matches[:3]}) == 1


def test_two_people_with_the_same_name_are_both_found() -> None:
    search = NameSearch(
        [("first", [Variant("Wang Wei", "name")]), ("second", [Variant("Wang Wei", "name")])]
    )
    assert len(search) == 1  # one distinct folded name
    assert [m.key for m in search.search("wang wei")] == ["first", "second"]


def test_the_variant_that_matched_is_reported() -> None:
    search = index(("Kering", "Kayent"), ("Zhang San", "张三"))
    [match] = search.search("kayent")
    assert (match.key, match.matched) == ("Kering", Variant("Kayent", "alias"))
    [match] = search.search("张三")
    assert (match.key, match.matched.text) == ("Zhang San", "张三")


def test_original_script_through_the_archive(archive: Archive) -> None:
    # None of the bundled counterparts has one; Chinese characters match nobody.
    assert archive.search_names("潘玉民") == []


def test_people_added_later_are_found() -> None:
    search = index("Wang Wei")
    search.add([("Li Na", [Variant("Li Na", "name")])])
    assert [m.key for m in search.search("li na")] == ["Li Na"]
    assert [m.key for m in search.search("wang wei")] == ["Wang Wei"]


def test_names_that_fold_to_nothing_are_not_indexed() -> None:
    search = NameSearch([("dash", [Variant("—", "name")]), ("ok", [Variant("Ok", "name")])])
    assert len(search) == 1
    assert search.search("—") == []


def test_an_empty_index() -> None:
    assert NameSearch().search("anyone") == []
