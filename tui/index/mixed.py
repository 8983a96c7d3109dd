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

from collections.abc import Collection, Hashable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from tui.index.items import KIND_CODES, Item, PersonOutline, Variant, item_names, item_titles
from tui.index.names import fold
from tui.index.refs import Kind, Ref

if TYPE_CHECKING:
    from tui.index.archive import Archive
    from tui.index.search import NameSearch

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
    refs: tuple[Ref, ...]  # every entry the result stands for, the best first
    score: float
    matched: Variant  # the name that matched, and what it is ("alias", "place", ...)
    item: Item  # the first entry's outline

    @property
    def ref(self) -> Ref:
        return self.refs[0]

    @property
    def briefings(self) -> list[str]:
        return list(dict.fromkeys(ref.briefing for ref in self.refs))


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
    # An entry found under two of its names (a visit by its place and its title) is
    # shown once, at its best: a few more are asked for to make up for those.
    wide = limit + limit // 2
    hits: list[tuple[float, int, NameSearch, Variant]] = []
    if wanted - {Kind.event}:
        for match in archive.names.search(text, wide, where=where, key=key, tags=tags):
            item = archive.item(match.person)
            assert item is not None  # the search never returns removed entries
            hits.append((match.score, match.person, archive.names, item_names(item)[match.variant]))
    if wanted & {Kind.event, Kind.briefing}:
        for match in archive.titles.search(
            text, wide, where=where, key=key, cutoff=TITLE_CUTOFF, tags=tags, whole_words=True
        ):
            item = archive.item(match.person)
            assert item is not None
            variant = item_titles(item)[match.variant]
            hits.append((match.score, match.person, archive.titles, variant))
    hits.sort(key=lambda hit: -hit[0])  # stable: at equal scores, names before titles
    found: list[Found] = []
    owner: dict[Ref, int] = {}  # which result each entry shown is in
    for score, number, index, matched in hits:
        item = archive.item(number)
        assert item is not None
        folded = fold(matched.text)
        group = key(number, folded)
        refs = [item.ref]
        for other_number in index.holders(matched.text):
            other = archive.item(other_number)
            if other_number != number and other is not None and key(other_number, folded) == group:
                refs.append(other.ref)
        earlier = [owner[ref] for ref in refs if ref in owner]
        if earlier:
            # Found before under another of its names (Allianz Insurance Group by its
            # name, and by the alias "Allianz" that another visit names it by): the
            # entries not yet shown join that result, rather than make a second one.
            first = found[earlier[0]]
            new = [ref for ref in refs if ref not in owner]
            found[earlier[0]] = replace(first, refs=(*first.refs, *new))
            owner.update((ref, earlier[0]) for ref in new)
            continue
        owner.update((ref, len(found)) for ref in refs)
        found.append(Found(item.ref.kind, tuple(refs), score, matched, item))
        if len(found) == limit:
            break
    return found
