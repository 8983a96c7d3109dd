"""Name search: the behaviour that any faster implementation must keep.

Queries are typed the way people half-remember names: without accents, in any case,
with typos, partial, in another order, with or without spaces.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import pytest
from conftest import BUNDLED

from tui.index.search import SCORE_CUTOFF, NameSearch
from tui.reading.loader import load_briefing

# A person: a key, and the names they go by as (text, kind), name first.
Person = tuple[str, list[tuple[str, str]]]


class Found(NamedTuple):
    key: str
    score: float
    text: str  # the name that matched
    kind: str


class Index:
    """A NameSearch over people with keys: NameSearch numbers people, these tests name
    them."""

    def __init__(self, people: Sequence[Person] = ()) -> None:
        self.search = NameSearch()
        self.people: list[Person] = []
        self.add(people)

    def add(self, people: Sequence[Person]) -> None:
        self.search.add([text for text, _ in names] for _, names in people)
        self.people += people

    def find(self, query: str, limit: int = 20) -> list[Found]:
        found = []
        for match in self.search.search(query, limit):
            key, names = self.people[match.person]
            found.append(Found(key, match.score, *names[match.variant]))
        return found


@pytest.fixture(scope="module")
def bundled() -> Index:
    """The bundled briefing's counterparts, keyed by id."""
    people = []
    for counterpart in load_briefing(BUNDLED).briefing.counterparts:
        names = [(counterpart.name, "name")]
        names += [(alias, "alias") for alias in counterpart.aliases]
        if counterpart.original_script:
            names.append((counterpart.original_script, "original script"))
        people.append((counterpart.id, names))
    return Index(people)


def assert_well_formed(matches: list[Found], limit: int = 20) -> None:
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
    bundled: Index, query: str, counterpart: str, matched: str, matched_as: str
) -> None:
    matches = bundled.find(query)
    assert matches, f"nothing found for {query!r}"
    assert_well_formed(matches)
    best = matches[0]
    assert best.key == counterpart, [m.key for m in matches]
    assert (best.text, best.kind) == (matched, matched_as)
    # The best match is clearly better than anyone else found.
    assert all(other.score <= best.score for other in matches[1:])


@pytest.mark.parametrize(
    ("query", "at_least"),
    [("diple", 100), ("le mingham", 100), ("lemingham", 100), ("mingham le", 90), ("obreg", 75)],
)
def test_scores_say_how_close(bundled: Index, query: str, at_least: float) -> None:
    assert bundled.find(query)[0].score >= at_least


def test_an_exact_name_scores_higher_than_a_typo(bundled: Index) -> None:
    [exact] = bundled.find("oberg")
    [typo] = bundled.find("obreg")
    assert exact.key == typo.key == "oberg"
    assert exact.score > typo.score


@pytest.mark.parametrize("query", ["zzzz", "qwxv", "xylophone", "Chen Zhichang", "1234"])
def test_nonsense_finds_nothing(bundled: Index, query: str) -> None:
    # Chen Zhichang leads the delegation: he is not a counterpart.
    assert bundled.find(query) == []


@pytest.mark.parametrize("query", ["", " ", "\t\n", "!!!", "-", "’"])
def test_an_empty_query_finds_nothing(bundled: Index, query: str) -> None:
    assert bundled.find(query) == []


def test_one_result_per_person(bundled: Index) -> None:
    # "lemingham" is both Le Mingham's alias and, spaced, his name.
    matches = bundled.find("lemingham")
    assert [m.key for m in matches].count("le-mingham") == 1
    assert_well_formed(matches)


def test_limit(bundled: Index) -> None:
    everyone = bundled.find("le")
    assert len(everyone) >= 2
    assert bundled.find("le", limit=1) == everyone[:1]
    assert bundled.find("le", limit=len(everyone)) == everyone
    assert bundled.find("le", limit=0) == []
    assert bundled.find("le", limit=-1) == []


