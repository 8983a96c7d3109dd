"""Reviewing a draft in the app: drafted entries marked and counted, `o` opens the file
in $EDITOR at the entry's line, `r` marks the entry reviewed in the file."""

from __future__ import annotations

import contextlib
import shutil
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from conftest import ROOT
from textual.pilot import Pilot
from textual.widgets import DataTable
from ui_helpers import static_text, wait_for, wait_loaded

from tui.cli.draft import _draft_text
from tui.index.refs import Kind
from tui.reading.review_write import entry_line, entry_location
from tui.ui.app import BriefingsApp, create_app
from tui.ui.widgets.panes import CounterpartTable, ThemeTable

ARTICLE = ROOT / "benchmarks" / "drafting_articles" / "t3-xiamen-japan.txt"


def drafted_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "briefings"
    folder.mkdir()
    shutil.copyfile(ARTICLE, folder / ARTICLE.name)
    _draft_text(folder / ARTICLE.name, folder / "xiamen.yaml", None, False)
    return folder


@asynccontextmanager
async def reviewing(folder: Path) -> AsyncIterator[Pilot]:
    app = create_app([folder], watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        yield pilot


def header(app: BriefingsApp) -> str:
    return static_text(app, "#header")


def first_cell(table: DataTable, row: int) -> str:
    return str(table.get_row_at(row)[0])


async def test_drafted_entries_are_marked_and_counted(tmp_path: Path) -> None:
    async with reviewing(drafted_folder(tmp_path)) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingsApp)
        assert "drafted entries left to review (o edit, r reviewed)" in header(app)
        people = app.main_screen.query_one(CounterpartTable)
        assert all(first_cell(people, row).startswith("✎ ") for row in range(people.row_count))


async def test_r_marks_the_selected_entry_reviewed_in_the_file(tmp_path: Path) -> None:
    folder = drafted_folder(tmp_path)
    path = folder / "xiamen.yaml"
    before = path.read_text(encoding="utf-8")
    async with reviewing(folder) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingsApp)
        left = int(header(app).split("✎ ")[1].split(" ")[0])
        await pilot.press("2")
        shown = app.main_screen.shown
        assert shown is not None and shown.kind is Kind.counterpart
        await pilot.press("r")
        await wait_for(pilot, lambda: f"✎ {left - 1} drafted" in header(app), "the count to drop")
        people = app.main_screen.query_one(CounterpartTable)
        assert not first_cell(people, 0).startswith("✎ ")
        assert first_cell(people, 1).startswith("✎ ")
        after = path.read_text(encoding="utf-8")
        assert after.count("review: reviewed") == 1
        assert after.replace("review: reviewed", "review: drafted") == before
        # Again on the same entry: nothing is drafted there any more.
        await pilot.press("r")
        await pilot.pause()
        assert path.read_text(encoding="utf-8") == after


async def test_r_is_refused_when_the_file_changed_on_disk(tmp_path: Path) -> None:
    folder = drafted_folder(tmp_path)
    path = folder / "xiamen.yaml"
    async with reviewing(folder) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingsApp)
        await pilot.press("2")
        changed = path.read_text(encoding="utf-8").replace("Tanabe", "Tanabe-Sato", 1)
        path.write_text(changed, encoding="utf-8")
        await pilot.press("r")
        await wait_for(
            pilot,
            lambda: any("changed on disk" in str(n.message) for n in app._notifications),
            "the refusal",
        )
        assert path.read_text(encoding="utf-8") == changed


async def test_o_opens_the_editor_at_the_entrys_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = drafted_folder(tmp_path)
    path = folder / "xiamen.yaml"
    record = tmp_path / "editor-args.txt"
    editor = tmp_path / "editor.py"
    # An editor that records how it was called and renames a theme, as a user would.
    editor.write_text(
        "import sys\n"
        f"open({str(record)!r}, 'w').write('\\n'.join(sys.argv[1:]))\n"
        "path = sys.argv[-1]\n"
        "text = open(path).read()\n"
        "open(path, 'w').write(text.replace('name: medical devices', 'name: medical equipment'))\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("VISUAL", f"{sys.executable} {editor}")
    suspended: list[bool] = []

    @contextlib.contextmanager
    def suspend() -> object:
        # The headless test driver cannot hand the terminal over; the tmux test can.
        suspended.append(True)
        yield

    async with reviewing(folder) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingsApp)
        monkeypatch.setattr(app, "suspend", suspend)
        await pilot.press("3")
        theme = app.main_screen.shown
        assert theme is not None and theme.kind is Kind.theme
        loaded = app.archive.loaded(theme.briefing)  # type: ignore[union-attr]
        line = entry_line(path, entry_location(loaded.briefing, "themes", theme.id))
        # The line is the entry's own: "- id: <its id>".
        assert (
            path.read_text(encoding="utf-8").splitlines()[line - 1].strip() == f"- id: {theme.id}"
        )
        await pilot.press("o")
        await wait_for(pilot, record.exists, "the editor to run")
        assert suspended == [True]
        assert record.read_text(encoding="utf-8").splitlines() == [f"+{line}", str(path)]
        # The app re-reads the file the editor changed, watcher or not.
        themes = app.main_screen.query_one(ThemeTable)
        await wait_for(pilot, lambda: "medical equipment" in first_cell(themes, 0), "the reload")
        assert app.main_screen.shown == theme


async def test_o_without_a_terminal_to_hand_over_says_so(tmp_path: Path) -> None:
    async with reviewing(drafted_folder(tmp_path)) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingsApp)
        await pilot.press("o")
        await wait_for(
            pilot,
            lambda: any("cannot hand itself over" in str(n.message) for n in app._notifications),
            "the notice",
        )
