"""The Visit Briefings app: loads the archive in the background and hosts the screens."""

from __future__ import annotations

import asyncio
import gc
import io
import re
import threading
from collections.abc import Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from platformdirs import user_downloads_path
from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandListItem, CommandPalette, SimpleProvider
from textual.errors import NoWidget
from textual.screen import Screen
from textual.theme import ThemeProvider
from textual.widget import AwaitMount
from textual.worker import Worker, WorkerState

from tui.index.refs import Kind, Ref
from tui.present.describe import count
from tui.present.printable import printable
from tui.ui.messages import ArchiveChanged
from tui.ui.palette import GoToCommands
from tui.ui.screens.across import AcrossScreen
from tui.ui.screens.command_palette import Palette
from tui.ui.screens.errors import ErrorsScreen
from tui.ui.screens.help import HelpScreen, help_groups
from tui.ui.screens.main import MainScreen
from tui.ui.screens.search import SearchScreen
from tui.ui.screens.visits import VisitsScreen
from tui.ui.typeahead import HoldsTypeahead
from tui.ui.widgets.detail_pane import FactList, LinkList
from tui.ui.widgets.panes import EntryTable
from tui.ui.widgets.source_pane import SourcePane

if TYPE_CHECKING:
    from tui.index.archive import Archive
    from tui.index.mixed import Found
    from tui.index.search import NameSearch
    from tui.index.snapshot import Snapshots
    from tui.reading.loader import Problem
    from tui.reading.workspace import Batch, Workspace


