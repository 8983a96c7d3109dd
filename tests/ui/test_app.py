"""Pilot tests of the browsing app: panes, keys, open/back, search, cross-links, the
source, help, the palette, several briefings with a broken one, and hostile strings."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path

import pytest
from hostile import hostile_folder
from textual.binding import Binding
from textual.command import CommandList, CommandPalette
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, OptionList, Static
from ui_helpers import (
    BROKEN_YAML,
    BUNDLED,
    BUNDLED_ID,
    FOLLOW_UP_ID,
    hostile_briefing,
    in_one_read,
    ref,
    screen_lines,
    screen_text,
    several_briefings,
    shown,
    static_text,
    wait_for,
    wait_loaded,
)

from tui.index.mixed import KIND_LABELS
from tui.index.mixed import search as mixed_search
from tui.reading.bundled import bundled_briefings
from tui.reading.loader import load_briefing, load_paths
from tui.reading.quotes import fold_whitespace
from tui.ui.app import BriefingsApp, create_app
from tui.ui.palette import GoToCommands
from tui.ui.screens.across import AcrossScreen
from tui.ui.screens.errors import ErrorsScreen
from tui.ui.screens.help import HelpScreen
from tui.ui.screens.main import MainScreen
from tui.ui.screens.search import SEARCH_LIMIT, SearchScreen
from tui.ui.screens.switcher import BriefingSwitcher
from tui.ui.widgets.detail_pane import DetailPane, LinkList
from tui.ui.widgets.panes import EntryTable
from tui.ui.widgets.source_pane import SourcePane

Start = Callable[..., AbstractAsyncContextManager[Pilot]]

EVENTS = [
    "paris-cooperation-conference",
    "biomedical-symposium",
    "bnp-paribas-headquarters-meeting",
    "allianz-meeting",
    "valeo-dassault-kering-exchange",
    "chinese-embassy-visit",
    "strasbourg-consulate-visit",
]
TITLE = "Chen Zhichang Leads Nanjing Delegation on a Study Visit in France"


@pytest.fixture
def start() -> Start:
    """start(*paths, size=(120, 40)): the app, run headless and loaded (bundled by default).

    Watching files for changes is off unless asked for: these tests do not change files.
    Notifications are drawn only when asked for (Textual's test default).
    """

    @asynccontextmanager
    async def run(
        *paths: Path,
        size: tuple[int, int] = (120, 40),
        loads: bool = True,
        watch: bool = False,
        notifications: bool = False,
    ) -> AsyncIterator[Pilot]:
        app = create_app(list(paths) or [bundled_briefings()], watch=watch)
        async with app.run_test(size=size, notifications=notifications) as pilot:
            await wait_loaded(pilot, opens_a_briefing=loads)
            yield pilot

    return run


def app_of(pilot: Pilot) -> BriefingsApp:
    assert isinstance(pilot.app, BriefingsApp)
    return pilot.app


def plain(value: object) -> str:
    return value.plain if isinstance(value, Content) else str(getattr(value, "plain", value))


def options(option_list: OptionList) -> list[str]:
    return [
        plain(option_list.get_option_at_index(i).prompt) for i in range(option_list.option_count)
    ]


def links(app: BriefingsApp) -> list[str]:
    return options(app.main_screen.query_one(LinkList))


def detail_title(app: BriefingsApp) -> str:
    return static_text(app, "#detail-title")


def detail_body(app: BriefingsApp) -> str:
    return "\n".join(options(app.main_screen.query_one("#detail-body", OptionList)))


async def open_link(pilot: Pilot, label: str, *, by_keys: bool = True) -> None:
    """Move the focused link list's cursor to the link with this label (with g and j, or
    directly) and press enter."""
    app = app_of(pilot)
    link_list = app.main_screen.query_one(LinkList)
    assert app.focused is link_list
    target = links(app).index(label)
    if by_keys:
        await pilot.press("g", *["j"] * target)
    else:
        link_list.highlighted = target
    await pilot.press("enter")
    await pilot.pause()


def row_of(table: DataTable) -> int:
    return table.cursor_coordinate.row


# --- Start, panes, moving ---------------------------------------------------------


async def test_starts_on_the_bundled_briefing_and_moves_in_a_pane(start: Start) -> None:
    async with start() as pilot:
        app = app_of(pilot)
        assert app.main_screen.briefing_id == BUNDLED_ID
        header = static_text(app, "#header")
        assert TITLE in header
        assert "From November 16 to 18, local time (year not stated)" in header
        assert "France, Paris, Strasbourg" in header
        assert app.focused is app.main_screen.query_one("#itinerary")
        # The detail opens on the briefing itself: its summary, dates and delegation.
        assert shown(app) == ref("briefing", BUNDLED_ID, BUNDLED_ID)
        assert detail_title(app) == TITLE
        assert app.main_screen.query_one(DetailPane).border_title == "5 Briefing"
        assert "Led by: Chen Zhichang, Mayor" in screen_text(app)
        assert not app.main_screen.query_one("#loading").display
        # The three lists are filled.
        assert [t.row_count for t in app.main_screen.query(EntryTable)] == [7, 7, 13, 11]
        # With one briefing and no problems, the errors and briefings keys do not apply.
        assert not list(app._notifications)
        footer = screen_lines(app)[-1]
        assert "Errors" not in footer and "Briefings" not in footer
        await pilot.press("e", "b")
        await pilot.pause()
        assert app.screen is app.main_screen

        # Moving in the itinerary: the detail follows.
        steps = [("j", 1), ("down", 2), ("k", 1), ("up", 0), ("G", 6), ("k", 5), ("g", 0)]
        for key, index in steps:
            await pilot.press(key)
            await pilot.pause()
            assert shown(app) == ref("event", EVENTS[index]), key
            assert detail_title(app) == app.archive.label(ref("event", EVENTS[index])), key
        # Previewing is not opening: nothing to go back to.
        assert len(app.main_screen.history) == 1


async def test_number_keys_and_tab_switch_panes(start: Start) -> None:
    async with start() as pilot:
        app = app_of(pilot)
        screen = app.main_screen
        itinerary, counterparts, themes = (
            screen.query_one(f"#{name}") for name in ("itinerary", "counterparts", "themes")
        )
        await pilot.press("2")
        assert app.focused is counterparts
        assert shown(app) == ref("counterpart", "le-mingham")
        await pilot.press("G")
        assert shown(app) == ref("counterpart", "pan-yumin")
        assert detail_title(app) == "Pan Yumin"
        await pilot.press("3")
        assert app.focused is themes
        assert shown(app) == ref("theme", "science-and-technology-innovation")
        await pilot.press("1")
        assert app.focused is itinerary
        assert shown(app) == ref("event", EVENTS[0])
        # Tab moves focus and opens nothing: the event stays shown.
        await pilot.press("tab")
        assert app.focused is counterparts
        assert shown(app) == ref("event", EVENTS[0])
        await pilot.press("shift+tab")
        assert app.focused is itinerary
        await pilot.pause()
        assert shown(app) == ref("event", EVENTS[0])
        # The mouse too: a click on a row of another pane focuses it and shows the row.
        counterparts.scroll_home(animate=False)  # G scrolled it down
        await pilot.pause()
        await pilot.click("#counterparts", offset=(3, 3))  # the header row, then Oberg
        await pilot.pause()
        assert app.focused is counterparts
        assert shown(app) == ref("counterpart", "oberg")


# --- Opening, cross-links and back ------------------------------------------------


async def test_open_follow_links_and_walk_back(start: Start) -> None:
    async with start() as pilot:
        app = app_of(pilot)
        screen = app.main_screen
        await pilot.press("j", "j", "enter")
        await pilot.pause()
        meeting = ref("event", "bnp-paribas-headquarters-meeting")
        assert shown(app) == meeting
        # enter focuses the detail's links.
        assert app.focused is screen.query_one(LinkList)
        assert links(app) == [
            "Met: Le Mingham",
            "Organizations: BNP Paribas",
            "Themes: Strategic cooperation between BNP Paribas and Bank of Nanjing",
        ]

        await open_link(pilot, "Met: Le Mingham")
        assert shown(app) == ref("counterpart", "le-mingham")
        assert detail_title(app) == "Le Mingham"
        assert screen.query_one(DetailPane).border_title == "5 Counterpart"
        assert links(app) == [
            "Organization: BNP Paribas",
            "Took part in: Meeting with BNP Paribas chairman Le Mingham",
        ]
        # Inferred facts say so.
        body = detail_body(app)
        assert "Organization: BNP Paribas (inferred)" in body
        assert "Title: chairman of the board\n" in body
        # The list pane of the open kind follows.
        assert row_of(screen.query_one("#counterparts", DataTable)) == 0

        await open_link(pilot, "Organization: BNP Paribas")
        assert shown(app) == ref("organization", "bnp-paribas")
        assert detail_title(app) == "BNP Paribas"
        assert links(app) == [
            "People: Le Mingham",
            "Events: China-Nanjing-France-Paris Industry Cooperation and Exchange Conference",
            "Events: Meeting with BNP Paribas chairman Le Mingham",
            "Related: Bank of Nanjing",
        ]
        assert "Kind: bank (inferred)" in detail_body(app)

        await open_link(pilot, "Related: Bank of Nanjing")
        assert shown(app) == ref("organization", "bank-of-nanjing")

        # Back walks through what was opened, newest first, with either key.
        expected = [
            ("escape", ref("organization", "bnp-paribas"), "BNP Paribas"),
            ("backspace", ref("counterpart", "le-mingham"), "Le Mingham"),
            ("escape", meeting, "Meeting with BNP Paribas chairman Le Mingham"),
            ("backspace", ref("briefing", BUNDLED_ID), TITLE),
        ]
        for key, expected_ref, title in expected:
            await pilot.press(key)
            await pilot.pause()
            assert shown(app) == expected_ref, key
            assert detail_title(app) == title, key
        # The itinerary's cursor went back to the meeting on the way.
        assert row_of(screen.query_one("#itinerary", DataTable)) == 2
        # Nothing further back: the briefing stays open.
        await pilot.press("escape")
        await pilot.pause()
        assert shown(app) == ref("briefing", BUNDLED_ID)


async def test_theme_detail_links_events_and_organizations(start: Start) -> None:
    async with start() as pilot:
        app = app_of(pilot)
        theme = ref("theme", "bnp-paribas-bank-of-nanjing-cooperation")
        await pilot.press("3", "down", "enter")
        await pilot.pause()
        assert shown(app) == ref("theme", "strategic-emerging-industries")
        assert links(app) == [
            "Came up at: China-Nanjing-France-Paris Industry Cooperation and Exchange Conference",
            "With: Valeo Group",
            "With: BNP Paribas",
            "With: Unital",
            "With: Paris Region SME Union",
        ]
        app.main_screen.open(theme)
        await pilot.pause()
        assert links(app) == [
            "Came up at: Meeting with BNP Paribas chairman Le Mingham",
            "With: BNP Paribas",
        ]
        await open_link(pilot, "Came up at: Meeting with BNP Paribas chairman Le Mingham")
        assert shown(app) == ref("event", "bnp-paribas-headquarters-meeting")
        # The itinerary's cursor follows even though the themes pane opened it.
        assert row_of(app.main_screen.query_one("#itinerary", DataTable)) == 2
        await pilot.press("escape")
        assert shown(app) == theme


# --- Search -----------------------------------------------------------------------


async def test_search_updates_on_every_keystroke_and_jumps(start: Start) -> None:
    async with start() as pilot:
        app = app_of(pilot)
        # No match: says so, enter stays, escape leaves with nothing opened.
        await pilot.press("slash", *"zqxj")
        await pilot.pause()
        assert app.screen.query_one("#search-results", OptionList).option_count == 0
        assert "Nothing matches “zqxj”" in static_text(app, "#search-status")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.main_screen
        assert shown(app) == ref("briefing", BUNDLED_ID, BUNDLED_ID)
        assert len(app.main_screen.history) == 1

        counterparts = app.main_screen.query_one("#counterparts", DataTable)
        counterparts.move_cursor(row=6)
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        results = app.screen.query_one("#search-results", OptionList)
        assert "Type to search" in static_text(app, "#search-status")
        query = ""
        for key in "lemingham":
            query += key
            await pilot.press(key)
            await pilot.pause()
            expected = mixed_search(app.archive, query, SEARCH_LIMIT)
            assert results.option_count == len(expected), query
            for prompt, match in zip(options(results), expected, strict=True):
                assert f"matched {match.matched.kind} “{match.matched.text}”" in prompt
                assert KIND_LABELS[match.kind] in prompt
        first = options(results)[0]
        assert first.startswith("Le Mingham, chairman of the board, BNP Paribas")
        assert "matched alias “Lemingham”" in first
        assert TITLE in first
        assert results.highlighted == 0
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is app.main_screen
        assert shown(app) == ref("counterpart", "le-mingham")
        assert detail_title(app) == "Le Mingham"
        assert row_of(counterparts) == 0
        # A search is an opening: back returns to the briefing.
        await pilot.press("escape")
        assert shown(app) == ref("briefing", BUNDLED_ID)

        # Accents and typos are fine.
        await pilot.press("slash", *"diple")
        await pilot.pause()
        assert options(app.screen.query_one("#search-results", OptionList))[0].startswith(
            "Diplé, Deputy CEO, Kering Group"
        )
        # (Typing is tested above: from here on the query is set in one go.)
        app.screen.query_one(Input).value = "pan yumn"  # a typo
        await pilot.pause()
        assert options(app.screen.query_one("#search-results", OptionList))[0].startswith(
            "Pan Yumin"
        )
        await pilot.press("enter")
        await pilot.pause()
        assert shown(app) == ref("counterpart", "pan-yumin")
        assert row_of(app.main_screen.query_one("#counterparts", DataTable)) == 6


def marked_paragraphs(app: BriefingsApp) -> list[Static]:
    return list(app.main_screen.query(".paragraph.-marked").results(Static))


def highlighted_passages(app: BriefingsApp) -> list[str]:
    """The styled stretches of the source's marked paragraphs."""
    passages = []
    for paragraph in marked_paragraphs(app):
        content = paragraph.render()
        assert isinstance(content, Content)
        passages += [content.plain[span.start : span.end] for span in content.spans]
    return passages