def test_equal_scores_rank_a_word_that_starts_as_typed_first(bundled: Index) -> None:
    # Both score the same for "le"; Le Mingham has a word that starts with it.
    matches = bundled.find("le")
    assert [m.key for m in matches[:2]] == ["le-mingham", "diple"]
    assert matches[0].score == matches[1].score


def test_results_are_stable(bundled: Index) -> None:
    for query in ("le", "phil", "an", "mingham le"):
        first = bundled.find(query)
        assert all(bundled.find(query) == first for _ in range(3))


# --- a synthetic index -------------------------------------------------------------


def index(*names: str | tuple[str, ...]) -> Index:
    """People keyed by their first name; a tuple is a name and its aliases."""
    people = []
    for entry in names:
        name, *aliases = (entry,) if isinstance(entry, str) else entry
        people.append((name, [(name, "name"), *((alias, "alias") for alias in aliases)]))
    return Index(people)


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
    matches = index(*NEAR).find(query)
    assert_well_formed(matches)
    keys = [m.key for m in matches]
    assert keys[: len(expected)] == expected, keys


def test_ranking_does_not_depend_on_the_order_people_were_added() -> None:
    forward, backward = index(*NEAR), index(*reversed(NEAR))
    for query in ("wang", "wei", "wang wei", "wen", "li", "zhang"):
        assert [m.key for m in forward.find(query)] == [m.key for m in backward.find(query)]


def test_ties_are_broken_alphabetically() -> None:
    # All three have a word starting with "wang" and equal scores and ratios.
    matches = index("Wei Wang", "Wang Wen", "Wang Wei").find("wang")
    assert [m.key for m in matches[:3]] == ["Wang Wei", "Wang Wen", "Wei Wang"]
    assert len({m.score for m in matches[:3]}) == 1


def test_two_people_with_the_same_name_are_both_found() -> None:
    people = index("Wang Wei", "Li Na")
    people.add([("second", [("Wang-Wei", "name")])])
    assert len(people.search) == 2  # distinct folded names
    assert [m.key for m in people.find("wang wei")] == ["Wang Wei", "second"]


def test_the_variant_that_matched_is_reported() -> None:
    people = index(("Kering", "Kayent"), ("Zhang San", "张三"))
    [match] = people.find("kayent")
    assert (match.key, match.text, match.kind) == ("Kering", "Kayent", "alias")
    [match] = people.find("张三")
    assert (match.key, match.text) == ("Zhang San", "张三")
    # The number of the name among those given, counting those that fold to nothing.
    search = NameSearch()
    search.add([["Li Na"], ["—", "Kering", "Kayent"]])
    [match] = search.search("kayent")
    assert (match.person, match.variant, match.score) == (1, 2, 100)


def test_a_person_found_by_two_names_is_reported_by_the_first() -> None:
    # Both fold to "le mingham": one result, through the name given first.
    people = index(("Le Mingham", "Le-Mingham", "Lemingham"))
    assert [(m.key, m.text) for m in people.find("le mingham")] == [("Le Mingham", "Le Mingham")]
    assert [(m.key, m.text) for m in people.find("lemingham")] == [("Le Mingham", "Lemingham")]


def test_original_script(bundled: Index) -> None:
    # None of the bundled counterparts has one; Chinese characters match nobody.
    assert bundled.find("潘玉民") == []


def test_people_added_later_are_found() -> None:
    people = index("Wang Wei")
    people.add([("Li Na", [("Li Na", "name")])])
    assert [m.key for m in people.find("li na")] == ["Li Na"]
    assert [m.key for m in people.find("wang wei")] == ["Wang Wei"]
    assert people.search.people == 2


def test_people_are_numbered_in_the_order_added() -> None:
    search = NameSearch()
    search.add([["Wang Wei"], ["Li Na"]])
    search.add(iter([["Wang Wei", "Wei Wang"]]))  # any iterable will do
    assert search.people == 3
    assert [m.person for m in search.search("wang wei")] == [0, 2]
    assert [m.person for m in search.search("li na")] == [1]


