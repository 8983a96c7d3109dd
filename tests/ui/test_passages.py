"""Reading the source: a fact selected in the detail shows its own passage, strongly and
on screen, the entry's other passages faintly; ] and [ step through them; Tab moves focus
without opening anything; the detail and the source scroll with the usual keys."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import OptionList, Static
from ui_helpers import wait_loaded

from tui.index.refs import Kind, Ref
from tui.reading.bundled import bundled_briefings
from tui.reading.quotes import fold_whitespace
from tui.ui.app import BriefingsApp, create_app
from tui.ui.widgets.detail_pane import FactList
from tui.ui.widgets.source_pane import CURRENT, OTHER, SourcePane, _line_of

BID = "nanjing-france-study-visit"


@asynccontextmanager
async def started(size: tuple[int, int]) -> AsyncIterator[Pilot]:
    app = create_app([bundled_briefings()], watch=False)
    async with app.run_test(size=size) as pilot:
        await wait_loaded(pilot, opens_a_briefing=True)
        yield pilot


def app_of(pilot: Pilot) -> BriefingsApp:
    assert isinstance(pilot.app, BriefingsApp)
    return pilot.app


def on_screen(app: BriefingsApp) -> bool:
    """The first line of the strong passage is inside the source pane's visible area."""
    source = app.main_screen.query_one(SourcePane)
    [current, *_] = source.current_passages
    text = source._source.text if source._source else ""
    start = text.index(current)
    for widget, (lo, hi) in zip(source._widgets, source._paragraphs, strict=True):
        if lo <= start < hi:
            content = Content(text[lo:hi])
            line = _line_of(content, widget.content_region.width, start - lo)
            y = widget.region.y + line
            visible = source.content_region
            return source.region.height > 0 and visible.y <= y < visible.bottom
    return False


def styled(app: BriefingsApp, style: str) -> list[str]:
    """The stretches of the source shown in a style."""
    found = []
    for paragraph in app.main_screen.query(".paragraph.-marked").results(Static):
        content = paragraph.render()
        assert isinstance(content, Content)
        found += [content.plain[s.start : s.end] for s in content.spans if str(s.style) == style]
    return [fold_whitespace(text) for text in found]


async def select_line(pilot: Pilot, starting: str) -> None:
    """In the detail's lines, move down to the first that starts with these words."""
    app = app_of(pilot)
    facts = app.main_screen.query_one(FactList)
    await pilot.press("5")
    assert app.focused is facts
    prompts = [
        str(facts.get_option_at_index(i).prompt).lstrip("• \n") for i in range(facts.option_count)
    ]
    target = next(i for i, prompt in enumerate(prompts) if prompt.startswith(starting))
    while facts.highlighted != target:
        await pilot.press("down")
    await pilot.pause()


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_a_statement_shows_its_own_passage_on_screen(size: tuple[int, int]) -> None:
    async with started(size) as pilot:
        app = app_of(pilot)
        screen = app.main_screen
        await pilot.press("1", "G", "k", "k", "k")  # the meeting with Allianz
        await pilot.pause()
        assert screen.shown == Ref(Kind.event, BID, "allianz-meeting")
        event = app.archive.get(screen.shown)
        oberg = event.statements[1]
        await select_line(pilot, "Oberg:")
        if size[0] < 100:
            # Narrow: the source takes the detail's place, already at the passage.
            await pilot.press("s")
            await pilot.pause()
            await pilot.pause()
        source = screen.query_one(SourcePane)
        assert [fold_whitespace(p) for p in source.current_passages] == [
            fold_whitespace(q) for q in oberg.quotes
        ]
        assert styled(app, CURRENT) == [fold_whitespace(oberg.quotes[0])]
        # The event's other passages stay marked, faintly.
        others = styled(app, OTHER)
        assert fold_whitespace(event.statements[0].quotes[0]) in others
        assert on_screen(app)
        assert source.border_subtitle.startswith("passage ")


async def test_next_and_previous_passage_keys() -> None:
    async with started((120, 40)) as pilot:
        app = app_of(pilot)
        source = app.main_screen.query_one(SourcePane)
        await pilot.press("2")  # Le Mingham: two passages
        await pilot.pause()
        await pilot.press("right_square_bracket")
        await pilot.pause()
        first = source.current_passages
        assert source.border_subtitle.startswith("passage 1 of 2")
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert source.current_passages != first
        assert source.border_subtitle.startswith("passage 2 of 2")
        assert on_screen(app)
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert source.current_passages == first
        # The footer shows them.
        footer_keys = {
            binding.description
            for (_, binding, enabled, _) in app.active_bindings.values()
            if binding.show and enabled
        }
        assert {"Next passage", "Prev passage"} <= footer_keys


async def test_on_a_narrow_terminal_the_key_brings_the_source() -> None:
    async with started((80, 24)) as pilot:
        app = app_of(pilot)
        source = app.main_screen.query_one(SourcePane)
        await pilot.press("1", "G")  # the Strasbourg visit
        await pilot.pause()
        assert not source.region.height
        await pilot.press("right_square_bracket")
        await pilot.pause()
        await pilot.pause()
        assert source.region.height > 0
        assert on_screen(app)


async def test_tab_moves_focus_and_opens_nothing() -> None:
    async with started((120, 40)) as pilot:
        app = app_of(pilot)
        screen = app.main_screen
        await pilot.press("2")
        opened = screen.shown
        kinds = set()
        for _ in range(7):
            await pilot.press("tab")
            await pilot.pause()
            assert screen.shown == opened
            kinds.add(type(app.focused).__name__)
        assert {"FactList", "LinkList", "SourcePane", "ItineraryTable"} <= kinds


async def test_the_source_and_the_detail_scroll_with_the_usual_keys() -> None:
    async with started((120, 40)) as pilot:
        app = app_of(pilot)
        source = app.main_screen.query_one(SourcePane)
        await pilot.press("6")
        assert app.focused is source
        await pilot.press("home")
        await pilot.pause()
        assert source.scroll_y == 0
        await pilot.press("space")
        await pilot.pause()
        assert source.scroll_y > 0
        await pilot.press("end")
        await pilot.pause()
        assert source.scroll_y == source.max_scroll_y
        await pilot.press("pageup")
        await pilot.pause()
        assert 0 < source.scroll_y < source.max_scroll_y or source.max_scroll_y == 0

        await pilot.press("1", "enter", "5")  # the first event: a long detail
        facts = app.main_screen.query_one(FactList)
        assert app.focused is facts
        await pilot.press("end")
        await pilot.pause()
        last = facts.highlighted
        assert last is not None and last > 3
        await pilot.press("home")
        assert facts.highlighted is not None and facts.highlighted < last
        assert isinstance(facts, OptionList)


async def test_help_says_how_to_reach_the_detail_and_the_source() -> None:
    async with started((120, 40)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        text = str(pilot.app.screen.query_one("#help-text", Static).render())
        for words in (
            "In the detail's lines",
            "In the source text",
            "Next passage",
            "Prev passage",
            "Move to the source text",
            "Move to the detail's lines",
            "Page down",
        ):
            assert words in text, words


async def test_every_line_of_every_event_selects_without_a_crash() -> None:
    # A statement's passage found at another place than the event's own list holds it
    # (the same words twice) raised ValueError when selected.
    async with started((80, 24)) as pilot:
        app = app_of(pilot)
        events = app.archive.refs(Kind.event, BID)
        await pilot.press("1", "g")
        for number in range(len(events)):
            await pilot.press("5", *["down"] * 12, "1", "j" if number else "g")
            await pilot.pause()
            assert app.is_running
