"""An outline of a briefing: what the archive indexes of it (its title, dates and
places, and the names, titles and organizations of its people), without the rest.

Outlines are what an archive of thousands of briefings keeps of each one, and what
the cache gives back when an unchanged archive is re-opened: reading and validating an
outline costs a fraction of the whole briefing.
"""

from __future__ import annotations

from tui.format.model import Briefing, Id, Model, StatedDate, Text


class PersonSketch(Model):
    id: Id
    name: Text
    aliases: tuple[Text, ...] = ()
    original_script: Text | None = None
    title: Text | None = None
    organization: Text | None = None  # the organization's name, not its id


class Outline(Model):
    id: Id
    title: Text
    dates: StatedDate
    places: tuple[Text, ...] = ()
    people: tuple[PersonSketch, ...] = ()


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
    return Outline.model_construct(
        id=briefing.id,
        title=briefing.title,
        dates=briefing.dates,
        places=tuple(briefing.places),
        people=people,
    )
