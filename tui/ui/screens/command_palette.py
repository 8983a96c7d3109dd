"""Textual's command palette, safe against keys that arrive together.

Keys a terminal delivers in one read are queued before the palette handles the first,
and Textual's palette (8.2) fails on three such sequences:
- Enter Enter: both select; the second dismiss pops a screen that is not the palette
  (ScreenStackError when only the main screen is left), and runs the command twice.
- A key typed with the Enter that closes it: the search it starts runs in a worker
  after the palette's widgets are gone (NoMatches for CommandList, which ends the app).
- PageUp/PageDown and clicks: its list is an OptionList, with the faults
  tui.ui.widgets.option_lists works around.
So this palette closes once, stops its searches when it closes, ignores what reaches it
after that (posted later, or queued before and handled after: a search started then
fails when its widgets go), uses a guarded list, and takes the focus at once (keys
typed right after ctrl+p reach its input).
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.await_complete import AwaitComplete
from textual.command import CommandInput, CommandList, CommandPalette
from textual.message import Message
from textual.widgets import Button, Input, OptionList

from tui.ui.resizes import DropsStaleResizes
from tui.ui.typeahead import Typeahead
from tui.ui.widgets.option_lists import GuardedCommandList

# What the palette acts on: once it is closing, these were meant for it as it was.
_QUEUED_FOR_THE_OPEN_PALETTE = (
    Input.Changed,
    Input.Submitted,
    OptionList.OptionSelected,
    Button.Pressed,
)


class Palette(DropsStaleResizes, Typeahead, CommandPalette):
    _dismissing = False

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            yield GuardedCommandList() if type(widget) is CommandList else widget

    def on_mount(self) -> None:
        self.set_focus(self.query_one(CommandInput))

    def dismiss(self, result: None = None) -> AwaitComplete:
        if self._dismissing or self.app.screen is not self:
            return AwaitComplete.nothing()
        self._dismissing = True
        self.workers.cancel_node(self)
        return super().dismiss(result)

    @on(Input.Changed)
    @on(Input.Submitted)
    @on(OptionList.OptionSelected)
    @on(Button.Pressed)
    def _ignore_once_closing(self, message: Message) -> None:
        """Messages queued before the palette closed and handled after: Textual's own
        handlers (of the base class, run after this one) are skipped."""
        if self._dismissing:
            message.prevent_default()
            message.stop()

    def check_message_enabled(self, message: Message) -> bool:
        if self._dismissing and isinstance(message, _QUEUED_FOR_THE_OPEN_PALETTE):
            return False
        return super().check_message_enabled(message)
