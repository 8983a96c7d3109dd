"""Crashes reached by keys a person can press, each reproduced as it was found (in
tmux, by the monkey), whichever library's frames the traceback had. Each test fails
without the workaround it is named after.

Keys "in one read" are queued together, as the driver posts them when a terminal
delivers them at once (a fast typist, a busy machine, a paste)."""

from __future__ import annotations

import asyncio
from datetime import date
from pathlib import Path

from hostile import OTHER_YAML, small_folder, small_yaml
from rich.style import Style
from textual import events
from textual.app import App, ComposeResult
from textual.command import CommandInput, CommandList, CommandPalette
from textual.pilot import Pilot, _get_mouse_message_arguments
from textual.widgets import Input, Static
from textual.widgets.option_list import Option
from ui_helpers import BUNDLED, in_one_read, several_briefings, wait_for, wait_loaded

from tui.notes.attach import stamp_of
from tui.reading.bundled import paths_or_bundled
from tui.ui.app import BriefingsApp, create_app
from tui.ui.screens.errors import ErrorsScreen
from tui.ui.screens.notes_list import NoteList, NotesScreen
from tui.ui.screens.search import SearchScreen
from tui.ui.screens.switcher import BriefingSwitcher
from tui.ui.widgets.option_lists import GuardedOptionList

TODAY = date.today()


def bundled_app() -> BriefingsApp:
    return create_app(paths_or_bundled([]), watch=False)


def alive(app: BriefingsApp) -> None:
    assert app._exception is None, repr(app._exception)
    assert app.is_running


async def palette_ready(pilot: Pilot) -> None:
    app = pilot.app
    await wait_for(pilot, lambda: CommandPalette.is_open(app), "the palette")
    await wait_for(
        pilot, lambda: app.screen.query_one(CommandList).option_count > 0, "palette entries"
    )
    await wait_for(
        pilot,
        lambda: not app.workers._workers or all(w.is_finished for w in app.workers),
        "the palette's search",
    )


# --- 1. paging an OptionList with nothing laid out ------------------------------------


async def test_paging_the_palette_right_after_it_opens() -> None:
    app = bundled_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await in_one_read(pilot, "ctrl+p", "pagedown", "pageup", "pagedown")
        await pilot.pause(0.1)
        alive(app)