async def test_source_highlights_the_open_items_quotes_and_s_toggles_it(start: Start) -> None:
    async with start() as pilot:
        app = app_of(pilot)
        source = app.main_screen.query_one(SourcePane)
        assert source.display and source.region.height > 0
        await pilot.press("2")  # Le Mingham
        await pilot.pause()
        person = app.archive.get(ref("counterpart", "le-mingham"))
        marked = marked_paragraphs(app)
        assert marked
        marked_text = fold_whitespace(" ".join(str(p.render()) for p in marked))
        for quote in person.quotes:
            assert fold_whitespace(quote) in marked_text
        # The quotes themselves are styled, not just their paragraphs.
        highlighted = fold_whitespace(" ".join(highlighted_passages(app)))
        for quote in person.quotes:
            assert fold_whitespace(quote) in highlighted
        assert source.border_subtitle == "2 passages highlighted"
        # The first marked paragraph was scrolled into view.
        await pilot.pause()
        assert source.scroll_y > 0
        assert marked[0].region.overlaps(source.content_region)

        # Another entry, other quotes (in the same paragraph, as it happens).
        await pilot.press("j")  # Oberg
        await pilot.pause()
        highlighted = fold_whitespace(" ".join(highlighted_passages(app)))
        assert "Mr. Oberg, Vice President of Allianz Insurance Group" in highlighted
        assert "Le Mingham" not in highlighted

        # s hides the source and shows it again.
        detail = app.main_screen.query_one(DetailPane)
        await pilot.press("s")
        await pilot.pause()
        assert not source.region.height
        assert detail.region.height > 0
        await pilot.press("s")
        await pilot.pause()
        assert source.region.height > 0

        # On a narrow terminal the source gives way to the detail; s swaps them.
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not source.region.height and detail.region.height > 0
        await pilot.press("s")
        await pilot.pause()
        assert source.region.height > 0 and not detail.region.height
        assert marked_paragraphs(app)
        await pilot.press("s")
        await pilot.pause()
        assert not source.region.height and detail.region.height > 0


