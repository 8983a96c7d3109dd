"""Checks that need the whole briefing: unique ids, resolvable references, quotes
that really are in the source, and `inferred` entries that name real fields.

Each finding carries the location of the offending value as a path of keys and
indexes, which the loader turns into a line and column of the file.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from difflib import get_close_matches

from pydantic import BaseModel

from tui.format.model import Briefing, Sourced
from tui.reading.quotes import SourceText

Location = tuple[str | int, ...]


@dataclass(frozen=True)
class Finding:
    loc: Location
    message: str
    at_key: bool = False


def check(briefing: Briefing, source: SourceText | None) -> list[Finding]:
    findings = [*_duplicate_ids(briefing), *_dangling_references(briefing)]
    for loc, item in iter_sourced(briefing):
        findings.extend(_unknown_inferred_fields(loc, item))
        # Only whitespace would be "found" anywhere.
        findings.extend(
            Finding((*loc, "quotes", index), "quote is blank")
            for index, quote in enumerate(item.quotes)
            if not quote.strip()
        )
        if source is not None:
            findings.extend(
                Finding((*loc, "quotes", index), "quote not found in the source text")
                for index, quote in enumerate(item.quotes)
                if quote.strip() and not source.contains(quote)
            )
    return findings


def iter_sourced(model: BaseModel, loc: Location = ()) -> Iterator[tuple[Location, Sourced]]:
    """Every sourced entry of the briefing, the briefing itself first."""
    if isinstance(model, Sourced):
        yield loc, model
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            yield from iter_sourced(value, (*loc, name))
        elif isinstance(value, list) and value and isinstance(value[0], BaseModel):
            for index, item in enumerate(value):
                yield from iter_sourced(item, (*loc, name, index))


_COLLECTIONS = ("organizations", "counterparts", "themes", "itinerary")


def _duplicate_ids(briefing: Briefing) -> Iterator[Finding]:
    for collection in _COLLECTIONS:
        first_index: dict[str, int] = {}
        for index, item in enumerate(getattr(briefing, collection)):
            if item.id in first_index:
                yield Finding(
                    (collection, index, "id"),
                    f"duplicate id {item.id!r}: also used by {collection}[{first_index[item.id]}]",
                )
            else:
                first_index[item.id] = index


def _dangling_references(briefing: Briefing) -> Iterator[Finding]:
    organizations = {item.id for item in briefing.organizations}
    counterparts = {item.id for item in briefing.counterparts}
    themes = {item.id for item in briefing.themes}

    def unknown(kind: str, known: set[str], ref: str, loc: Location) -> Iterator[Finding]:
        if ref not in known:
            yield Finding(loc, f"no {kind} has the id {ref!r}{did_you_mean(ref, known)}")

    for index, organization in enumerate(briefing.organizations):
        for r, relation in enumerate(organization.relations):
            at: Location = ("organizations", index, "relations", r, "target")
            yield from unknown("organization", organizations, relation.target, at)
    for index, counterpart in enumerate(briefing.counterparts):
        if counterpart.organization is not None:
            at = ("counterparts", index, "organization")
            yield from unknown("organization", organizations, counterpart.organization, at)
    for index, event in enumerate(briefing.itinerary):
        for field, kind, known in (
            ("counterparts", "counterpart", counterparts),
            ("organizations", "organization", organizations),
            ("themes", "theme", themes),
        ):
            for r, ref in enumerate(getattr(event, field)):
                yield from unknown(kind, known, ref, ("itinerary", index, field, r))


def _unknown_inferred_fields(loc: Location, item: Sourced) -> Iterator[Finding]:
    fields = set(type(item).model_fields) - {"quotes", "inferred"}
    for name in item.inferred:
        if name not in fields:
            yield Finding(
                (*loc, "inferred", name),
                f"'inferred' names {name!r}, which is not a field here{did_you_mean(name, fields)}",
                at_key=True,
            )


def did_you_mean(word: str, candidates: set[str]) -> str:
    close = get_close_matches(word, sorted(candidates), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""
