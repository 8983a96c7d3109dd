"""An outline of a briefing: what the archive indexes of it (its title, dates, places
and lead; the names, titles and organizations of its people; the names of its
organizations and themes; its events' titles, dates and who and what they involve),
without the rest: no quotes, statements or outcomes. It counts the entries a person
has still to review (`review: drafted`), so the visits overview can say which
briefings are drafts without reading them again.

Outlines are what an archive of thousands of briefings keeps of each one, and what
the cache gives back when an unchanged archive is re-opened: reading and validating an
outline costs a fraction of the whole briefing.
"""

from __future__ import annotations

from collections.abc import Iterator

from tui.format.model import Briefing, Id, Model, Review, Sourced, StatedDate, Text


class PersonSketch(Model):
    id: Id
    name: Text
    aliases: tuple[Text, ...] = ()
    original_script: Text | None = None
    title: Text | None = None
    organization: Text | None = None  # the organization's name, not its id


class OrganizationSketch(Model):
    id: Id
    name: Text
    aliases: tuple[Text, ...] = ()
    country: Text | None = None
    # Relations as (the source's words, the related organization's id).
    relations: tuple[tuple[Text, Id], ...] = ()


class ThemeSketch(Model):
    id: Id
    name: Text


class EventSketch(Model):
    id: Id
    title: Text
    aliases: tuple[Text, ...] = ()
    place: Text | None = None
    date: StatedDate | None = None
    counterparts: tuple[Id, ...] = ()
    organizations: tuple[Id, ...] = ()
    themes: tuple[Id, ...] = ()
    inferred: tuple[Text, ...] = ()  # the fields the author inferred


class Outline(Model):
    id: Id
    title: Text
    dates: StatedDate
    places: tuple[Text, ...] = ()
    lead: Text | None = None  # the delegation's lead, by name
    people: tuple[PersonSketch, ...] = ()
    organizations: tuple[OrganizationSketch, ...] = ()
    themes: tuple[ThemeSketch, ...] = ()
    events: tuple[EventSketch, ...] = ()
    # Entries marked `review: drafted`, and those marked at all (drafted or reviewed).
    drafted: int = 0
    marked: int = 0


def sourced_entries(briefing: Briefing) -> Iterator[Sourced]:
    """Every sourced entry of the briefing, walked by name: what
    tui.reading.checks.iter_sourced finds by reflection, at a tenth of the cost (it is
    counted for every briefing loaded; tests/format/test_outline.py holds the two equal)."""
    yield briefing
    delegation = briefing.delegation
    yield delegation
    yield delegation.lead
    yield from delegation.members
    for organization in briefing.organizations:
        yield organization
        yield from organization.relations
    yield from briefing.counterparts
    yield from briefing.themes
    for event in briefing.itinerary:
        yield event
        yield from event.statements
        yield from event.outcomes


def outline_of(briefing: Briefing) -> Outline:
    """The outline of a validated briefing (built without validating it again)."""
    organizations = {organization.id: organization.name for organization in briefing.organizations}
    people = tuple(
        PersonSketch.model_construct(
            id=counterpart.id,
            name=counterpart.name,
            aliases=tuple(counterpart.aliases),
            original_script=counterpart.original_script,
            title=counterpart.title,
            organization=organizations.get(counterpart.organization or ""),
        )
        for counterpart in briefing.counterparts
    )
    reviews = [entry.review for entry in sourced_entries(briefing) if entry.review is not None]
    return Outline.model_construct(
        id=briefing.id,
        title=briefing.title,
        dates=briefing.dates,
        places=tuple(briefing.places),
        lead=briefing.delegation.lead.name,
        people=people,
        organizations=tuple(
            OrganizationSketch.model_construct(
                id=organization.id,
                name=organization.name,
                aliases=tuple(organization.aliases),
                country=organization.country,
                relations=tuple((r.kind, r.target) for r in organization.relations),
            )
            for organization in briefing.organizations
        ),
        themes=tuple(
            ThemeSketch.model_construct(id=theme.id, name=theme.name) for theme in briefing.themes
        ),
        events=tuple(
            EventSketch.model_construct(
                id=event.id,
                title=event.title,
                aliases=tuple(event.aliases),
                place=event.place,
                date=event.date,
                counterparts=tuple(event.counterparts),
                organizations=tuple(event.organizations),
                themes=tuple(event.themes),
                inferred=tuple(event.inferred),
            )
            for event in briefing.itinerary
        ),
        drafted=sum(review is Review.drafted for review in reviews),
        marked=len(reviews),
    )


# An outline as plain tuples, in the order of the archive's entries' fields
# (tui.index.items): what the archive store keeps of each briefing, read back without a
# model per entry. Dates are the StatedDate's JSON: an archive states few distinct dates,
# each validated once however many events state it.
PersonRecord = tuple[str, str, tuple[str, ...], str | None, str | None, str | None]
OrganizationRecord = tuple[str, str, tuple[str, ...], str | None, tuple[tuple[str, str], ...]]
ThemeRecord = tuple[str, str]
EventRecord = tuple[
    str,
    str,
    tuple[str, ...],
    str | None,
    str | None,
    tuple[str, ...],
    tuple[str, ...],
    tuple[str, ...],
    tuple[str, ...],
]
# id, title, dates, places, lead, people, organizations, themes, events, drafted, marked
OutlineRecord = tuple[
    str,
    str,
    str,
    tuple[str, ...],
    str | None,
    tuple[PersonRecord, ...],
    tuple[OrganizationRecord, ...],
    tuple[ThemeRecord, ...],
    tuple[EventRecord, ...],
    int,
    int,
]


def record_of(outline: Outline) -> OutlineRecord:
    """The outline as plain tuples (see OutlineRecord)."""
    return (
        outline.id,
        outline.title,
        outline.dates.model_dump_json(),
        tuple(outline.places),
        outline.lead,
        tuple(
            (p.id, p.name, tuple(p.aliases), p.original_script, p.title, p.organization)
            for p in outline.people
        ),
        tuple(
            (o.id, o.name, tuple(o.aliases), o.country, tuple(o.relations))
            for o in outline.organizations
        ),
        tuple((theme.id, theme.name) for theme in outline.themes),
        tuple(
            (
                e.id,
                e.title,
                tuple(e.aliases),
                e.place,
                e.date.model_dump_json() if e.date is not None else None,
                tuple(e.counterparts),
                tuple(e.organizations),
                tuple(e.themes),
                tuple(e.inferred),
            )
            for e in outline.events
        ),
        outline.drafted,
        outline.marked,
    )
