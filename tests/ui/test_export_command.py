"""The palette's "Export briefing as Markdown": in a terminal, a file in the downloads
folder (a new name each time); in a browser, a download (tests/web)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.command import CommandPalette
from ui_helpers import BUNDLED, wait_for, wait_loaded

from tui.ui import app as app_module
from tui.ui.app import create_app


@pytest.fixture
def downloads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(app_module, "user_downloads_path", lambda: tmp_path)
    return tmp_path


async def test_the_palette_exports_the_open_briefing_without_overwriting(downloads: Path) -> None:
    app = create_app([BUNDLED], watch=False)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await wait_loaded(pilot)
        for _ in range(2):
            await pilot.press("ctrl+p")
            await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette), "the palette")
            await pilot.press(*"export briefing as markdown", "enter")
            await wait_for(pilot, lambda: not isinstance(app.screen, CommandPalette), "closed")
        files = {"nanjing-france-study-visit.md", "nanjing-france-study-visit (2).md"}
        await wait_for(
            pilot,
            lambda: (
                {path.name for path in downloads.iterdir()} == files
                and any("(2).md" in str(n.message) for n in app._notifications)
            ),
            "two exports, the second one notified",
            pauses=500,
        )
        for name in files:
            text = (downloads / name).read_text(encoding="utf-8")
            assert text.startswith("# Chen Zhichang Leads Nanjing Delegation")
        assert any(
            str(downloads / "nanjing-france-study-visit (2).md") in str(notification.message)
            for notification in app._notifications
        )
