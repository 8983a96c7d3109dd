"""Nothing lays out or repaints the screen while nobody touches the app, at any size.

At a terminal a few columns wide the detail's text used to be one column wide: with
its scrollbar it had none, so its text took no lines and the scrollbar went; without
the scrollbar, the text took hundreds of lines and the scrollbar came back, and the
main screen was laid out again every frame (a core half busy while idle).
"""

from __future__ import annotations

import pytest
from textual.widget import Widget
from ui_helpers import wait_loaded

from tui.reading.bundled import bundled_briefings
from tui.ui.app import create_app

# Sizes around the one where the detail is squeezed to a column, and ordinary ones.
SIZES = [(20, 6), (31, 4), (35, 10), (36, 10), (10, 40), (80, 24), (120, 40)]


@pytest.mark.parametrize("size", SIZES)
async def test_an_idle_app_neither_lays_out_nor_repaints(
    size: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    app = create_app([bundled_briefings()], watch=False)
    async with app.run_test(size=size) as pilot:
        await wait_loaded(pilot)
        await pilot.pause(0.3)  # what the load set off has settled
        screen = app.main_screen
        layouts = refreshes = 0
        lay_out = screen._refresh_layout
        refresh = Widget.refresh

        def counted_layout(*args: object, **kwargs: object) -> None:
            nonlocal layouts
            layouts += 1
            lay_out(*args, **kwargs)  # type: ignore[arg-type]

        def counted_refresh(self: Widget, *args: object, **kwargs: object) -> Widget:
            nonlocal refreshes
            refreshes += 1
            return refresh(self, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(screen, "_refresh_layout", counted_layout)
        monkeypatch.setattr(Widget, "refresh", counted_refresh)
        await pilot.pause(0.5)
        assert (layouts, refreshes) == (0, 0)
