"""Typeahead: the keys typed with the one that opens a screen reach that screen, in the
order typed, as they do when a terminal delivers them in one read (a fast typist, a
busy machine). Without the app holding them, the letters after "/" were lost."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from textual import events
from textual.command import CommandInput, CommandPalette
from textual.widgets import Input, OptionList, TextArea
from ui_helpers import (
    in_one_read,
    several_briefings,
    static_text,
    typed,
    wait_for,
    wait_loaded,
)

from tui.reading.bundled import paths_or_bundled
from tui.ui.app import BriefingsApp, create_app
from tui.ui.screens.across import AcrossScreen
from tui.ui.screens.main import MainScreen
from tui.ui.screens.note_editor import NoteEditor
from tui.ui.screens.search import SEARCH_LIMIT, SearchScreen
from tui.ui.screens.switcher import BriefingSwitcher
from tui.ui.screens.visits import VisitsScreen
from tui.ui.widgets.panes import ItineraryTable

if TYPE_CHECKING:
    from textual.pilot import Pilot

    from tui.index.archive import Archive
    from tui.index.mixed import Found


def bundled_app() -> BriefingsApp:
    return create_app(paths_or_bundled([]), watch=False)


async def search_box(pilot: Pilot[None], app: BriefingsApp) -> Input:
    """The search's box, once the search is the screen and its box is mounted (the
    screen becomes current a moment before its widgets are there)."""
    await wait_for(
        pilot,
        lambda: isinstance(app.screen, SearchScreen) and bool(app.screen.query(Input)),
        "the search box",
    )
    return app.screen.query_one(Input)


async def test_the_letters_typed_with_the_slash_reach_the_search_box() -> None:
    app = bundled_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await in_one_read(pilot, "slash", *"lemingham")
        box = await search_box(pilot, app)
        await wait_for(pilot, lambda: box.value == "lemingham", "the typed name")


async def test_enter_typed_with_the_name_opens_the_person_found() -> None:
    app = bundled_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await in_one_read(pilot, "slash", *"lemingham", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen), "the search to close")
        await wait_for(
            pilot,
            lambda: app.main_screen.shown is not None and app.main_screen.shown.id == "le-mingham",
            "Le Mingham's detail",
        )


async def test_keys_typed_after_the_search_closes_go_to_the_screen_below() -> None:
    app = bundled_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await in_one_read(pilot, "slash", *"lem", "escape", "3")
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen), "the search to close")
        themes = app.main_screen.query_one("#themes")
        await wait_for(pilot, lambda: app.focused is themes, "the themes pane")


async def test_the_palette_gets_what_is_typed_with_ctrl_p() -> None:
    app = bundled_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await in_one_read(pilot, "ctrl+p", *"mingham")
        await wait_for(pilot, lambda: CommandPalette.is_open(app), "the palette")
        box = app.screen.query_one(CommandInput)
        await wait_for(pilot, lambda: box.value == "mingham", "the typed name")


async def test_a_note_typed_with_n_is_all_in_the_editor() -> None:
    app = bundled_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await wait_for(pilot, lambda: app.main_screen.notes is not None, "the notes")
        await in_one_read(pilot, "n", *"call back", "space", *"soon")
        await wait_for(pilot, lambda: isinstance(app.screen, NoteEditor), "the editor")
        area = app.screen.query_one(TextArea)
        await wait_for(pilot, lambda: area.text == "call back soon", "the typed note")


async def test_the_switcher_follows_keys_typed_with_b(tmp_path: Path) -> None:
    app = create_app([several_briefings(tmp_path)], watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        first = app.main_screen.briefing_id
        await in_one_read(pilot, "b", "down", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen), "the switcher to close")
        await wait_for(
            pilot, lambda: app.main_screen.briefing_id not in (None, first), "another briefing"
        )
        assert not isinstance(app.screen, BriefingSwitcher)


async def test_enter_typed_with_a_pane_key_opens_that_panes_entry() -> None:
    app = bundled_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await in_one_read(pilot, "2", "enter")
        await wait_for(
            pilot,
            lambda: app.main_screen.shown is not None and app.main_screen.shown.id == "le-mingham",
            "the first counterpart, not the itinerary's first event",
        )


async def test_keys_still_on_their_way_through_the_screen_below_come_first(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A busy machine: the keys typed after "/" are still queued in the list below when
    the next read arrives. Seen in tmux under load as "nghamlemi"."""

    async def slowly(self: ItineraryTable, event: events.Key) -> None:
        await asyncio.sleep(0.05)  # each key the list gets takes a while

    monkeypatch.setattr(ItineraryTable, "on_key", slowly, raising=False)
    app = bundled_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        typed(app, "slash", *"lemi")
        await asyncio.sleep(0.12)  # the search is open; "lemi" are not through yet
        typed(app, *"ngham")
        box = await search_box(pilot, app)
        await wait_for(pilot, lambda: len(box.value) == 9, "all the letters")
        assert box.value == "lemingham"


