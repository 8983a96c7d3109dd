"""Timing the app in a real terminal: tmux runs it, and the screen is read from outside.

One tmux server is kept up for a whole row, and each run is a session of its own in
it, so that starting a server (a fifth of a second) is in no run's time. A run is
timed from the moment its session is asked for to the moment the screen first shows
what is looked for, polled every few milliseconds; the references are measured the
same way in the same server, and the ratios are what the targets are about.
"""

from __future__ import annotations

import itertools
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
POLL_SECONDS = 0.002
_servers = itertools.count()
_sessions = itertools.count()

# The reference for time to content: a minimal Textual app (header, label, footer),
# whose content is its label.
MINIMAL_APP = """
from textual.app import App
from textual.widgets import Footer, Header, Label


class Minimal(App):
    BINDINGS = [("q", "quit", "Quit")]

    def compose(self):
        yield Header()
        yield Label("Minimal content")
        yield Footer()


Minimal().run()
"""
MINIMAL_CONTENT = "Minimal content"

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

# On the main screen's first frame, before any briefing is there.
EMPTY_FRAME = "1 Itinerary"


def available() -> bool:
    return shutil.which("tmux") is not None


class Server:
    """A private tmux server, up until closed: a session that only sleeps keeps it up
    between runs."""

    def __init__(self) -> None:
        self.socket = f"vb-bench-{os.getpid()}-{next(_servers)}"
        # Notes of its own, empty: the user's notes would add results to a search and
        # make the rows depend on what that user wrote.
        self.notes = tempfile.TemporaryDirectory(prefix="vb-bench-notes-")
        self.tmux("new-session", "-d", "-s", "keep", "sleep 86400")

    def tmux(self, *args: str) -> str:
        return subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=False
        ).stdout

    def run(
        self,
        command: list[str],
        env: dict[str, str] | None = None,
        size: tuple[int, int] = (120, 40),
    ) -> Session:
        return Session(self, command, env or {}, size)

    def close(self) -> None:
        self.tmux("kill-server")
        self.notes.cleanup()

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class Session:
    """One program in a session of the server, at the given size. The command runs
    without a shell (tmux starts it itself), so the pane's process is the program."""

    def __init__(
        self, server: Server, command: list[str], env: dict[str, str], size: tuple[int, int]
    ) -> None:
        self.server = server
        self.name = f"run{next(_sessions)}"
        env = {"VISIT_BRIEFINGS_DATA_DIR": server.notes.name, **env}
        options = [item for key, value in env.items() for item in ("-e", f"{key}={value}")]
        width, height = size
        self.started = time.perf_counter()
        server.tmux(
            "new-session", "-d", "-s", self.name, "-x", str(width), "-y", str(height),
            *options, *command,
        )  # fmt: skip

    def screen(self) -> str:
        return self.server.tmux("capture-pane", "-p", "-t", self.name)

    def pid(self) -> int:
        return int(self.server.tmux("display-message", "-p", "-t", self.name, "#{pane_pid}"))

    def wait(self, ready: Callable[[str], bool], timeout: float = 60) -> float:
        """The moment the screen first satisfies `ready`."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if ready(self.screen()):
                return time.perf_counter()
            time.sleep(POLL_SECONDS)
        raise TimeoutError(f"the screen never got ready:\n{self.screen()}")

    def send(self, *keys: str) -> None:
        self.server.tmux("send-keys", "-t", self.name, *keys)

    def close(self) -> None:
        self.server.tmux("kill-session", "-t", self.name)


def _briefings_command() -> list[str]:
    script = Path(sys.executable).parent / "briefings"
    return [str(script)] if script.exists() else [sys.executable, "-m", "tui"]


def content_marker(folder: Path) -> str:
    """What shows that a folder's first briefing is on screen: its first counterpart's
    name, as the counterparts list shows it (the list's column is 18 wide)."""
    return str(_first_briefing(folder)["counterparts"][0]["name"])[:16]


def _first_briefing(folder: Path) -> dict[str, Any]:
    """The raw YAML of the briefing the app shows first from a folder."""
    first = sorted(file for file in folder.rglob("*") if file.suffix in (".yaml", ".yml"))[0]
    data: dict[str, Any] = yaml.load(first.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    return data


def _bundled_title() -> str:
    from tui.reading.bundled import bundled_briefings

    return str(_first_briefing(bundled_briefings())["title"])


def _env(cache: Path | None) -> dict[str, str]:
    if cache is None:
        return {"VISIT_BRIEFINGS_NO_CACHE": "1"}
    return {"VISIT_BRIEFINGS_CACHE_DIR": str(cache), "VISIT_BRIEFINGS_NO_CACHE": ""}


@dataclass
class ContentTimes:
    """Medians, in seconds from asking for the session: the app's empty first frame,
    its content, the minimal app's content; and every run's figures."""

    frame: float
    content: float
    minimal: float
    runs: dict[str, list[float]]


def time_to_content(
    folder: Path | None, marker: str, repeat: int, cache: Path | None = None
) -> ContentTimes:
    """Ours on `folder` (None: the bundled briefing) until `marker` shows, and the
    minimal app until its label shows, alternately, in one tmux server. With a cache
    folder, the app is opened once before, so that every timed run finds it warm."""
    ours = [*_briefings_command(), "--no-watch", *([str(folder)] if folder else [])]
    runs: dict[str, list[float]] = {"frame": [], "content": [], "minimal": []}
    with tempfile.TemporaryDirectory() as scratch, Server() as server:
        minimal = Path(scratch) / "minimal.py"
        minimal.write_text(MINIMAL_APP, encoding="utf-8")
        if cache is not None:
            warm_up = server.run(ours, _env(cache))
            try:
                warm_up.wait(_loaded, timeout=3600)
            finally:
                warm_up.close()
        for _ in range(repeat):
            session = server.run(ours, _env(cache))
            try:
                frame = session.wait(lambda screen: EMPTY_FRAME in screen)
                content = session.wait(lambda screen: marker in screen)
            finally:
                session.close()
            runs["frame"].append(frame - session.started)
            runs["content"].append(content - session.started)
            session = server.run([sys.executable, str(minimal)])
            try:
                shown = session.wait(lambda screen: MINIMAL_CONTENT in screen)
            finally:
                session.close()
            runs["minimal"].append(shown - session.started)
    medians = {name: statistics.median(values) for name, values in runs.items()}
    return ContentTimes(medians["frame"], medians["content"], medians["minimal"], runs)


_PERCENT = re.compile(r"\d+%\s*$", re.MULTILINE)


def _overview(screen: str) -> bool:
    """The visits overview, which opens once several briefings are loaded."""
    return "Visits:" in screen and " visits of " in screen


def _loaded(screen: str) -> bool:
    """The whole archive is loaded: the first briefing is open and the progress bar is
    gone, or the visits overview has opened over it."""
    return _overview(screen) or (
        EMPTY_FRAME in screen
        and "Loading briefings" not in screen
        and "--%" not in screen
        and not _PERCENT.search(screen)
    )


def searchable(folder: Path, cache: Path) -> float:
    """Seconds from asking for the app on `folder` until every briefing is loaded and
    indexed (the progress bar gone), with `cache` warm: opened once before."""
    with Server() as server:
        for _ in range(2):
            session = server.run([*_briefings_command(), "--no-watch", str(folder)], _env(cache))
            try:
                done = session.wait(_loaded, timeout=3600)
            finally:
                session.close()
        return done - session.started


def _cpu_seconds(pid: int) -> float:
    """The process's own CPU time (user + system), from /proc/<pid>/stat."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    # The command name (field 2) may hold spaces; the fields after it do not.
    fields = stat.rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def idle_cpu(size: tuple[int, int], seconds: float, settle: float = 2.0) -> dict[str, float]:
    """The share of a core the app (the bundled briefing, watching its files as by
    default) and the minimal app use while nobody touches them, at a terminal size."""
    shares = {}
    with tempfile.TemporaryDirectory() as scratch, Server() as server:
        minimal = Path(scratch) / "minimal.py"
        minimal.write_text(MINIMAL_APP, encoding="utf-8")
        # At 20x6 only the first words of the title fit, and no progress bar: the app
        # has its content once they show, and settles in the fixed wait after.
        title = _bundled_title()[: max(1, size[0] - 8)]
        for name, command, ready in (
            ("ours", _briefings_command(), _loaded if size[0] >= 40 else lambda s: title in s),
            ("minimal", [sys.executable, str(minimal)], lambda s: "Minimal" in s),
        ):
            session = server.run(command, {"VISIT_BRIEFINGS_NO_CACHE": "1"}, size)
            try:
                try:
                    session.wait(ready)
                    shares[f"{name}_content_seen"] = 1.0
                except TimeoutError:
                    # Measured all the same; the row says the content never showed.
                    shares[f"{name}_content_seen"] = 0.0
                time.sleep(settle)
                pid = session.pid()
                before = _cpu_seconds(pid)
                time.sleep(seconds)
                shares[name] = (_cpu_seconds(pid) - before) / seconds
            finally:
                session.close()
    return shares


def keystroke_latency(archive: Path | None, query: str) -> list[float]:
    """Seconds from each key typed into the search box to the screen showing it, with
    the whole archive loaded; with no archive, the same for the bare input app."""
    with tempfile.TemporaryDirectory() as folder, Server() as server:
        if archive is None:
            script = Path(folder) / "minimal_input.py"
            script.write_text(MINIMAL_INPUT_APP, encoding="utf-8")
            session = server.run([sys.executable, str(script)])
        else:
            session = server.run([*_briefings_command(), "--no-watch", str(archive)])
        try:
            if archive is not None:
                # Several briefings: once loaded the app opens the visits overview;
                # escape goes to the browsing screen, where "/" searches.
                session.wait(_overview, timeout=600)
                session.send("Escape")
                session.wait(lambda s: _loaded(s) and not _overview(s))
                time.sleep(0.5)
                session.send("/")
            session.wait(lambda s: "Type to search" in s)
            latencies = []
            typed = ""
            for key in query:
                typed += key
                sent = time.perf_counter()
                session.send("-l", key)
                # Done when the results are those of the query typed so far (the
                # status line names it as typed, a trailing space included: stripped,
                # a space would match the previous key's results at once), or, for the
                # bare input, when it shows it.
                done = re.compile(
                    rf"“{re.escape(typed)}”"
                    if archive is not None
                    else rf"▊\s+{re.escape(typed)}\s"
                )
                shown = session.wait(lambda s, done=done: bool(done.search(s)))
                latencies.append(shown - sent)
                time.sleep(0.05)  # a fast typist, not a paste
            return latencies
        finally:
            session.close()
