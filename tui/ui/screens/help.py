"""Help: every key, read from the bindings themselves."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.dom import DOMNode
from textual.widgets import Static

from tui.ui.screens.dialog import Dialog
from tui.ui.widgets.footer import KeysFooter


class HelpScreen(Dialog[None]):
    """Every key, read from the bindings themselves, grouped where they apply."""

    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close help")]

    def __init__(self, groups: list[tuple[str, list[BindingType]]]) -> None:
        super().__init__()
        self.groups = groups

    def compose(self) -> ComposeResult:
        parts: list[Content | str | tuple[str, str]] = []
        for title, bindings in self.groups:
            parts += [(title, "bold underline"), "\n"]
            for binding in bindings:
                assert isinstance(binding, Binding)
                keys = ", ".join(
                    self.app.get_key_display(key) for key in Binding.make_bindings([binding])
                )
                parts += [(f"  {keys:<20}", "bold $accent"), (binding.description, "bold")]
                if binding.tooltip:
                    parts.append(f" — {binding.tooltip}")
                parts.append("\n")
            parts.append("\n")
        with VerticalScroll(id="help-dialog"):
            yield Static(Content.assemble(*parts), id="help-text")
        yield KeysFooter()


def help_groups(*owners: tuple[str, type[DOMNode]]) -> list[tuple[str, list[BindingType]]]:
    """The BINDINGS of each class, titled: the help screen is built from these."""
    return [
        (title, [b for b in owner.BINDINGS if isinstance(b, Binding)]) for title, owner in owners
    ]
