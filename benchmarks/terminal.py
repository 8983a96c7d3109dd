"""Timing the app in a real terminal: tmux runs it, and the screen is read from outside.

Times include starting a tmux session and the polling interval (a few milliseconds),
which the reference is measured with too; the ratios are what the targets are about.
"""

from __future__ import annotations

import itertools
import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POLL_SECONDS = 0.002
_sessions = itertools.count()

# The reference for first paint: a minimal Textual app (header, label, footer).
MINIMAL_APP = """
from textual.app import App
from textual.widgets import Footer, Header, Label


class Minimal(App):
    BINDINGS = [("q", "quit", "Quit")]

    def compose(self):
        yield Header()
        yield Label("Visit Briefings")
        yield Footer()


Minimal().run()
"""


# The reference for keystroke latency: a Textual app with nothing but an input box.
MINIMAL_INPUT_APP = """
from textual.app import App
from textual.widgets import Input, Label


class Minimal(App):
    def compose(self):
        yield Label("Type to search")
        yield Input()


Minimal().run()
"""


def available() -> bool:
    return shutil.which("tmux") is not None


class Terminal:
    """One program in a private tmux server, 120x40."""

    def __init__(self, command: list[str], env: dict[str, str] | None = None) -> None:
        self.socket = f"vb-bench-{os.getpid()}-{next(_sessions)}"
        shell = " ".join(shlex.quote(part) for part in command)
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in (env or {}).items())
        self.started = time.perf_counter()
        self._tmux("new-session", "-d", "-x", "120", "-y", "40", f"{exports} {shell}".strip())

    def _tmux(self, *args: str) -> str:
        return subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=False
        ).stdout

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p")

    def wait(self, ready: Callable[[str], bool], timeout: float = 60) -> float:
        """The moment the screen first satisfies `ready`."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if ready(self.screen()):
                return time.perf_counter()
            time.sleep(POLL_SECONDS)
        raise TimeoutError(f"the screen never got ready:\n{self.screen()}")

    def send(self, *keys: str) -> None:
        self._tmux("send-keys", *keys)

    def close(self) -> None:
        self._tmux("kill-server")


def _briefings_command() -> list[str]:
    script = Path(sys.executable).parent / "briefings"
    return [str(script)] if script.exists() else [sys.executable, "-m", "tui"]


def first_paint(archive: Path | None, repeat: int) -> dict[str, float]:
    """Median seconds to the first frame: ours on `archive` (None: the bundled briefing)
    and the minimal app's, measured alternately."""
    with tempfile.TemporaryDirectory() as folder:
        minimal = Path(folder) / "minimal.py"
        minimal.write_text(MINIMAL_APP, encoding="utf-8")
        ours_command = [*_briefings_command(), "--no-watch"]
        if archive is not None:
            ours_command.append(str(archive))
        times: dict[str, list[float]] = {"ours": [], "minimal": []}
        for _ in range(repeat):
            # Each is painted when a text of its first frame shows (the footer's keys
            # come a frame later, so they would not do).
            for name, command, marker in (
                ("ours", ours_command, "1 Itinerary"),
                ("minimal", [sys.executable, str(minimal)], "Visit Briefings"),
            ):
                terminal = Terminal(command, {"VISIT_BRIEFINGS_NO_CACHE": "1"})
                try:
                    painted = terminal.wait(lambda screen, text=marker: text in screen)
                    times[name].append(painted - terminal.started)
                finally:
                    terminal.close()
    return {name: statistics.median(values) for name, values in times.items()}


_PERCENT = re.compile(r"\d+%\s*$", re.MULTILINE)


def _loaded(screen: str) -> bool:
    """The first briefing is open and the progress bar is gone."""
    return (
        "1 Itinerary" in screen
        and "Loading briefings" not in screen
        and "--%" not in screen
        and not _PERCENT.search(screen)
    )


def keystroke_latency(archive: Path | None, query: str) -> list[float]:
    """Seconds from each key typed into the search box to the screen showing it, with
    the whole archive loaded; with no archive, the same for the bare input app."""
    with tempfile.TemporaryDirectory() as folder:
        if archive is None:
            script = Path(folder) / "minimal_input.py"
            script.write_text(MINIMAL_INPUT_APP, encoding="utf-8")
            terminal = Terminal([sys.executable, str(script)])
        else:
            terminal = Terminal([*_briefings_command(), "--no-watch", str(archive)])
        try:
            if archive is not None:
                terminal.wait(_loaded, timeout=600)
                time.sleep(0.5)
                terminal.send("/")
            terminal.wait(lambda s: "Type to search" in s)
            latencies = []
            typed = ""
            for key in query:
                typed += key
                sent = time.perf_counter()
                terminal.send("-l", key)
                # Done when the results are those of the query typed so far (the
                # status line names it), or, for the bare input, when it shows it.
                done = re.compile(
                    rf"“{re.escape(typed.strip())}”"
                    if archive is not None
                    else rf"▊\s+{re.escape(typed)}\s"
                )
                shown = terminal.wait(lambda s, done=done: bool(done.search(s)))
                latencies.append(shown - sent)
                time.sleep(0.05)  # a fast typist, not a paste
            return latencies
        finally:
            terminal.close()
