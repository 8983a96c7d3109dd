"""A screen that keeps posting messages to itself does not stop the app: keys and
timers are still handled meanwhile (tui/ui/fair_turns.py). Without it, the app's queue
waited until the screen's chain ended; in the tmux monkey, a chain that never ended
held the repaints and the keys for good."""

from __future__ import annotations

import asyncio

import pytest
from textual.screen import Screen
from ui_helpers import wait_for, wait_loaded

from tui.reading.bundled import paths_or_bundled
from tui.ui.app import create_app
from tui.ui.screens.help import HelpScreen
from tui.ui.screens.main import MainScreen

CHAIN = 3000  # messages the screen posts to itself, one after the other


def chain(screen: Screen[object], done: list[int]) -> None:
    """Each callback queues the next on the screen, so its queue is never empty until the
    chain ends (as a resize that lays out, and a layout that resizes, would)."""

    def step() -> None:
        done[0] += 1
        if done[0] < CHAIN:
            screen.call_later(step)

    screen.call_later(step)


@pytest.mark.parametrize("opened", ["main", "dialog"])
async def test_the_app_runs_while_a_screen_is_busy_with_its_own_messages(opened: str) -> None:
    app = create_app(paths_or_bundled([]), watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        if opened == "dialog":
            await pilot.press("question_mark")
            await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen), "the help")
        else:
            assert isinstance(app.screen, MainScreen)
        done = [0]
        seen_by_the_app: list[int] = []
        chain(app.screen, done)
        await asyncio.sleep(0)  # the chain has started
        app.call_later(lambda: seen_by_the_app.append(done[0]))
        await wait_for(pilot, lambda: done[0] == CHAIN, "the end of the chain")
        await wait_for(pilot, lambda: bool(seen_by_the_app), "the app's callback")
        # The app had its turn long before the screen was done.
        assert seen_by_the_app[0] < CHAIN // 10
