"""Pilot tests of notes in the app: the editor (explicit save, autosave, the unsaved
prompt), notes in the detail and marks in the lists, an entry's notes, the follow-ups
view, notes in search, and a damaged notes file."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from datetime import date, timedelta
from pathlib import Path

import pytest
import ui_helpers
from textual.pilot import Pilot
from textual.widgets import DataTable, OptionList, TextArea
from ui_helpers import ref, screen_text, static_text, wait_loaded

from tui.index.refs import Kind, Ref
from tui.notes.store import NoteStore, default_path
from tui.reading.bundled import bundled_briefings
from tui.ui import screens
from tui.ui.app import BriefingsApp, create_app
from tui.ui.screens.note_editor import NoteEditor, UnsavedPrompt
from tui.ui.screens.notes_list import NotesScreen
from tui.ui.screens.search import SearchScreen
from tui.ui.widgets.panes import CounterpartTable

Start = Callable[..., AbstractAsyncContextManager[Pilot]]
LE_MINGHAM = ref("counterpart", "le-mingham")
OBERG = ref("counterpart", "oberg")


@pytest.fixture
def start() -> Start:
    @asynccontextmanager
    async def run(*paths: Path, size: tuple[int, int] = (120, 40)) -> AsyncIterator[Pilot]:
        app = create_app(list(paths) or [bundled_briefings()], watch=False)
        async with app.run_test(size=size, notifications=True) as pilot:
            await wait_loaded(pilot)
            yield pilot

    return run


@pytest.fixture
def fast_autosave(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(screens.note_editor, "AUTOSAVE_PAUSE", 0.2)


async def wait_for(
    pilot: Pilot, condition: Callable[[], bool], what: str, pauses: int = 1500
) -> None:
    """ui_helpers.wait_for with room for a machine busy with other work (a bound, not a
    timing)."""
    await ui_helpers.wait_for(pilot, condition, what, pauses)


@pytest.fixture
def no_autosave(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pause in typing never comes: what is typed stays unsaved, however slow the
    machine is between two keys."""
    monkeypatch.setattr(screens.note_editor, "AUTOSAVE_PAUSE", 3600)


def app_of(pilot: Pilot) -> BriefingsApp:
    assert isinstance(pilot.app, BriefingsApp)
    return pilot.app


def stored() -> NoteStore:
    return NoteStore.open(default_path())


def texts(ref: Ref) -> list[str]:
    with stored() as store:
        return [note.text for note in store.notes_on(ref)]


async def type_text(pilot: Pilot, text: str) -> None:
    await pilot.press(*("space" if c == " " else c for c in text))


async def open_editor_on_le_mingham(pilot: Pilot) -> NoteEditor:
    await pilot.press("2")  # the counterparts: Le Mingham first, shown
    assert app_of(pilot).main_screen.shown == LE_MINGHAM
    await pilot.press("n")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, NoteEditor), "the editor")
    editor = pilot.app.screen
    assert isinstance(editor, NoteEditor)
    return editor


async def test_a_note_saved_with_a_key_shows_in_the_detail_and_marks_the_list(start: Start):
    async with start() as pilot:
        app = app_of(pilot)
        editor = await open_editor_on_le_mingham(pilot)
        assert "Note on counterpart Le Mingham" in static_text(app, "#note-title")
        await type_text(pilot, "Ask about the loan")
        await pilot.press("ctrl+s")
        assert texts(LE_MINGHAM) == ["Ask about the loan"]
        assert "Saved at" in static_text(app, "#note-status")
        await pilot.press("escape")  # saved: closes without asking
        await wait_for(pilot, lambda: app.screen is app.main_screen, "the main screen")
        assert not editor.is_attached

        notes = static_text(app, "#detail-notes")
        assert "Your notes (1)" in notes and "Ask about the loan" in notes
        table = app.main_screen.query_one(CounterpartTable)
        assert str(table.get_cell_at((0, 0))).startswith("✎ Le Mingham")
        assert not str(table.get_cell_at((1, 0))).startswith("✎")
        # Another entry: its own (no) notes, in the same frame as its detail.
        await pilot.press("j")
        assert app.main_screen.shown == OBERG
        assert not app.main_screen.query_one("#detail-notes").display


