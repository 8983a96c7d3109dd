"""The detail of the open entry: its facts, what was said, and links to open."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.index.refs import Ref
from tui.present.describe import count
from tui.present.printable import one_line
from tui.ui.bindings import list_moves
from tui.ui.widgets.option_lists import GuardedOptionList, selected_here
from tui.ui.widgets.plain import plain, plain_line

if TYPE_CHECKING:
    from tui.present.detail import Detail


class LinkList(GuardedOptionList):
    BINDINGS = [
        Binding("enter", "select", "Open link", tooltip="Open the highlighted link"),
        *list_moves("first", "last"),
    ]


class DetailPane(Vertical):
    """The entry's words scroll on their own; the links stay below them, so moving
    through the links never scrolls the entry's name out of view."""

    class LinkOpened(Message):
        def __init__(self, ref: Ref) -> None:
            super().__init__()
            self.ref = ref

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id)
        self._links: list[Ref] = []
        self.detail: Detail | None = None

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="detail-text"):
            yield Static(id="detail-title")
            yield Static(id="detail-body")
        yield LinkList(id="detail-links")

    def show(self, detail: Detail) -> None:
        self.detail = detail
        kind = detail.ref.kind.value.capitalize()
        self.border_title = kind
        self.query_one("#detail-title", Static).update(plain_line(detail.title))
        self.query_one("#detail-body", Static).update(_body(detail))
        links = self.query_one(LinkList)
        links.clear_options()
        self._links = [link.ref for link in detail.links]
        links.add_options(
            Option(
                Content.assemble(
                    (f"{one_line(link.group)}: ", "$text-muted"),
                    (one_line(link.label), "underline"),
                ),
                id=str(index),
            )
            for index, link in enumerate(detail.links)
        )
        links.display = bool(detail.links)
        self.query_one("#detail-text", VerticalScroll).scroll_home(animate=False)

    def focus_links(self) -> bool:
        links = self.query_one(LinkList)
        if not self._links:
            return False
        links.focus()
        if links.highlighted is None:
            links.highlighted = 0
        return True

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None and selected_here(event):
            self.post_message(self.LinkOpened(self._links[int(event.option.id)]))


def _body(detail: Detail) -> Content:
    parts: list[Content | str | tuple[str, str]] = []
    for fact in detail.facts:
        parts += [(f"{fact.label}: ", "bold"), plain_line(fact.value)]
        if fact.inferred:
            parts.append((" (inferred)", "italic $warning"))
        parts.append("\n")
    for heading, lines in detail.sections:
        parts += ["\n", (heading, "bold underline"), "\n"]
        for line in lines:
            parts += ["• ", plain(line), "\n"]
    if detail.quotes:
        parts += ["\n", (f"Rests on {count(len(detail.quotes), 'passage')} of the source", "dim")]
    return Content.assemble(*parts)
