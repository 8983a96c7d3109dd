"""`o` in a real terminal: the app hands the terminal to $VISUAL at the entry's line,
takes it back when the editor exits, and shows what the editor saved."""

from __future__ import annotations

import os
import shutil
import time
import uuid
from pathlib import Path

from conftest import ROOT
from test_terminal_smoke import BRIEFINGS, TMUX, Terminal, pytestmark  # noqa: F401

from tui.cli.draft import _draft_text

ARTICLE = ROOT / "benchmarks" / "drafting_articles" / "t3-xiamen-japan.txt"
# Each wait gives up after this long: generous, for a machine busy with other tests.
WAIT = 30.0


def test_the_editor_gets_the_terminal_and_the_app_comes_back(tmp_path: Path) -> None:
    assert TMUX is not None
    folder = tmp_path / "briefings"
    folder.mkdir()
    shutil.copyfile(ARTICLE, folder / ARTICLE.name)
    briefing = folder / "xiamen.yaml"
    _draft_text(folder / ARTICLE.name, briefing, None, False)
    editor = tmp_path / "editor.sh"
    # An interactive stand-in for an editor: it shows how it was called, waits for a
    # key, then saves a change.
    editor.write_text(
        "#!/bin/sh\n"
        'echo "EDITING $1 $2"\n'
        "read answer\n"
        "sed -i 's/name: medical devices/name: medical equipment/' \"$2\"\n",
        encoding="utf-8",
    )
    editor.chmod(0o755)
    name = f"briefings-review-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    terminal = Terminal(TMUX, name)
    env = {**os.environ, "TERM": "xterm-256color", "VISUAL": str(editor)}
    try:
        terminal.start(f"{BRIEFINGS} --no-watch {folder}", env)
        terminal.wait_for(lambda s: "drafted entries" in s, "the draft", time.monotonic() + WAIT)
        terminal.send("3")
        terminal.wait_for(lambda s: "Theme ─" in s, "a theme's detail", time.monotonic() + WAIT)
        terminal.send("o")
        screen = terminal.wait_for(
            lambda s: "EDITING +" in s, "the editor", time.monotonic() + WAIT
        )
        assert f"{briefing}" in screen and "Itinerary" not in screen
        terminal.send("Enter")
        terminal.wait_for(
            lambda s: "medical equipment" in s and "1 Itinerary" in s,
            "the app back, with the saved change",
            time.monotonic() + WAIT,
        )
        terminal.send("q")
        deadline = time.monotonic() + WAIT
        while terminal.alive() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not terminal.alive()
    finally:
        terminal.close()