async def test_a_pause_in_typing_saves_the_note(start: Start, fast_autosave: None):
    async with start() as pilot:
        app = app_of(pilot)
        await open_editor_on_le_mingham(pilot)
        await type_text(pilot, "first words")
        await wait_for(pilot, lambda: texts(LE_MINGHAM) == ["first words"], "the autosave")
        assert "Saved after a pause" in static_text(app, "#note-status")
        await type_text(pilot, " and more")
        await wait_for(pilot, lambda: texts(LE_MINGHAM) == ["first words and more"], "again")
        await pilot.press("ctrl+s")
        with stored() as store:
            (note,) = store.notes_on(LE_MINGHAM)
            # Autosaves stand in for one another: a new note has no earlier text yet.
            assert store.revisions(note.id) == []
        await type_text(pilot, ", saved")
        await pilot.press("ctrl+s")
        with stored() as store:
            # An explicit save keeps what it replaces.
            assert [r.text for r in store.revisions(note.id)] == ["first words and more"]
            assert store.get(note.id).text == "first words and more, saved"
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is app.main_screen, "the main screen")


async def test_closing_with_unsaved_text_asks_and_never_drops_it_silently(
    start: Start, no_autosave: None
):
    async with start() as pilot:
        app = app_of(pilot)
        editor = await open_editor_on_le_mingham(pilot)
        await type_text(pilot, "half a thought")
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, UnsavedPrompt), "the prompt")
        assert "changes not saved yet" in screen_text(app)
        await pilot.press("escape")  # keep editing
        await wait_for(pilot, lambda: app.screen is editor, "the editor again")
        assert editor.query_one(TextArea).text == "half a thought"
        assert app.focused is editor.query_one(TextArea)

        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, UnsavedPrompt), "the prompt")
        await pilot.press("s")  # save and close
        await wait_for(pilot, lambda: app.screen is app.main_screen, "the main screen")
        assert texts(LE_MINGHAM) == ["half a thought"]

        # Now with notes, n lists them; a new note, then discarded when asked.
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, NotesScreen), "the notes")
        await pilot.press("enter")  # "+ New note"
        await wait_for(pilot, lambda: isinstance(app.screen, NoteEditor), "the editor")
        await type_text(pilot, "never mind")
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, UnsavedPrompt), "the prompt")
        await pilot.press("d")
        await wait_for(pilot, lambda: isinstance(app.screen, NotesScreen), "the notes")
        assert texts(LE_MINGHAM) == ["half a thought"]


async def test_an_empty_new_note_closes_without_asking_and_saves_nothing(start: Start):
    async with start() as pilot:
        app = app_of(pilot)
        await open_editor_on_le_mingham(pilot)
        await pilot.press("ctrl+s")
        assert "empty note is not saved" in static_text(app, "#note-status")
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is app.main_screen, "the main screen")
        assert texts(LE_MINGHAM) == []


async def test_an_entry_s_notes_newest_first_edit_delete_and_undo(start: Start):
    with stored() as store:
        older = store.add(LE_MINGHAM, "Le Mingham", "d", "older note")
        store.add(LE_MINGHAM, "Le Mingham", "d", "[b]newer[/b] note\x1b[2J")
    async with start() as pilot:
        app = app_of(pilot)
        await pilot.press("2")
        notes = static_text(app, "#detail-notes")
        assert notes.index("[b]newer[/b] note\ufffd[2J") < notes.index("older note")
        await pilot.press("n")
        await wait_for(
            pilot,
            lambda: isinstance(app.screen, NotesScreen) and bool(app.screen.query(OptionList)),
            "the notes",
        )
        listing = app.screen.query_one(OptionList)
        assert listing.option_count == 3  # "+ New note" and the two, newest first
        await pilot.press("j", "j")  # the older one
        await pilot.press("d")
        assert texts(LE_MINGHAM) == ["[b]newer[/b] note\x1b[2J"]
        await pilot.press("u")
        assert len(texts(LE_MINGHAM)) == 2
        await pilot.press("g", "j", "j", "e")
        await wait_for(pilot, lambda: isinstance(app.screen, NoteEditor), "the editor")
        editor = app.screen
        assert isinstance(editor, NoteEditor) and editor.note is not None
        assert editor.note.id == older.id
        await pilot.press("end", "!", "ctrl+s", "escape")
        await wait_for(pilot, lambda: isinstance(app.screen, NotesScreen), "the notes")
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is app.main_screen, "the main screen")
        assert "older note!" in static_text(app, "#detail-notes")