# --- Help, palette ----------------------------------------------------------------


async def test_help_lists_every_binding_and_the_palette_finds_people(start: Start) -> None:
    async with start() as pilot:
        app = app_of(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = static_text(app, "#help-text")
        for owner in (BriefingsApp, MainScreen, EntryTable, LinkList, SearchScreen):
            for binding in owner.BINDINGS:
                assert isinstance(binding, Binding)
                assert binding.description, (owner, binding)
                # A line with the binding's keys, its description and its tooltip.
                key = app.get_key_display(next(iter(Binding.make_bindings([binding]))))
                said = re.escape(binding.description)
                if binding.tooltip:
                    said += " — " + re.escape(binding.tooltip)
                line = re.compile(rf"^  {re.escape(key)}(,| ).* {said}$", re.M)
                assert line.search(text), (owner.__name__, binding.key, binding.description)
        for heading in ("Anywhere", "Browsing", "In a list", "In the detail's links"):
            assert heading in text
        # Keys hidden from the footer are in the help.
        assert re.search(r"^  esc, ⌫\s+Back — Back to what was open before$", text, re.M)
        assert re.search(r"^  G\s+Bottom$", text, re.M)
        assert re.search(r"^  shift\+tab\s+Previous pane$", text, re.M)
        assert re.search(r"^  \^p\s+Commands — Go to anything by name$", text, re.M)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.main_screen

        # ctrl+p: the palette goes to a counterpart by name.
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"Mingham")
        command_list = app.screen.query_one(CommandList)
        await wait_for(
            pilot,
            lambda: any(o.startswith("Person: Le Mingham") for o in options(command_list)),
            "the palette to offer Le Mingham",
        )
        index = next(
            i for i, o in enumerate(options(command_list)) if o.startswith("Person: Le Mingham")
        )
        for _ in range(index + 2):
            if command_list.highlighted == index:
                break
            await pilot.press("down")
        assert command_list.highlighted == index
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is app.main_screen
        assert shown(app) == ref("counterpart", "le-mingham")
        assert detail_title(app) == "Le Mingham"


