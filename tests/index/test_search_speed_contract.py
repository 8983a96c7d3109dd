"""The fast name search gives exactly what scoring every name with WRatio gives.

tui.index.search scores only the names whose letter counts, lengths and words let them reach
the cutoff, and gives some names their score without scoring them (90 for a name that
holds the query, 85.5 for one that shares a word with it). These tests compare it, match
for match and score for score, with the plain algorithm it replaced: every distinct
folded name scored by WRatio, sorted by score, then the same tie-breaks.
"""

from __future__ import annotations

import itertools

import pytest
from rapidfuzz import fuzz, process

from benchmarks.generate import iter_counterparts
from tui.index.names import fold
from tui.index.search import SCORE_CUTOFF, NameSearch

# A person: a key and the names they go by, name first.
People = list[tuple[str, list[str]]]


def indexed(people: People) -> NameSearch:
    search = NameSearch()
    search.add(names for _, names in people)
    return search


def reference(people: People, query: str, limit: int, cutoff: float = SCORE_CUTOFF) -> list[tuple]:
    folded_names: list[str] = []
    holders: dict[str, list[tuple[str, str]]] = {}
    for key, names in people:
        for name in names:
            folded = fold(name)
            if folded:
                if folded not in holders:
                    folded_names.append(folded)
                holders.setdefault(folded, []).append((key, name))
    folded = fold(query)
    if not folded or limit <= 0:
        return []
    scored = process.extract(
        folded,
        folded_names,
        scorer=fuzz.WRatio,
        processor=None,
        score_cutoff=cutoff,
        limit=None,
    )
    word_start = " " + folded
    scored.sort(
        key=lambda hit: (
            -hit[1],
            word_start not in " " + hit[0],
            -fuzz.ratio(folded, hit[0]),
            hit[0],
        )
    )
    found: list[tuple] = []
    seen: set[str] = set()
    for name, score, _ in scored:
        for key, text in holders[name]:
            if key not in seen:
                seen.add(key)
                found.append((key, score, text))
                if len(found) == limit:
                    return found
    return found


def results(
    search: NameSearch, people: People, query: str, limit: int, first: int = 0
) -> list[tuple]:
    """Matches as (key, score, the name that matched); people[0] was numbered `first`."""
    found = []
    for match in search.search(query, limit):
        key, names = people[match.person - first]
        found.append((key, match.score, names[match.variant]))
    return found


def generated_people(count: int) -> People:
    people = []
    for briefing, counterpart in itertools.islice(iter_counterparts(seed=7), count):
        names = [counterpart["name"], *counterpart.get("aliases", [])]
        if counterpart.get("original_script"):
            names.append(counterpart["original_script"])
        people.append((f"{briefing}/{counterpart['id']}", names))
    return people


QUERIES = [
    "obreg", "diple", "mingham le", "le mingham", "yumin", "phil", "muller", "mueller",
    "lukasz", "Łukasz", "orsted", "ørsted", "zhang wei", "weiming zhang", "wei-ming",
    "dvorak", "gonzalves", "le", "z", "xu", "wang", "abc", "lu shano", "pan yumn",
    "thorsteinsdottir", "o brien", "de luca", "van dijk", "kowalsky", "jean luc",
    "marie claire", "hans peter", "张伟", "王", "li na", "chen zhichang", "qq",
    "a very long query that is not a name at all", "schröder", "groß", "  ", "-",
]  # fmt: skip


@pytest.fixture(scope="module")
def people() -> People:
    return generated_people(6000)


@pytest.fixture(scope="module")
def search(people: People) -> NameSearch:
    return indexed(people)


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("limit", [1, 20, 200])
def test_same_results_as_scoring_every_name(people, search, query: str, limit: int) -> None:
    assert results(search, people, query, limit) == reference(people, query, limit)


@pytest.mark.parametrize("query", QUERIES)
def test_a_higher_cutoff_gives_what_scoring_every_name_gives(people, search, query: str) -> None:
    found = [
        (people[m.person][0], m.score, people[m.person][1][m.variant])
        for m in search.search(query, 20, cutoff=85)
    ]
    assert found == reference(people, query, 20, cutoff=85)


def test_incremental_add_gives_the_same_index(people, search) -> None:
    grown = NameSearch()
    for start in range(0, len(people), 700):
        grown.add(names for _, names in people[start : start + 700])
    assert len(grown) == len(search)
    assert grown.people == search.people == len(people)
    for query in QUERIES:
        assert results(grown, people, query, 20) == results(search, people, query, 20)


def test_removed_people_are_as_if_never_added(people) -> None:
    # A third of the people removed, then some of them added again (as when a file
    # changes on disk): the same results as an index of the others from the start.
    search = indexed(people)
    search.remove(range(0, len(people), 3))
    back = people[:600:3]
    search.add(names for _, names in back)
    assert search.people == len(people) + len(back)
    numbered = {number: person for number, person in enumerate(people) if number % 3}
    numbered.update(enumerate(back, start=len(people)))
    # The reference keeps people in the order added: the others, then those back.
    remaining = list(numbered.values())
    for query in QUERIES:
        for limit in (1, 20):
            found = [
                (numbered[m.person][0], m.score, numbered[m.person][1][m.variant])
                for m in search.search(query, limit)
            ]
            assert found == reference(remaining, query, limit), query