async def test_paging_the_palette_on_a_terminal_three_rows_high() -> None:
    app = bundled_app()
    async with app.run_test(size=(120, 3)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("ctrl+p")
        await palette_ready(pilot)
        await pilot.press("down", "pagedown", "pageup")
        await pilot.pause()
        alive(app)


async def test_paging_the_switcher_four_rows_high(tmp_path: Path) -> None:
    app = create_app([several_briefings(tmp_path)], watch=False)
    async with app.run_test(size=(120, 4)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("b")
        await wait_for(pilot, lambda: isinstance(app.screen, BriefingSwitcher), "the switcher")
        await pilot.press("pagedown", "pageup")
        alive(app)


async def test_paging_the_search_results_four_rows_high() -> None:
    app = bundled_app()
    async with app.run_test(size=(120, 4)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("slash", "l", "e")
        await wait_for(pilot, lambda: isinstance(app.screen, SearchScreen), "the search")
        await pilot.press("tab", "pagedown", "pageup")
        alive(app)


async def test_paging_the_notes_three_rows_high() -> None:
    """An entry's notes (n, once it has one) on a terminal three rows high: the list of
    notes was a plain OptionList (KeyError in _move_page; the pilot monkey met it)."""
    app = bundled_app()
    async with app.run_test(size=(120, 3)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("n", "x", "ctrl+s", "escape")
        await wait_for(pilot, lambda: app.screen is app.main_screen, "the editor to close")
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, NotesScreen), "the notes")
        await pilot.press("pagedown", "pageup")
        alive(app)


async def test_a_click_on_an_option_that_has_gone() -> None:
    """A click on the fifth option as the terminal last drew it, handled after the list
    became one option long (IndexError in OptionList._on_click; the monkey met it in
    the command palette, MONKEY_SEED=2439731763, step 157). The click names the option
    it was drawn over."""

    class Listed(App[None]):
        def compose(self) -> ComposeResult:
            yield GuardedOptionList(*(Option(f"option {n}") for n in range(8)))

    app = Listed()
    async with app.run_test(size=(40, 10)) as pilot:
        options = app.query_one(GuardedOptionList)
        arguments = _get_mouse_message_arguments(options, (2, 4))
        options.set_options([Option("the one left")])
        options.post_message(events.Click(**arguments, style=Style(meta={"option": 4}), chain=1))
        await pilot.pause()
        assert app._exception is None, repr(app._exception)
        assert options.highlighted in (None, 0)


async def test_the_palettes_list_is_guarded() -> None:
    app = bundled_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("ctrl+p")
        await palette_ready(pilot)
        assert isinstance(app.screen.query_one(CommandList), GuardedOptionList)


# --- 4. a selection from links the detail no longer shows -----------------------------


async def test_enter_then_a_pane_key_in_one_read_in_the_links() -> None:
    app = bundled_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("1", "enter", *["down"] * 5)
        await pilot.pause()
        await in_one_read(pilot, "enter", "2")
        await pilot.pause(0.1)
        alive(app)


async def test_a_move_in_the_detail_then_a_pane_key_in_one_read() -> None:
    """Up in the detail's lines, then 2 in the same read: the highlight's message is
    handled after 2 has shown a person, whose detail has fewer lines (IndexError in
    DetailPane.on_option_list_option_highlighted; the tmux monkey met it at 80 keys/s,
    TMUX_MONKEY_SEED=488627113)."""
    app = bundled_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await in_one_read(pilot, "4", "end")
        await in_one_read(pilot, "up", "2")
        await pilot.pause(0.1)
        alive(app)


async def test_keys_after_a_screen_closed_before_it_was_ready() -> None:
    """A dialog opened and closed before it handled its ScreenResume (a click opens it,
    another event closes it at once): its late "ready" was taken for the main screen's,
    and every key typed from then on was held, for ever (the pilot monkey met it,
    MONKEY_SEED=2084909234: the app stopped answering keys)."""
    app = bundled_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        errors = ErrorsScreen([])
        app.push_screen(errors)
        errors.dismiss()
        await pilot.pause()
        await in_one_read(pilot, "2")
        await pilot.pause()
        assert app.focused is app.main_screen.query_one("#counterparts")
        alive(app)


# --- 2, 3. a screen dismissed twice ---------------------------------------------------


async def test_enter_enter_in_the_switcher(tmp_path: Path) -> None:
    app = create_app([several_briefings(tmp_path)], watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("b")
        await wait_for(pilot, lambda: isinstance(app.screen, BriefingSwitcher), "the switcher")
        await in_one_read(pilot, "down", "enter", "enter")
        await pilot.pause(0.1)
        alive(app)
        assert app.screen is app.main_screen


async def test_a_double_click_on_a_follow_up() -> None:
    """Two clicks on a follow-up (f) before the first is handled: each selects it, and
    the second dismissed the list again, popping the main screen (ScreenStackError).
    The notes' screens now close once, as the dialogs do."""
    app = bundled_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        ref = app.main_screen.shown
        assert ref is not None and app.main_screen.notes is not None
        app.main_screen.notes.add(ref, *stamp_of(app.archive, ref), "Call back", due=TODAY)
        await pilot.press("f")
        await wait_for(pilot, lambda: isinstance(app.screen, NotesScreen), "the follow-ups")
        await pilot.pause()
        listing = app.screen.query_one(NoteList)
        arguments = _get_mouse_message_arguments(listing, (2, 0))
        for _ in range(2):
            listing.post_message(
                events.Click(**arguments, style=Style(meta={"option": 0}), chain=1)
            )
        await pilot.pause(0.1)
        alive(app)
        assert app.screen is app.main_screen


async def test_enter_enter_in_the_palette() -> None:
    app = bundled_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("ctrl+p", *"themes")
        await palette_ready(pilot)
        await in_one_read(pilot, "down", "enter", "enter")
        await pilot.pause(0.1)
        alive(app)
        assert app.screen is app.main_screen


# --- 5. the palette's search started by a keystroke queued before it closed ----------


async def test_no_palette_search_starts_after_it_closed() -> None:
    """Keystrokes' Input.Changed already in the palette's queue when Escape (handled by
    the app, in the same read) closes it: Textual's palette handles them after the close
    and starts a search each, which fails when the palette's widgets go while it runs
    (NoMatches for CommandList in _gather_commands, ending the app; the tmux monkey met
    it at 80 keys/s, TMUX_MONKEY_SEED=1114140955). When the widgets go is the terminal's
    timing; what is certain is the search started after the close: none may."""
    app = bundled_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("ctrl+p")
        await palette_ready(pilot)
        palette = app.screen
        palette.post_message(Input.Changed(palette.query_one(CommandInput), "themes"))
        palette.dismiss()
        searches = []
        for _ in range(100):  # turns of the event loop, until the palette is gone
            searches += [
                worker
                for worker in app.workers
                if worker.node is palette and not worker.is_cancelled
            ]
            await asyncio.sleep(0)
        assert not searches
        alive(app)
        assert app.screen is app.main_screen


# --- a screen left open while its entry's file goes ------------------------------------


async def test_notes_on_an_entry_whose_briefing_went_while_they_were_open(
    tmp_path: Path,
) -> None:
    """An entry's notes open, its briefing deleted on disk (live reload), then a note
    edited and closed: listing the notes again named the entry from the archive
    (KeyError in Archive.label; the pilot monkey met it, MONKEY_SEED=4135833956)."""
    folder = small_folder(tmp_path, ("small.yaml", small_yaml()), ("z-lyon.yaml", OTHER_YAML))
    app = create_app([folder], watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("n", "x", "ctrl+s", "escape")
        await wait_for(pilot, lambda: app.screen is app.main_screen, "the editor to close")
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, NotesScreen), "the notes")
        (folder / "small.yaml").unlink()
        await app.apply_changes([folder / "small.yaml"])
        await pilot.press("down", "e")
        await wait_for(pilot, lambda: not isinstance(app.screen, NotesScreen), "the editor")
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, NotesScreen), "the notes again")
        await pilot.pause()
        alive(app)
        title = str(app.screen.query_one("#notes-title", Static).render())
        assert "(no longer loaded)" in title, title
        await pilot.press("home", "enter")  # + New note, on an entry no longer loaded
        await pilot.pause()
        alive(app)
        assert isinstance(app.screen, NotesScreen)


async def test_pressing_the_mouse_on_a_widget_removed_since_the_last_frame() -> None:
    """Textual starts a text selection in the pressed widget's parent; a widget removed
    since the last frame has none (AttributeError in Screen._forward_event). The monkey
    clicked a list just as a dialog closed."""
    app = BriefingsApp([BUNDLED], watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        header = app.main_screen.query_one("#header")
        x, y = header.region.x + 2, header.region.y
        await header.remove()
        # What the driver does with a press: the app gets it, before any new frame.
        app.post_message(
            events.MouseDown(header, x, y, 0, 0, 1, False, False, False, screen_x=x, screen_y=y)
        )
        await pilot.pause()
        assert app._exception is None
        assert app.is_running
