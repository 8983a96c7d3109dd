"""What the detail view says about an entry, worked out without any terminal.

The app's detail pane only lays this out; the command line and tests can use it too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tui.format.model import (
    Briefing,
    Counterpart,
    Event,
    Organization,
    Review,
    Sourced,
    Theme,
)
from tui.index.archive import Archive, Kind, Ref
from tui.index.identity import links as links_of
from tui.present.describe import describe_date, person_line
from tui.reading.checks import Location, iter_sourced
from tui.reading.quotes import fold_whitespace

REVIEW_WORDS = {
    Review.drafted: "drafted by `briefings draft`, not yet reviewed",
    Review.reviewed: "drafted, then reviewed",
}


@dataclass(frozen=True)
class Fact:
    label: str
    value: str
    field: str | None = None  # the model field it shows, so inferred ones can be marked
    inferred: bool = False
    # The passages of the source that this fact rests on (some of the Detail's quotes).
    quotes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Said:
    """A line of a section (a statement, an outcome, a relation) and its own passages."""

    text: str
    quotes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Link:
    group: str
    ref: Ref
    label: str


@dataclass(frozen=True)
class Detail:
    ref: Ref
    title: str
    facts: list[Fact] = field(default_factory=list)
    # Headed lists of sentences: what was said, outcomes, relations.
    sections: list[tuple[str, list[Said]]] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    quotes: list[str] = field(default_factory=list)


def detail_of(archive: Archive, ref: Ref) -> Detail:
    entry = archive.get(ref)
    builders: dict[Kind, Callable[[Archive, Ref, Any], Detail]] = {
        Kind.briefing: _briefing,
        Kind.event: _event,
        Kind.counterpart: _counterpart,
        Kind.organization: _organization,
        Kind.theme: _theme,
    }
    detail = builders[ref.kind](archive, ref, entry)
    quotes = [quote for _, item in _own_sourced(entry) for quote in item.quotes]
    facts = [
        Fact(
            fact.label,
            fact.value,
            fact.field,
            fact.field in entry.inferred,
            fact.quotes or _stating(fact.value, quotes, entry.quotes),
        )
        for fact in detail.facts
    ]
    if entry.review is not None:
        facts.insert(0, Fact("Review", REVIEW_WORDS[entry.review], "review"))
    sections = detail.sections
    if entry.inferred:
        by_field = {fact.field: fact.quotes for fact in facts if fact.field}
        reasons = [
            Said(f"{name}: {reason}", by_field.get(name) or tuple(entry.quotes))
            for name, reason in entry.inferred.items()
        ]
        sections = [*sections, ("Inferred, not stated by the source", reasons)]
    return Detail(ref, detail.title, facts, sections, detail.links, list(dict.fromkeys(quotes)))


def _stating(value: str, quotes: list[str], fallback: list[str]) -> tuple[str, ...]:
    """The passages that state a fact's value (any of its parts, "A; B" or "A, B"), or
    when none does word for word, the entry's own."""
    parts = [part for chunk in value.split("; ") for part in chunk.split(", ")]
    wanted = [fold_whitespace(part).casefold() for part in parts if len(part) > 2]
    found = [
        quote
        for quote in dict.fromkeys(quotes)
        if any(part in fold_whitespace(quote).casefold() for part in wanted)
    ]
    return tuple(found or dict.fromkeys(fallback))


def _own_sourced(entry: Sourced) -> list[tuple[Location, Sourced]]:
    """The entry and its nested statements, outcomes and relations, not a briefing's
    whole contents."""
    if isinstance(entry, Briefing):
        return [((), entry), (("delegation",), entry.delegation)]
    return list(iter_sourced(entry))


def _links(archive: Archive, group: str, refs: list[Ref], here: str) -> list[Link]:
    links = []
    for ref in refs:
        if ref not in archive:
            continue
        label = archive.label(ref)
        if ref.briefing != here:
            label += f" (in {archive.briefings[ref.briefing].title})"
        links.append(Link(group, ref, label))
    return links


def _organization_name(archive: Archive, briefing: str, organization: str | None) -> str | None:
    if organization is None:
        return None
    return archive.label(Ref(Kind.organization, briefing, organization))


