"""Checks that need the whole briefing: unique ids, resolvable references (speakers
among them), quotes and dates that really are in the source, days that exist, and
`inferred` entries that name real fields.

Each finding carries the location of the offending value as a path of keys and
indexes, which the loader turns into a line and column of the file.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from difflib import get_close_matches

from pydantic import BaseModel

from tui.format.model import Briefing, MonthDay, Sourced, StatedDate
from tui.reading.quotes import SourceText, closest, fold_whitespace

Location = tuple[str | int, ...]


@dataclass(frozen=True)
class Finding:
    loc: Location
    message: str
    at_key: bool = False


def check(briefing: Briefing, source: SourceText | None) -> list[Finding]:
    findings = [
        *_duplicate_ids(briefing),
        *_dangling_references(briefing),
        *_unknown_speakers(briefing),
        *_bad_dates(briefing, source),
    ]
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
                Finding((*loc, "quotes", index), not_in_source("quote", quote, source))
                for index, quote in enumerate(item.quotes)
                if quote.strip() and not source.contains(quote)
            )
    return findings


def not_in_source(what: str, words: str, source: SourceText) -> str:
    """'quote not found in the source text', with the nearest passage and how the
    words differ from it."""
    message = f"{what} not found in the source text"
    near = closest(source, words)
    if near is None:
        return message
    passage = (
        near.passage if len(near.passage) <= 90 else f"{near.passage[:60]}…{near.passage[-25:]}"
    )
    message += f"; did you mean {passage!r} (source line {near.line})?"
    said = []
    for mine, theirs in near.differences[:3]:
        if mine and theirs:
            said.append(f"{mine!r} where the source has {theirs!r}")
        elif mine:
            said.append(f"{mine!r}, which the source does not have")
        else:
            said.append(f"no {theirs!r}, which the source has")
    more = len(near.differences) - len(said)
    if more > 0:
        said.append(f"{more} more difference{'s' if more > 1 else ''}")
    return f"{message} The {what} has {'; '.join(said)}." if said else message


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


def _unknown_speakers(briefing: Briefing) -> Iterator[Finding]:
    """A speaker is a person of the briefing (the delegation's lead or a member, or a
    counterpart at that event, by name, alias or id) or, for a group the source names
    no one in, words of the statement's own quotes."""
    delegation = briefing.delegation
    ours = {fold_whitespace(person.name) for person in (delegation.lead, *delegation.members)}
    # Two counterparts may share a name (two Mr. Wangs): a speaker of that name is
    # either of them.
    theirs: dict[str, list[str]] = {}
    for counterpart in briefing.counterparts:
        for name in (counterpart.id, counterpart.name, *counterpart.aliases):
            holders = theirs.setdefault(fold_whitespace(name), [])
            if counterpart.id not in holders:
                holders.append(counterpart.id)
    for index, event in enumerate(briefing.itinerary):
        for s, statement in enumerate(event.statements):
            loc = ("itinerary", index, "statements", s, "speaker")
            speaker = fold_whitespace(statement.speaker)
            if speaker in ours:
                continue
            ids = theirs.get(speaker)
            if ids:
                if not any(cid in event.counterparts for cid in ids):
                    yield Finding(
                        loc,
                        f"speaker {speaker!r} is not among this event's counterparts "
                        f"(add {ids[0]!r} to them)",
                    )
                continue
            folded = speaker.casefold()
            if any(folded in fold_whitespace(quote).casefold() for quote in statement.quotes):
                continue
            yield Finding(
                loc,
                f"speaker {speaker!r} is not a person of this briefing (the delegation's "
                "lead or members, or a counterpart), nor words of the statement's quotes"
                f"{did_you_mean(speaker, ours | set(theirs))}",
            )


def _bad_dates(briefing: Briefing, source: SourceText | None) -> Iterator[Finding]:
    dates: list[tuple[Location, StatedDate]] = [(("dates",), briefing.dates)]
    dates += [
        (("itinerary", index, "date"), event.date)
        for index, event in enumerate(briefing.itinerary)
        if event.date is not None
    ]
    for loc, date in dates:
        if source is not None and not source.contains(date.as_stated):
            yield Finding((*loc, "as_stated"), not_in_source("as_stated", date.as_stated, source))
        if date.year is not None and source is not None:
            stated = _years_in(source.text)
            if date.year not in stated:
                others = ", ".join(str(year) for year in sorted(stated))
                rule = f"it states only {others}" if others else "the source states no year"
                yield Finding(
                    (*loc, "year"),
                    f"{date.year} is not in the source text ({rule}); "
                    "a year is given only when the source states it",
                )
        days = [(name, day) for name, day in (("start", date.start), ("end", date.end)) if day]
        real = True
        for name, day in days:
            problem = _no_such_day(day, date.year)
            if problem:
                real = False
                yield Finding((*loc, name, "day"), problem)
        if date.end is not None and date.start is None:
            yield Finding((*loc, "end"), "an end without a start: a single day is 'start'")
        elif (
            real
            and date.start
            and date.end
            and (date.end.month, date.end.day) < (date.start.month, date.start.day)
        ):
            yield Finding(
                (*loc, "end"), f"ends ({_day(date.end)}) before it starts ({_day(date.start)})"
            )


_YEAR = re.compile(r"(?<!\d)[12]\d{3}(?!\d)")


def _years_in(text: str) -> set[int]:
    return {int(year) for year in _YEAR.findall(text)}


def _no_such_day(day: MonthDay, year: int | None) -> str | None:
    # Without a year, a day that exists in some year: 29 February is a leap year's.
    days = calendar.monthrange(year if year is not None else 2000, day.month)[1]
    if day.day <= days:
        return None
    in_year = f" {year}" if year is not None else ""
    return f"{calendar.month_name[day.month]}{in_year} has no day {day.day} (it has {days})"


def _day(day: MonthDay) -> str:
    return f"{day.day} {calendar.month_name[day.month]}"


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
