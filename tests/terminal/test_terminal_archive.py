"""Issue 9's three questions asked of several briefings in a real terminal (tmux), each
in one write of keys, as a fast typist or a paste sends them: which visits touched
automotive parts, have we met anyone from Allianz (when, what was agreed), and every
visit to France."""

from __future__ import annotations

import os
import time
import uuid
from pathlib import Path

from test_terminal_smoke import BRIEFINGS, TMUX, WAIT, Terminal, pytestmark

ROOT = Path(__file__).resolve().parent.parent.parent
ARCHIVE = ROOT / "tests" / "data" / "archive"
BUNDLED = ROOT / "briefings"

__all__ = ["pytestmark"]  # the smoke test's skips (no tmux, no console script) apply


def back_on_the_overview(terminal: Terminal) -> None:
    """Escape, and the overview again, before the next keys: an Escape sent with the
    keys after it reads as Alt and those keys (the terminal's way, not the app's)."""
    terminal.send("Escape")
    terminal.wait_for(
        lambda s: "Visits: 4 visits of 4" in s, "the overview", time.monotonic() + WAIT
    )


def test_the_three_questions_in_a_real_terminal(tmp_path: Path) -> None:
    assert TMUX is not None
    terminal = Terminal(TMUX, f"briefings-archive-{os.getpid()}-{uuid.uuid4().hex[:8]}")
    env = {
        **os.environ,
        "TERM": "xterm-256color",
        "VISIT_BRIEFINGS_DATA_DIR": str(tmp_path / "data"),
        "VISIT_BRIEFINGS_CACHE_DIR": str(tmp_path / "cache"),
    }
    try:
        terminal.start(f"{BRIEFINGS} --no-watch {BUNDLED} {ARCHIVE}", env)
        start = time.monotonic()
        terminal.wait_for(lambda s: "Visits: 4 visits of 4" in s, "the overview", start + WAIT)

        terminal.send("/automotive", literal=True)
        terminal.send("Enter")
        screen = terminal.wait_for(
            lambda s: "Theme: Automotive parts · 3 visits" in s,
            "the theme across visits",
            time.monotonic() + WAIT,
        )
        assert "Talks with Valeo Group" in screen

        back_on_the_overview(terminal)
        terminal.send("/allianz", literal=True)
        terminal.send("Enter")
        screen = terminal.wait_for(
            # What was agreed at the first meeting listed shows under the list.
            lambda s: (
                "Organization: Allianz Insurance Group · 3 visits" in s
                and "A memorandum of understanding on green insurance" in s
            ),
            "Allianz across visits",
            time.monotonic() + WAIT,
        )
        assert "In September 2023" in screen  # when, as stated

        back_on_the_overview(terminal)
        terminal.send("ffrance", literal=True)
        screen = terminal.wait_for(
            lambda s: "Visits: 2 visits of 4" in s, "the visits to France", time.monotonic() + WAIT
        )
        # Both visits' places start with France (cut to the narrow column at 80 wide).
        assert screen.count("France,") == 2 and "Germany" not in screen
    finally:
        terminal.close()
