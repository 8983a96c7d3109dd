"""The detail of the open entry: its facts, what was said, and links to open.

Each fact, statement, outcome and relation is a line of its own to move to: the one
highlighted shows its own passage in the source."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.index.refs import Ref
from tui.present.describe import count
from tui.present.printable import one_line
from tui.ui.bindings import list_moves
from tui.ui.widgets.option_lists import GuardedOptionList, selected_here
from tui.ui.widgets.own_moves import OwnMoves
from tui.ui.widgets.plain import plain, plain_line

if TYPE_CHECKING:
    from collections.abc import Sequence

    from tui.notes.store import Note
    from tui.present.detail import Detail


class LinkList(GuardedOptionList):
    BINDINGS = [
        Binding("enter", "select", "Open link", tooltip="Open the highlighted link"),
        *list_moves("first", "last"),
    ]


class FactList(GuardedOptionList, OwnMoves):
    """The entry's facts and sections, one option per line; headings are disabled.
    Moving to a line shows its own passage in the source."""

    BINDINGS = [
        Binding("up", "cursor_up", "Previous line", show=False),
        Binding("down", "cursor_down", "Next line", show=False),
        *list_moves("first", "last"),
        Binding("pageup,shift+space", "page_up", "Page up", show=False),
        Binding("pagedown,space", "page_down", "Page down", show=False),
        Binding("home", "first", "First line", show=False),
        Binding("end", "last", "Last line", show=False),
    ]

    def quiet(self, message: Message) -> bool:
        return isinstance(message, OptionList.OptionHighlighted)


class DetailPane(Vertical):
    """The entry's words scroll on their own; the links stay below them, so moving
    through the links never scrolls the entry's name out of view."""

    class LinkOpened(Message):
        def __init__(self, ref: Ref) -> None:
            super().__init__()
            self.ref = ref

    class FactSelected(Message):
        """A line with passages of its own was highlighted."""

        def __init__(self, quotes: tuple[str, ...]) -> None:
            super().__init__()
            self.quotes = quotes

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id)
        self._links: list[Ref] = []
        self._facts: list[tuple[str, ...]] = []
        self.detail: Detail | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="detail-title")
        # The user's own notes first: under a long detail they would be out of sight.
        yield Static(id="detail-notes")
        yield FactList(id="detail-body")
        yield LinkList(id="detail-links")

    def show(self, detail: Detail, notes: Sequence[Note] = ()) -> None:
        """The entry's detail, with the user's notes on it (in the same frame)."""
        self.detail = detail
        self.show_notes(notes)
        kind = detail.ref.kind.value.capitalize()
        self.border_title = f"5 {kind}"
        self.query_one("#detail-title", Static).update(plain_line(detail.title))
        facts = self.query_one(FactList)
        with facts.moving_itself():
            facts.clear_options()
            options, self._facts = _lines(detail)
            facts.add_options(options)
            facts.highlighted = None
        facts.scroll_home(animate=False)
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

    def show_notes(self, notes: Sequence[Note]) -> None:
        """The user's notes on the entry, newest first, with when they were written."""
        area = self.query_one("#detail-notes", Static)
        area.display = bool(notes)
        area.update(_notes(notes))

    def focus_links(self) -> bool:
        links = self.query_one(LinkList)
        if not self._links:
            return False
        self.screen.set_focus(links)  # at once: the keys typed next are for the links
        if links.highlighted is None:
            links.highlighted = 0
        return True

    def focus_facts(self) -> None:
        facts = self.query_one(FactList)
        self.screen.set_focus(facts)  # at once: the keys typed next are for the lines
        if facts.highlighted is None and self._facts:
            facts.action_first()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if (
            event.option_list.id == "detail-links"
            and event.option.id is not None
            and selected_here(event)
        ):
            self.post_message(self.LinkOpened(self._links[int(event.option.id)]))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if (
            event.option_list.id == "detail-body"
            and event.option.id is not None
            and selected_here(event)
        ):
            self.post_message(self.FactSelected(self._facts[int(event.option.id)]))


def _lines(detail: Detail) -> tuple[list[Option], list[tuple[str, ...]]]:
    """The detail as options, and the passages of each enabled one (by its id)."""
    options: list[Option] = []
    passages: list[tuple[str, ...]] = []

    def line(prompt: Content, quotes: tuple[str, ...]) -> None:
        if quotes:
            options.append(Option(prompt, id=str(len(passages))))
            passages.append(quotes)
        else:
            options.append(Option(prompt, disabled=True))

    for fact in detail.facts:
        parts: list[Content | str | tuple[str, str]] = [
            (f"{fact.label}: ", "bold"),
            plain_line(fact.value),
        ]
        if fact.inferred:
            parts.append((" (inferred)", "italic $warning"))
        line(Content.assemble(*parts), fact.quotes)
    for heading, said in detail.sections:
        options.append(Option(Content.assemble("\n", (heading, "bold underline")), disabled=True))
        for item in said:
            line(Content.assemble("• ", plain(item.text)), item.quotes)
    if detail.quotes:
        rests = f"Rests on {count(len(detail.quotes), 'passage')} of the source"
        options.append(Option(Content.assemble("\n", (rests, "dim")), disabled=True))
    return options, passages


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
