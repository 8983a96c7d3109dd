"""Pilot tests of the archive as a place: the visits overview, the one search, the
palette across briefings, the organizations pane and pages across visits; on the
bundled briefing and the hand-made archive of tests/data/archive. The three questions
of issue 9 are each answered in a few keys."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, OptionList
from ui_helpers import BUNDLED, in_one_read, screen_text, wait_for, wait_loaded

from tui.index.refs import Kind, Ref
from tui.ui.app import BriefingsApp, create_app
from tui.ui.screens.across import AcrossScreen
from tui.ui.screens.search import SearchScreen
from tui.ui.screens.visits import VisitsScreen

ARCHIVE = Path(__file__).resolve().parent.parent / "data" / "archive"
NANJING = "nanjing-france-study-visit"


@asynccontextmanager
async def archive_app(size: tuple[int, int] = (120, 40)) -> AsyncIterator[Pilot]:
    """The app on four visits, waiting on the overview it opens on."""
    app = create_app([BUNDLED, ARCHIVE], watch=False)
    async with app.run_test(size=size) as pilot:
        await wait_loaded(pilot, past_overview=False)
        await wait_for(pilot, lambda: isinstance(app.screen, VisitsScreen), "the overview")
        await pilot.pause()
        yield pilot


def plain(value: object) -> str:
    """The text of a cell or an option's prompt (Rich text or Textual content)."""
    return str(getattr(value, "plain", value))


def app_of(pilot: Pilot) -> BriefingsApp:
    assert isinstance(pilot.app, BriefingsApp)
    return pilot.app


def visit_rows(app: BriefingsApp) -> list[str]:
    table = app.screen.query_one("#visits-table", DataTable)
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


def result_lines(app: BriefingsApp) -> list[str]:
    results = app.screen.query_one("#search-results", OptionList)
    return [plain(results.get_option_at_index(i).prompt) for i in range(results.option_count)]


def page_visits(app: BriefingsApp) -> list[str]:
    screen = app.screen
    assert isinstance(screen, AcrossScreen) and screen.page is not None
    return [appearance.briefing.briefing for appearance in screen.page.appearances]


async def test_several_briefings_open_on_the_overview_sorted_and_filtered() -> None:
    async with archive_app() as pilot:
        app = app_of(pilot)
        # Newest first by the dates as stated; those without a year last.
        rows = visit_rows(app)
        assert rows[:2] == [
            "Hua Lindong Leads Nanjing Delegation to Munich",
            "Nanjing Delegation Studies Green Development in Stockholm",
        ]
        assert len(rows) == 4
        table = app.screen.query_one("#visits-table", DataTable)
        dates = [plain(table.get_row_at(i)[3]) for i in range(table.row_count)]
        assert dates[:2] == ["From March 4 to 6, 2024", "In September 2023"]
        assert all(date.endswith("(year not stated)") for date in dates[2:])
        # f, then filter as you type: a country, a person, an organization, a theme.
        await pilot.press("f")
        for query, count in (("sweden", 1), ("katrin voss", 1), ("valeo", 2), ("automotive", 3)):
            filter_box = app.screen.query_one(Input)
            filter_box.value = ""
            await pilot.press(*query)
            await pilot.pause()
            assert len(visit_rows(app)) == count, query
        app.screen.query_one(Input).value = ""
        await pilot.pause()
        # ctrl+s sorts by the next column (title, lead, ... after dates: people).
        await pilot.press("ctrl+s")
        await pilot.pause()
        people = [int(str(table.get_row_at(i)[4])) for i in range(table.row_count)]
        assert people == sorted(people, reverse=True)
        await pilot.press("ctrl+r")
        await pilot.pause()
        people = [int(str(table.get_row_at(i)[4])) for i in range(table.row_count)]
        assert people == sorted(people)
        # Enter in the filter (still focused) goes to the list; enter there opens the visit.
        assert app.focused is app.screen.query_one(Input)
        await pilot.press("enter")
        assert app.focused is table
        await pilot.press(*["up"] * 4, "enter")
        await pilot.pause()
        assert app.screen is app.main_screen
        assert app.main_screen.briefing_id == "stockholm-2023"  # the fewest people
        # v comes back to it.
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, VisitsScreen)


