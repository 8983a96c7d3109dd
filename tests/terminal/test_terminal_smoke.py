"""The installed `briefings` in a real terminal: tmux runs it, sends keys and reads the
screen back with capture-pane.

The tmux server is private to this test (its own socket, no configuration file), so
the user's own tmux sessions are never touched.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

TMUX = shutil.which("tmux")
BRIEFINGS = Path(sys.executable).parent / "briefings"

pytestmark = [
    pytest.mark.skipif(
        TMUX is None, reason="tmux is not installed (.ci/run installs it on CI machines)"
    ),
    pytest.mark.skipif(
        not BRIEFINGS.exists(),
        reason=f"the `briefings` console script is not installed next to {sys.executable} "
        "(pip install -e .)",
    ),
]

# The whole test stays well under 15 s; each wait gives up sooner.
WAIT = 8.0


class Terminal:
    def __init__(self, tmux: str, name: str) -> None:
        self.name = name
        self.base = [tmux, "-L", name, "-f", "/dev/null"]
        self.socket: Path | None = None

    def tmux(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*self.base, *args], capture_output=True, text=True, check=check, timeout=5
        )

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.name).stdout

    def send(self, *keys: str, literal: bool = False) -> None:
        self.tmux("send-keys", "-t", self.name, *(["-l"] if literal else []), *keys)

    def wait_for(self, condition: Callable[[str], bool], what: str, deadline: float) -> str:
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if condition(screen):
                return screen
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for {what}; the screen was:\n{screen}")

    def alive(self) -> bool:
        return self.tmux("has-session", "-t", self.name, check=False).returncode == 0

    def start(self, command: str, env: dict[str, str]) -> None:
        """A 120x40 session running the command (in a shell)."""
        subprocess.run(
            [*self.base, "new-session", "-d", "-x", "120", "-y", "40", "-s", self.name, command],
            check=True,
            env=env,
            timeout=5,
        )
        socket = self.tmux("display-message", "-p", "-t", self.name, "#{socket_path}").stdout
        self.socket = Path(socket.strip())

    def close(self) -> None:
        self.tmux("kill-server", check=False)
        # The server leaves its socket file behind.
        if self.socket is not None:
            self.socket.unlink(missing_ok=True)


def running(pid: int) -> bool:
    """Whether the process exists and is not a zombie waiting to be reaped."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    except OSError:  # no /proc: ask the kernel
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True
    return stat.rsplit(")", 1)[1].split()[0] not in ("Z", "X")


def test_search_and_open_a_person_in_a_real_terminal(tmp_path: Path) -> None:
    assert TMUX is not None
    name = f"briefings-smoke-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    terminal = Terminal(TMUX, name)
    status = tmp_path / "status"
    # The exit status is written down, so a crash is told apart from quitting.
    command = f"{BRIEFINGS}; echo $? > {status}"
    env = {**os.environ, "TERM": "xterm-256color"}
    env.pop("NO_COLOR", None)
    start = time.monotonic()
    try:
        terminal.start(command, env)
        pane_pid = int(terminal.tmux("display-message", "-p", "-t", name, "#{pane_pid}").stdout)

        title = "Chen Zhichang Leads Nanjing Delegation on a Study Visit in France"
        terminal.wait_for(
            lambda screen: title in screen and "1 Itinerary" in screen,
            "the bundled briefing",
            start + WAIT,
        )

        terminal.send("/")
        terminal.wait_for(lambda s: "Type to search" in s, "the search", time.monotonic() + WAIT)
        terminal.send("yumin", literal=True)
        terminal.wait_for(
            lambda screen: "Pan Yumin, Consul General in Strasbourg" in screen,
            "Pan Yumin in the results",
            time.monotonic() + WAIT,
        )

        terminal.send("Enter")
        screen = terminal.wait_for(
            lambda screen: (
                "Counterpart ─" in screen and "Title: Consul General in Strasbourg" in screen
            ),
            "Pan Yumin's detail",
            time.monotonic() + WAIT,
        )
        assert "Pan Yumin" in screen
        assert "Type to search" not in screen  # the search is gone
        assert "\x1b" not in screen

        terminal.send("q")
        deadline = time.monotonic() + WAIT
        while terminal.alive() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not terminal.alive(), "the app did not quit on q"
        assert status.read_text().strip() == "0"
        assert not running(pane_pid)
        assert time.monotonic() - start < 15
    finally:
        terminal.close()


