"""The footer keeps no key it has replaced (tui.ui.widgets.footer)."""

from __future__ import annotations

import gc
from pathlib import Path

from textual.widgets._footer import FooterKey
from ui_helpers import wait_loaded

from tui.ui.app import BriefingsApp

ROOT = Path(__file__).resolve().parents[2]


def keys_alive() -> int:
    gc.collect()
    return sum(isinstance(thing, FooterKey) for thing in gc.get_objects())


async def test_moving_through_a_list_keeps_no_old_footer_keys() -> None:
    """Each entry shown changes the active bindings and the footer makes its keys anew;
    Textual's Footer kept every key it ever made (they watch its `compact`)."""
    app = BriefingsApp([ROOT / "briefings"], watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("2")
        await pilot.pause()
        before = keys_alive()
        for _ in range(15):
            await pilot.press("down", "1", "2")
            await pilot.pause()
        assert keys_alive() <= before + 5