def test_names_that_fold_to_nothing_are_not_indexed() -> None:
    search = NameSearch()
    search.add([["—"], ["Ok"]])
    assert len(search) == 1
    assert search.people == 2
    assert search.search("—") == []
    assert search.holders("—") == []


def test_a_person_is_a_sequence_of_names_not_one_string() -> None:
    with pytest.raises(TypeError):
        NameSearch().add(["Wang Wei"])


def test_people_added_before_a_failure_are_indexed() -> None:
    def people():
        yield ["Wang Wei"]
        yield ["Li Na", "Lina"]
        raise OSError("the file went away")

    search = NameSearch()
    with pytest.raises(OSError):
        search.add(people())
    search.add([["Wang Wen"]])
    assert search.people == 3
    assert [m.person for m in search.search("wang wei")] == [0, 2]
    assert [(m.person, m.variant) for m in search.search("lina")] == [(1, 1)]


def test_an_empty_index() -> None:
    search = NameSearch()
    assert search.search("anyone") == []
    assert search.holders("anyone") == []
    assert (len(search), search.people) == (0, 0)


# --- removing people -----------------------------------------------------------------

WANGS = ("Wang Wei", "Wang Wen", "Wang Wei", "Wei Wang", "Wang Wei")


def test_removed_people_are_never_found() -> None:
    search = NameSearch()
    search.add([name] for name in WANGS)
    search.remove([0, 3])
    for query in ("wang wei", "wang", "wei wang", "wang wen"):
        found = search.search(query, 50)
        assert found, query
        assert not {0, 3} & {m.person for m in found}, query
    assert [m.person for m in search.search("wang wei")] == [2, 4, 1]
    # Their names stay indexed, for those who still hold them.
    assert len(search) == 3
    search.remove([2, 4])
    assert [m.person for m in search.search("wang wei")] == [1]
    assert len(search) == 3
    assert search.people == 5


def test_removed_people_do_not_use_up_the_limit() -> None:
    search = NameSearch()
    search.add([name] for name in WANGS)
    search.remove([0, 2])
    # Everyone scores 90 or more for "wang wei": the two best alive are 4 and 3, not
    # one of them and a removed person, nor fewer than two.
    assert [(m.person, m.score) for m in search.search("wang wei", limit=2)] == [
        (4, 100),
        (3, 95),
    ]
    assert [m.person for m in search.search("wang wei", limit=1)] == [4]
    assert [m.person for m in search.search("wang", limit=3)] == [4, 1, 3]


def test_a_person_added_again_gets_a_new_number() -> None:
    # As when the file of a briefing changes: its people go, and come back renumbered.
    search = NameSearch()
    search.add([["Wang Wei"], ["Li Na", "Lina"]])
    search.remove([1])
    search.add([["Li Na", "Lina", "Li Nuo"]])
    assert search.people == 3
    assert [(m.person, m.variant) for m in search.search("lina")] == [(2, 1)]
    assert [m.person for m in search.search("li nuo")] == [2]
    assert search.holders("Li Na") == [2]
    assert len(search) == 4


def test_removing_twice_is_harmless_and_unknown_numbers_are_refused() -> None:
    search = NameSearch()
    search.add([["Wang Wei"], ["Wang Wei"]])
    search.remove([0])
    search.remove([0])
    assert search.holders("wang wei") == [1]
    for number in (2, -1):
        with pytest.raises(IndexError):
            search.remove([1, number])
    assert search.holders("wang wei") == [1]  # nothing removed when one is refused


# --- who goes by a name --------------------------------------------------------------