async def test_which_visits_touched_automotive_parts() -> None:
    async with archive_app() as pilot:
        app = app_of(pilot)
        await pilot.press("escape", "slash", *"automotive")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        first = result_lines(app)[0]
        assert first.startswith("Automotive parts")
        assert "Theme" in first and "in 3 visits" in first
        assert "@org" in screen_text(app)  # the kind-narrowing hint, in the dialog
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, AcrossScreen), "the theme's page")
        # Dated first (the Munich visit states 2024), then those whose year is not
        # stated, in the order they were loaded.
        assert page_visits(app) == ["munich-2024", NANJING, "lyon-trade"]
        text = screen_text(app)
        assert "Talks at Brenner Automotive Components" in text
        assert "When it first and last came up cannot be said" in text
        # Enter on a row opens that event in its briefing.
        await pilot.press("enter")
        await pilot.pause()
        assert app.main_screen.shown == Ref(Kind.event, "munich-2024", "brenner-talks")


async def test_have_we_met_anyone_from_allianz_when_and_what_was_agreed() -> None:
    async with archive_app() as pilot:
        app = app_of(pilot)
        await pilot.press("escape", "slash", *"@org allianz")
        await pilot.pause()
        assert all("Organization" in line for line in result_lines(app))
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, AcrossScreen), "Allianz's page")
        assert page_visits(app) == ["munich-2024", "stockholm-2023", NANJING]
        text = screen_text(app)
        for said in (
            "Oberg, Vice President",
            "Katrin Voss",
            "Lena Brandt",
            "same name as an alias: “Allianz”",
            "A memorandum of understanding on green insurance cooperation was signed.",
        ):
            assert said in text, said
        await pilot.press("down")
        await pilot.pause()
        assert "The two sides agreed to exchange data on flood risk." in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, AcrossScreen)


async def test_all_visits_to_france() -> None:
    async with archive_app() as pilot:
        app = app_of(pilot)
        # From the overview: f, then the country.
        await pilot.press("f", *"france")
        await pilot.pause()
        assert sorted(visit_rows(app)) == [
            "Chen Zhichang Leads Nanjing Delegation on a Study Visit in France",
            "✎ Nanjing Trade Delegation Visits Lyon",
        ]
        # From search: the place leads to the overview of those visits.
        await pilot.press("escape", "slash", *"@visit france")
        await pilot.pause()
        assert result_lines(app)[0].startswith("Visits to France")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, VisitsScreen), "the overview")
        await pilot.pause()
        assert len(visit_rows(app)) == 2
        # The overview it was searched from, filtered: not a second one over it.
        assert [type(s).__name__ for s in app.screen_stack[1:]] == ["VisitsScreen"]
        assert app.screen.query_one(Input).value == "France"


async def test_the_palette_reaches_the_archive_by_names_not_its_labels() -> None:
    async with archive_app() as pilot:
        app = app_of(pilot)
        await pilot.press("escape", "ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        command_list = app.screen.query_one(CommandList)

        def offered() -> list[str]:
            return [
                plain(command_list.get_option_at_index(i).prompt)
                for i in range(command_list.option_count)
            ]

        await pilot.press(*"kayent")
        await wait_for(
            pilot,
            lambda: any(o.startswith("Organization: Kering Group") for o in offered()),
            "Kering Group by its alias",
        )
        await pilot.press(*["backspace"] * 6, *"oberg")
        await wait_for(
            pilot, lambda: any(o.startswith("Person: Oberg") for o in offered()), "Oberg"
        )
        await pilot.pause(0.2)
        assert not [o for o in offered() if o.startswith("Organization:")]
        # Someone of another briefing than the open one.
        await pilot.press(*["backspace"] * 5, *"lena brandt")
        await wait_for(
            pilot,
            lambda: any(o.startswith("Person: Lena Brandt") for o in offered()),
            "Lena Brandt of the Stockholm visit",
        )
        index = next(i for i, o in enumerate(offered()) if o.startswith("Person: Lena Brandt"))
        command_list.highlighted = index
        await pilot.press("enter")
        await pilot.pause()
        assert app.main_screen.shown == Ref(Kind.counterpart, "stockholm-2023", "lena-brandt")


async def test_the_organizations_pane_and_inferred_values_in_the_lists() -> None:
    async with archive_app() as pilot:
        app = app_of(pilot)
        await pilot.press("escape")
        app.main_screen.open(Ref(Kind.briefing, "munich-2024", "munich-2024"))
        await pilot.pause()
        await pilot.press("4")
        await pilot.pause()
        organizations = app.main_screen.query_one("#organizations", DataTable)
        assert app.focused is organizations
        assert str(organizations.get_row_at(0)[0]) == "Allianz Insurance Group"
        assert str(organizations.get_row_at(0)[3]) == "Germany (inferred)"
        assert app.main_screen.shown == Ref(Kind.organization, "munich-2024", "allianz")
        itinerary = app.main_screen.query_one("#itinerary", DataTable)
        assert str(itinerary.get_row_at(0)[3]) == "Munich (inferred)"
        assert str(itinerary.get_row_at(1)[3]) == "—"


async def test_a_person_across_visits_keeps_namesakes_apart() -> None:
    async with archive_app() as pilot:
        app = app_of(pilot)
        await pilot.press("escape")
        app.main_screen.open(Ref(Kind.counterpart, NANJING, "oberg"))
        await pilot.pause()
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, AcrossScreen), "Oberg's page")
        assert sorted(page_visits(app)) == ["munich-2024", NANJING]
        text = screen_text(app)
        assert "Same name, not taken to be the same" in text
        assert "another organization (Rhône Logistics)" in text
        # Two escapes in one read leave once.
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert app.is_running