async def test_escape_read_with_the_next_letter_is_both_keys() -> None:
    """The terminal's parser makes one alt key of Escape and the letter after it when
    both arrive in one read (a busy app, a fast typist). No binding takes alt, and both
    keys were lost: the page across visits stayed open and "v" did nothing."""
    app = bundled_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("2", "a")
        await wait_for(pilot, lambda: isinstance(app.screen, AcrossScreen), "the page")
        # As the parser makes it from "\x1bv" in one read.
        key = events.Key("alt+v", "v")
        key.set_sender(app)
        app.post_message(key)
        await wait_for(pilot, lambda: isinstance(app.screen, VisitsScreen), "the overview")
        assert app.screen_stack[-2] is app.main_screen, "the page was not closed first"


async def test_a_name_typed_in_one_read_is_searched_once_with_every_letter(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Keys that arrive faster than searches run: the box shows every one, the results
    are the whole name's, and the prefixes queued behind it are not searched."""
    from tui.index import mixed

    searched: list[str] = []
    search = mixed.search

    def recorded(archive: Archive, query: str, limit: int) -> list[Found]:
        searched.append(query)
        return search(archive, query, limit)

    app = bundled_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("slash")
        box = await search_box(pilot, app)
        monkeypatch.setattr(mixed, "search", recorded)
        await in_one_read(pilot, *"lemingham")
        await wait_for(pilot, lambda: box.value == "lemingham", "every letter")
        await wait_for(
            pilot, lambda: "“lemingham”" in static_text(app, "#search-status"), "its results"
        )
        assert searched[-1] == "lemingham"
        assert len(searched) < len("lemingham"), searched
        results = app.screen.query_one("#search-results", OptionList)
        first = str(results.get_option_at_index(0).prompt)
        assert first.startswith(search(app.archive, "lemingham", SEARCH_LIMIT)[0].item.name)


def slow_to_start(monkeypatch: pytest.MonkeyPatch) -> None:
    """The loading worker takes its time to make the archive, as on a busy machine
    (its modules import for a while before any file is read)."""
    from tui.reading import workspace

    started = workspace.Workspace.__init__

    def slowly(self: workspace.Workspace, *args: object, **kwargs: object) -> None:
        import time

        time.sleep(0.6)
        started(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(workspace.Workspace, "__init__", slowly)


async def test_a_search_typed_before_the_archive_is_made_is_not_lost(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    slow_to_start(monkeypatch)
    app = bundled_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await in_one_read(pilot, "slash", *"lemingham")
        assert app.archive is None, "typed before the archive was made"
        box = await search_box(pilot, app)
        await wait_for(pilot, lambda: box.value == "lemingham", "the typed name")


async def test_quit_is_not_held_while_the_archive_is_made(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    slow_to_start(monkeypatch)
    app = bundled_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("q")
        assert app.archive is None
        await wait_for(pilot, lambda: app.return_code is not None, "the app to quit")
