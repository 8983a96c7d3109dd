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

from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tui.format.model import (
    Briefing,
    Counterpart,
    Event,
    Organization,
    Sourced,
    StatedDate,
    Theme,
)
from tui.index.identity import linked
from tui.index.items import (
    KIND_CODES,
    BriefingOutline,
    Item,
    OrganizationOutline,
    PersonOutline,
    ThemeOutline,
    Variant,
    item_names,
    item_titles,
    kind_of,
    outline_of,
    person_names,
    person_of,
)
from tui.index.refs import Kind, Ref
from tui.reading.cache import default_cache
from tui.reading.loader import (
    BriefingError,
    LoadedBriefing,
    LoadedOutline,
    Problem,
    ProblemKind,
    collector_paused,
    load_briefing,
)

if TYPE_CHECKING:
    from tui.index.search import NameSearch
    from tui.index.snapshot import Snapshots

__all__ = ["Archive", "Item", "Kind", "PersonOutline", "Ref", "person_names"]

# Whole briefings kept in memory: the one on screen, those its links lead to, and
# those the user went back and forth between.
KEPT = 64


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
        # The searches number entries as `_items` does; they are made, and entries
        # added to them, when first needed (`index`).
        self._names: NameSearch | None = None
        self._titles: NameSearch | None = None
        # Every entry by number (None once removed), and its kind's code (KIND_CODES):
        # the search holds numbers, these say what they stand for.
        self._items: list[Item | None] = []
        self._kinds = bytearray()
        self._indexed = 0  # entries numbered below this are in the searches
        self._dates: dict[str, StatedDate] = {}  # one of each (items.outline_of)
        self._whole: OrderedDict[str, _Whole] = OrderedDict()  # least lately used first
        self._pinned: dict[str, _Whole] = {}
        # The stamps of the archive store's outlines it was made of, in the order added
        # (tui.index.snapshot); None once anything else went in or out.
        self._stamps: list[str] | None = []
        self.add(briefings)

    # Changes.

    def add(self, briefings: Iterable[LoadedBriefing | LoadedOutline]) -> None:
        """Add briefings (whole, or their outlines from the cache), or replace those
        with the same id (in their place)."""
        with collector_paused():  # indexing makes no reference cycles
            added: list[Item] = []
            for loaded in briefings:
                bid = loaded.id
                if bid in self.briefings:
                    self._forget(self.briefings[bid])
                    self._stamps = None
                if not loaded.stamp:
                    self._stamps = None
                elif self._stamps is not None:
                    self._stamps.append(loaded.stamp)
                self._whole.pop(bid, None)
                start = len(self._items) + len(added)
                record = loaded.record
                outline = outline_of(bid, record, loaded.path, start, self._dates)
                self.briefings[bid] = outline
                added += [
                    outline,
                    *(person_of(bid, person) for person in record[5]),  # its people
                    *outline.organizations,
                    *outline.themes,
                    *outline.events,
                ]
                if isinstance(loaded, LoadedBriefing):
                    self._keep(bid, _Whole(loaded))
            self._items += added
            self._kinds += bytes(KIND_CODES[kind_of(item)] for item in added)

    # The searches.

    @property
    def names(self) -> NameSearch:
        """Every entry by its names (tui.index.items.item_names)."""
        self.index()
        assert self._names is not None
        return self._names

    @property
    def titles(self) -> NameSearch:
        """Events and visits by their titles. Titles are long: a short query has
        letters in common with most of them, so they are scored apart, with a higher
        cutoff (tui.index.mixed)."""
        self.index()
        assert self._titles is not None
        return self._titles

    def index(self) -> None:
        """Put the entries added since the last time in the searches.

        Adding briefings does not: the first briefing can reach the screen before the
        search engine (numpy, rapidfuzz) is even imported. The app indexes each batch
        after the frame that shows it; anything that searches indexes what is left."""
        if self._names is None or self._titles is None:
            from tui.index.search import NameSearch

            self._names, self._titles = NameSearch(), NameSearch()
        start, self._indexed = self._indexed, len(self._items)
        if start == self._indexed:
            return
        # Entries of briefings removed before they were indexed still take their
        # numbers, under no names.
        added = self._items[start:]
        tags = [1 << self._kinds[number] for number in range(start, self._indexed)]
        with collector_paused():
            self._names.add(([v.text for v in _names_of(item)] for item in added), tags)
            self._titles.add(([v.text for v in _titles_of(item)] for item in added), tags)

    @property
    def stamps(self) -> list[str] | None:
        """The stamps of the outlines the archive was made of, in the order added, when
        they all came from the archive store and nothing was replaced or removed."""
        return self._stamps

    def index_loading(self, snapshots: Snapshots | None) -> None:
        """`index`, while an archive loads, unless the stored index (which `settle`
        takes) is still expected to be of what is being loaded."""
        if snapshots is None or not snapshots.covers(self._stamps):
            self.index()

    def settle(self, restored: tuple[NameSearch, NameSearch] | None) -> None:
        """Loading is done: take the stored searches (Snapshots.restore: built from the
        same outlines as this archive), or index what is left."""
        if restored is None:
            self.index()
            return
        self._names, self._titles = restored
        self._indexed = len(self._items)

    def remove(self, briefing_ids: Iterable[str]) -> None:
        for bid in briefing_ids:
            outline = self.briefings.pop(bid, None)
            if outline is not None:
                self._stamps = None
                self._forget(outline)
                self._whole.pop(bid, None)
                self._pinned.pop(bid, None)

    def _forget(self, outline: BriefingOutline) -> None:
        indexed = range(outline.numbers.start, min(outline.numbers.stop, self._indexed))
        if self._names is not None and self._titles is not None and indexed:
            self._names.remove(indexed)
            self._titles.remove(indexed)
        for number in outline.numbers:
            self._items[number] = None

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
            person = self._items[number]
            if isinstance(person, PersonOutline) and person.id == ref.id:
                return person
        return None

    def named(self, ref: Ref) -> OrganizationOutline | ThemeOutline | None:
        """An organization's or a theme's outline (None once its briefing is removed)."""
        outline = self.briefings.get(ref.briefing)
        if outline is None:
            return None
        items = outline.organizations if ref.kind is Kind.organization else outline.themes
        return next((item for item in items if item.id == ref.id), None)

    def item(self, number: int) -> Item | None:
        """The entry the search numbered so (None once its briefing is removed)."""
        return self._items[number]

    @property
    def kind_codes(self) -> bytearray:
        """Per entry number, its kind's code (tui.index.items.KIND_CODES)."""
        return self._kinds

    def people(self, briefing: str) -> list[PersonOutline]:
        items = (self._items[number] for number in self.briefings[briefing].people)
        return [person for person in items if isinstance(person, PersonOutline)]

    def refs(self, kind: Kind, briefing: str) -> list[Ref]:
        """A briefing's entries of one kind, in the order the briefing lists them."""
        if kind is Kind.counterpart:
            return [person.ref for person in self.people(briefing)]
        items = _lists(self.loaded(briefing).briefing)[kind]
        return [Ref(kind, briefing, item.id) for item in items]

    def label(self, ref: Ref) -> str:
        if ref.kind is Kind.briefing:
            return self.briefings[ref.briefing].title
        person = self.person(ref) if ref.kind is Kind.counterpart else None
        if person is not None:
            return person.name
        # From the outline where it has the name: the whole briefing is read again from
        # the cache when it is not among those kept.
        named = self.named(ref) if ref.kind in (Kind.organization, Kind.theme) else None
        if named is not None:
            return named.name
        entry = self.get(ref)
        if isinstance(entry, Event | Briefing):
            return entry.title
        assert isinstance(entry, Counterpart | Organization | Theme)
        return entry.name

    def events_with(self, ref: Ref) -> list[Ref]:
        """Events where a counterpart, organization or theme appears, in itinerary order.

        For a counterpart this spans every briefing where the same person appears (by
        name and organization, tui.index.identity).
        """
        if ref.kind is not Kind.counterpart:
            return self._events_of(ref)
        found = self._events_of(ref)
        for other in linked(self, ref)[1:]:
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
                other = self._items[number]
                if isinstance(other, PersonOutline) and other.ref not in found:
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

    def relations(self, organization: Ref) -> list[tuple[Ref, str, Ref]]:
        """(subject, the source's words, object) of the relations an organization has
        with others of its briefing, both ways: "BNP Paribas, strategic partner of,
        Bank of Nanjing" is a relation of both."""
        outline = self.briefings.get(organization.briefing)
        found = []
        for item in outline.organizations if outline is not None else ():
            for words, target in item.relations:
                if organization.id in (item.id, target):
                    found.append((item.ref, words, Ref(Kind.organization, item.briefing, target)))
        return found

    def search_names(self, query: str, limit: int = 20) -> list[PersonMatch]:
        """People by name (tui.index.mixed searches every kind of entry)."""
        code = KIND_CODES[Kind.counterpart]
        kinds = self._kinds
        found = []
        matches = self.names.search(
            query, limit, where=lambda number: kinds[number] == code, tags=1 << code
        )
        for match in matches:
            person = self._items[match.person]
            assert isinstance(person, PersonOutline)  # never removed ones, only people
            found.append(
                PersonMatch(person.ref, person, match.score, person.variants[match.variant])
            )
        return found


_EVENT_FIELDS = {
    Kind.counterpart: "counterparts",
    Kind.organization: "organizations",
    Kind.theme: "themes",
}


def _names_of(item: Item | None) -> list[Variant]:
    return item_names(item) if item is not None else []


def _titles_of(item: Item | None) -> list[Variant]:
    return item_titles(item) if item is not None else []


def _lists(briefing: Briefing) -> dict[Kind, Sequence[Event | Counterpart | Organization | Theme]]:
    return {
        Kind.event: briefing.itinerary,
        Kind.counterpart: briefing.counterparts,
        Kind.organization: briefing.organizations,
        Kind.theme: briefing.themes,
    }


def _reread(outline: BriefingOutline) -> LoadedBriefing:
    loaded = load_briefing(outline.path, {}, default_cache())
    if loaded.briefing.id != outline.id:
        message = f"id: the file now holds briefing {loaded.briefing.id!r}, not {outline.id!r}"
        problem = Problem(outline.path, loaded.id_line, 1, message, ProblemKind.STALE)
        raise BriefingError([problem])
    return loaded