async def test_the_overview_says_which_visits_are_drafts() -> None:
    async with archive_app() as pilot:
        app = app_of(pilot)
        table = app.screen.query_one("#visits-table", DataTable)
        rows = {plain(table.get_row_at(i)[0]): plain(table.get_row_at(i)[6]) for i in range(4)}
        assert rows["✎ Nanjing Trade Delegation Visits Lyon"] == "2 to review"
        assert rows["Hua Lindong Leads Nanjing Delegation to Munich"] == ""
        title = plain(app.screen.query_one("#visits-title").render())
        assert "✎ 1 draft to review" in title
        # The filter knows the state's words.
        await pilot.press("f", *"to review")
        await pilot.pause()
        assert visit_rows(app) == ["✎ Nanjing Trade Delegation Visits Lyon"]


async def test_f_and_a_word_typed_fast_filter_the_overview() -> None:
    """The letters after "f" reached the list before "f" moved the focus to the filter,
    and were lost (the filter stayed empty)."""
    async with archive_app() as pilot:
        app = app_of(pilot)
        await in_one_read(pilot, "f", *"france")
        await pilot.pause()
        assert app.screen.query_one(Input).value == "france"
        assert len(visit_rows(app)) == 2
        await in_one_read(pilot, "enter", "enter")
        await pilot.pause()
        assert app.screen is app.main_screen


async def test_escape_escape_in_the_filter_leaves_the_overview() -> None:
    async with archive_app() as pilot:
        app = app_of(pilot)
        await in_one_read(pilot, "f", *"lyon", "escape", "escape")
        await pilot.pause()
        assert app.screen is app.main_screen


async def test_a_search_typed_fast_from_the_overview_keeps_every_letter() -> None:
    """ "/@visit france" in one read: the letters queued for the overview's list before
    the search opened are the search's; its "f" used to focus the overview's filter
    and "rance" went there."""
    async with archive_app() as pilot:
        app = app_of(pilot)
        await in_one_read(pilot, "slash", *"@visit france")
        await wait_for(pilot, lambda: isinstance(app.screen, SearchScreen), "the search")
        await pilot.pause()
        assert app.screen.query_one(Input).value == "@visit france"
        assert result_lines(app)[0].startswith("Visits to France")


async def test_the_visits_overview_fits_80_columns_without_scrolling_sideways() -> None:
    """Every column, State the last, is on screen at 80 columns (narrower ones), and
    the wider ones come back when the terminal grows."""
    async with archive_app(size=(80, 24)) as pilot:
        table = pilot.app.screen.query_one("#visits-table", DataTable)
        assert table.virtual_size.width <= table.scrollable_content_region.width
        assert table.max_scroll_x == 0
        assert "State" in screen_text(pilot.app)
        narrow = table.virtual_size.width
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert table.virtual_size.width > narrow
        assert table.max_scroll_x == 0


async def test_the_progress_bar_stays_until_every_name_is_searchable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The bar used to hide at the last file, before the archive settled (the last
    names indexed or, on a re-open, the stored index read): a search typed then did the
    indexing itself, the screen frozen for seconds with nothing saying why."""
    from tui.index.archive import Archive

    apps: list[BriefingsApp] = []
    settled_with_the_bar: list[bool] = []
    settle = Archive.settle

    def watched_settle(self: Archive, restored: Any) -> None:
        settled_with_the_bar.append(apps[-1].main_screen.query_one("#loading").display)
        settle(self, restored)

    monkeypatch.setattr(Archive, "settle", watched_settle)
    for _launch in ("first open", "re-open, from the stored index"):
        app = create_app([BUNDLED, ARCHIVE], watch=False)
        apps.append(app)
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_loaded(pilot, past_overview=False)
            assert app.archive is not None and app.archive.search_names("oberg")
    assert settled_with_the_bar == [True, True]