# Names that sit on the edges of the bounds: repeated words (token sets are shorter than
# the names), long shared words (partial_ratio can beat 85.5), one-letter differences,
# spaces that break pairs of adjacent letters.
EDGE_NAMES = [
    "Lu Lu", "Lu", "Luc", "Jean", "Jean-Luc", "Abcdefghij Klm", "Xabcdefghijk",
    "Abcdefghijkl Mnop", "Mnop Abcdefghij", "Wei Wei Wei", "Zhang Zhang", "An", "A",
    "Ørsted Ørsted", "Le Le Mingham", "Lemingham", "Le", "Mingham", "Abcdefghijk",
    "Ab Cd Ef Gh Ij Kl", "Qrstuvwxyzab Cdefghijklmn", "Yu Min", "Y U Min", "Yumin Xu",
    "Min", "Gonzalves Dos Santos", "O Bre G", "Oberg Oberg Oberg",
]  # fmt: skip


@pytest.mark.parametrize(
    "query",
    ["lu", "jean luc", "abcdefghijk", "abcdefghij", "wei", "zhang", "le mingham", "lemingham",
     "orsted", "ab cd", "qrstuvwxyzab cdefghijklm", "mnop", "a", "le", "yu min", "yumin",
     "y u", "gonzalves", "obreg", "o breg", "zzz yumin"],
)  # fmt: skip
def test_edges_of_the_bounds(query: str) -> None:
    people = [(f"p{index}", [name]) for index, name in enumerate(EDGE_NAMES)]
    assert results(indexed(people), people, query, 50) == reference(people, query, 50)


# Short queries reach partial_ratio through a name's ends (a prefix or suffix of fewer
# letters than typed) or through a window of as many letters anywhere: names with what
# was typed, in order or not, whole or in part, at the start, the end, the middle, across
# a space, and names shorter than the ends kept per name.
END_NAMES = [
    "Orlova", "Obrist", "Brandt", "Kovbor", "Xxxxor", "Xxobxxx", "Xx Or Xx", "Or Xx",
    "Xx Xor", "Boris", "Robert", "Rob", "Ob", "Xyzob", "Obxyzwvutsrq", "Qrstuvwxyob",
    "Zhivago", "Hzang", "Xx Zh", "Zhxxxxxxx", "Oberg", "Öberg Group", "Breg Xxxxxx",
    "Xxxxxx Oreg", "Wisxxxxxxxxx", "Xxxxxxxxxsiw", "Siw Xxxxx", "A B Xxxxx", "Xxxxx B A",
    "Ng", "Gn Xxxxx", "Xxxxx Gn", "Lexxxxxxxxxxx", "Xxxxxxxxxxxel",
]  # fmt: skip


@pytest.mark.parametrize(
    "query",
    ["obr", "or", "ob", "bro", "zh", "hz", "obre", "oberg", "breg", "wis", "siw", "a b",
     "ng", "le", "robe", "wisniew", "xobx", "orlov", "zhivag"],
)  # fmt: skip
def test_short_queries_at_the_ends_of_names(query: str) -> None:
    people = [(f"p{index}", [name]) for index, name in enumerate([*END_NAMES, *EDGE_NAMES])]
    for cutoff in (SCORE_CUTOFF, 85):
        found = [
            (people[m.person][0], m.score, people[m.person][1][m.variant])
            for m in indexed(people).search(query, 60, cutoff=cutoff)
        ]
        assert found == reference(people, query, 60, cutoff=cutoff)


def test_an_empty_index_and_an_empty_query() -> None:
    assert NameSearch().search("anything") == []
    assert indexed([("p", ["Diplé"])]).search("  ") == []


def test_a_large_tie_is_ordered_as_scoring_every_name_orders_it() -> None:
    # Hundreds of names hold "mars" at exactly 90; the few where a word starts with
    # it are the longest (so the last by the ratio their length allows), and names of
    # one length tie on the ratio too: the order is still word start, ratio, name.
    inside = [f"Q{'x' * (index % 7)}mars{'y' * (index % 5)}z{index:03d}" for index in range(400)]
    starting = [f"Qqqqqqq Marsupial{index}" for index in range(3)] + ["Marsyas Qqqqqqqqqqq"]
    people = [(f"p{index}", [name]) for index, name in enumerate([*inside, *starting])]
    search = indexed(people)
    for limit in (1, 5, 30, 500):
        assert results(search, people, "mars", limit) == reference(people, "mars", limit)


@pytest.mark.parametrize("tested", [0, 1 << 30])
def test_names_holding_the_query_are_found_with_pairs_counted_or_not(
    people, search, monkeypatch: pytest.MonkeyPatch, tested: int
) -> None:
    # Below a number of names the test for the query itself runs without the pairs of
    # letters sorting them first: either way, what scoring every name finds.
    monkeypatch.setattr("tui.index.pruning._TESTED_WITHOUT_PAIRS", tested)
    for query in ["xu", "le", "wang", "zhang wei", "mingham le", "yumin", "z"]:
        assert results(search, people, query, 20) == reference(people, query, 20), query
