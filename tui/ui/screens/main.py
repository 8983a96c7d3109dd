"""The browsing screen: three list panes, the open entry's detail and its source."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import ProgressBar, Static

from tui.index.refs import Kind, Ref
from tui.present.describe import describe_date
from tui.present.printable import one_line, printable
from tui.ui.history import History
from tui.ui.messages import ArchiveChanged
from tui.ui.resizes import DropsStaleResizes
from tui.ui.reviewing import DRAFTED_MARK, editor_command, location, run_editor
from tui.ui.screens.switcher import BriefingSwitcher
from tui.ui.typeahead import Typeahead
from tui.ui.widgets.detail_pane import DetailPane
from tui.ui.widgets.footer import KeysFooter
from tui.ui.widgets.panes import (
    CounterpartTable,
    EntryTable,
    ItineraryTable,
    OrganizationTable,
    ThemeTable,
)
from tui.ui.widgets.source_pane import SourcePane

if TYPE_CHECKING:
    from tui.index.archive import Archive
    from tui.notes.store import NoteStore
    from tui.ui.app import BriefingsApp


# What has a page across visits.
_ACROSS = (Kind.counterpart, Kind.organization, Kind.theme)


class MainScreen(DropsStaleResizes, Typeahead, Screen[None]):
    # Narrow: the source pane gives way to the detail pane until asked for.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    # Short: the lists not in use shrink to a row each.
    VERTICAL_BREAKPOINTS = [(0, "-short"), (32, "-tall")]
    BINDINGS = [
        # The panes' titles show these keys, so the footer leaves room for the rest.
        Binding("1", "pane('itinerary')", "Itinerary", show=False, tooltip="Go to the events"),
        Binding(
            "2", "pane('counterparts')", "Counterparts", show=False, tooltip="Go to the people met"
        ),
        Binding("3", "pane('themes')", "Themes", show=False, tooltip="Go to the themes"),
        Binding(
            "4",
            "pane('organizations')",
            "Organizations",
            show=False,
            tooltip="Go to the organizations",
        ),
        Binding(
            "5",
            "focus_detail",
            "Detail",
            show=False,
            tooltip="Move to the detail's lines: each shows its own passage in the source; "
            "↑ ↓, page up/down, space, home/end move",
        ),
        Binding(
            "6",
            "focus_source",
            "Source text",
            show=False,
            tooltip="Move to the source text: ↑ ↓, page up/down, space, home/end scroll it",
        ),
        Binding(
            "tab",
            "cycle_focus(1)",
            "Next pane",
            show=False,
            tooltip="Lists, detail, links and source in turn; moving there opens nothing",
        ),
        Binding("shift+tab", "cycle_focus(-1)", "Previous pane", show=False),
        Binding(
            "right_square_bracket",
            "passage(1)",
            "Next passage",
            tooltip="The open entry's next passage in the source, scrolled into view",
        ),
        Binding(
            "left_square_bracket",
            "passage(-1)",
            "Prev passage",
            tooltip="The open entry's previous passage in the source",
        ),
        Binding("escape,backspace", "back", "Back", tooltip="Back to what was open before"),
        Binding("s", "toggle_source", "Source", tooltip="Show or hide the source text"),
        Binding("b", "switch_briefing", "Briefings", tooltip="Switch to another briefing"),
        Binding("n", "note", "Note", tooltip="Write a note on the entry shown, or see its notes"),
        # Off the footer, which has no room left on 80 columns; in the help and palette.
        Binding(
            "f", "follow_ups", "Follow-ups", show=False, tooltip="Open follow-ups, soonest first"
        ),
        Binding(
            "o",
            "edit_entry",
            "Edit",
            show=False,  # the header names both keys when a briefing has drafted entries
            tooltip="Open the briefing file in $EDITOR at this entry",
        ),
        Binding(
            "r", "mark_reviewed", "Reviewed", show=False, tooltip="Mark this drafted entry reviewed"
        ),
        Binding("v", "visits", "Visits", tooltip="Every visit: sort, filter, open"),
        Binding(
            "a",
            "across",
            "Across visits",
            show=False,
            tooltip="The open person, organization or theme in every visit",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        # None until the first briefings arrive: the screen is drawn before the
        # modules that load and index them are imported.
        self.archive: Archive | None = None
        self.history: History[Ref] = History()
        self.briefing_id: str | None = None
        self.shown: Ref | None = None
        self.stale: set[str] = set()
        # The user's notes, opened by the app once briefings start loading; when the
        # notes file cannot be used, why (and the app runs without notes).
        self.notes: NoteStore | None = None
        self.notes_problem: str | None = None

    @property
    def briefings_app(self) -> BriefingsApp:
        return cast("BriefingsApp", self.app)

    def compose(self) -> ComposeResult:
        yield Static(id="header")
        yield ProgressBar(id="loading", show_eta=False)
        with Horizontal(id="main"):
            with Vertical(id="lists"):
                yield ItineraryTable(id="itinerary")
                yield CounterpartTable(id="counterparts")
                yield ThemeTable(id="themes")
                yield OrganizationTable(id="organizations")
            with Vertical(id="right"):
                yield DetailPane(id="detail")
                yield SourcePane(id="source")
        yield KeysFooter()

    def on_mount(self) -> None:
        for table, title in (
            ("#itinerary", "1 Itinerary"),
            ("#counterparts", "2 Counterparts"),
            ("#themes", "3 Themes"),
            ("#organizations", "4 Organizations"),
        ):
            self.query_one(table).border_title = title
        self.query_one("#header", Static).update("Loading briefings…")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "switch_briefing":
            return self.archive is not None and len(self.archive.briefings) > 1
        if action == "edit_entry":
            return self.shown is not None
        if action == "mark_reviewed":
            # Shown greyed out, not hidden, when the entry has nothing to review.
            return None if self.shown is None or not self._drafted(self.shown) else True
        if action == "visits":
            return self.archive is not None
        if action == "across":
            return self.shown is not None and self.shown.kind in _ACROSS
        return True

    # What the app tells the screen.

    def show_progress(self, done: int, total: int | None) -> None:
        self.query_one(ProgressBar).update(total=total, progress=done)

    def hide_progress(self) -> None:
        """Loading is over: every file read and the names indexed (or taken from the
        stored index). Not at the last file: a search typed then would wait for the
        indexing, with nothing on screen saying why."""
        self.query_one(ProgressBar).display = False

    def archive_grew(self, archive: Archive) -> None:
        """Briefings were added: open the first one if nothing is open yet."""
        self.archive = archive
        self.refresh_bindings()
        if self.briefing_id is None and self.archive.briefings:
            first = next(iter(self.archive.briefings))
            self.open(Ref(Kind.briefing, first, first))
            self.query_one(ItineraryTable).focus()
        elif self.briefing_id is None:
            self.query_one("#header", Static).update("No briefing loaded.")

    def on_archive_changed(self, message: ArchiveChanged) -> None:
        """Files changed on disk: show what they now say, keeping the user's place."""
        archive = self.archive
        assert archive is not None
        self.stale = message.stale
        self.refresh_bindings()
        self.history.keep_only(lambda ref: ref in archive)
        focused = self.focused
        cursors = {table: table.highlighted for table in self.query(EntryTable)}
        shown, self.briefing_id = self.shown, None
        if shown is not None and shown.briefing not in archive.briefings:
            shown = None
        if shown is None and archive.briefings:
            first = next(iter(archive.briefings))
            shown = Ref(Kind.briefing, first, first)
        if shown is None:
            self.shown = None
            self.query_one("#header", Static).update("No briefing loaded.")
            for table in self.query(EntryTable):
                table.clear()
            return
        if shown not in archive:
            shown = Ref(Kind.briefing, shown.briefing, shown.briefing)
        # Refilling and selecting move the lists' cursors quietly (EntryTable): no
        # preview, or the focused list would replace what is shown with its first entry.
        self.show(shown)
        for table, ref in cursors.items():
            # The list of the shown entry's kind stays on it (show selected it there).
            if ref is not None and ref in archive and table.kind is not shown.kind:
                table.select(ref)
        if focused is not None:
            focused.focus()

    # Navigation.

    def open(self, ref: Ref) -> None:
        """Open an entry: it becomes a step that `back` returns to."""
        if self.archive is None or ref not in self.archive:
            self.notify("That entry is no longer loaded.", severity="warning")
            return
        self.history.open(ref)
        self.show(ref)

    def show(self, ref: Ref) -> None:
        """Show an entry's detail and source, and select it in its list."""
        # Loaded with the archive, after the first paint.
        from tui.present.detail import detail_of
        from tui.reading.loader import BriefingError

        archive = self.archive
        assert archive is not None, "entries are shown once briefings have loaded"
        try:
            # First the briefing: one not kept in memory is read again, and may no
            # longer load; only then can the entry be looked for in it.
            loaded = archive.loaded(ref.briefing)
            if ref not in archive:
                self.notify("That entry is no longer loaded.", severity="warning")
                self._select_shown()
                return
            detail = detail_of(archive, ref)
        except BriefingError as error:
            # A briefing not kept in memory is read again, and its file has changed.
            self.notify(
                printable(f"Cannot show it: {error.problems[0]}"),
                title="Problems",
                severity="error",
                markup=False,
            )
            self._select_shown()
            return
        self.shown = ref
        self.refresh_bindings()  # "Across visits" is for people, organizations, themes
        if ref.briefing != self.briefing_id:
            self._show_briefing(archive, ref.briefing)
        self.query_one(DetailPane).show(detail, self.notes.notes_on(ref) if self.notes else [])
        self.query_one(SourcePane).show(loaded.source, detail.quotes, loaded.briefing.source.title)
        self._select_shown()

    def _select_shown(self) -> None:
        """Put the cursor of the shown entry's list on it: after a move that could not be
        shown too, so that the list never points at one entry while the detail shows another."""
        shown = self.shown
        if shown is None:
            return
        for table in self.query(EntryTable):
            if table.kind is shown.kind:
                table.select(shown)

    def _drafted(self, ref: Ref) -> bool:
        from tui.format.model import Review
        from tui.reading.loader import BriefingError

        if self.archive is None or ref not in self.archive:
            return False
        try:
            entry = self.archive.get(ref)
        except BriefingError:  # not kept in memory, and its file no longer loads
            return False
        return getattr(entry, "review", None) is Review.drafted

    def _review_line(self, archive: Archive, briefing_id: str) -> tuple[str, str] | str:
        from tui.reading.review import review_count

        counted = review_count(archive.loaded(briefing_id).briefing)
        if not counted.marked:
            return ""
        if counted.done:
            return ("  ✓ every drafted entry reviewed", "$success")
        entries = "entry" if counted.drafted == 1 else "entries"
        return (
            f"  {DRAFTED_MARK}{counted.drafted:,} drafted {entries} left to review "
            "(o edit, r reviewed)",
            "bold $warning",
        )

    async def action_mark_reviewed(self) -> None:
        from tui.reading.review_write import ReviewRefused, mark_reviewed

        ref, archive = self.shown, self.archive
        if ref is None or archive is None:
            return
        if not self._drafted(ref):
            self.notify("This entry is not drafted: nothing to review.", timeout=3)
            return
        try:
            path, loc = location(archive, ref)
            mark_reviewed(path, archive.loaded(ref.briefing).briefing, loc)
        except ReviewRefused as refusal:
            self.notify(printable(str(refusal)), title="Not marked", severity="error", markup=False)
            return
        self.notify(printable(f"Marked reviewed: {archive.label(ref)}"), timeout=3, markup=False)
        await cast("BriefingsApp", self.app).apply_changes([path])

    async def action_edit_entry(self) -> None:
        from textual.app import SuspendNotSupported

        from tui.reading.loader import BriefingError
        from tui.reading.review_write import ReviewRefused, entry_line

        ref, archive = self.shown, self.archive
        if ref is None or archive is None:
            return
        try:
            path, loc = location(archive, ref)
            line = entry_line(path, loc)
        except ReviewRefused as refusal:
            self.notify(printable(str(refusal)), severity="error", markup=False)
            return
        except BriefingError as error:
            # The file no longer loads: the editor opens at its first problem, to fix it.
            path, first = archive.briefings[ref.briefing].path, error.problems[0]
            line = first.line if first.path == path and first.line else 1
        command = editor_command(path, line)
        try:
            with self.app.suspend():
                problem = run_editor(command)
        except SuspendNotSupported:
            problem = "this terminal cannot hand itself over to an editor"
        if problem:
            self.notify(printable(problem), title="Editor", severity="error", markup=False)
        # Shown at once, whether or not the file watcher is on.
        await cast("BriefingsApp", self.app).apply_changes([path])

    def _show_briefing(self, archive: Archive, briefing_id: str) -> None:
        self.briefing_id = briefing_id
        briefing = archive.briefings[briefing_id]
        places = ", ".join(briefing.places) or "places not stated"
        stale = (
            ("  ⚠ stale: the file now has problems (press e)", "bold $warning")
            if briefing_id in self.stale
            else ""
        )
        self.query_one("#header", Static).update(
            Content.assemble(
                (one_line(briefing.title), "bold"),
                stale,
                self._review_line(archive, briefing_id),
                "\n",
                (one_line(f"{describe_date(briefing.dates)} · {places}"), "$text-muted"),
            )
        )
        noted = self.notes.noted_in(briefing_id) if self.notes else set()
        for table in self.query(EntryTable):
            table.fill(archive, briefing_id)
            table.mark(noted)

    @on(EntryTable.Previewed)
    def _preview(self, message: EntryTable.Previewed) -> None:
        # Not `ref in archive`, which is false for an entry of a briefing that cannot be
        # read again: show() says why, where the move would otherwise do nothing.
        archive, ref = self.archive, message.ref
        if archive is not None and ref != self.shown and ref.briefing in archive.briefings:
            self.show(ref)

    @on(EntryTable.Opened)
    def _open_from_list(self, message: EntryTable.Opened) -> None:
        self.open(message.ref)
        self.query_one(DetailPane).focus_links()

    @on(DetailPane.LinkOpened)
    def _open_link(self, message: DetailPane.LinkOpened) -> None:
        self.open(message.ref)
        self.query_one(DetailPane).focus_links()

    @on(EntryTable.Focused)
    def _current_table(self, message: EntryTable.Focused) -> None:
        for table in self.query(EntryTable):
            table.set_class(table is message.table, "-current")

    def action_pane(self, pane: str) -> None:
        self._enter_pane(self.query_one(f"#{pane}", EntryTable))

    def action_cycle_focus(self, step: int) -> None:
        # Moving focus is not navigating: what is open stays open.
        if step > 0:
            self.focus_next()
        else:
            self.focus_previous()

    def action_focus_detail(self) -> None:
        self.query_one(DetailPane).focus_facts()

    def action_focus_source(self) -> None:
        source = self.query_one(SourcePane)
        if not source.region.height:  # hidden, or in the detail's place on narrow screens
            self.action_toggle_source()
        self.set_focus(source)

    def action_passage(self, step: int) -> None:
        source = self.query_one(SourcePane)
        if not source.region.height and self.has_class("-narrow"):
            self.action_toggle_source()
        source.step(step)

    @on(DetailPane.FactSelected)
    def _show_passage(self, message: DetailPane.FactSelected) -> None:
        self.query_one(SourcePane).select(message.quotes)

    def _enter_pane(self, table: EntryTable) -> None:
        """Focus a list and show its highlighted entry (a move of the user's own).

        Focused at once, not after the keys already queued as Widget.focus does: in "2
        Enter" typed together, Enter opens the counterpart, not the itinerary's event."""
        self.set_focus(table)
        if table.highlighted is not None and table.highlighted != self.shown:
            self.show(table.highlighted)

    def action_back(self) -> None:
        # A preview is not a step: back from it returns to what was last opened.
        if self.history.current is not None and self.shown != self.history.current:
            self.show(self.history.current)
            return
        previous = self.history.back()
        if previous is None:
            self.notify("Nothing to go back to.", timeout=2)
            return
        self.show(previous)

    def action_toggle_source(self) -> None:
        self.toggle_class("-source-toggled")
        # Shown again (on narrow terminals, in the detail's place): at the highlight.
        self.call_after_refresh(self.query_one(SourcePane).reveal)

    def action_visits(self) -> None:
        self.briefings_app.show_visits()

    def action_across(self) -> None:
        if self.shown is not None and self.shown.kind in _ACROSS:
            self.briefings_app.show_across(self.shown)

    def action_switch_briefing(self) -> None:
        def chosen(briefing_id: str | None) -> None:
            if briefing_id is not None:
                self.open(Ref(Kind.briefing, briefing_id, briefing_id))

        assert self.archive is not None  # check_action offers the switcher only then
        self.app.push_screen(BriefingSwitcher(self.archive, self.briefing_id), chosen)

    # Notes.

    def _notes_or_why(self) -> NoteStore | None:
        if self.notes is None:
            self.notify(
                printable(self.notes_problem or "Notes open once briefings have loaded."),
                title="Notes",
                severity="warning",
                markup=False,
            )
        return self.notes

    def action_note(self) -> None:
        from tui.notes.attach import stamp_of
        from tui.ui.screens.note_editor import NoteEditor
        from tui.ui.screens.notes_list import NotesScreen

        notes, archive, ref = self._notes_or_why(), self.archive, self.shown
        if notes is None or archive is None or ref is None:
            return
        if notes.notes_on(ref):
            self.app.push_screen(NotesScreen(notes, archive, ref), self._after_notes)
        else:
            editor = NoteEditor(notes, ref, *stamp_of(archive, ref), None)
            self.app.push_screen(editor, self._after_notes)

    def action_follow_ups(self) -> None:
        from tui.ui.screens.notes_list import NotesScreen

        notes, archive = self._notes_or_why(), self.archive
        if notes is not None and archive is not None:
            self.app.push_screen(NotesScreen(notes, archive), self._after_notes)

    def _after_notes(self, ref: Ref | None = None) -> None:
        """Back from the notes: show them as they now are, or go to the entry chosen."""
        if ref is not None:
            self.open(ref)
            return
        self.notes_changed()

    def notes_changed(self) -> None:
        if self.notes is None or self.shown is None:
            return
        self.query_one(DetailPane).show_notes(self.notes.notes_on(self.shown))
        noted = self.notes.noted_in(self.shown.briefing)
        for table in self.query(EntryTable):
            table.mark(noted)