async def test_the_follow_ups_view_lists_what_is_due_soonest_first_with_orphans(start: Start):
    today = date.today()
    with stored() as store:
        store.add(OBERG, "Oberg", "d", "later one", due=today + timedelta(days=9))
        store.add(LE_MINGHAM, "Le Mingham", "d", "soon one", due=today + timedelta(days=1))
        store.add(LE_MINGHAM, "Le Mingham", "d", "plain note, not a follow-up")
        store.add(ref("theme", "gone-theme"), "A removed theme", "d", "its entry is gone")
        store.add(Ref(Kind.event, "elsewhere", "x"), "Elsewhere", "d", "undated", follow_up=True)
    async with start() as pilot:
        app = app_of(pilot)
        await pilot.press("f")
        await wait_for(pilot, lambda: isinstance(app.screen, NotesScreen), "the follow-ups")
        text = screen_text(app)
        assert "Open follow-ups: 3 follow-ups, soonest first; then 1 orphaned note" in text
        order = [text.index(words) for words in ("soon one", "later one", "undated")]
        assert order == sorted(order)
        assert "its entry is gone" in text
        assert "orphaned: was on theme 'A removed theme'" in text
        assert "in a briefing not open" in text
        assert "plain note" not in text
        await pilot.press("x")  # the soonest is done
        await wait_for(pilot, lambda: "soon one" not in screen_text(app), "it to go")
        await pilot.press("enter")  # the next: Oberg's, opened
        await wait_for(pilot, lambda: app.screen is app.main_screen, "the main screen")
        assert app.main_screen.shown == OBERG
        assert "later one" in static_text(app, "#detail-notes")


async def test_search_finds_note_text_labelled_as_a_note(start: Start):
    with stored() as store:
        store.add(OBERG, "Oberg", "d", "Promised a visit to Strasbourg")
    async with start() as pilot:
        app = app_of(pilot)
        await pilot.press("slash")
        await wait_for(pilot, lambda: isinstance(app.screen, SearchScreen), "search")
        await type_text(pilot, "strasbourg")
        results = app.screen.query_one(OptionList)
        prompts = [str(results.get_option_at_index(i).prompt) for i in range(results.option_count)]
        noted = [p for p in prompts if p.startswith("Note ")]
        assert noted and "Promised a visit to Strasbourg" in noted[0]
        assert "counterpart 'Oberg'" in noted[0]
        results.highlighted = prompts.index(noted[0])
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen is app.main_screen, "the main screen")
        assert app.main_screen.shown == OBERG


async def test_a_damaged_notes_file_is_named_and_the_app_runs_without_notes(start: Start):
    path = default_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"SQLite format 3\x00" + b"\x10\x00" + b"\x00" * 82)  # a header, no pages
    before = path.read_bytes()
    async with start() as pilot:
        app = app_of(pilot)
        await wait_for(pilot, lambda: "Notes are off" in screen_text(app), "the notification")
        # What the notification says, whole (on screen it wraps the long path anywhere).
        problem = app.main_screen.notes_problem
        assert problem is not None and str(path) in problem and "backup" in problem
        assert app.main_screen.notes is None
        await pilot.press("2", "n")
        assert app.screen is app.main_screen
        assert app.main_screen.query_one(DataTable).is_mounted  # still browsing
    assert path.read_bytes() == before


async def test_discarding_undoes_what_autosaves_wrote(
    start: Start, fast_autosave: None, monkeypatch: pytest.MonkeyPatch
):
    with stored() as store:
        store.add(LE_MINGHAM, "Le Mingham", "d", "as it was")
    async with start() as pilot:
        app = app_of(pilot)
        await pilot.press("2", "n")
        await wait_for(pilot, lambda: isinstance(app.screen, NotesScreen), "the notes")
        await pilot.press("j", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, NoteEditor), "the editor")
        await pilot.press("end", "!")
        await wait_for(pilot, lambda: texts(LE_MINGHAM) == ["as it was!"], "the autosave")
        monkeypatch.setattr(screens.note_editor, "AUTOSAVE_PAUSE", 3600)
        await pilot.press("?")
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, UnsavedPrompt), "the prompt")
        await pilot.press("d")
        await wait_for(pilot, lambda: isinstance(app.screen, NotesScreen), "the notes")
        assert texts(LE_MINGHAM) == ["as it was"]
