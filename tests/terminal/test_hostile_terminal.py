"""Hostile terminal output, checked from the terminal's side.

The real `briefings` command runs in a pseudo-terminal on a briefing whose strings
carry OSC 52 clipboard writes, screen clears, title changes, hyperlinks, C1 controls
and bidirectional overrides. Every byte the app writes is recorded; none of those
sequences may be among them, while the names around them must be (so the test fails
for the right reason if the app shows nothing at all).

Textual writes its own escape sequences (cursor moves, colours, modes), so the checks
look for the briefing's payloads specifically (tests/hostile.py, HOSTILE_PAYLOADS).
"""

from __future__ import annotations

import os
import re
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hostile import HOSTILE_PAYLOADS, MARKERS, hostile_folder

pty = pytest.importorskip("pty")
termios = pytest.importorskip("termios")
fcntl = pytest.importorskip("fcntl")
import struct  # noqa: E402  (after the skips: POSIX only)

SCRIPT = Path(sys.executable).parent / "briefings"
COLUMNS, ROWS = 160, 45
START_SECONDS = 30.0  # a cold start imports Textual and loads the briefing
QUIT_SECONDS = 15.0
REPLACEMENT = "\ufffd".encode()

pytestmark = pytest.mark.skipif(
    not SCRIPT.exists() or sys.platform == "win32",
    reason=f"needs the console script {SCRIPT} and a POSIX pseudo-terminal",
)


class Terminal:
    """The app on the slave side of a pty; everything it writes is kept in `output`."""

    def __init__(self, argv: list[str], cwd: Path) -> None:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("TEXTUAL", "PYTEST", "COLUMNS", "LINES"))
        }
        env.update(TERM="xterm-256color", COLORTERM="truecolor", LANG="C.UTF-8")

        def controlling_terminal() -> None:
            os.setsid()
            fcntl.ioctl(0, termios.TIOCSCTTY, 0)

        self.process = subprocess.Popen(
            argv,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            cwd=cwd,
            env=env,
            close_fds=True,
            preexec_fn=controlling_terminal,
        )
        os.close(slave)
        self.master = master
        self.output = bytearray()
        self.closed = False

    def read(self, seconds: float) -> None:
        """Collect output for up to `seconds` (less if the app closes the terminal)."""
        deadline = time.monotonic() + seconds
        while not self.closed and (left := deadline - time.monotonic()) > 0:
            ready, _, _ = select.select([self.master], [], [], min(left, 0.1))
            if not ready:
                continue
            try:
                chunk = os.read(self.master, 65536)
            except OSError:  # EIO: the app exited and the slave side closed
                chunk = b""
            if not chunk:
                self.closed = True
            self.output += chunk

    def read_until(self, needles: tuple[bytes, ...], seconds: float) -> bool:
        deadline = time.monotonic() + seconds
        while not all(needle in self.output for needle in needles):
            if self.closed or time.monotonic() > deadline:
                return False
            self.read(0.2)
        return True

    def send(self, keys: str) -> None:
        for key in keys:
            os.write(self.master, key.encode())
            self.read(0.15)

    def close(self) -> int | None:
        """Wait for the app to exit (bounded); kill it if it does not."""
        deadline = time.monotonic() + QUIT_SECONDS
        while self.process.poll() is None and time.monotonic() < deadline:
            self.read(0.2)
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(5)
            code = None
        else:
            code = self.process.returncode
        self.read(0.2)
        os.close(self.master)
        return code


# Textual's own OSC 22 (the mouse pointer's shape) ends with a BEL: not the briefing's.
_POINTER_SHAPE = re.compile(rb"\x1b\]22;[a-z-]*\x07")


def leaked(output: bytes) -> list[bytes]:
    output = _POINTER_SHAPE.sub(b"", output)
    return [payload for payload in HOSTILE_PAYLOADS if payload in output]


def test_no_escape_sequence_from_a_briefing_reaches_the_terminal(tmp_path: Path) -> None:
    path = hostile_folder(tmp_path, long_name_length=300)
    terminal = Terminal([str(SCRIPT), "--no-watch", str(path)], cwd=tmp_path)
    try:
        started = terminal.read_until(tuple(m.encode() for m in MARKERS[:1]), START_SECONDS)
        assert started, f"the app showed no names; it wrote:\n{bytes(terminal.output)[-2000:]!r}"
        # Browse the people (each one's detail shows their hostile title), the themes,
        # the help and the search with a hostile query typed in.
        terminal.send("2")
        terminal.send("j" * 18)
        terminal.send("3j1jj")
        terminal.send("?")
        terminal.send("\x1b")
        terminal.send("/Trudy")
        terminal.send("\x1b")
        terminal.read(0.5)
        terminal.send("q")
    finally:
        code = terminal.close()
    output = bytes(terminal.output)
    assert code == 0, f"exit status {code}; last output:\n{output[-2000:]!r}"
    assert leaked(output) == [], f"hostile sequences reached the terminal: {leaked(output)}"
    for marker in MARKERS:
        assert marker.encode() in output, f"{marker!r} was never shown"
    # Where a control character was, the reader sees U+FFFD.
    assert REPLACEMENT in output
    assert b"[@click=app.quit]z" in output, "markup in a name was not shown as written"


@pytest.mark.parametrize(
    "command",
    [
        ["validate"],
        ["search", "Mallory"],
        ["search", "Trudy", "--json"],
        ["export", "--format", "markdown"],
        ["export", "--format", "json"],
        ["export", "--format", "yaml"],
    ],
    ids=lambda command: "-".join(command),
)
def test_the_command_line_prints_no_escape_sequence_from_a_briefing(tmp_path, command):
    path = hostile_folder(tmp_path, long_name_length=300)
    if command[0] == "search":
        argv = [str(SCRIPT), *command[:2], str(path), *command[2:]]
    else:
        argv = [str(SCRIPT), *command, str(path)]
    result = subprocess.run(argv, capture_output=True, timeout=60, cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    for stream in (result.stdout, result.stderr):
        assert leaked(stream) == [], f"{command}: {leaked(stream)}"
    assert result.stdout, command