# --- Several briefings, a broken one ----------------------------------------------


async def test_several_briefings_a_broken_one_and_the_switcher(
    start: Start, tmp_path: Path
) -> None:
    folder = several_briefings(tmp_path)
    (problem,) = load_paths([folder]).problems
    assert re.fullmatch(r".*broken\.yaml:\d+:\d+: .+", str(problem))
    async with start(folder, notifications=True) as pilot:
        app = app_of(pilot)
        assert set(app.archive.briefings) == {BUNDLED_ID, FOLLOW_UP_ID}
        assert app.main_screen.briefing_id == BUNDLED_ID
        # The problem is notified...
        (notification,) = list(app._notifications)
        assert notification.severity == "error"
        assert "1 file could not be loaded; press e to see why." in notification.message
        assert str(problem) in notification.message
        await wait_for(
            pilot, lambda: "could not be loaded" in screen_text(app), "the notification to show"
        )
        # ...and listed on the errors screen as file:line:col: message.
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ErrorsScreen)
        assert static_text(app, "#errors-text") == str(problem)
        assert "1 problem in 1 file;" in static_text(app, "#errors-title")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.main_screen

        # b switches between the briefings that loaded.
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, BriefingSwitcher)
        switcher = app.screen.query_one(OptionList)
        listed = options(switcher)
        assert len(listed) == 2
        assert listed[0].startswith(TITLE) and listed[1].startswith("Follow-up talks in Nanjing")
        assert switcher.highlighted == 0  # the open one
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.screen is app.main_screen
        assert app.main_screen.briefing_id == FOLLOW_UP_ID
        assert app.main_screen.history.current == ref("briefing", FOLLOW_UP_ID, FOLLOW_UP_ID)
        # The detail shows the briefing chosen, not the first row of a list.
        assert shown(app) == ref("briefing", FOLLOW_UP_ID, FOLLOW_UP_ID)
        itinerary = app.main_screen.query_one("#itinerary", DataTable)
        assert itinerary.row_count == 1
        assert "Follow-up talks at Bank of Nanjing" in screen_text(app)
        # Escape in the switcher changes nothing.
        await pilot.press("b", "escape")
        await pilot.pause()
        assert app.main_screen.briefing_id == FOLLOW_UP_ID
        # Back returns to the first briefing.
        await pilot.press("escape")
        await pilot.pause()
        assert app.main_screen.briefing_id == BUNDLED_ID


