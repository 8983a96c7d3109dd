"""What the app's screens over the browsing screen share: closing once, and the first
focus set at once. Dialogs (modal, drawn over the screen below) and the full screens
of the archive (the visits overview, the pages across visits) alike."""

from __future__ import annotations

from typing import TypeVar

from textual.await_complete import AwaitComplete
from textual.screen import ModalScreen, Screen
from textual.widget import Widget

from tui.ui.resizes import DropsStaleResizes
from tui.ui.typeahead import Typeahead

ResultType = TypeVar("ResultType")


class ClosingOnce(DropsStaleResizes, Typeahead, Screen[ResultType]):
    _dismissing = False

    def dismiss(self, result: ResultType | None = None) -> AwaitComplete:
        """Close the screen, once, and only while it is the one shown.

        Keys that arrive in one read (Enter Enter) are queued before the first closes
        the screen: the second selects again, and a second dismiss would pop whatever
        screen is under it, or fail with ScreenStackError when there is none. A
        selection handled after another key opened a screen on top (Enter ?) would pop
        that one instead."""
        if self._dismissing or self.app.screen is not self:
            return AwaitComplete.nothing()
        self._dismissing = True
        return super().dismiss(result)

    def focus_first(self, widget: Widget) -> None:
        """Focus now, not after the keys already queued (Widget.focus waits for those):
        keys typed while the screen opens reach it."""
        self.set_focus(widget)


class Dialog(ModalScreen[ResultType], ClosingOnce[ResultType]):
    """ModalScreen first: Textual styles a screen by its first base's names (Typeahead,
    no widget, comes before Screen all the same: see tui.ui.typeahead)."""
