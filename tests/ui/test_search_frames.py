"""The search dialog draws a key's results without a layout of the screen: a layout
draws the whole screen afresh, in a frame of its own (tui.ui.screens.search)."""

from __future__ import annotations

import pytest
from textual.screen import Screen
from textual.widgets import Input, OptionList
from ui_helpers import screen_text, wait_for, wait_loaded

from tui.reading.bundled import paths_or_bundled
from tui.ui.app import create_app
from tui.ui.screens.search import SearchScreen


async def test_keys_that_change_the_number_of_results_lay_nothing_out(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    layouts: list[str] = []
    refresh_layout = Screen._refresh_layout

    def counted(screen: Screen, *args: object, **kwargs: object) -> None:
        if isinstance(screen, SearchScreen):
            layouts.append(screen.query_one(Input).value)
        refresh_layout(screen, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Screen, "_refresh_layout", counted)
    app = create_app(paths_or_bundled([]), watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("slash")
        await wait_for(pilot, lambda: isinstance(app.screen, SearchScreen), "the search")
        await pilot.pause()
        results = app.screen.query_one(OptionList)
        layouts.clear()
        counts = []
        # From no results to ten, then fewer, then one: the list's lines change in
        # number each key, always fewer than fit, so its scrollbar never shows.
        for key in "lemin":
            await pilot.press(key)
            typed = app.screen.query_one(Input).value
            await wait_for(
                pilot, lambda typed=typed: f"“{typed}”" in screen_text(app), "the results"
            )
            counts.append(results.option_count)
        assert len(set(counts)) > 2, counts
        assert "Le Mingham" in screen_text(app)
        assert not results.show_vertical_scrollbar
        assert layouts == []


async def test_a_letter_that_finds_the_same_keeps_the_rendered_options() -> None:
    app = create_app(paths_or_bundled([]), watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("slash")
        await wait_for(
            pilot,
            lambda: isinstance(app.screen, SearchScreen) and bool(app.screen.query(OptionList)),
            "the search",
        )
        results = app.screen.query_one(OptionList)
        for key in "lemingh":
            await pilot.press(key)
        await wait_for(pilot, lambda: "“lemingh”" in screen_text(app), "the results")
        await pilot.pause()
        before = list(results.options)
        assert "Le Mingham" in str(before[0].prompt)
        await pilot.press("a")
        await wait_for(pilot, lambda: "“lemingha”" in screen_text(app), "the results")
        # The same results: the very options, with what they rendered, not new ones.
        assert list(results.options) == before
        assert all(a is b for a, b in zip(results.options, before, strict=True))
        assert results.highlighted == 0
        await pilot.press(*["backspace"] * 8, *"dassault")
        await wait_for(pilot, lambda: "“dassault”" in screen_text(app), "the results")
        assert [str(o.prompt) for o in results.options] != [str(o.prompt) for o in before]
