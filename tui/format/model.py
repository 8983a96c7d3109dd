"""The briefing format, version 1.

A briefing is derived from one source text. Every entity carries `quotes`: verbatim
passages of that source which support it. A field the source does not state outright
but which the author derived from it is listed in `inferred`, with the reason.

The models only describe shapes. Checks that need the whole briefing (ids resolve,
ids are unique, quotes are really in the source) live in `tui.reading.checks`, so that each
problem can be reported at the exact place in the file.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

FORMAT_VERSION = 1

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80),
    Field(description="A short identifier: lower-case letters, digits and hyphens."),
]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Quote = Annotated[
    str,
    StringConstraints(min_length=1),
    Field(description="A verbatim passage of the source text (whitespace may differ)."),
]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Review(StrEnum):
    """Where a drafted entry stands; hand-written entries carry no `review` at all."""

    drafted = "drafted"
    reviewed = "reviewed"


class Sourced(Model):
    """Something stated by the source, with the passages that say it."""

    quotes: list[Quote] = Field(
        min_length=1,
        description="Verbatim passages of the source that support this entry.",
    )
    inferred: dict[str, Text] = Field(
        default_factory=dict,
        description=(
            "Fields whose value the author derived rather than read in the source, "
            "mapped to the reason. Shown as inferred in the app."
        ),
    )
    review: Review | None = Field(
        default=None,
        description=(
            "'drafted' when `briefings draft` wrote this entry and no person has checked it "
            "yet; 'reviewed' once someone has. Absent on entries written by hand."
        ),
    )


class MonthDay(Model):
    month: int = Field(ge=1, le=12)
    day: int = Field(ge=1, le=31)


class StatedDate(Model):
    """A date exactly as precise as the source makes it."""

    as_stated: Text = Field(description='The words of the source, e.g. "November 16 to 18".')
    year: int | None = Field(
        default=None, ge=1000, le=9999, description="Absent when the source gives no year."
    )
    start: MonthDay | None = Field(default=None, description="First day, when stated.")
    end: MonthDay | None = Field(
        default=None, description="Last day of a range; absent for a single day."
    )


class Source(Model):
    title: Text
    path: Text = Field(description="The source text, relative to the briefing file.")
    language: str | None = Field(default=None, description="Language of the source text.")


class Person(Sourced):
    name: Text
    title: Text | None = None


class Delegation(Sourced):
    name: Text = Field(description='As the source names it, e.g. "Nanjing delegation".')
    lead: Person
    members: list[Person] = Field(
        default_factory=list, description="Members the source names; often none."
    )


class Relation(Sourced):
    kind: Text = Field(description='As the source words it, e.g. "strategic partner of".')
    target: Id = Field(description="The id of the related organization.")


class OrganizationKind(StrEnum):
    company = "company"
    bank = "bank"
    insurer = "insurer"
    government = "government"
    diplomatic_mission = "diplomatic-mission"
    association = "association"
    university = "university"
    research = "research"
    other = "other"


class Organization(Sourced):
    id: Id
    name: Text
    aliases: list[Text] = Field(default_factory=list, description="Other spellings in the source.")
    kind: OrganizationKind = OrganizationKind.other
    sector: Text | None = None
    country: Text | None = Field(default=None, description="Only when the source says it.")
    relations: list[Relation] = Field(default_factory=list)


class Counterpart(Sourced):
    """A person the delegation met."""

    id: Id
    name: Text = Field(description="The name as the source gives it.")
    aliases: list[Text] = Field(default_factory=list, description="Other spellings in the source.")
    title: Text | None = None
    organization: Id | None = Field(default=None, description="The id of their organization.")
    original_script: Text | None = Field(
        default=None, description="The name in its original script, when the source gives it."
    )


class Theme(Sourced):
    """A field of cooperation that came up during the visit."""

    id: Id
    name: Text
    description: Text | None = None


class EventKind(StrEnum):
    conference = "conference"
    symposium = "symposium"
    meeting = "meeting"
    visit = "visit"
    signing = "signing"
    other = "other"


class Statement(Sourced):
    """Something said during an event, in the author's summary."""

    speaker: Text = Field(description="Who said it, as the source names them.")
    text: Text


class Outcome(Sourced):
    text: Text


class Event(Sourced):
    id: Id
    title: Text
    aliases: list[Text] = Field(default_factory=list, description="Other names in the source.")
    kind: EventKind
    place: Text | None = Field(default=None, description="As stated; absent when not stated.")
    date: StatedDate | None = Field(
        default=None, description="Absent when the source does not say which day."
    )
    counterparts: list[Id] = Field(default_factory=list)
    organizations: list[Id] = Field(default_factory=list)
    themes: list[Id] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list)
    outcomes: list[Outcome] = Field(default_factory=list)


class Direction(StrEnum):
    outgoing = "outgoing"
    incoming = "incoming"


class Briefing(Sourced):
    format: Literal[1] = Field(description="The version of this format.")
    id: Id
    title: Text
    summary: Text
    source: Source
    direction: Direction | None = Field(
        default=None,
        description=(
            "'outgoing' when the city's delegation travels abroad, 'incoming' when the "
            "city hosts a visiting delegation (then `delegation` is the city's hosts)."
        ),
    )
    dates: StatedDate
    reported: StatedDate | None = Field(
        default=None, description="The article's own date, from its dateline, when it has one."
    )
    places: list[Text] = Field(default_factory=list, description="Places named by the source.")
    delegation: Delegation
    organizations: list[Organization] = Field(default_factory=list)
    counterparts: list[Counterpart] = Field(default_factory=list)
    themes: list[Theme] = Field(default_factory=list)
    itinerary: list[Event] = Field(default_factory=list, description="Events in source order.")
