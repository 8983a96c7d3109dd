"""The keys that crashed the dialogs (tests/ui/test_crashes.py), pressed on the full
screens of the archive: the visits overview and the pages across visits. They are
ClosingOnce screens (tui/ui/screens/dialog.py), as the dialogs are: the tests of a
selection handled after another screen opened, or after the page was refilled, fail
without it. Their lists are DataTables, which page without Textual's OptionList fault;
the paging tests keep it so."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable
from ui_helpers import in_one_read, wait_for, wait_loaded

from tui.ui.app import BriefingsApp, create_app
from tui.ui.screens.across import AcrossScreen
from tui.ui.screens.search import SearchScreen
from tui.ui.screens.visits import VisitsScreen

ARCHIVE = Path(__file__).resolve().parent.parent / "data" / "archive"


def alive(app: BriefingsApp) -> None:
    assert app._exception is None, repr(app._exception)
    assert app.is_running


def archive_app() -> BriefingsApp:
    return create_app([ARCHIVE], watch=False)


async def overview_ready(pilot: Pilot) -> None:
    app = pilot.app
    await wait_loaded(pilot, past_overview=False)
    await wait_for(pilot, lambda: isinstance(app.screen, VisitsScreen), "the overview")
    await pilot.pause()


async def page_ready(pilot: Pilot) -> None:
    """From the overview: Allianz's page across visits (/, the name, enter)."""
    app = pilot.app
    await pilot.press("slash", *"@org allianz")
    await wait_for(pilot, lambda: isinstance(app.screen, SearchScreen), "the search")
    await pilot.press("enter")
    await wait_for(pilot, lambda: isinstance(app.screen, AcrossScreen), "the page")
    await pilot.pause()


async def test_paging_the_visits_overview_four_rows_high() -> None:
    app = archive_app()
    async with app.run_test(size=(120, 4)) as pilot:
        await overview_ready(pilot)
        await in_one_read(pilot, "pagedown", "pageup", "pagedown", "end", "pageup")
        await pilot.pause(0.1)
        alive(app)


async def test_paging_the_visits_overview_filtered_to_nothing() -> None:
    app = archive_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await overview_ready(pilot)
        await pilot.press("f", *"zzzz", "enter")
        await in_one_read(pilot, "pagedown", "pageup", "down", "enter", "end", "home")
        await pilot.pause(0.1)
        alive(app)
        assert isinstance(app.screen, VisitsScreen)


async def test_enter_enter_in_the_visits_overview() -> None:
    app = archive_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await overview_ready(pilot)
        await in_one_read(pilot, "enter", "enter")
        await pilot.pause(0.1)
        alive(app)
        assert app.screen is app.main_screen


async def test_enter_then_help_in_one_read_in_the_visits_overview() -> None:
    """The visit's selection is handled after the help opened: it must not close the
    help in the overview's place (dismiss pops whatever screen is on top)."""
    app = archive_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await overview_ready(pilot)
        await in_one_read(pilot, "enter", "question_mark")
        await pilot.pause(0.1)
        alive(app)
        assert [type(s).__name__ for s in app.screen_stack[1:]] in (
            ["VisitsScreen", "HelpScreen"],
            ["HelpScreen"],
        ), app.screen_stack


async def test_escape_escape_in_the_visits_overview() -> None:
    app = archive_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await overview_ready(pilot)
        await in_one_read(pilot, "escape", "escape", "escape")
        await pilot.pause(0.1)
        alive(app)
        assert app.screen is app.main_screen


async def test_paging_a_page_across_visits_five_rows_high() -> None:
    app = archive_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await overview_ready(pilot)
        await page_ready(pilot)
        await pilot.resize_terminal(120, 5)
        await in_one_read(pilot, "pagedown", "pageup", "end", "pagedown", "home", "pageup")
        await pilot.pause(0.1)
        alive(app)


async def test_enter_enter_on_a_page_across_visits() -> None:
    app = archive_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await overview_ready(pilot)
        await page_ready(pilot)
        await in_one_read(pilot, "enter", "enter")
        await pilot.pause(0.1)
        alive(app)
        assert app.screen is app.main_screen


async def test_enter_then_help_in_one_read_on_a_page_across_visits() -> None:
    app = archive_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await overview_ready(pilot)
        await page_ready(pilot)
        await in_one_read(pilot, "enter", "question_mark")
        await pilot.pause(0.1)
        alive(app)
        assert type(app.screen_stack[-1]).__name__ == "HelpScreen"
        assert type(app.screen_stack[-2]).__name__ in ("AcrossScreen", "MainScreen")


async def test_a_selection_on_a_page_refilled_since() -> None:
    """Enter, then the page refilled (the files changed) before the selection is handled:
    the row selected is no longer the one the user saw, and nothing opens."""
    app = archive_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await overview_ready(pilot)
        await page_ready(pilot)
        screen = app.screen
        assert isinstance(screen, AcrossScreen)
        table = screen.query_one(DataTable)
        await pilot.press("down")
        table.action_select_cursor()  # the selection is queued as a message
        screen._show()  # what ArchiveChanged does, before the message is handled
        await pilot.pause(0.1)
        alive(app)
        assert app.screen is screen
