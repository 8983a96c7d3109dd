"""The loaded briefings, indexed for what the screens ask: look-ups by reference,
who took part in what, where a theme came up, and name search.

An office's archive holds thousands of briefings: held whole, as validated models,
they take about 280 KB each (3 GB for 10,000). So the archive keeps whole only the
briefings used lately (`KEPT`), and of every briefing an outline (tui.format.outline): what
the lists of briefings, the name search and the search results show. A briefing that
is not kept is read again when it is needed, through the cache (about 2 ms) or from
its file. Re-opening an unchanged archive reads only the outlines from the cache.

Briefings can be added while the app is already showing the first ones, and replaced
or removed when their files change, so every index here changes in place.
"""

from __future__ import annotations

import sys
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from tui.format.model import Briefing, Counterpart, Event, Organization, Sourced, StatedDate, Theme
from tui.format.outline import PersonSketch
from tui.index.refs import Kind, Ref
from tui.reading.cache import default_cache
from tui.reading.loader import (
    BriefingError,
    LoadedBriefing,
    LoadedOutline,
    Problem,
    collector_paused,
    load_briefing,
)

if TYPE_CHECKING:
    from tui.index.search import NameSearch

__all__ = ["Archive", "Kind", "Ref"]

# Whole briefings kept in memory: the one on screen, those its links lead to, and
# those the user went back and forth between.
KEPT = 64


@dataclass(frozen=True, slots=True)
class Variant:
    """One of the names a person goes by."""

    text: str
    kind: str  # "name", "alias" or "original script"


@dataclass(frozen=True, slots=True)
class PersonOutline:
    """What search results and the lists of other briefings show of a counterpart.

    The same fields as tui.format.outline.PersonSketch, which the cache validates, but held
    in slots: an archive holds hundreds of thousands, and a pydantic model carries a
    dict of its fields in each."""

    briefing: str
    id: str
    name: str
    aliases: tuple[str, ...]
    original_script: str | None
    title: str | None
    organization: str | None  # the organization's name

    @property
    def ref(self) -> Ref:
        return Ref(Kind.counterpart, self.briefing, self.id)

    @property
    def variants(self) -> list[Variant]:
        variants = [Variant(self.name, "name")]
        variants += [Variant(alias, "alias") for alias in self.aliases]
        if self.original_script:
            variants.append(Variant(self.original_script, "original script"))
        return variants


@dataclass(frozen=True, slots=True)
class BriefingOutline:
    """What the list of briefings shows of one, and where its people are."""

    id: str
    title: str
    dates: StatedDate
    places: tuple[str, ...]
    path: Path
    people: range  # its counterparts' numbers in the name search, in briefing order


@dataclass(frozen=True, slots=True)
class PersonMatch:
    ref: Ref
    person: PersonOutline
    score: float
    matched: Variant


class _Whole:
    """A briefing held whole, with its entries by reference (indexed when first asked:
    most briefings pass through while an archive loads without anyone looking)."""

    def __init__(self, loaded: LoadedBriefing) -> None:
        self.loaded = loaded
        self._entries: dict[Ref, Sourced] | None = None

    @property
    def entries(self) -> dict[Ref, Sourced]:
        if self._entries is None:
            briefing = self.loaded.briefing
            bid = briefing.id
            self._entries = {Ref(Kind.briefing, bid, bid): briefing}
            for kind, items in _lists(briefing).items():
                for item in items:
                    self._entries[Ref(kind, bid, item.id)] = item
        return self._entries


