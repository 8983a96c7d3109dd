"""Snapshots of the main screens at 80x24 and 120x40 (pytest-textual-snapshot).

Update with `pytest tests/ui/test_app_snapshots.py --snapshot-update`, then look at the
SVGs (or the report) before committing them. Each snapshot waits for the load to finish
(the progress bar hides) and turns the text cursor's blinking off, so nothing depends
on timing.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input
from ui_helpers import wait_for, wait_loaded

from tui.reading.bundled import bundled_briefings
from tui.ui.app import create_app
from tui.ui.screens.across import AcrossScreen
from tui.ui.screens.visits import VisitsScreen

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


@pytest.fixture(autouse=True)
def _plain_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    # Colours and animations must not depend on the environment the tests run in.
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")


def then(*keys: str, query: str | None = None) -> Callable[[Pilot], Awaitable[None]]:
    """A run_before: wait for the load, press the keys, then type a search query."""

    async def run_before(pilot: Pilot) -> None:
        await wait_loaded(pilot)
        await pilot.press(*keys)
        if query is not None:
            search = pilot.app.screen.query_one(Input)
            search.cursor_blink = False
            await pilot.press(*query)
        await pilot.pause()

    return run_before


def app():
    return create_app([bundled_briefings()], watch=False)


@pytest.mark.parametrize("size", SIZES)
def test_main_screen_after_load(snap_compare, size: tuple[int, int]) -> None:
    """The bundled briefing: itinerary focused, its first event in the detail."""
    assert snap_compare(app(), terminal_size=size, run_before=then())


@pytest.mark.parametrize("size", SIZES)
def test_search_with_a_query(snap_compare, size: tuple[int, int]) -> None:
    """`/` then "lemingham": Le Mingham first, matched by his alias."""
    assert snap_compare(app(), terminal_size=size, run_before=then("slash", query="lemingham"))


@pytest.mark.parametrize("size", SIZES)
def test_help_screen(snap_compare, size: tuple[int, int]) -> None:
    """`?`: every key, grouped by where it applies."""
    assert snap_compare(app(), terminal_size=size, run_before=then("question_mark"))


@pytest.mark.parametrize("size", SIZES)
def test_detail_of_a_counterpart(snap_compare, size: tuple[int, int]) -> None:
    """`2` then `G`: Pan Yumin's detail, with his inferred organization."""
    assert snap_compare(app(), terminal_size=size, run_before=then("2", "G"))


ARCHIVE = Path(__file__).resolve().parent.parent / "data" / "archive"


def archive_app():
    """The bundled briefing and the hand-made archive: four visits."""
    return create_app([bundled_briefings(), ARCHIVE], watch=False)


async def on_the_overview(pilot: Pilot) -> None:
    await wait_loaded(pilot, past_overview=False)
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, VisitsScreen), "the overview")
    pilot.app.screen.query_one(Input).cursor_blink = False
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
def test_visits_overview(snap_compare, size: tuple[int, int]) -> None:
    """Several briefings: the app opens on every visit, newest first, no year last."""
    assert snap_compare(archive_app(), terminal_size=size, run_before=on_the_overview)


def test_an_organization_across_visits(snap_compare) -> None:
    """`/` "@org allianz", enter: Allianz in every visit, with what each link rests on."""

    async def run_before(pilot: Pilot) -> None:
        await on_the_overview(pilot)
        await pilot.press("escape", "slash", *"@org allianz")
        await pilot.pause()
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, AcrossScreen), "the page")
        await pilot.pause()

    assert snap_compare(archive_app(), terminal_size=(120, 40), run_before=run_before)