def test_holders_go_by_exactly_the_name_once_folded() -> None:
    search = NameSearch()
    search.add(
        [
            ["Wang Wei"],
            ["Li Na", "Wang-Wei"],  # as an alias
            ["Wang Wen"],
            ["WANG WEI", "wáng wei"],  # twice, once folded: counted once
            ["Wei Wang"],
        ]
    )
    assert search.holders("Wang Wei") == [0, 1, 3]
    assert search.holders("  wang   WEI ") == [0, 1, 3]
    assert search.holders("wang wen") == [2]
    assert search.holders("wang we") == []  # no typos: the name itself
    assert search.holders("wang") == []
    assert search.holders("") == []
    search.remove([1])
    assert search.holders("wang wei") == [0, 3]
    search.add([["Wang Wei"]])
    assert search.holders("wang wei") == [0, 3, 5]


def test_where_keeps_only_the_people_it_accepts_and_they_fill_the_limit() -> None:
    search = NameSearch()
    # Ten people called Wang Wei, then one Wang Wu: only odd numbers are wanted.
    search.add([["Wang Wei"]] * 10 + [["Wang Wu"]])
    found = search.search("wang wei", 3, where=lambda person: person % 2 == 1)
    assert [match.person for match in found] == [1, 3, 5]
    assert search.search("wang", 20, where=lambda person: person == 10)[0].person == 10
    assert search.search("wang wei", 5, where=lambda person: False) == []


def test_key_makes_one_match_of_many_holders_of_a_name() -> None:
    search = NameSearch()
    search.add([["Automotive parts"]] * 50 + [["Automotive software"], ["Auto parts"]])
    by_name = search.search("automotive parts", 3, key=lambda person, folded: folded)
    # Fifty holders of one name take one place; the others still make the list.
    assert by_name[0].person == 0
    assert len(by_name) == 3
    assert {match.person for match in by_name[1:]} == {50, 51}
    # Without a key, the fifty fill the list.
    assert [match.person for match in search.search("automotive parts", 3)] == [0, 1, 2]


def test_removed_people_make_no_group() -> None:
    search = NameSearch()
    search.add([["Allianz"], ["Allianz"], ["Allianz Group"]])
    search.remove([0])
    found = search.search("allianz", 5, key=lambda person, folded: folded)
    assert [match.person for match in found] == [1, 2]


def test_tags_look_only_at_names_someone_with_the_tag_holds() -> None:
    search = NameSearch()
    search.add([["Oberg"], ["Oberg Logistics"], ["Obergasse"]], tags=[1, 2, 4])
    assert [m.person for m in search.search("oberg", 10, tags=2)] == [1]
    assert {m.person for m in search.search("oberg", 10, tags=1 | 4)} == {0, 2}
    # A name held by people of two tags is found under either.
    search.add([["Oberg"]], tags=[8])
    assert {m.person for m in search.search("oberg", 10, tags=8, where=lambda p: p == 3)} == {3}
    assert {m.person for m in search.search("oberg", 10)} == {0, 1, 2, 3}


def _ranked(search: NameSearch, query: str, limit: int, **options: object) -> list[int]:
    asked = search.query(query, limit, key=lambda person, folded: folded, **options)  # type: ignore[arg-type]
    assert asked is not None
    asked.lower(to_shared=False)
    return [match.person for match in asked.ranked()]


def test_holders_grouped_by_name_make_one_match_by_their_first_alive_holder() -> None:
    """`by_name`: a name only holders of such a tag hold is one match without asking
    `key` of each holder; the same match, by the same first holder, as asking."""
    search = NameSearch()
    search.add([["Tourism"]] * 5 + [["Tourism board"], ["Tourism"]], tags=[2] * 5 + [2, 4])
    asked = _ranked(search, "tourism", 5)
    assert _ranked(search, "tourism", 5, by_name=2) == asked == [0, 5]
    search.remove([0, 1])
    assert _ranked(search, "tourism", 5, by_name=2) == _ranked(search, "tourism", 5) == [2, 5]
    # A name of two tags' holders is grouped by asking `key` of each, as before.
    assert search.search("tourism", 5, key=lambda person, folded: folded)[0].person == 2
    search.remove([2, 3, 4])
    assert _ranked(search, "tourism", 5, by_name=2) == [6, 5]