class BriefingsApp(HoldsTypeahead):
    CSS_PATH = "app.tcss"
    TITLE = "Visit Briefings"
    COMMANDS = App.COMMANDS | {GoToCommands}
    BINDINGS = [
        Binding(
            "slash",
            "search",
            "Search",
            tooltip="Find people, organizations, themes, events and visits by name",
        ),
        Binding("e", "show_errors", "Errors", tooltip="Files that failed to load, and why"),
        Binding("question_mark", "help", "Help", tooltip="Every key and what it does"),
        # The footer shows the palette's key already.
        Binding(
            "ctrl+p", "command_palette", "Commands", show=False, tooltip="Go to anything by name"
        ),
        Binding("q", "quit", "Quit"),
    ]
    PASS_WHILE_WAITING = HoldsTypeahead.PASS_WHILE_WAITING | {"q"}

    def __init__(self, paths: Iterable[Path], *, watch: bool = True) -> None:
        super().__init__()
        self.paths = list(paths)
        self.watching = watch
        # Both are made by the loading worker: the modules behind them (pydantic,
        # YAML, the search engine) are imported there, after the first paint.
        self.workspace: Workspace | None = None
        self.archive: Archive | None = None
        self._load_failed = False
        self.snapshots: Snapshots | None = None  # the stored index, made with the archive
        self.main_screen = MainScreen()
        # Set after the frame that shows the first batch: until then the loading
        # worker takes no time from the screen's thread.
        self._first_shown = threading.Event()

    @property
    def problems(self) -> list[Problem]:
        return self.workspace.problems if self.workspace is not None else []

    def get_default_screen(self) -> Screen:
        return self.main_screen

    def on_ready(self) -> None:
        # After the first frame: the screen shows at once, whatever the archive's size.
        self.main_screen.show_progress(0, None)
        self.load()

    @work(thread=True, exit_on_error=False, group="load")
    def load(self) -> None:
        from tui.index.archive import Archive
        from tui.index.snapshot import Snapshots
        from tui.reading.workspace import Workspace

        workspace = Workspace(self.paths)
        archive = Archive()
        self.snapshots = Snapshots.of(workspace.paths)
        self.call_from_thread(self._started, workspace, archive)
        problems: list[Problem] = []
        for batch in workspace.load():
            problems += batch.problems
            self.call_from_thread(self._add_batch, batch)
            if not self._first_shown.is_set():
                # The first briefing is on screen (or the app is slow to draw it):
                # now the search engine, which only search needs.
                self._first_shown.wait(FIRST_FRAME_WAIT)
                import tui.index.search  # noqa: F401
        # The stored index is read here, off the screen's thread; nothing changes the
        # archive until the files are watched.
        snapshots = self.snapshots
        restored = snapshots.restore(archive.stamps) if snapshots is not None else None
        self.call_from_thread(self._settle, restored)
        self.call_from_thread(self._report, problems, "could not be loaded")
        if snapshots is not None and restored is None:
            snapshots.keep(archive.stamps, archive.names, archive.titles)
        if self.watching:
            self.call_from_thread(self.watch_files)

    def _started(self, workspace: Workspace, archive: Archive) -> None:
        self.workspace, self.archive = workspace, archive
        self._open_notes()
        self.refresh_bindings()
        self.content_arrived()

    def waits_for_content(self) -> bool:
        # Until the loading worker has made the archive (its modules take a moment to
        # import), "/" and the keys after it would find no search to open.
        return self.archive is None and not self._load_failed

    def _open_notes(self) -> None:
        """The user's notes, opened on this thread (SQLite connections stay on theirs).
        A notes file that cannot be used is left as it is and the app runs without notes."""
        from tui.notes.store import NoteStore, NotesUnavailable

        try:
            self.main_screen.notes = NoteStore.open()
        except (NotesUnavailable, OSError) as error:
            problem = f"Notes are off: {error}"
            self.main_screen.notes_problem = problem
            self.notify(
                printable(problem), title="Notes", severity="error", timeout=30, markup=False
            )

    def on_unmount(self) -> None:
        if self.main_screen.notes is not None:
            self.main_screen.notes.close()

    def _add_batch(self, batch: Batch) -> None:
        assert self.archive is not None
        self.archive.add(batch.briefings)
        if self._first_shown.is_set():
            # Searchable before the progress bar says all is loaded (or, when the
            # stored index will be taken, as soon as a search asks). The first batch
            # is indexed with the second, or when settling: not before its frame.
            self.archive.index_loading(self.snapshots)
        else:
            self.call_after_refresh(self._first_shown.set)
        self.main_screen.show_progress(batch.done, batch.total)
        self.main_screen.archive_grew(self.archive)

    def _settle(self, restored: tuple[NameSearch, NameSearch] | None) -> None:
        """The archive is loaded and lives as long as the app: index what is left, and
        take it out of the cycle collector's sight. Otherwise every full collection
        walks millions of objects, and a keystroke that happens to trigger one waits a
        tenth of a second.

        With several briefings, the app then shows the visits overview, unless the
        user has already gone somewhere."""
        assert self.archive is not None
        self.archive.settle(restored)
        self.main_screen.hide_progress()
        gc.freeze()
        archive = self.archive
        if (
            archive is not None
            and len(archive) > 1
            and self.screen is self.main_screen
            and len(self.main_screen.history) <= 1
        ):
            self.show_visits()

    def browse(self, ref: Ref) -> None:
        """Open the entry in the browsing screen, and show it: a choice made in a search
        or the palette over the visits overview or a page across visits closes them."""
        if self.main_screen in self.screen_stack and self.screen is not self.main_screen:
            self.main_screen.pop_until_active()
        self.main_screen.open(ref)

    def show_visits(self, filter_text: str = "") -> None:
        """The visits overview; the visit chosen there opens in the browsing screen."""

        def chosen(briefing_id: str | None) -> None:
            archive = self.archive
            if briefing_id is not None and archive is not None and briefing_id in archive.briefings:
                self.browse(Ref(Kind.briefing, briefing_id, briefing_id))

        if isinstance(self.screen, VisitsScreen):  # searched from the overview
            self.screen.filter_by(filter_text)
            return
        assert self.archive is not None
        screen = VisitsScreen(self.archive, set(self.workspace.stale if self.workspace else ()))
        screen.filter_text = filter_text
        self.push_screen(screen, chosen)

    def show_across(self, ref: Ref) -> None:
        """A person's, organization's or theme's page across every visit."""

        def chosen(opened: Ref | None) -> None:
            if opened is not None:
                self.browse(opened)

        assert self.archive is not None
        self.push_screen(AcrossScreen(self.archive, ref), chosen)

    def _report(self, problems: list[Problem], what: str) -> None:
        self.refresh_bindings()
        if not problems:
            return
        files = len({problem.path for problem in problems})
        self.notify(
            f"{count(files, 'file')} {what}; press e to see why.\n"
            + "\n".join(printable(str(problem)) for problem in problems[:3]),
            title="Problems",
            severity="error",
            timeout=10,
            markup=False,
        )

    @work(exclusive=True, group="watch", exit_on_error=False)
    async def watch_files(self) -> None:
        """Reload briefings that change on disk, keeping the user where they were."""
        from watchfiles import awatch  # imported late: the first screen does not need it

        assert self.workspace is not None
        async for changes in awatch(*self.workspace.watch_roots(), debounce=300):
            try:
                await self.apply_changes([Path(path) for _, path in changes])
            except Exception as error:
                # Reported, and the watcher goes on: the next save is read afresh.
                self._worker_failed("Live reload could not apply a change", error)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A loading or watching worker that fails would otherwise end silently (they do
        not exit the app on error): the user would wait for briefings, or for reloads,
        that never come."""
        worker = event.worker
        if event.state is WorkerState.ERROR and worker.group in _REPORTED_WORKERS:
            assert worker.error is not None
            self._worker_failed(_REPORTED_WORKERS[worker.group], worker.error)
            if worker.group == "load":
                self.main_screen.hide_progress()
                self._load_failed = True
                self.content_arrived()

    def _worker_failed(self, what: str, error: BaseException) -> None:
        self.log.error(what, error)
        self.notify(
            printable(f"{what}: {type(error).__name__}: {error}"),
            title="Error",
            severity="error",
            timeout=30,
            markup=False,
        )

    async def apply_changes(self, changed: list[Path]) -> None:
        """Reload what changed on disk and show it where the user is."""
        workspace, archive = self.workspace, self.archive
        assert workspace is not None and archive is not None
        change = await asyncio.to_thread(workspace.refresh, changed)
        # Updated here, between two frames: the screens read the archive as they draw.
        archive.update(change.briefings, change.removed, workspace.stale)
        for screen in self.screen_stack:
            screen.post_message(ArchiveChanged(set(workspace.stale)))
        self._report(change.problems, "changed with problems (the last good version stays)")

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.MouseDown) and self._pressed_on_a_removed_widget(event):
            # Textual starts a text selection in the pressed widget's parent, and a
            # widget removed since the last frame has none (AttributeError): the monkey
            # clicked a list as a dialog closed. The next frame shows what is there.
            return
        await super().on_event(event)

    def _pressed_on_a_removed_widget(self, event: events.MouseDown) -> bool:
        if not self.screen_stack:
            return False
        try:
            widget, _ = self.screen.get_widget_and_offset_at(event.x, event.y)
        except NoWidget:
            return False
        return widget is not None and not isinstance(widget, Screen) and widget.parent is None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "show_errors":
            return bool(self.problems)
        if action == "search":
            return self.archive is not None
        return True

    def action_search(self) -> None:
        def chosen(found: Found | Ref | None) -> None:
            if isinstance(found, Ref):  # a note's entry
                self.browse(found)
            elif found is not None:
                self.go_to(found)

        assert self.archive is not None  # check_action offers search only then
        self.push_screen(SearchScreen(self.archive, notes=self.main_screen.notes), chosen)

    def go_to(self, found: Found) -> None:
        """Where a search result leads: a place of several visits to the overview of
        those; a person, organization or theme of several visits to its page across
        them; anything else to its briefing."""
        if len(found.briefings) > 1 and found.kind is Kind.briefing:
            self.show_visits(found.matched.text)
        elif len(found.briefings) > 1 and found.kind in (
            Kind.counterpart,
            Kind.organization,
            Kind.theme,
        ):
            self.show_across(found.ref)
        else:
            self.browse(found.ref)

    def action_help(self) -> None:
        # Imported here: the notes' screens need the archive's modules, loaded after the
        # first paint.
        from tui.ui.screens.note_editor import NoteEditor
        from tui.ui.screens.notes_list import NotesScreen

        self.push_screen(
            HelpScreen(
                help_groups(
                    ("Anywhere", BriefingsApp),
                    ("Browsing", MainScreen),
                    ("In a list", EntryTable),
                    ("In the detail's lines", FactList),
                    ("In the detail's links", LinkList),
                    ("In the source text", SourcePane),
                    ("Searching", SearchScreen),
                    ("Writing a note", NoteEditor),
                    ("Notes and follow-ups", NotesScreen),
                    ("Visits overview", VisitsScreen),
                    ("Across visits", AcrossScreen),
                )
            )
        )

    def action_show_errors(self) -> None:
        self.push_screen(ErrorsScreen(self.problems))

    def action_export_markdown(self) -> None:
        """The open briefing as a Markdown file: in a terminal saved in the downloads
        folder, in a browser downloaded."""
        from tui.present.book import briefing_markdown

        briefing_id = self.main_screen.briefing_id
        if self.archive is None or briefing_id is None:
            return
        text = briefing_markdown(self.archive, briefing_id)
        stem = _FILE_NAME_UNSAFE.sub("-", briefing_id).strip("-.") or "briefing"
        directory = None if self.is_web else user_downloads_path()
        name = f"{stem}.md" if directory is None else _unused_name(directory, stem, ".md")
        self.deliver_text(
            io.StringIO(text),
            save_directory=directory,
            save_filename=name,
            mime_type="text/markdown",
        )

    def on_delivery_complete(self, event: events.DeliveryComplete) -> None:
        where = "Download started" if event.path is None or self.is_web else f"Saved {event.path}"
        self.notify(where, title="Export", markup=False)

    def on_delivery_failed(self, event: events.DeliveryFailed) -> None:
        self.notify(str(event.exception), title="Export failed", severity="error", markup=False)

    # Textual's three ways to open its command palette, each opening ours (see
    # tui.ui.screens.command_palette): ctrl+p, the palette of commands given, and the
    # theme picker that the "Theme" command opens.

    def action_command_palette(self) -> None:
        # is_open is typed for App[object]; App is invariant in its result type.
        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            self.push_screen(Palette(id="--command-palette"))

    def search_commands(
        self, commands: Sequence[CommandListItem], placeholder: str = "Search for commands…"
    ) -> AwaitMount:
        provider = SimpleProvider(self.screen, list(commands))
        # A provider instance, as Textual's own search_commands passes (its type says classes).
        return self.push_screen(
            Palette(providers=[provider], placeholder=placeholder)  # type: ignore[list-item]
        )

    def search_themes(self) -> None:
        self.push_screen(Palette(providers=[ThemeProvider], placeholder="Search for themes…"))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's own commands, then every key that works where the user is, by its
        description: the palette offers what the footer and the help list."""
        yield from super().get_system_commands(screen)
        offered = {"command_palette", "quit"}  # Textual's own commands include these
        for active in screen.active_bindings.values():
            binding = active.binding
            if not active.enabled or binding.action in offered or not binding.description:
                continue
            offered.add(binding.action)
            yield SystemCommand(
                binding.description,
                binding.tooltip or binding.description,
                partial(self.run_action, binding.action, active.node),
            )
        if screen is self.main_screen and self.main_screen.briefing_id is not None:
            yield SystemCommand(
                "Export briefing as Markdown",
                "The open briefing as a .md file (in a browser, a download)",
                self.action_export_markdown,
            )


# The app's own workers that run for long, and what their failure stops.
_REPORTED_WORKERS = {"load": "Loading stopped", "watch": "Live reload stopped"}

# Seconds the loading worker waits for the first briefing's frame before going on.
FIRST_FRAME_WAIT = 5.0

# A briefing's id names the file; anything but these could make it a path or a bad header.
_FILE_NAME_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")


def _unused_name(directory: Path, stem: str, suffix: str) -> str:
    """A file name in `directory` that names no file yet: Textual's delivery would
    overwrite an earlier export of the same briefing."""
    name, number = f"{stem}{suffix}", 1
    while (directory / name).exists():
        number += 1
        name = f"{stem} ({number}){suffix}"
    return name


def create_app(paths: Iterable[Path], *, watch: bool = True) -> BriefingsApp:
    """The one way the app is made, by the command line and by the tests."""
    return BriefingsApp(paths, watch=watch)