class Archive:
    def __init__(self, briefings: Iterable[LoadedBriefing | LoadedOutline] = ()) -> None:
        self.briefings: dict[str, BriefingOutline] = {}
        self._names: NameSearch | None = None
        self._people: list[PersonOutline | None] = []  # by number; None once removed
        self._unindexed: list[PersonOutline] = []  # added, not yet in the name search
        self._whole: OrderedDict[str, _Whole] = OrderedDict()  # least lately used first
        self._pinned: dict[str, _Whole] = {}
        self.add(briefings)

    # Changes.

    def add(self, briefings: Iterable[LoadedBriefing | LoadedOutline]) -> None:
        """Add briefings (whole, or their outlines from the cache), or replace those
        with the same id (in their place)."""
        with collector_paused():  # indexing makes no reference cycles
            added: list[PersonOutline] = []
            for loaded in briefings:
                bid = loaded.id
                if bid in self.briefings:
                    self._forget_people(self.briefings[bid])
                self._whole.pop(bid, None)
                outline = loaded.outline
                people = [_person(bid, sketch) for sketch in outline.people]
                start = len(self._people) + len(added)
                added += people
                self.briefings[bid] = BriefingOutline(
                    bid,
                    outline.title,
                    outline.dates,
                    outline.places,
                    loaded.path,
                    range(start, start + len(people)),
                )
                if isinstance(loaded, LoadedBriefing):
                    self._keep(bid, _Whole(loaded))
            self._people += added
            self._unindexed += added

    @property
    def names(self) -> NameSearch:
        """The name search, with everyone added so far."""
        self.index_names()
        assert self._names is not None
        return self._names

    def index_names(self) -> None:
        """Index the names of the people added since the last time.

        Adding briefings does not index their names at once: the first briefing can
        reach the screen before the search engine (numpy, rapidfuzz) is even imported,
        and the app indexes each batch after the frame that shows it."""
        if self._names is None:
            from tui.index.search import NameSearch

            self._names = NameSearch()
        if self._unindexed:
            people, self._unindexed = self._unindexed, []
            with collector_paused():
                self._names.add(person_names(person) for person in people)

    def remove(self, briefing_ids: Iterable[str]) -> None:
        for bid in briefing_ids:
            outline = self.briefings.pop(bid, None)
            if outline is not None:
                self._forget_people(outline)
                self._whole.pop(bid, None)
                self._pinned.pop(bid, None)

    def _forget_people(self, outline: BriefingOutline) -> None:
        self.names.remove(outline.people)
        for number in outline.people:
            self._people[number] = None

    def update(
        self,
        briefings: Iterable[LoadedBriefing | LoadedOutline],
        removed: set[str],
        stale: set[str],
    ) -> None:
        """Files changed on disk: briefings no file holds go, reloaded ones come or
        replace their old versions, and those shown from their last good version (their
        files now have problems) stay whole, as they can no longer be read again."""
        self.remove(removed)
        self.add(briefings)
        self.pin(stale)

    def pin(self, briefing_ids: set[str]) -> None:
        """Keep these briefings whole for as long as they are pinned (those shown from
        their last good version: their files can no longer be read)."""
        for bid in list(self._pinned):
            if bid not in briefing_ids:
                self._keep(bid, self._pinned.pop(bid))
        for bid in briefing_ids:
            whole = self._whole.pop(bid, None)
            if whole is not None:
                self._pinned[bid] = whole

    def _keep(self, bid: str, whole: _Whole) -> None:
        if bid in self._pinned:
            self._pinned[bid] = whole
            return
        self._whole[bid] = whole
        self._whole.move_to_end(bid)
        while len(self._whole) > KEPT:
            self._whole.popitem(last=False)

    # Whole briefings.

    def loaded(self, briefing_id: str) -> LoadedBriefing:
        """The briefing whole; raises BriefingError when it must be read again and its
        file no longer loads (or no longer holds that briefing)."""
        return self._whole_of(briefing_id).loaded

    def _whole_of(self, bid: str) -> _Whole:
        whole = self._pinned.get(bid) or self._whole.get(bid)
        if whole is None:
            whole = _Whole(_reread(self.briefings[bid]))
        self._keep(bid, whole)
        return whole

    # Look-ups.

    def __len__(self) -> int:
        return len(self.briefings)

    def __contains__(self, ref: Ref) -> bool:
        outline = self.briefings.get(ref.briefing)
        if outline is None:
            return False
        if ref.kind is Kind.briefing:
            return ref.id == ref.briefing
        if ref.kind is Kind.counterpart:
            return self.person(ref) is not None
        try:
            return ref in self._whole_of(ref.briefing).entries
        except BriefingError:
            return False

    def get(self, ref: Ref) -> Sourced:
        return self._whole_of(ref.briefing).entries[ref]

    def briefing(self, ref: Ref) -> Briefing:
        return self.loaded(ref.briefing).briefing

    def person(self, ref: Ref) -> PersonOutline | None:
        outline = self.briefings.get(ref.briefing)
        for number in outline.people if outline is not None else ():
            person = self._people[number]
            if person is not None and person.id == ref.id:
                return person
        return None

    def refs(self, kind: Kind, briefing: str) -> list[Ref]:
        """A briefing's entries of one kind, in the order the briefing lists them."""
        if kind is Kind.counterpart:
            people = (self._people[number] for number in self.briefings[briefing].people)
            return [person.ref for person in people if person is not None]
        items = _lists(self.loaded(briefing).briefing)[kind]
        return [Ref(kind, briefing, item.id) for item in items]

    def label(self, ref: Ref) -> str:
        if ref.kind is Kind.briefing:
            return self.briefings[ref.briefing].title
        person = self.person(ref) if ref.kind is Kind.counterpart else None
        if person is not None:
            return person.name
        entry = self.get(ref)
        if isinstance(entry, Event | Briefing):
            return entry.title
        assert isinstance(entry, Counterpart | Organization | Theme)
        return entry.name

    def events_with(self, ref: Ref) -> list[Ref]:
        """Events where a counterpart, organization or theme appears, in itinerary order.

        For a counterpart this spans every briefing where the same person appears.
        """
        if ref.kind is not Kind.counterpart:
            return self._events_of(ref)
        found = self._events_of(ref)
        for other in self.same_person(ref)[1:]:
            try:
                found += self._events_of(other)
            except BriefingError:
                continue  # its file no longer loads: the errors screen says why
        return found

    def _events_of(self, ref: Ref) -> list[Ref]:
        field = _EVENT_FIELDS.get(ref.kind)
        if field is None or ref.briefing not in self.briefings:
            return []
        return [
            Ref(Kind.event, ref.briefing, event.id)
            for event in self.loaded(ref.briefing).briefing.itinerary
            for item in getattr(event, field)
            if item == ref.id
        ]

    def same_person(self, ref: Ref) -> list[Ref]:
        """This counterpart and those of other briefings who go by one of the same names."""
        person = self.person(ref)
        found = [ref]
        for name in person_names(person) if person is not None else ():
            for number in self.names.holders(name):
                other = self._people[number]
                if other is not None and other.ref not in found:
                    found.append(other.ref)
        return found

    def members(self, organization: Ref) -> list[Ref]:
        if organization.kind is not Kind.organization or organization not in self:
            return []
        return [
            Ref(Kind.counterpart, organization.briefing, counterpart.id)
            for counterpart in self.loaded(organization.briefing).briefing.counterparts
            if counterpart.organization == organization.id
        ]

    def organizations_with_theme(self, theme: Ref) -> list[Ref]:
        """Organizations present at the events where the theme came up."""
        found: list[Ref] = []
        for event_ref in self._events_of(theme):
            event = self.get(event_ref)
            assert isinstance(event, Event)
            for item in event.organizations:
                ref = Ref(Kind.organization, theme.briefing, item)
                if ref not in found:
                    found.append(ref)
        return found

    def search_names(self, query: str, limit: int = 20) -> list[PersonMatch]:
        found = []
        for match in self.names.search(query, limit):
            person = self._people[match.person]
            assert person is not None  # the search never returns removed people
            found.append(
                PersonMatch(person.ref, person, match.score, person.variants[match.variant])
            )
        return found


