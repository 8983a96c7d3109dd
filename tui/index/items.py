"""What an archive keeps of every briefing's entries, in slots: an archive holds
hundreds of thousands of them, and a pydantic model carries a dict of its fields in each.

The same fields as the records of tui.format.outline (which the archive store
validates), in the same order, with the briefing each belongs to. Each is an `Item` of
the archive's search, under the names `item_names` gives.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from tui.format.model import StatedDate
from tui.format.outline import EventRecord, OutlineRecord, PersonRecord
from tui.index.refs import Kind, Ref


@dataclass(frozen=True, slots=True)
class Variant:
    """One of the names a person goes by."""

    text: str
    kind: str  # "name", "alias" or "original script"


@dataclass(frozen=True, slots=True)
class PersonOutline:
    """What search results and the lists of other briefings show of a counterpart.

    The same fields as tui.format.outline.PersonRecord, which the archive store validates,
    but held in slots: an archive holds hundreds of thousands, and a pydantic model carries a
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
class OrganizationOutline:
    briefing: str
    id: str
    name: str
    aliases: tuple[str, ...]
    country: str | None
    relations: tuple[tuple[str, str], ...]  # (the source's words, the related one's id)

    @property
    def ref(self) -> Ref:
        return Ref(Kind.organization, self.briefing, self.id)


@dataclass(frozen=True, slots=True)
class ThemeOutline:
    briefing: str
    id: str
    name: str

    @property
    def ref(self) -> Ref:
        return Ref(Kind.theme, self.briefing, self.id)


@dataclass(frozen=True, slots=True)
class EventOutline:
    briefing: str
    id: str
    title: str
    aliases: tuple[str, ...]
    place: str | None
    date: StatedDate | None
    counterparts: tuple[str, ...]
    organizations: tuple[str, ...]
    themes: tuple[str, ...]
    inferred: tuple[str, ...]  # the fields the author inferred

    @property
    def ref(self) -> Ref:
        return Ref(Kind.event, self.briefing, self.id)


@dataclass(frozen=True, slots=True)
class BriefingOutline:
    """What the list of briefings shows of one, and where its entries are."""

    id: str
    title: str
    dates: StatedDate
    places: tuple[str, ...]
    lead: str | None
    path: Path
    # Its entries' numbers in the archive's search: the briefing itself, then its
    # people, organizations, themes and events, each in briefing order.
    numbers: range
    people: range
    organizations: tuple[OrganizationOutline, ...]
    themes: tuple[ThemeOutline, ...]
    events: tuple[EventOutline, ...]
    drafted: int  # entries marked `review: drafted`
    marked: int  # entries marked drafted or reviewed

    @property
    def ref(self) -> Ref:
        return Ref(Kind.briefing, self.id, self.id)


# What the archive's search indexes: every entry of every briefing, numbered.
Item = PersonOutline | OrganizationOutline | ThemeOutline | EventOutline | BriefingOutline

_KIND_OF: dict[type, Kind] = {
    PersonOutline: Kind.counterpart,
    OrganizationOutline: Kind.organization,
    ThemeOutline: Kind.theme,
    EventOutline: Kind.event,
    BriefingOutline: Kind.briefing,
}
KIND_CODES = {kind: code for code, kind in enumerate(Kind)}


def kind_of(item: Item) -> Kind:
    return _KIND_OF[type(item)]


def item_names(item: Item) -> list[Variant]:
    """The names an entry is searched by, in the order given to the archive's name
    search: people's names and aliases, organizations' too, themes, and a visit's places
    and lead. Titles are searched apart (`item_titles`)."""
    if isinstance(item, PersonOutline):
        return item.variants
    if isinstance(item, OrganizationOutline):
        return [Variant(item.name, "name"), *(Variant(a, "alias") for a in item.aliases)]
    if isinstance(item, ThemeOutline):
        return [Variant(item.name, "name")]
    if isinstance(item, BriefingOutline):
        places = [Variant(place, "place") for place in item.places]
        return places + ([Variant(item.lead, "lead")] if item.lead else [])
    return []


def item_titles(item: Item) -> list[Variant]:
    """The titles an entry is searched by (events' and visits'), in the order given to
    the archive's title search."""
    if isinstance(item, EventOutline):
        return [Variant(item.title, "title"), *(Variant(a, "alias") for a in item.aliases)]
    if isinstance(item, BriefingOutline):
        return [Variant(item.title, "title")]
    return []


def person_names(person: PersonOutline) -> tuple[str, ...]:
    """Every name a person goes by, in the order of `PersonOutline.variants`."""
    if person.original_script:
        return (person.name, *person.aliases, person.original_script)
    return (person.name, *person.aliases)


def person_of(briefing_id: str, record: PersonRecord) -> PersonOutline:
    pid, name, aliases, original_script, title, organization = record
    return PersonOutline(
        briefing_id,
        pid,
        name,
        aliases,
        original_script,
        # Titles and organizations repeat across an archive ("Director", "Vice
        # Mayor"): one copy of each is kept.
        sys.intern(title) if title else None,
        sys.intern(organization) if organization else None,
    )


def outline_of(
    bid: str, record: OutlineRecord, path: Path, start: int, dates: dict[str, StatedDate]
) -> BriefingOutline:
    """The archive's outline of a briefing whose entries are numbered from `start`.
    `dates` holds one of each date the archive states, by its JSON: "On March 4" comes
    up in thousands of events, and a date is a model of its own (about 500 bytes)."""
    _, title, stated, places, lead, people, organizations, themes, events, drafted, marked = record
    numbers = range(start + 1, start + 1 + len(people))
    count = 1 + len(people) + len(organizations) + len(themes) + len(events)
    return BriefingOutline(
        bid,
        title,
        _date(stated, dates),
        places,
        lead,
        path,
        range(start, start + count),
        numbers,
        tuple(OrganizationOutline(bid, *organization) for organization in organizations),
        # Themes repeat across an archive ("Green development"): one copy of each name.
        tuple(ThemeOutline(bid, tid, sys.intern(name)) for tid, name in themes),
        tuple(_event(bid, event, dates) for event in events),
        drafted,
        marked,
    )


def _event(bid: str, record: EventRecord, dates: dict[str, StatedDate]) -> EventOutline:
    eid, title, aliases, place, stated, counterparts, organizations, themes, inferred = record
    date = _date(stated, dates) if stated is not None else None
    return EventOutline(
        bid, eid, title, aliases, place, date, counterparts, organizations, themes, inferred
    )


def _date(stated: str, dates: dict[str, StatedDate]) -> StatedDate:
    date = dates.get(stated)
    if date is None:
        date = dates[stated] = StatedDate.model_validate_json(stated)
    return date
