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


async def test_the_footer_keeps_its_keys_while_they_stay_the_same() -> None:
    """A refresh of the bindings that changes no key shown leaves the keys as they are
    (making them anew styled and laid out a dozen widgets at every focus change, and
    several times between the first frame and the first briefing); a key that is
    enabled or disabled is shown anew."""
    app = BriefingsApp([ROOT / "briefings"], watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        screen = app.main_screen
        keys = list(screen.query(FooterKey))
        screen.refresh_bindings()
        await pilot.pause()
        await pilot.pause()
        assert list(screen.query(FooterKey)) == keys
        # The note key greyed out, as check_action does for keys that do not apply.
        check_action = screen.check_action
        screen.check_action = lambda action, parameters: (  # type: ignore[method-assign]
            None if action == "note" else check_action(action, parameters)
        )
        screen.refresh_bindings()
        await pilot.pause()
        await pilot.pause()
        assert list(screen.query(FooterKey)) != keys
        # FooterKey keeps its own state apart from the widget's `disabled`.
        assert [key.key for key in screen.query(FooterKey) if key._disabled] == ["n"]