def _briefing(archive: Archive, ref: Ref, briefing: Briefing) -> Detail:
    delegation = briefing.delegation
    lead = delegation.lead
    dates = _stating(briefing.dates.as_stated, briefing.quotes, briefing.quotes)
    members = tuple(quote for member in delegation.members for quote in member.quotes)
    facts = [
        Fact("Dates", describe_date(briefing.dates), "dates", quotes=dates),
        Fact("Places", ", ".join(briefing.places) or "not stated", "places"),
        Fact("Delegation", delegation.name, quotes=tuple(delegation.quotes)),
        Fact("Led by", person_line(lead.name, lead.title), quotes=tuple(lead.quotes)),
        Fact(
            "Members",
            ", ".join(m.name for m in delegation.members) or "none named",
            quotes=members or tuple(delegation.quotes),
        ),
        Fact("Source", briefing.source.title),
    ]
    events = archive.refs(Kind.event, ref.briefing)
    return Detail(
        ref,
        briefing.title,
        facts,
        sections=[("Summary", [Said(briefing.summary, tuple(briefing.quotes))])],
        links=_links(archive, "Itinerary", events, ref.briefing),
    )


def _event(archive: Archive, ref: Ref, event: Event) -> Detail:
    bid = ref.briefing
    facts = [
        Fact("Kind", event.kind.value, "kind"),
        Fact("Place", event.place or "not stated", "place"),
        Fact(
            "Date",
            describe_date(event.date),
            "date",
            quotes=_stating(event.date.as_stated, event.quotes, event.quotes) if event.date else (),
        ),
    ]
    if event.aliases:
        facts.append(Fact("Also called", "; ".join(event.aliases), "aliases"))
    sections = []
    if event.statements:
        said = [Said(f"{s.speaker}: {s.text}", tuple(s.quotes)) for s in event.statements]
        sections.append(("What was said", said))
    if event.outcomes:
        outcomes = [Said(outcome.text, tuple(outcome.quotes)) for outcome in event.outcomes]
        sections.append(("Outcomes", outcomes))
    links = [
        *_links(archive, "Met", [Ref(Kind.counterpart, bid, c) for c in event.counterparts], bid),
        *_links(
            archive,
            "Organizations",
            [Ref(Kind.organization, bid, o) for o in event.organizations],
            bid,
        ),
        *_links(archive, "Themes", [Ref(Kind.theme, bid, t) for t in event.themes], bid),
    ]
    return Detail(ref, event.title, facts, sections, links)


def _counterpart(archive: Archive, ref: Ref, counterpart: Counterpart) -> Detail:
    organization = _organization_name(archive, ref.briefing, counterpart.organization)
    facts = [
        Fact("Title", counterpart.title or "not stated", "title"),
        Fact("Organization", organization or "not stated", "organization"),
    ]
    if counterpart.aliases:
        facts.append(Fact("Aliases", "; ".join(counterpart.aliases), "aliases"))
    if counterpart.original_script:
        facts.append(Fact("Original script", counterpart.original_script, "original_script"))
    links = []
    if counterpart.organization:
        org_ref = Ref(Kind.organization, ref.briefing, counterpart.organization)
        links += _links(archive, "Organization", [org_ref], ref.briefing)
    links += _links(archive, "Took part in", archive.events_with(ref), ref.briefing)
    # Linked by name and organization; namesakes are listed apart, not merged.
    found = links_of(archive, ref)
    for group, linked in (("Same person in other briefings", True), ("Same name only", False)):
        for link in (link for link in found if link.linked is linked):
            if link.ref in archive:
                where = archive.briefings[link.ref.briefing].title
                label = f"{archive.label(link.ref)} (in {where}; {link.reason})"
                links.append(Link(group, link.ref, label))
    return Detail(ref, counterpart.name, facts, links=links)


def _organization(archive: Archive, ref: Ref, organization: Organization) -> Detail:
    bid = ref.briefing
    facts = [Fact("Kind", organization.kind.value, "kind")]
    if organization.sector:
        facts.append(Fact("Sector", organization.sector, "sector"))
    if organization.country:
        facts.append(Fact("Country", organization.country, "country"))
    if organization.aliases:
        facts.append(Fact("Aliases", "; ".join(organization.aliases), "aliases"))
    relations = [
        Said(
            f"{relation.kind} {archive.label(Ref(Kind.organization, bid, relation.target))}",
            tuple(relation.quotes),
        )
        for relation in organization.relations
    ]
    related = [Ref(Kind.organization, bid, relation.target) for relation in organization.relations]
    links = [
        *_links(archive, "People", archive.members(ref), bid),
        *_links(archive, "Events", archive.events_with(ref), bid),
        *_links(archive, "Related", related, bid),
    ]
    sections = [("Relations", relations)] if relations else []
    return Detail(ref, organization.name, facts, sections, links)


def _theme(archive: Archive, ref: Ref, theme: Theme) -> Detail:
    facts = [Fact("About", theme.description, "description")] if theme.description else []
    links = [
        *_links(archive, "Came up at", archive.events_with(ref), ref.briefing),
        *_links(archive, "With", archive.organizations_with_theme(ref), ref.briefing),
    ]
    return Detail(ref, theme.name, facts, links=links)
