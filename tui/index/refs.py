"""References to entries of briefings: light enough for the first screen to import."""

from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    briefing = "briefing"
    event = "event"
    counterpart = "counterpart"
    organization = "organization"
    theme = "theme"


@dataclass(frozen=True, order=True)
class Ref:
    """One entry of one briefing. A briefing's own ref has `id == briefing`."""

    kind: Kind
    briefing: str
    id: str
