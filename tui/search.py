"""Finding a person the way one types a half-remembered name.

Names and aliases are folded once, when the index is built; a query is folded the same
way and scored against every distinct folded name by rapidfuzz in one batch call.
WRatio copes with typos (`obreg`), partial names (`yumin`), word order
(`mingham le`) and spacing (`le mingham`) in one measure.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from rapidfuzz import fuzz, process

from tui.names import fold

Key = TypeVar("Key", bound=Hashable)

# Below this a match is more noise than help (a 5-letter name with two letters
# swapped scores 80).
SCORE_CUTOFF = 70.0


@dataclass(frozen=True)
class Variant:
    text: str
    kind: str  # "name", "alias" or "original script"


@dataclass(frozen=True)
class NameMatch(Generic[Key]):
    key: Key
    score: float
    matched: Variant


class NameSearch(Generic[Key]):
    """An index of people by every name they go by."""

    def __init__(self, people: Iterable[tuple[Key, Sequence[Variant]]] = ()) -> None:
        # One entry per distinct folded name; many people may share it.
        self._folded: list[str] = []
        self._holders: list[list[tuple[Key, Variant]]] = []
        self._position: dict[str, int] = {}
        self.add(people)

    def add(self, people: Iterable[tuple[Key, Sequence[Variant]]]) -> None:
        for key, variants in people:
            for variant in variants:
                folded = fold(variant.text)
                if not folded:
                    continue
                index = self._position.get(folded)
                if index is None:
                    index = self._position[folded] = len(self._folded)
                    self._folded.append(folded)
                    self._holders.append([])
                self._holders[index].append((key, variant))

    def __len__(self) -> int:
        return len(self._folded)

    def search(self, query: str, limit: int = 20) -> list[NameMatch[Key]]:
        """The best matches first, at most one per person."""
        folded = fold(query)
        if not folded or limit <= 0:
            return []
        scored = process.extract(
            folded,
            self._folded,
            scorer=fuzz.WRatio,
            processor=None,
            score_cutoff=SCORE_CUTOFF,
            limit=None,
        )
        matches: list[NameMatch[Key]] = []
        seen: set[Key] = set()
        # Equal scores: a name with a word that starts as typed first ("le" finds Le
        # Mingham before Diplé), then the closer plain ratio, then alphabetical, so the
        # order is stable from one keystroke to the next.
        word_start = " " + folded
        scored.sort(
            key=lambda hit: (
                -hit[1],
                word_start not in " " + hit[0],
                -fuzz.ratio(folded, hit[0]),
                hit[0],
            )
        )
        for _, score, index in scored:
            for key, variant in self._holders[index]:
                if key not in seen:
                    seen.add(key)
                    matches.append(NameMatch(key, score, variant))
                    if len(matches) == limit:
                        return matches
        return matches