async def test_cross_briefing_links(start: Start, tmp_path: Path) -> None:
    async with start(several_briefings(tmp_path)) as pilot:
        app = app_of(pilot)
        # Search spans every briefing and says which one.
        await pilot.press("slash")
        app.screen.query_one(Input).value = "mingham"
        await pilot.pause()
        found = options(app.screen.query_one("#search-results", OptionList))
        assert any("Le Mingham" in f and "Follow-up talks in Nanjing" in f for f in found)
        assert any("Le Mingham" in f and TITLE in f for f in found)
        # The same person in two visits (same name, same organization) is one result,
        # and leads to their page across visits.
        index = next(i for i, f in enumerate(found) if "Le Mingham" in f and "in 2 visits" in f)
        await pilot.press(*["down"] * index, "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, AcrossScreen), "the page")
        page = app.screen
        assert isinstance(page, AcrossScreen) and page.page is not None
        visits = {a.visit for a in page.page.appearances}
        assert visits == {TITLE, "Follow-up talks in Nanjing"}
        assert "same name, same organization" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        app.main_screen.open(ref("counterpart", "le-mingham"))
        await pilot.pause()
        assert shown(app) == ref("counterpart", "le-mingham")
        assert links(app) == [
            "Organization: BNP Paribas",
            "Took part in: Meeting with BNP Paribas chairman Le Mingham",
            "Took part in: Follow-up talks at Bank of Nanjing (in Follow-up talks in Nanjing)",
            "Same person in other briefings: Le Mingham (in Follow-up talks in Nanjing; "
            "same name, same organization)",
        ]
        assert app.main_screen.query_one(DetailPane).focus_links()
        await pilot.pause()
        await open_link(
            pilot,
            "Same person in other briefings: Le Mingham (in Follow-up talks in Nanjing; "
            "same name, same organization)",
            by_keys=False,
        )
        other = ref("counterpart", "le-mingham", FOLLOW_UP_ID)
        assert shown(app) == other
        # Opening it switched the briefing: header and lists are the other briefing's.
        assert app.main_screen.briefing_id == FOLLOW_UP_ID
        assert "Follow-up talks in Nanjing" in static_text(app, "#header")
        counterparts = app.main_screen.query_one("#counterparts", DataTable)
        assert [plain(counterparts.get_row_at(i)[0]) for i in range(2)] == [
            "Zhao Lan",
            "Le Mingham",
        ]
        assert row_of(counterparts) == 1
        assert links(app)[-1] == (
            f"Same person in other briefings: Le Mingham (in {TITLE}; same name, same organization)"
        )
        await pilot.press("escape")
        await pilot.pause()
        assert shown(app) == ref("counterpart", "le-mingham")
        assert app.main_screen.briefing_id == BUNDLED_ID
        assert TITLE in static_text(app, "#header")


async def test_briefings_not_kept_whole_are_read_again_when_shown(
    start: Start, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # One briefing whole at a time: every switch reads the other one again.
    monkeypatch.setattr("tui.index.archive.KEPT", 1)
    folder = several_briefings(tmp_path)
    async with start(folder, notifications=True) as pilot:
        app = app_of(pilot)
        itinerary = app.main_screen.query_one("#itinerary", DataTable)
        assert itinerary.row_count == len(load_briefing(BUNDLED).briefing.itinerary)
        await pilot.press("b", "down", "enter")
        await pilot.pause()
        assert shown(app) == ref("briefing", FOLLOW_UP_ID, FOLLOW_UP_ID)
        assert itinerary.row_count == 1
        # The file of the briefing no longer in memory breaks: going back to it says
        # why it cannot be shown, and what is on screen stays.
        (folder / BUNDLED.name).write_text(BROKEN_YAML, encoding="utf-8")
        app._notifications.clear()
        await pilot.press("escape")
        await pilot.pause()
        assert shown(app) == ref("briefing", FOLLOW_UP_ID, FOLLOW_UP_ID)
        (notification,) = list(app._notifications)
        assert notification.severity == "error"
        assert notification.message.startswith(f"Cannot show it: {folder / BUNDLED.name}:")
        assert itinerary.row_count == 1 and app.is_running


async def test_a_missing_path_is_a_problem_not_a_crash(start: Start, tmp_path: Path) -> None:
    async with start(tmp_path / "nowhere.yaml", loads=False) as pilot:
        app = app_of(pilot)
        assert "No briefing loaded." in static_text(app, "#header")
        await pilot.press("j", "enter", "slash", "a", "enter", "escape", "e")
        await pilot.pause()
        assert "nowhere.yaml: no such file or folder" in static_text(app, "#errors-text")


# --- Hostile strings --------------------------------------------------------------

MARKUP = ("[/]", "[bold]x", "[@click=app.quit]z")


def assert_no_control_characters(app: BriefingsApp) -> str:
    text = screen_text(app)
    assert "\x1b" not in text and "\x07" not in text
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", text)
    return text


async def test_the_palette_scores_long_names_itself(
    start: Start, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Textual's fuzzy matcher tries every way to place the query's letters in a text:
    # on a briefing's 2,000-letter name it ran for minutes and took gigabytes
    # (MONKEY_SEED=641879, typing "aifEN" in the palette). Entries never go to it.
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("an entry's text went to Textual's fuzzy matcher")

    monkeypatch.setattr(GoToCommands, "matcher", refuse)
    async with start(hostile_folder(tmp_path)) as pilot:
        app = app_of(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"aifEN")
        await pilot.pause()
        await pilot.press(*["backspace"] * 5, *"wolfeschlegel")
        command_list = app.screen.query_one(CommandList)
        await wait_for(
            pilot,
            lambda: any(o.startswith("Theme: Wolfeschlegel") for o in options(command_list)),
            "the palette to offer the theme with the long name",
        )
        assert any(o.startswith("Event: Wolfeschlegel") for o in options(command_list))
        assert app.is_running


async def test_hostile_strings_are_shown_literally_and_do_nothing(
    start: Start, tmp_path: Path
) -> None:
    folder = hostile_briefing(tmp_path).parent
    # A broken file whose name is markup and an escape sequence.
    (folder / "[@click=app.quit]z\x1b[2J.yaml").write_text(BROKEN_YAML, encoding="utf-8")
    async with start(folder, notifications=True) as pilot:
        app = app_of(pilot)
        # The problem's notification and errors screen show the name plainly.
        await wait_for(
            pilot, lambda: "could not be loaded" in screen_text(app), "the notification to show"
        )
        # What the toast draws (read from the toast itself: it wraps the name over lines,
        # and where it breaks them depends on the length of the temporary folder's path).
        toasts = " ".join(str(toast.render()) for toast in app.screen.query("Toast"))
        assert "[@click=app.quit]z\\x1b[2J.yaml" in toasts.replace("\n", "")
        assert_no_control_characters(app)
        await pilot.press("e")
        await pilot.pause()
        # Where the unclosed list starts, the name's escape shown as \x1b and never sent.
        errors = static_text(app, "#errors-text")
        assert "[@click=app.quit]z\\x1b[2J.yaml:4:9: " in errors
        assert_no_control_characters(app)
        await pilot.press("escape")

        text = assert_no_control_characters(app)
        # Markup is shown as written, in the header, the lists and the detail.
        assert "[bold]x" in static_text(app, "#header")
        counterparts = app.main_screen.query_one("#counterparts", DataTable)
        assert [plain(counterparts.get_row_at(i)[0]) for i in range(3)] == list(MARKUP)
        lines = screen_lines(app)
        for name in MARKUP:
            assert any(f"│ {name} " in line for line in lines), name
        assert any("│ 1   [@click=app.quit]z" in line for line in lines)
        assert detail_title(app) == "[bold]x"  # the briefing's own title
        await pilot.press("j", "k")  # the first event
        await pilot.pause()
        assert detail_title(app) == "[@click=app.quit]z"
        title = app.main_screen.query_one("#detail-title", Static).render()
        assert isinstance(title, Content) and not title.spans
        assert "Source: [@click=app.quit]z" in text
        # Escape sequences arrive as replacement characters.
        assert "\ufffd]52;c;aGk=\ufffd" in text  # the second event's title
        assert "Place: \ufffd[2J" in detail_body(app)

        # Every entry's detail, the links and the source.
        await pilot.press("j", "enter")
        assert detail_title(app) == "\ufffd]52;c;aGk=\ufffd"
        assert_no_control_characters(app)
        await pilot.press("escape", "2", "j", "j")
        assert detail_title(app) == "[@click=app.quit]z"
        assert "Title: \ufffd[2J" in detail_body(app)
        assert_no_control_characters(app)
        await pilot.press("3")
        assert detail_title(app) == "\ufffd]52;c;aGk=\ufffd"
        assert "About: \ufffd[2J cleared" in detail_body(app)
        assert_no_control_characters(app)
        await pilot.press("1", "g", "enter")
        assert links(app) == [
            "Met: [/]",
            "Met: [bold]x",
            "Met: [@click=app.quit]z",
            "Organizations: [/]",
            "Themes: \ufffd]52;c;aGk=\ufffd",
        ]
        assert_no_control_characters(app)

        # Clicking where markup would have made a link triggers nothing.
        for selector, offset in (
            ("#detail-title", (17, 0)),  # the z of [@click=app.quit]z
            ("#header", (7, 0)),  # the x of [bold]x
            ("#counterparts", (19, 4)),  # the third row's z
            ("#source", (11, 0)),  # the border title: "╭─ Source: [@click=app.quit]z"
            ("#source", (28, 0)),  # its z
        ):
            await pilot.click(selector, offset=offset)
        await pilot.pause()
        assert app.return_code is None and app.is_running
        assert app.screen is app.main_screen

        # Search, the switcher and the palette show them plainly too.
        await pilot.press("slash")
        app.screen.query_one(Input).value = "click"
        await pilot.pause()
        found = options(app.screen.query_one("#search-results", OptionList))
        assert found[0].startswith("[@click=app.quit]z, \ufffd[2J")
        assert_no_control_characters(app)
        await pilot.press("enter")
        assert shown(app) == ref("counterpart", "click", "hostile")
        await pilot.press("ctrl+p")
        app.screen.query_one(Input).value = "bold"
        palette = app.screen.query_one(CommandList)
        await wait_for(pilot, lambda: palette.option_count > 0, "palette hits")
        assert any("[bold]x" in option for option in options(palette))
        assert_no_control_characters(app)
        await pilot.press("escape")
        assert app.return_code is None


# --- Terminal sizes ---------------------------------------------------------------


@pytest.mark.parametrize("size", [(120, 40), (80, 24), (40, 12)])
async def test_sizes(start: Start, size: tuple[int, int]) -> None:
    async with start(size=size) as pilot:
        app = app_of(pilot)
        if size[0] >= 80:
            # The three lists and the detail are on screen, side by side.
            screen_region = app.screen.region
            regions = [
                app.main_screen.query_one(selector).region
                for selector in ("#itinerary", "#counterparts", "#themes", "#detail")
            ]
            for region in regions:
                assert region.height >= 4 and region.width >= 30
                assert screen_region.contains_region(region)
            assert regions[3].x >= regions[0].right
        await pilot.press("2", "enter", "enter", "escape", "s", "slash", "y", "enter")
        await pilot.press("question_mark", "escape")
        await pilot.pause()
        assert app.is_running and app.screen is app.main_screen
        now = shown(app)
        assert now is not None and detail_title(app) == app.archive.label(now)
        assert_no_control_characters(app)


async def test_a_move_then_a_dialog_in_one_read_still_previews_the_move() -> None:
    """Down then "?" typed together: the dialog opens before the list's move reaches
    the main screen, which still shows the event moved to, as the list says."""
    app = create_app([BUNDLED], watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("1")
        table = app.screen.query_one("#itinerary", EntryTable)
        await in_one_read(pilot, "down", "question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen), "the help")
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen), "the main screen")
        assert table.highlighted is not None and table.highlighted == shown(app)
        assert table.cursor_row == 1