_EVENT_FIELDS = {
    Kind.counterpart: "counterparts",
    Kind.organization: "organizations",
    Kind.theme: "themes",
}


def _lists(briefing: Briefing) -> dict[Kind, Sequence[Event | Counterpart | Organization | Theme]]:
    return {
        Kind.event: briefing.itinerary,
        Kind.counterpart: briefing.counterparts,
        Kind.organization: briefing.organizations,
        Kind.theme: briefing.themes,
    }


def person_names(person: PersonOutline) -> tuple[str, ...]:
    """Every name a person goes by, in the order of `PersonOutline.variants`."""
    if person.original_script:
        return (person.name, *person.aliases, person.original_script)
    return (person.name, *person.aliases)


def _person(briefing_id: str, sketch: PersonSketch) -> PersonOutline:
    return PersonOutline(
        briefing_id,
        sketch.id,
        sketch.name,
        sketch.aliases,
        sketch.original_script,
        # Titles and organizations repeat across an archive ("Director", "Vice
        # Mayor"): one copy of each is kept.
        sys.intern(sketch.title) if sketch.title else None,
        sys.intern(sketch.organization) if sketch.organization else None,
    )


def _reread(outline: BriefingOutline) -> LoadedBriefing:
    loaded = load_briefing(outline.path, {}, default_cache())
    if loaded.briefing.id != outline.id:
        message = f"id: the file now holds briefing {loaded.briefing.id!r}, not {outline.id!r}"
        raise BriefingError([Problem(outline.path, loaded.id_line, 1, message)])
    return loaded