# The app made to fail on "?" (its help action raises), started the way `briefings`
# starts it: a crash must end the process with a non-zero status and the traceback.
CRASHING = (
    "import sys, tui.ui.app as app\n"
    "def fail(self): raise RuntimeError('the help action failed, on purpose')\n"
    "app.BriefingsApp.action_help = fail\n"
    "from tui.cli.main import main\n"
    "sys.exit(main(['--no-watch']))\n"
)


def test_a_crash_exits_non_zero_with_the_traceback(tmp_path: Path) -> None:
    assert TMUX is not None
    name = f"briefings-crash-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    terminal = Terminal(TMUX, name)
    script, status = tmp_path / "crashing.py", tmp_path / "status"
    script.write_text(CRASHING, encoding="utf-8")
    # The shell stays, so the traceback can be read off the screen after the app ends.
    command = f"{sys.executable} {script}; echo $? > {status}; sleep 60"
    try:
        terminal.start(command, {**os.environ, "TERM": "xterm-256color"})
        terminal.wait_for(lambda s: "1 Itinerary" in s, "the app", time.monotonic() + WAIT)
        terminal.send("?")
        deadline = time.monotonic() + WAIT
        while not status.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert status.exists(), "the app did not end:\n" + terminal.screen()
        assert status.read_text().strip() == "1"
        screen = terminal.screen()
        assert "RuntimeError" in screen and "on purpose" in screen, screen
    finally:
        terminal.close()


def test_keys_typed_in_one_read_with_the_slash_all_reach_the_search(tmp_path: Path) -> None:
    """Typeahead: "/", a name and Enter in one write to the terminal, as a fast typist
    or a busy machine delivers them. The letters used to be lost while the search
    opened (and in a browser too)."""
    assert TMUX is not None
    name = f"briefings-typeahead-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    terminal = Terminal(TMUX, name)
    command = f"{BRIEFINGS} --no-watch"
    try:
        terminal.start(command, {**os.environ, "TERM": "xterm-256color"})
        terminal.wait_for(lambda s: "Le Mingham" in s, "the briefing", time.monotonic() + WAIT)
        terminal.send("/yumin", "Enter")  # one send-keys: one write
        screen = terminal.wait_for(
            lambda s: "Counterpart ─" in s and "Title: Consul General in Strasbourg" in s,
            "Pan Yumin's detail",
            time.monotonic() + WAIT,
        )
        assert "Type to search" not in screen
        terminal.send("/lemingham")
        terminal.wait_for(
            lambda s: "matched alias “Lemingham”" in s, "the whole name", time.monotonic() + WAIT
        )
    finally:
        terminal.close()


def test_the_app_follows_resizes_with_columns_and_lines_exported(tmp_path: Path) -> None:
    """COLUMNS and LINES in the environment (pytest-xdist exports 80x24, as some shells
    and scripts do) used to pin the app to that size: a resize of the terminal left it
    drawing 80x24 in a larger window."""
    assert TMUX is not None
    name = f"briefings-size-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    terminal = Terminal(TMUX, name)
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "80", "LINES": "24"}
    try:
        terminal.start(f"{BRIEFINGS} --no-watch", env)

        def last_row_drawn(screen: str) -> bool:
            rows = screen.rstrip("\n").split("\n")
            return len(rows) >= 40 and bool(rows[39].strip())

        terminal.wait_for(last_row_drawn, "the footer on row 40", time.monotonic() + WAIT)
        terminal.tmux("resize-window", "-t", name, "-x", "100", "-y", "20")
        terminal.wait_for(
            lambda s: "Le Mingham" in s and len(s.rstrip("\n").split("\n")) <= 20,
            "the app at 100x20",
            time.monotonic() + WAIT,
        )
        terminal.tmux("resize-window", "-t", name, "-x", "120", "-y", "40")
        terminal.wait_for(last_row_drawn, "the footer on row 40 again", time.monotonic() + WAIT)
    finally:
        terminal.close()
