"""One search for everything in an archive: people, organizations (names and aliases),
themes, events and briefings (title, places, lead), with name search's tolerance.

Every entry of every briefing is in the archive's one NameSearch under its names
(tui.index.items.item_names). Entries of one kind that go by one folded name make one
result: a theme that came up in a hundred visits is one line, as is "France" for every
visit that went there; people are the exception, one result per name *and*
organization, as two people who share only a name are not the same person.

A query may start with a kind prefix (`@org allianz`, `@person oberg`, `@theme`,
`@event`, `@visit`), and then finds only that kind.
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from tui.index.items import (
    KIND_CODES,
    BriefingOutline,
    Item,
    PersonOutline,
    Variant,
    item_names,
    item_titles,
)
from tui.index.names import fold
from tui.index.refs import Kind, Ref

if TYPE_CHECKING:
    from tui.index.archive import Archive
    from tui.index.search import NameSearch, Query

# Titles match what is typed with small typos only: a title is long, and a short query
# with two letters wrong still has enough in common with thousands of titles to score
# 70 (noise, and too slow to score them all). A title far longer than the query is
# found by its words instead (`@event bnp`: NameSearch.search's whole_words).
TITLE_CUTOFF = 85.0

# Kinds by the words a prefix may start (`@o`, `@org`, `@organizations` all narrow to
# organizations); the first is the one the dialog shows.
PREFIXES: dict[Kind, tuple[str, ...]] = {
    Kind.counterpart: ("person", "people", "counterpart"),
    Kind.organization: ("org", "organization", "organisation"),
    Kind.theme: ("theme",),
    Kind.event: ("event",),
    Kind.briefing: ("visit", "briefing"),
}
# What the command line's --kind calls each.
KIND_NAMES: dict[str, Kind] = {
    "people": Kind.counterpart,
    "organizations": Kind.organization,
    "themes": Kind.theme,
    "events": Kind.event,
    "briefings": Kind.briefing,
}
# How results call each kind.
KIND_LABELS: dict[Kind, str] = {
    Kind.counterpart: "Person",
    Kind.organization: "Organization",
    Kind.theme: "Theme",
    Kind.event: "Event",
    Kind.briefing: "Visit",
}
PREFIX_HINT = "narrow with " + " ".join(f"@{words[0]}" for words in PREFIXES.values())


@dataclass(frozen=True, slots=True)
class Found:
    kind: Kind
    # Every entry the result stands for (by its number in the archive), the best first;
    # their refs are made when asked for: a theme of a thousand visits is one result,
    # and a dialog shows only how many visits it is of.
    numbers: tuple[int, ...]
    score: float
    matched: Variant  # the name that matched, and what it is ("alias", "place", ...)
    item: Item  # the first entry's outline
    archive: Archive = field(repr=False, compare=False)

    @property
    def ref(self) -> Ref:
        return self.item.ref

    @property
    def refs(self) -> tuple[Ref, ...]:
        return tuple(item.ref for item in self._items())

    @property
    def briefings(self) -> list[str]:
        return list(
            dict.fromkeys(
                item.id if isinstance(item, BriefingOutline) else item.briefing
                for item in self._items()
            )
        )

    def _items(self) -> Iterator[Item]:
        for number in self.numbers:
            item = self.archive.item(number)
            if item is not None:  # its briefing was removed since
                yield item


def parse(query: str) -> tuple[Kind | None, str]:
    """The kind a query narrows to (None: every kind) and the rest of it. An `@` word
    that names no kind is searched as typed."""
    head, _, rest = query.strip().partition(" ")
    if head.startswith("@") and len(head) > 1:
        word = head[1:].casefold()
        for kind, words in PREFIXES.items():
            if any(candidate.startswith(word) for candidate in words):
                return kind, rest
    return None, query


def search(
    archive: Archive, query: str, limit: int = 20, kinds: Collection[Kind] | None = None
) -> list[Found]:
    """The best results first. A kind prefix in the query narrows `kinds` further."""
    prefixed, text = parse(query)
    wanted = set(Kind) if kinds is None else set(kinds)
    if prefixed is not None:
        wanted &= {prefixed}
    codes = bytes(sorted(KIND_CODES[kind] for kind in wanted))
    kind_codes = archive.kind_codes
    person_code = KIND_CODES[Kind.counterpart]
    folded_organizations: dict[str, str] = {}

    def key(number: int, folded: str) -> Hashable:
        code = kind_codes[number]
        if code != person_code:
            return code, folded
        # Folded name and organization; someone whose organization is not stated
        # stands alone.
        person = archive.item(number)
        assert isinstance(person, PersonOutline)
        organization = person.organization
        if organization is None:
            return code, folded, number
        if organization not in folded_organizations:
            folded_organizations[organization] = fold(organization)
        return code, folded, folded_organizations[organization]

    where = None if len(codes) == len(Kind) else (lambda number: kind_codes[number] in codes)
    tags = sum(1 << code for code in codes)
    by_name = tags & ~(1 << person_code)
    # An entry found under two of its names (a visit by its place and its title) is
    # shown once, at its best: a few more are asked for to make up for those.
    wide = limit + limit // 2
    queries: list[tuple[NameSearch, Query]] = []
    if wanted - {Kind.event}:
        names = archive.names.query(text, wide, where, key, tags=tags, by_name=by_name)
        if names is not None:
            queries.append((archive.names, names))
    if wanted & {Kind.event, Kind.briefing}:
        titles = archive.titles.query(
            text, wide, where, key, TITLE_CUTOFF, tags, whole_words=True, by_name=by_name
        )
        if titles is not None:
            queries.append((archive.titles, titles))
    _score_in_step([asked for _, asked in queries], wide)
    hits: list[tuple[float, int, NameSearch, Variant]] = []
    for index, asked in queries:
        variants = item_titles if index is archive.titles else item_names
        for match in asked.ranked():
            item = archive.item(match.person)
            assert item is not None  # the search never returns removed entries
            hits.append((match.score, match.person, index, variants(item)[match.variant]))
    hits.sort(key=lambda hit: -hit[0])  # stable: at equal scores, names before titles
    found: list[Found] = []
    owner: dict[int, int] = {}  # which result each entry shown is in, by number
    for score, number, index, matched in hits:
        item = archive.item(number)
        assert item is not None
        # Entries of another kind share no result; of one kind but people, holding
        # the name is enough (the key is the kind and the name).
        code = kind_codes[number]
        others = [n for n in index.holders(matched.text) if n != number and kind_codes[n] == code]
        if code == person_code:
            folded = fold(matched.text)
            group = key(number, folded)
            others = [n for n in others if key(n, folded) == group]
        numbers = [number, *others]
        earlier = [owner[n] for n in numbers if n in owner]
        if earlier:
            # Found before under another of its names (Allianz Insurance Group by its
            # name, and by the alias "Allianz" that another visit names it by): the
            # entries not yet shown join that result, rather than make a second one.
            first = found[earlier[0]]
            new = [n for n in numbers if n not in owner]
            found[earlier[0]] = replace(first, numbers=(*first.numbers, *new))
            owner.update((n, earlier[0]) for n in new)
            continue
        owner.update((n, len(found)) for n in numbers)
        found.append(Found(item.ref.kind, tuple(numbers), score, matched, item, archive))
        if len(found) == limit:
            break
    return found


def _score_in_step(queries: list[Query], wide: int) -> None:
    """Both searches (names, titles) a stage at a time, as NameSearch.search does one:
    the list is of both, so when the two together have enough at 90, neither scores
    what cannot reach 90 ("nanjing": hundreds of titles hold it, and tens of thousands
    of names share a few of its letters)."""

    def count() -> int:
        return sum(query.count() for query in queries)

    if count() >= wide:
        return
    to_shared = sum(query.sharing_count() for query in queries) >= wide
    for query in queries:
        query.lower(to_shared)
    if count() < wide:
        for query in queries:
            query.add_words()
