"""Option lists that no key or click can crash.

Textual 8's OptionList has two faults a user reaches by pressing keys:
- Paging (`_move_page`) looks up the line the highlighted option starts on, in the
  lines the list has laid out. The list lays out nothing while it has no room (a
  terminal a few rows high, the command palette's list before it shows) and lays out
  options added since its last frame only when drawn: the look-up raises KeyError.
- A click names the option that was under the mouse in the last frame drawn
  (`_on_click` reads it from the style); when the options changed since, the index may
  be past the end (IndexError).
Every OptionList of the app is one of these, the command palette's included.
"""

from __future__ import annotations

from textual import events
from textual.command import CommandList
from textual.widgets import OptionList


class GuardedOptionList(OptionList):
    def _can_page(self) -> bool:
        highlighted = self.highlighted
        # _index_to_line lays out what there is room for first.
        return highlighted is None or highlighted in self._index_to_line

    def action_page_up(self) -> None:
        if self._can_page():
            super().action_page_up()

    def action_page_down(self) -> None:
        if self._can_page():
            super().action_page_down()

    async def _on_click(self, event: events.Click) -> None:
        clicked = event.style.meta.get("option")
        if clicked is not None and not 0 <= clicked < self.option_count:
            # Handlers run from the subclass up: OptionList's own is skipped.
            event.prevent_default()


class GuardedCommandList(CommandList, GuardedOptionList):
    """The command palette's list (tui.ui.screens.command_palette). CommandList comes
    first: Textual styles and queries a widget by its first base's names."""


def selected_here(event: OptionList.OptionMessage) -> bool:
    """Whether a selection (or a highlight) is of an option the list still has where it was.

    Both are messages, handled after the keys queued with them: "enter" then "2" in one
    read of the terminal selects a link of a detail that "2" has replaced, and "up"
    then "2" highlights a line of it."""
    options = event.option_list
    index = event.option_index
    return 0 <= index < options.option_count and options.get_option_at_index(index) is event.option
