"""A problem with a file: where it is (file, line, column), what kind it is, and what
it says.

The kind is what code acts on (live reload retries a file refused for taking an id
that has since been freed); the message is for people.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from pathlib import Path


class ProblemKind(Enum):
    PATH = "path"  # what is at the path is no briefing: missing, a pipe, a device, a loop
    YAML = "yaml"  # the YAML itself: syntax, size, encoding, anchors and aliases
    FIELD = "field"  # a field of the format: missing, unknown, of the wrong type
    CHECK = "check"  # ids, references, quotes and `inferred` across the briefing
    SOURCE = "source"  # the source text the briefing cites cannot be read
    ID_TAKEN = "id taken"  # another file holds a briefing with the same id
    STALE = "stale"  # a file reread for an outline no longer holds that briefing
    DRAFTED = "drafted"  # `validate --strict`: an entry drafted and not yet reviewed


@dataclass(frozen=True)
class Problem:
    path: Path
    line: int | None
    column: int | None
    message: str
    kind: ProblemKind
    briefing_id: str | None = None  # the id taken, for ID_TAKEN

    def __str__(self) -> str:
        """`file:line:column: message` on one line, whatever the file's name holds."""
        where = str(self.path)
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return one_line(f"{where}: {self.message}")


class BriefingError(Exception):
    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(str(problem) for problem in problems))
        self.problems = problems


# Control characters and the two Unicode line separators: a file name may hold any of
# them, and one would break the one-problem-a-line format that editors and scripts read.
_BREAKING = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def one_line(text: str) -> str:
    """The text with each control character written as its escape (`\\n`, `\\x1b`)."""
    return _BREAKING.sub(lambda match: match[0].encode("unicode_escape").decode("ascii"), text)
