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
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tui.index.items import KIND_CODES, Item, PersonOutline, Variant, item_names
from tui.index.names import fold
from tui.index.refs import Kind, Ref

if TYPE_CHECKING:
    from tui.index.archive import Archive

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
    if not wanted:
        return []
    codes = bytes(sorted(KIND_CODES[kind] for kind in wanted))
    kind_code = archive.kind_code
    person_code = KIND_CODES[Kind.counterpart]

    def key(number: int, folded: str) -> Hashable:
        code = kind_code(number)
        if code != person_code:
            return code, folded
        # Folded name and organization; someone whose organization is not stated
        # stands alone.
        person = archive.item(number)
        assert isinstance(person, PersonOutline)
        return code, folded, fold(person.organization) if person.organization else number

    where = None if len(codes) == len(Kind) else (lambda number: kind_code(number) in codes)
    found: list[Found] = []
    shown: set[Ref] = set()
    # An entry found under two of its names (a visit by its title and its lead) is
    # shown once, at its best: a few more are asked for to make up for those.
    for match in archive.names.search(text, limit + limit // 2, where=where, key=key):
        item = archive.item(match.person)
        assert item is not None  # the search never returns removed entries
        matched = item_names(item)[match.variant]
        folded = fold(matched.text)
        group = key(match.person, folded)
        refs = [item.ref]
        for number in archive.names.holders(matched.text):
            other = archive.item(number)
            if number != match.person and other is not None and key(number, folded) == group:
                refs.append(other.ref)
        if shown.issuperset(refs):
            continue
        shown.update(refs)
        found.append(Found(item.ref.kind, tuple(refs), match.score, matched, item))
        if len(found) == limit:
            break
    return found
