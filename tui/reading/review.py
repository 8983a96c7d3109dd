"""Which entries of a briefing are drafted and still wait for a person's review.

`briefings draft` marks every entry it writes `review: drafted`; a reviewer turns
each into `review: reviewed` (in the app, or by hand). Entries written by hand carry no
`review` and count as reviewed.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.format.model import Briefing, Review
from tui.reading.checks import Location, iter_sourced
from tui.reading.loader import LoadedBriefing
from tui.reading.problems import Problem, ProblemKind
from tui.reading.safe_yaml import YamlProblem, locate, parse, read_text


@dataclass(frozen=True)
class ReviewCount:
    drafted: int
    marked: int  # entries that carry `review` at all, drafted or reviewed

    @property
    def done(self) -> bool:
        return self.drafted == 0


def drafted_locations(briefing: Briefing) -> list[Location]:
    """Where the drafted, unreviewed entries are, as paths of keys and indexes."""
    return [loc for loc, item in iter_sourced(briefing) if item.review is Review.drafted]


def review_count(briefing: Briefing) -> ReviewCount:
    reviews = [item.review for _, item in iter_sourced(briefing) if item.review is not None]
    return ReviewCount(sum(review is Review.drafted for review in reviews), len(reviews))


def unreviewed_problems(loaded: LoadedBriefing) -> list[Problem]:
    """One problem per drafted entry, at the line of its `review` key."""
    locations = drafted_locations(loaded.briefing)
    if not locations:
        return []
    try:
        root = parse(read_text(loaded.path)).root
    except (OSError, YamlProblem):
        root = None
    problems = []
    for loc in locations:
        where = _dotted(loc) or "the briefing"
        line = column = None
        if root is not None:
            mark = locate(root, (*loc, "review")).start_mark
            line, column = mark.line + 1, mark.column + 1
        message = f"{where}: drafted, not yet reviewed"
        problems.append(Problem(loaded.path, line, column, message, ProblemKind.DRAFTED))
    return problems


def _dotted(loc: Location) -> str:
    text = ""
    for step in loc:
        text += f"[{step}]" if isinstance(step, int) else ("." if text else "") + step
    return text
