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
from tui.ui.widgets.plain import plain, plain_line

if TYPE_CHECKING:
    from collections.abc import Sequence

    from tui.notes.store import Note
    from tui.present.detail import Detail


class LinkList(OptionList):
    BINDINGS = [
        Binding("enter", "select", "Open link", tooltip="Open the highlighted link"),
        *list_moves("first", "last"),
    ]

    # Textual's OptionList pages by the lines it has laid out, and lays out none while
    # it has no room (the detail squeezed out on a terminal a few rows high): paging
    # then raises KeyError. With nothing visible there is no page to move by.
    def action_page_up(self) -> None:
        if self.scrollable_content_region:
            super().action_page_up()

    def action_page_down(self) -> None:
        if self.scrollable_content_region:
            super().action_page_down()


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
            # The user's own notes first: under a long detail they would be out of sight.
            yield Static(id="detail-notes")
            yield Static(id="detail-body")
        yield LinkList(id="detail-links")

    def show(self, detail: Detail, notes: Sequence[Note] = ()) -> None:
        """The entry's detail, with the user's notes on it (in the same frame)."""
        self.detail = detail
        self.show_notes(notes)
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

    def show_notes(self, notes: Sequence[Note]) -> None:
        """The user's notes on the entry, newest first, with when they were written."""
        area = self.query_one("#detail-notes", Static)
        area.display = bool(notes)
        area.update(_notes(notes))

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
        if event.option.id is not None:
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


def _notes(notes: Sequence[Note]) -> Content:
    from tui.notes.describe import follow_up_status, written

    parts: list[Content | str | tuple[str, str]] = [
        (f"Your notes ({len(notes)}) · n to write or edit", "bold underline"),
    ]
    for note in notes:
        status = follow_up_status(note)
        head = written(note) + (f" · {status}" if status else "")
        parts += ["\n", (one_line(head), "$text-muted"), "\n", plain(note.text.strip()), "\n"]
    return Content.assemble(*parts)
