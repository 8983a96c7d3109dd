"""The same person, organization or theme in other briefings, and why we think so.

Briefings never share ids, so an entry of one is linked to an entry of another by name:
folded names and aliases (tui.index.names.fold), and for people their organization too.
A link always says what it rests on ("same name, same organization"), so that a user
can judge it. Two people who only share a name are not linked: they come back as
namesakes, for the user to see and decide.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from tui.index.items import (
    KIND_CODES,
    OrganizationOutline,
    PersonOutline,
    ThemeOutline,
    Variant,
    item_names,
)
from tui.index.names import fold
from tui.index.refs import Kind, Ref

if TYPE_CHECKING:
    from tui.index.archive import Archive


@dataclass(frozen=True, slots=True)
class Link:
    ref: Ref  # the entry of another briefing
    reason: str  # what the link rests on, e.g. "same name, same organization"
    linked: bool  # False: a namesake only, not taken to be the same


def links(archive: Archive, ref: Ref) -> list[Link]:
    """Entries of other briefings with one of this entry's names: those taken to be the
    same first (in the order their briefings were added), then namesakes."""
    if ref.kind is Kind.counterpart:
        person = archive.person(ref)
        return [] if person is None else _people(archive, person)
    if ref.kind in (Kind.organization, Kind.theme):
        item = archive.named(ref)
        return [] if item is None else _by_name(archive, item)
    return []


def linked(archive: Archive, ref: Ref) -> list[Ref]:
    """This entry and those of other briefings taken to be the same."""
    return [ref, *(link.ref for link in links(archive, ref) if link.linked)]


def _holders(
    archive: Archive, variant: Variant, kind: Kind, here: str
) -> list[tuple[int, Variant]]:
    """(number, their name that folds alike) of entries of this kind, in other
    briefings, that go by the variant's name."""
    code, folded = KIND_CODES[kind], fold(variant.text)
    found = []
    for number in archive.names.holders(variant.text):
        item = archive.item(number)
        if item is None or archive.kind_codes[number] != code or item.ref.briefing == here:
            continue
        theirs = next(v for v in item_names(item) if fold(v.text) == folded)
        found.append((number, theirs))
    return found


def _name_reason(ours: Variant, theirs: Variant) -> str:
    if ours.kind == theirs.kind == "name":
        return "same name"
    return f"same name as an alias: “{ours.text if ours.kind != 'name' else theirs.text}”"


def _by_name(archive: Archive, item: OrganizationOutline | ThemeOutline) -> list[Link]:
    kind = Kind.organization if isinstance(item, OrganizationOutline) else Kind.theme
    found: dict[Ref, Link] = {}
    for variant in item_names(item):
        for number, theirs in _holders(archive, variant, kind, item.briefing):
            other = archive.item(number)
            assert other is not None
            if other.ref not in found:
                found[other.ref] = Link(other.ref, _name_reason(variant, theirs), True)
    return list(found.values())


def organization_names(archive: Archive, person: PersonOutline) -> set[str]:
    """The folded names and aliases of a person's organization (none when not stated)."""
    if person.organization is None:
        return set()
    names = {fold(person.organization)}
    for organization in archive.briefings[person.briefing].organizations:
        if organization.name == person.organization:
            names.update(fold(alias) for alias in organization.aliases)
    names.discard("")
    return names


def _people(archive: Archive, person: PersonOutline) -> list[Link]:
    ours = organization_names(archive, person)
    same: dict[Ref, Link] = {}
    namesakes: dict[Ref, Link] = {}
    for variant in person.variants:
        for number, theirs in _holders(archive, variant, Kind.counterpart, person.briefing):
            other = archive.item(number)
            assert isinstance(other, PersonOutline)
            if other.ref in same or other.ref in namesakes:
                continue
            name = _name_reason(variant, theirs)
            theirs_org = organization_names(archive, other)
            if ours & theirs_org:
                same[other.ref] = Link(other.ref, f"{name}, same organization", True)
            elif not ours or not theirs_org:
                reason = f"{name}, organization not stated"
                namesakes[other.ref] = Link(other.ref, reason, False)
            else:
                reason = f"{name}, another organization ({other.organization})"
                namesakes[other.ref] = Link(other.ref, reason, False)
    return [*same.values(), *namesakes.values()]
