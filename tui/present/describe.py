"""How entries read as words, the same in the app, the command line and exports."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the app's first screen imports this module, not pydantic
    from tui.format.model import StatedDate


def describe_date(date: StatedDate | None) -> str:
    """A date as the source states it, saying what it leaves out."""
    if date is None:
        return "day not stated"
    return date.as_stated if date.year is not None else f"{date.as_stated} (year not stated)"


def person_line(name: str, title: str | None, organization: str | None = None) -> str:
    """'Name, Title, Organization' with whatever is known."""
    return ", ".join(part for part in (name, title, organization) if part)


def count(number: int, noun: str) -> str:
    """'1 passage', '3 passages', '2 matches'."""
    plural = noun + ("es" if noun.endswith(("ch", "sh", "s", "x")) else "s")
    return f"{number:,} {noun if number == 1 else plural}"
