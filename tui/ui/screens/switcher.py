"""The briefing switcher: pick one of the loaded briefings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.present.describe import count, describe_date
from tui.present.printable import one_line
from tui.ui.screens.dialog import Dialog
from tui.ui.widgets.footer import KeysFooter
from tui.ui.widgets.option_lists import GuardedOptionList, selected_here

if TYPE_CHECKING:
    from tui.index.archive import Archive


class BriefingSwitcher(Dialog[str | None]):
    """Pick one of the loaded briefings."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Close")]

    def __init__(self, archive: Archive, current: str | None) -> None:
        super().__init__()
        self.archive = archive
        self.current = current

    def compose(self) -> ComposeResult:
        options = []
        for bid, briefing in self.archive.briefings.items():
            prompt = Content.assemble(
                (one_line(briefing.title), "bold"),
                "\n",
                (one_line(f"  {describe_date(briefing.dates)} · {briefing.path}"), "$text-muted"),
            )
            options.append(Option(prompt, id=bid))
        with Vertical(id="switcher-dialog"):
            yield Static(f"{count(len(options), 'briefing')} loaded", id="switcher-title")
            yield GuardedOptionList(*options, id="switcher-list")
        yield KeysFooter()

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        if self.current is not None:
            options.highlighted = options.get_option_index(self.current)
        self.focus_first(options)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if selected_here(event):
            self.dismiss(event.option.id)
