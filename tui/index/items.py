"""What an archive keeps of every briefing's entries, in slots: an archive holds
hundreds of thousands of them, and a pydantic model carries a dict of its fields in each.

The same fields as the sketches of tui.format.outline (which the cache validates), with
the briefing each belongs to. Each is an `Item` of the archive's search, under the
names `item_names` gives.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from tui.format.model import StatedDate
from tui.format.outline import EventSketch, OrganizationSketch, Outline, PersonSketch, ThemeSketch
from tui.index.refs import Kind, Ref


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


def person_of(briefing_id: str, sketch: PersonSketch) -> PersonOutline:
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


def outline_of(
    bid: str,
    outline: Outline,
    path: Path,
    start: int,
    dates: dict[StatedDate, StatedDate] | None = None,
) -> BriefingOutline:
    """The archive's outline of a briefing whose entries are numbered from `start`.
    `dates` holds one of each date the archive's events state: "On March 4" comes up
    in thousands of events, and a date is a model of its own (about 500 bytes)."""
    people = range(start + 1, start + 1 + len(outline.people))
    organizations = tuple(_organization(bid, sketch) for sketch in outline.organizations)
    themes = tuple(_theme(bid, sketch) for sketch in outline.themes)
    events = tuple(_event(bid, sketch, dates) for sketch in outline.events)
    count = 1 + len(people) + len(organizations) + len(themes) + len(events)
    return BriefingOutline(
        bid,
        outline.title,
        outline.dates,
        outline.places,
        outline.lead,
        path,
        range(start, start + count),
        people,
        organizations,
        themes,
        events,
        outline.drafted,
        outline.marked,
    )


def _organization(bid: str, sketch: OrganizationSketch) -> OrganizationOutline:
    return OrganizationOutline(
        bid, sketch.id, sketch.name, sketch.aliases, sketch.country, sketch.relations
    )


def _theme(bid: str, sketch: ThemeSketch) -> ThemeOutline:
    # Themes repeat across an archive ("Green development"): one copy of each name.
    return ThemeOutline(bid, sketch.id, sys.intern(sketch.name))


def _event(
    bid: str, sketch: EventSketch, dates: dict[StatedDate, StatedDate] | None
) -> EventOutline:
    date = sketch.date
    if date is not None and dates is not None:
        date = dates.setdefault(date, date)
    return EventOutline(
        bid,
        sketch.id,
        sketch.title,
        sketch.aliases,
        sketch.place,
        date,
        sketch.counterparts,
        sketch.organizations,
        sketch.themes,
        sketch.inferred,
    )
