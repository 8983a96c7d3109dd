"""What the visits overview says: every loaded briefing as a row, to sort and filter.

Rows come from the archive's outlines only, so the overview of ten thousand visits
needs no briefing read again. Filtering keeps the rows whose text (title, lead, places,
countries, people, organizations and themes, and its state: "draft", "to review",
"reviewed", "stale") holds every word typed, folded the way names are (no case, no
accents).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from tui.index.archive import Archive
from tui.index.names import fold
from tui.index.refs import Ref
from tui.present.describe import describe_date


@dataclass(frozen=True, slots=True)
class VisitRow:
    ref: Ref
    title: str
    lead: str
    places: str
    dates: str  # as stated
    people: int
    events: int
    stale: bool
    drafted: int  # entries left to review
    state: str  # in words: entries left to review, a reviewed draft, stale
    date_key: tuple[int, int, int] | None  # from what the dates state; None: no year
    text: str  # folded, for filtering


def rows_of(archive: Archive, stale: Iterable[str] = ()) -> list[VisitRow]:
    stale = set(stale)
    rows = []
    for outline in archive.briefings.values():
        people = archive.people(outline.id)
        words = [outline.title, outline.lead or "", *outline.places]
        for person in people:
            words += [person.name, *person.aliases, person.organization or ""]
        for organization in outline.organizations:
            words += [organization.name, *organization.aliases, organization.country or ""]
        words += [theme.name for theme in outline.themes]
        state = state_of(outline.drafted, outline.marked, outline.id in stale)
        words += [state, "draft" if outline.marked else ""]
        dates = outline.dates
        day = dates.start
        key = None
        if dates.year is not None:
            key = (dates.year, day.month, day.day) if day else (dates.year, 0, 0)
        rows.append(
            VisitRow(
                outline.ref,
                outline.title,
                outline.lead or "not stated",
                ", ".join(outline.places) or "not stated",
                describe_date(dates),
                len(people),
                len(outline.events),
                outline.id in stale,
                outline.drafted,
                state,
                key,
                fold(" · ".join(words)),
            )
        )
    return rows


def state_of(drafted: int, marked: int, stale: bool) -> str:
    """What the State column says, in few words (the column is narrow): how many
    drafted entries are left to review (the drafter marks every entry it writes), a
    draft all reviewed, and whether the visit is shown from its last good version (its
    file now has problems)."""
    parts = []
    if drafted:
        parts.append(f"{drafted:,} to review")
    elif marked:
        parts.append("reviewed")
    if stale:
        parts.append("stale")
    return ", ".join(parts)


def filtered(rows: list[VisitRow], query: str) -> list[VisitRow]:
    words = fold(query).split()
    return [row for row in rows if all(word in row.text for word in words)]


def sorted_rows(rows: list[VisitRow], column: str, descending: bool = False) -> list[VisitRow]:
    """By a column; dates by what they state, and those without a year always last
    (nothing says when they were)."""
    if column == "dates":
        dated = [row for row in rows if row.date_key is not None]
        dated.sort(key=lambda row: row.date_key or (0, 0, 0), reverse=descending)
        return dated + [row for row in rows if row.date_key is None]
    if column in ("people", "events"):
        return sorted(rows, key=lambda row: getattr(row, column), reverse=descending)
    if column == "state":  # most left to review first, when descending
        return sorted(rows, key=lambda row: (row.drafted, row.stale), reverse=descending)
    return sorted(rows, key=lambda row: fold(getattr(row, column)), reverse=descending)
