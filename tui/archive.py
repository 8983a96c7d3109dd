"""The loaded briefings, indexed for what the screens ask: look-ups by reference,
who took part in what, where a theme came up, and name search.

Briefings can be added while the app is already showing the first ones, so every
index here grows by `add`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

from tui.loader import LoadedBriefing, collector_paused
from tui.model import Briefing, Counterpart, Event, Organization, Sourced, Theme
from tui.names import fold
from tui.refs import Kind, Ref
from tui.search import NameMatch, NameSearch, Variant, fold_name

__all__ = ["Archive", "Kind", "Ref"]


class Archive:
    def __init__(self, briefings: Iterable[LoadedBriefing] = ()) -> None:
        self.briefings: dict[str, LoadedBriefing] = {}
        self._entries: dict[Ref, Sourced] = {}
        # Who took part in what and who belongs where are read from the briefing when
        # asked (a scan of one itinerary or one list of counterparts), not indexed at
        # load: that would cost a third of re-opening a large archive.
        self._people: defaultdict[str, list[Ref]] = defaultdict(list)
        self.names: NameSearch[Ref] = NameSearch()
        self.add(briefings)

    def add(self, briefings: Iterable[LoadedBriefing]) -> None:
        people: list[tuple[Ref, list[Variant]]] = []
        with collector_paused():  # indexing makes no reference cycles either
            for loaded in briefings:
                people.extend(self._index(loaded))
            self.names.add(people)

    def _index(self, loaded: LoadedBriefing) -> Iterator[tuple[Ref, list[Variant]]]:
        briefing = loaded.briefing
        bid = briefing.id
        self.briefings[bid] = loaded
        self._entries[Ref(Kind.briefing, bid, bid)] = briefing
        for organization in briefing.organizations:
            self._entries[Ref(Kind.organization, bid, organization.id)] = organization
        for theme in briefing.themes:
            self._entries[Ref(Kind.theme, bid, theme.id)] = theme
        for counterpart in briefing.counterparts:
            ref = Ref(Kind.counterpart, bid, counterpart.id)
            self._entries[ref] = counterpart
            variants = _variants(counterpart)
            for folded in {fold_name(variant.text) for variant in variants}:
                self._people[folded].append(ref)
            yield ref, variants
        for event in briefing.itinerary:
            self._entries[Ref(Kind.event, bid, event.id)] = event

    def __len__(self) -> int:
        return len(self.briefings)

    def __contains__(self, ref: Ref) -> bool:
        return ref in self._entries

    def get(self, ref: Ref) -> Sourced:
        return self._entries[ref]

    def briefing(self, ref: Ref) -> Briefing:
        return self.briefings[ref.briefing].briefing

    def refs(self, kind: Kind, briefing: str) -> list[Ref]:
        """A briefing's entries of one kind, in the order the briefing lists them."""
        model = self.briefings[briefing].briefing
        items = {
            Kind.event: model.itinerary,
            Kind.counterpart: model.counterparts,
            Kind.organization: model.organizations,
            Kind.theme: model.themes,
        }[kind]
        return [Ref(kind, briefing, item.id) for item in items]

    def label(self, ref: Ref) -> str:
        entry = self._entries[ref]
        if isinstance(entry, Event | Briefing):
            return entry.title
        assert isinstance(entry, Counterpart | Organization | Theme)
        return entry.name

    def events_with(self, ref: Ref) -> list[Ref]:
        """Events where a counterpart, organization or theme appears, in itinerary order.

        For a counterpart this spans every briefing where the same person appears.
        """
        refs = self.same_person(ref) if ref.kind is Kind.counterpart else [ref]
        return [event for person in refs for event in self._events_of(person)]

    def _events_of(self, ref: Ref) -> list[Ref]:
        field = _EVENT_FIELDS.get(ref.kind)
        loaded = self.briefings.get(ref.briefing)
        if field is None or loaded is None:
            return []
        return [
            Ref(Kind.event, ref.briefing, event.id)
            for event in loaded.briefing.itinerary
            for item in getattr(event, field)
            if item == ref.id
        ]

    def same_person(self, ref: Ref) -> list[Ref]:
        """This counterpart and those of other briefings who go by one of the same names."""
        counterpart = self._entries[ref]
        assert isinstance(counterpart, Counterpart)
        found = [ref]
        for variant in _variants(counterpart):
            for other in self._people.get(fold(variant.text), []):
                if other not in found:
                    found.append(other)
        return found

    def members(self, organization: Ref) -> list[Ref]:
        loaded = self.briefings.get(organization.briefing)
        if organization.kind is not Kind.organization or loaded is None:
            return []
        return [
            Ref(Kind.counterpart, organization.briefing, counterpart.id)
            for counterpart in loaded.briefing.counterparts
            if counterpart.organization == organization.id
        ]

    def organizations_with_theme(self, theme: Ref) -> list[Ref]:
        """Organizations present at the events where the theme came up."""
        found: list[Ref] = []
        for event_ref in self._events_of(theme):
            event = self._entries[event_ref]
            assert isinstance(event, Event)
            for item in event.organizations:
                ref = Ref(Kind.organization, theme.briefing, item)
                if ref not in found:
                    found.append(ref)
        return found

    def search_names(self, query: str, limit: int = 20) -> list[NameMatch[Ref]]:
        return self.names.search(query, limit)


_EVENT_FIELDS = {
    Kind.counterpart: "counterparts",
    Kind.organization: "organizations",
    Kind.theme: "themes",
}


def _variants(counterpart: Counterpart) -> list[Variant]:
    variants = [Variant(counterpart.name, "name")]
    variants += [Variant(alias, "alias") for alias in counterpart.aliases]
    if counterpart.original_script:
        variants.append(Variant(counterpart.original_script, "original script"))
    return variants
