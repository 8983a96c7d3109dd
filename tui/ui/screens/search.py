"""Search: people, organizations, themes, events and visits across every loaded
briefing, as you type (tui.index.mixed)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.css.styles import RulesMap
from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.index.refs import Ref
from tui.present.describe import count, describe_date, person_line
from tui.present.printable import one_line
from tui.ui.messages import ArchiveChanged
from tui.ui.screens.dialog import Dialog
from tui.ui.typeahead import PassesLateKeys
from tui.ui.widgets.footer import KeysFooter
from tui.ui.widgets.note_results import note_results
from tui.ui.widgets.option_lists import GuardedOptionList, selected_here
from tui.ui.widgets.plain import plain_line

if TYPE_CHECKING:  # the first screen is drawn before the archive's modules load
    from tui.index.archive import Archive
    from tui.index.mixed import Found
    from tui.notes.store import NoteStore

# What the dialog shows at once in a 120x40 terminal (two lines a result). Each option
# is laid out on every keystroke, so a keystroke costs in proportion to this; a person
# not in the first ten is found faster by typing another letter than by scrolling.
SEARCH_LIMIT = 10


class SearchInput(PassesLateKeys, Input):
    """The search box: what is typed after the search closes goes to the screen below.

    It searches on its own change, before it goes idle: Textual draws the screen when
    the widgets that asked for it are idle, at most a frame every sixtieth of a second.
    Handled by the screen, the change arrived after the box had asked for its new
    letter to be drawn; the results then waited for the next frame."""

    def __init__(self, search: Callable[[str], None], value: str, placeholder: str) -> None:
        super().__init__(value=value, placeholder=placeholder, id="search-input")
        self._search = search

    def validate_virtual_size(self, size: Size) -> Size:
        # The box sizes its text to its length, a letter more each key, and a change of
        # size is a layout of the screen, drawn in a frame of its own. No narrower than
        # the box, the size of what fits in it stays the same.
        return Size(max(size.width, self.scrollable_content_region.width), size.height)

    def on_resize(self) -> None:
        # The box sets its virtual size on its first change of text, the first key:
        # set now, that key finds it as it leaves it.
        self.virtual_size = Size(self.content_width, 1)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        # Keys typed faster than searches run queue a change each: only the latest is
        # searched, as the box's own change, still queued behind this one, will be.
        if event.value == self.value:
            self._search(event.value)


class SearchResults(GuardedOptionList):
    """The results: as many lines as there are results and notes, in a box of its own size.

    A widget's change of virtual size asks for a layout of the screen, which draws the
    whole screen afresh in a frame of its own: the list's lines change in number with
    the notes found, and from no results to some. Its size is its box's (`1fr`)
    whatever its lines: only its scrollbar, shown or hidden, needs a layout, and that
    asks for one of its own."""

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id)
        self._shown: list[tuple[str, tuple[object, ...]]] = []

    def show(self, options: list[Option]) -> None:
        """The options, first highlighted. Options the same as those shown (a letter
        more that finds the same) are kept with what they have rendered: set_options
        renders every one afresh."""
        shown = [_signature(option.prompt) for option in options]
        if shown != self._shown:
            self._shown = shown
            self.set_options(options)
        elif self.scroll_y:
            self.scroll_y = 0
        if options:
            self.highlighted = 0


def _signature(prompt: object) -> tuple[str, tuple[object, ...]]:
    # Content compares by its text alone; its styles count too.
    if isinstance(prompt, Content):
        return prompt.plain, tuple(prompt.spans)
    return str(prompt), ()


class SearchScreen(Dialog["Found | Ref | None"]):
    """Everything by name, across every loaded briefing, and the notes that mention
    what is typed, updated on each keystroke. Dismissed with a result of the archive's
    search, or the entry a note is on."""

    BINDINGS = [
        # Priority, as Enter's: handled in the order typed, before the keys after it
        # reach the box (see tui.ui.typeahead).
        Binding("escape", "dismiss(None)", "Leave search", priority=True),
        Binding("enter", "choose", "Go to it", priority=True),
        Binding("down", "move(1)", "Next", show=False),
        Binding("up", "move(-1)", "Previous", show=False),
    ]

    def __init__(self, archive: Archive, query: str = "", notes: NoteStore | None = None) -> None:
        super().__init__()
        self.archive = archive
        self.notes = notes
        self.query_text = query
        self._found: list[Found | Ref] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="search-dialog"):
            yield SearchInput(
                self._update,
                value=self.query_text,
                placeholder="A name, place or theme, or part of one: typos and accents are fine",
            )
            yield Static(id="search-status")
            yield SearchResults(id="search-results")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.focus_first(self.query_one(Input))
        self._update(self.query_text)

    def on_archive_changed(self, message: ArchiveChanged) -> None:
        """Files changed on disk: search again, with the same query."""
        self._update(self.query_text)

    def _update(self, query: str) -> None:
        from tui.index.mixed import KIND_LABELS, PREFIX_HINT, search

        self.query_text = query
        found = search(self.archive, query, SEARCH_LIMIT)
        results = self.query_one(SearchResults)
        options = []
        for index, result in enumerate(found):
            why = f"{result.matched.kind} “{result.matched.text}”"
            prompt = Content.assemble(
                (one_line(_headline(self.archive, result)), "bold"),
                "\n",
                (f"  {KIND_LABELS[result.kind]}", "$accent"),
                # one_line strips the text's ends: the separator's space is kept outside.
                (
                    " · " + one_line(f"matched {why} · {_where(self.archive, result)}"),
                    "$text-muted",
                ),
            )
            options.append(Option(prompt, id=str(index)))
        notes = note_results(self.notes, self.archive, query)
        self._found = [*found, *(note.ref for note in notes)]
        options += [Option(note.prompt, id=str(len(options) + n)) for n, note in enumerate(notes)]
        results.show(options)
        if not query.strip():
            names = len(self.archive.names) + len(self.archive.titles)
            said = Content(f"Type to search {names:,} names and titles; {PREFIX_HINT}.")
        elif not found and not notes:
            neither = " No note does either." if self.notes is not None else ""
            said = plain_line(f"Nothing matches “{query}”.{neither} {PREFIX_HINT}.")
        else:
            in_notes = f"; {count(len(notes), 'note')}" if notes else ""
            matched = f"{count(len(found), 'match')} for “{query}”, best first{in_notes}"
            said = plain_line(f"{matched}; {PREFIX_HINT}.")
        self._say(said)

    def _say(self, said: Content) -> None:
        status = self.query_one("#search-status", Static)
        width = status.content_region.width
        # A layout of the screen costs about as much as the search: only a status that
        # wraps to another number of lines needs one.
        same_height = (
            bool(width)
            and said.get_height(cast(RulesMap, status.styles), width)
            == status.content_region.height
        )
        status.update(said, layout=not same_height)

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
        if highlighted is not None and highlighted < len(self._found):
            self.dismiss(self._found[highlighted])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None and selected_here(event):
            self.dismiss(self._found[int(event.option.id)])


def _headline(archive: Archive, result: Found) -> str:
    from tui.index.items import EventOutline, PersonOutline

    item = result.item
    if isinstance(item, PersonOutline):
        return person_line(item.name, item.title, item.organization)
    if isinstance(item, EventOutline):
        return f"{item.title} ({describe_date(item.date)})" if item.date else item.title
    if result.matched.kind == "place" and len(result.numbers) > 1:
        return f"Visits to {result.matched.text}"
    return archive.label(result.ref)


def _where(archive: Archive, result: Found) -> str:
    briefings = result.briefings
    if len(briefings) == 1:
        return archive.briefings[briefings[0]].title
    return f"in {count(len(briefings), 'visit')}"
