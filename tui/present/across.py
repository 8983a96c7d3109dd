"""What an entity page says: a person, organization or theme across every visit.

The same entry in other briefings is found by name (tui.index.identity), and the page
says what each link rests on. Visits are listed newest first where their dates say a
year; those whose year is not stated follow, in the order their briefings were loaded,
as nothing says when they were. "First met" and "last met" are said only when every
visit states its year.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tui.format.model import Event, StatedDate
from tui.index.archive import Archive, Kind, Ref
from tui.index.identity import Link, links
from tui.index.items import EventOutline
from tui.index.names import fold
from tui.present.describe import count, describe_date
from tui.reading.loader import BriefingError

# Outcomes are read from whole briefings (the outlines have none): for this many
# appearances at most, newest first, so a theme of a thousand visits opens at once.
OUTCOMES_FROM = 30


@dataclass(frozen=True)
class Appearance:
    briefing: Ref
    visit: str  # the briefing's title
    event: Ref | None  # None: in the briefing, at none of its events
    title: str  # the event's title, or the visit's
    date: str  # as stated: the event's date, else the visit's
    visit_date: str  # the visit's dates, as stated
    place: str | None
    place_inferred: bool
    as_whom: str  # the entry's own name in that briefing
    outcomes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Page:
    ref: Ref
    kind: Kind
    title: str
    appearances: list[Appearance]
    linked: list[Link]  # the same entry elsewhere, and why
    namesakes: list[Link]  # same name, not taken to be the same
    met: str  # "First met …, last met …", or why it cannot be said
    relations: list[str] = field(default_factory=list)
    # An organization's people, each once (by folded name: the same name in the same
    # organization, as tui.index.identity links them), with the visits they were met on.
    people: list[tuple[Ref, list[str]]] = field(default_factory=list)


def page_of(archive: Archive, ref: Ref) -> Page:
    found = links(archive, ref)
    linked = [link for link in found if link.linked]
    group = [ref, *(link.ref for link in linked)]
    rows: list[tuple[tuple[int, int, int] | None, int, Appearance]] = []
    for order, entry in enumerate(group):
        for appearance in _appearances(archive, entry, order):
            rows.append((_when(archive, appearance), len(rows), appearance))
    dated = [(when, at, a) for when, at, a in rows if when is not None]
    dated.sort(key=lambda row: (row[0], -row[1]), reverse=True)
    undated = [row[2] for row in rows if row[0] is None]
    ordered = [row[2] for row in dated] + undated
    for appearance in ordered[:OUTCOMES_FROM]:
        _add_outcomes(archive, appearance)
    page = Page(
        ref,
        ref.kind,
        archive.label(ref),
        ordered,
        linked,
        [link for link in found if not link.linked],
        _met(ordered, undated, ref.kind is Kind.theme),
    )
    if ref.kind is Kind.organization:
        page.relations.extend(_relations(archive, group))
        visits: dict[str, tuple[Ref, list[str]]] = {}
        for organization in group:
            for person in archive.people(organization.briefing):
                if person.organization == archive.label(organization):
                    ref, seen = visits.setdefault(fold(person.name), (person.ref, []))
                    if _visit(archive, person.ref) not in seen:
                        seen.append(_visit(archive, person.ref))
        page.people.extend(visits.values())
    return page


def _visit(archive: Archive, ref: Ref) -> str:
    return archive.briefings[ref.briefing].title


def _appearances(archive: Archive, ref: Ref, order: int) -> list[Appearance]:
    outline = archive.briefings[ref.briefing]
    field_name = {
        Kind.counterpart: "counterparts",
        Kind.organization: "organizations",
        Kind.theme: "themes",
    }[ref.kind]
    name = archive.label(ref)
    members: set[str] = set()
    if ref.kind is Kind.organization:
        # Where its people were met counts too ("have we met anyone from …").
        members = {p.id for p in archive.people(ref.briefing) if p.organization == name}
    events: list[EventOutline] = [
        event
        for event in outline.events
        if ref.id in getattr(event, field_name) or members & set(event.counterparts)
    ]
    if not events:
        return [
            Appearance(
                outline.ref,
                outline.title,
                None,
                outline.title,
                describe_date(outline.dates),
                describe_date(outline.dates),
                ", ".join(outline.places) or None,
                False,
                name,
            )
        ]
    return [
        Appearance(
            outline.ref,
            outline.title,
            event.ref,
            event.title,
            _stated(event.date, outline.dates),
            describe_date(outline.dates),
            event.place,
            "place" in event.inferred,
            name,
        )
        for event in events
    ]


def _stated(date: StatedDate | None, visit: StatedDate) -> str:
    """An event's date as stated; its year is the visit's when the visit states one."""
    if date is None:
        return describe_date(visit)
    return date.as_stated if visit.year is not None else describe_date(date)


def _date_of(archive: Archive, appearance: Appearance) -> StatedDate:
    outline = archive.briefings[appearance.briefing.briefing]
    if appearance.event is not None:
        for event in outline.events:
            if event.id == appearance.event.id and event.date is not None:
                return event.date
    return outline.dates


def _when(archive: Archive, appearance: Appearance) -> tuple[int, int, int] | None:
    """A key to sort by, from what the dates state only: the year of the event's date,
    else of its visit's (an event within a visit of a stated year), then the month and
    day where given. No year stated: no key, as nothing says when it was."""
    visit = archive.briefings[appearance.briefing.briefing].dates
    date = _date_of(archive, appearance)
    year = date.year or visit.year
    if year is None:
        return None
    day = date.start or visit.start
    return (year, day.month if day else 0, day.day if day else 0)


def _met(ordered: list[Appearance], undated: list[Appearance], theme: bool) -> str:
    """People and organizations are met; a theme comes up."""
    if theme:
        both, first, last, once = (
            "When it first and last came up",
            "First came up",
            "last came up",
            "Came up once",
        )
    else:
        both, first, last, once = "First and last met", "First met", "last met", "Met once"
    visits = list(dict.fromkeys(a.briefing for a in ordered))
    if not visits:
        return ""
    if undated:
        without = len({a.briefing for a in undated})
        verb = "does" if without == 1 else "do"
        return (
            f"{both} cannot be said: {without} of {count(len(visits), 'visit')} "
            f"{verb} not state a year."
        )
    newest, oldest = ordered[0], ordered[-1]
    if len(visits) == 1:
        return f"{once}: {newest.visit_date} ({newest.visit})."
    return (
        f"{first} {oldest.visit_date} ({oldest.visit}); "
        f"{last} {newest.visit_date} ({newest.visit})."
    )


def _add_outcomes(archive: Archive, appearance: Appearance) -> None:
    if appearance.event is None:
        return
    try:
        event = archive.get(appearance.event)
    except BriefingError:
        return  # its file no longer loads: the errors screen says why
    assert isinstance(event, Event)
    appearance.outcomes.extend(outcome.text for outcome in event.outcomes)


def _relations(archive: Archive, group: list[Ref]) -> list[str]:
    found: list[str] = []
    for organization in group:
        for subject, words, target in archive.relations(organization):
            line = f"{archive.label(subject)} {words} {archive.label(target)}"
            if line not in found:
                found.append(line)
    return found
