"""Search: counterparts by name across every loaded briefing, as you type."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.index.refs import Ref
from tui.present.describe import count, person_line
from tui.present.printable import one_line
from tui.ui.messages import ArchiveChanged
from tui.ui.screens.dialog import Dialog
from tui.ui.typeahead import PassesLateKeys
from tui.ui.widgets.note_results import note_results
from tui.ui.widgets.option_lists import GuardedOptionList, selected_here
from tui.ui.widgets.plain import plain_line

if TYPE_CHECKING:
    from tui.index.archive import Archive
    from tui.notes.store import NoteStore

# What the dialog shows at once in a 120x40 terminal (two lines a result). Each option
# is laid out on every keystroke, so a keystroke costs in proportion to this; a person
# not in the first ten is found faster by typing another letter than by scrolling.
SEARCH_LIMIT = 10


class SearchInput(PassesLateKeys, Input):
    """The search box: what is typed after the search closes goes to the screen below."""


class SearchScreen(Dialog[Ref | None]):
    """Counterparts by name, across every loaded briefing, updated on each keystroke."""

    BINDINGS = [
        # Priority, as Enter's: handled in the order typed, before the keys after it
        # reach the box (see tui.ui.typeahead).
        Binding("escape", "dismiss(None)", "Leave search", priority=True),
        Binding("enter", "choose", "Go to person", priority=True),
        Binding("down", "move(1)", "Next", show=False),
        Binding("up", "move(-1)", "Previous", show=False),
    ]

    def __init__(self, archive: Archive, query: str = "", notes: NoteStore | None = None) -> None:
        super().__init__()
        self.archive = archive
        self.notes = notes
        self.query_text = query
        self._refs: list[Ref] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="search-dialog"):
            yield SearchInput(
                value=self.query_text,
                placeholder="A name, or part of one: typos and accents are fine",
                id="search-input",
            )
            yield Static(id="search-status")
            yield GuardedOptionList(id="search-results")
        yield Footer()

    def on_mount(self) -> None:
        self.focus_first(self.query_one(Input))
        self._update(self.query_text)

    def on_archive_changed(self, message: ArchiveChanged) -> None:
        """Files changed on disk: search again, with the same query."""
        self._update(self.query_text)

    def on_input_changed(self, event: Input.Changed) -> None:
        self._update(event.value)

    def _update(self, query: str) -> None:
        self.query_text = query
        matches = self.archive.search_names(query, SEARCH_LIMIT)
        results = self.query_one(OptionList)
        self._refs = [match.ref for match in matches]
        options = []
        for index, match in enumerate(matches):
            person = match.person
            why = f"{match.matched.kind} “{match.matched.text}”"
            briefing = self.archive.briefings[match.ref.briefing].title
            prompt = Content.assemble(
                (one_line(person_line(person.name, person.title, person.organization)), "bold"),
                "\n",
                (one_line(f"  matched {why} · {briefing}"), "$text-muted"),
            )
            options.append(Option(prompt, id=str(index)))
        notes = note_results(self.notes, self.archive, query)
        self._refs += [note.ref for note in notes]
        options += [Option(note.prompt, id=str(len(options) + n)) for n, note in enumerate(notes)]
        results.set_options(options)
        if options:
            results.highlighted = 0
        status = self.query_one("#search-status", Static)
        if not query.strip():
            status.update(f"Type to search {len(self.archive.names):,} names.")
        elif not matches and not notes:
            neither = " No note does either." if self.notes is not None else ""
            status.update(plain_line(f"No counterpart matches “{query}”.{neither}"))
        else:
            in_notes = f"; {count(len(notes), 'note')}" if notes else ""
            status.update(
                plain_line(f"{count(len(matches), 'match')} for “{query}”, best first{in_notes}.")
            )

    def action_move(self, step: int) -> None:
        results = self.query_one(OptionList)
        if results.option_count:
            current = results.highlighted or 0
            results.highlighted = max(0, min(results.option_count - 1, current + step))

    def action_choose(self) -> None:
        # Enter is a priority key, handled as it arrives: the letters typed before it may
        # still be on their way to the box. Choose once the box has them.
        self.query_one(Input).call_later(self._choose)

    def _choose(self) -> None:
        typed = self.query_one(Input).value
        if typed != self.query_text:
            self._update(typed)
        highlighted = self.query_one(OptionList).highlighted
        if highlighted is not None and highlighted < len(self._refs):
            self.dismiss(self._refs[highlighted])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None and selected_here(event):
            self.dismiss(self._refs[int(event.option.id)])
