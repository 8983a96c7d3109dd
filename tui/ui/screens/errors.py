"""The files that failed to load, and why."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from tui.present.describe import count
from tui.present.printable import printable
from tui.ui.screens.dialog import Dialog
from tui.ui.widgets.footer import KeysFooter

if TYPE_CHECKING:
    from tui.reading.loader import Problem


class ErrorsScreen(Dialog[None]):
    """Files that failed to load, and why, as file:line:column: message."""

    BINDINGS = [Binding("escape,q", "dismiss", "Close")]

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__()
        self.problems = problems

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="errors-dialog"):
            yield Static(
                f"{count(len(self.problems), 'problem')} in "
                f"{count(len({p.path for p in self.problems}), 'file')}; the other files loaded.",
                id="errors-title",
            )
            text = "\n".join(printable(str(problem)) for problem in self.problems)
            yield Static(Content(text or "No problems."), id="errors-text")
        yield KeysFooter()
