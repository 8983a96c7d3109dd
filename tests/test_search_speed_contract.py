"""The fast name search gives exactly what scoring every name with WRatio gives.

tui.search scores only the names whose letter counts, lengths and words let them reach
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
from tui.names import fold
from tui.search import SCORE_CUTOFF, NameSearch, Variant


def reference(people: list[tuple[str, list[Variant]]], query: str, limit: int) -> list[tuple]:
    folded_names: list[str] = []
    holders: dict[str, list[tuple[str, Variant]]] = {}
    for key, variants in people:
        for variant in variants:
            folded = fold(variant.text)
            if folded:
                if folded not in holders:
                    folded_names.append(folded)
                holders.setdefault(folded, []).append((key, variant))
    folded = fold(query)
    if not folded or limit <= 0:
        return []
    scored = process.extract(
        folded,
        folded_names,
        scorer=fuzz.WRatio,
        processor=None,
        score_cutoff=SCORE_CUTOFF,
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
        for key, variant in holders[name]:
            if key not in seen:
                seen.add(key)
                found.append((key, score, variant.text))
                if len(found) == limit:
                    return found
    return found


def results(search: NameSearch, query: str, limit: int) -> list[tuple]:
    return [(m.key, m.score, m.matched.text) for m in search.search(query, limit)]


def generated_people(count: int) -> list[tuple[str, list[Variant]]]:
    people = []
    for briefing, counterpart in itertools.islice(iter_counterparts(seed=7), count):
        variants = [Variant(counterpart["name"], "name")]
        variants += [Variant(alias, "alias") for alias in counterpart.get("aliases", [])]
        if counterpart.get("original_script"):
            variants.append(Variant(counterpart["original_script"], "original script"))
        people.append((f"{briefing}/{counterpart['id']}", variants))
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
def people() -> list[tuple[str, list[Variant]]]:
    return generated_people(6000)


@pytest.fixture(scope="module")
def search(people: list[tuple[str, list[Variant]]]) -> NameSearch:
    return NameSearch(people)


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("limit", [1, 20, 200])
def test_same_results_as_scoring_every_name(people, search, query: str, limit: int) -> None:
    assert results(search, query, limit) == reference(people, query, limit)


def test_incremental_add_gives_the_same_index(people, search) -> None:
    grown = NameSearch()
    for start in range(0, len(people), 700):
        grown.add(people[start : start + 700])
    assert len(grown) == len(search)
    for query in QUERIES:
        assert results(grown, query, 20) == results(search, query, 20)


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
    people = [(f"p{index}", [Variant(name, "name")]) for index, name in enumerate(EDGE_NAMES)]
    assert results(NameSearch(people), query, 50) == reference(people, query, 50)


def test_an_empty_index_and_an_empty_query() -> None:
    assert NameSearch().search("anything") == []
    assert NameSearch([("p", [Variant("Diplé", "name")])]).search("  ") == []
