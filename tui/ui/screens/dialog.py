"""What the app's dialogs share: closing once, and the first focus set at once."""

from __future__ import annotations

from typing import TypeVar

from textual.await_complete import AwaitComplete
from textual.screen import ModalScreen
from textual.widget import Widget

from tui.ui.typeahead import Typeahead

ResultType = TypeVar("ResultType")


class Dialog(Typeahead, ModalScreen[ResultType]):
    _dismissing = False

    def dismiss(self, result: ResultType | None = None) -> AwaitComplete:
        """Close the dialog, once.

        Keys that arrive in one read (Enter Enter) are queued before the first closes
        the dialog: the second selects again, and a second dismiss would pop whatever
        screen is under it, or fail with ScreenStackError when there is none."""
        if self._dismissing or self.app.screen is not self:
            return AwaitComplete.nothing()
        self._dismissing = True
        return super().dismiss(result)

    def focus_first(self, widget: Widget) -> None:
        """Focus now, not after the keys already queued (Widget.focus waits for those):
        keys typed while the dialog opens reach it."""
        self.set_focus(widget)
