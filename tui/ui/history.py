"""Back-navigation through what the user opened, like a browser's back button."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

Item = TypeVar("Item")


class History(Generic[Item]):
    def __init__(self) -> None:
        self._opened: list[Item] = []

    @property
    def current(self) -> Item | None:
        return self._opened[-1] if self._opened else None

    def open(self, item: Item) -> None:
        if item != self.current:
            self._opened.append(item)

    def back(self) -> Item | None:
        """Forget the current item and return the one before it, if any."""
        if len(self._opened) < 2:
            return None
        self._opened.pop()
        return self._opened[-1]

    def keep_only(self, keep: Callable[[Item], bool]) -> None:
        """Drop items that no longer exist (after a reload)."""
        self._opened = [item for item in self._opened if keep(item)]

    def __len__(self) -> int:
        return len(self._opened)
