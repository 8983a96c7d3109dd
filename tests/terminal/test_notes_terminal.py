"""Notes in a real terminal (tmux): a note written in the app is there after quitting
and reopening, with another process writing meanwhile, and after a kill -9 of the app
once the pause in typing has saved it."""

from __future__ import annotations

import os
import signal
import subprocess
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from test_terminal_smoke import BRIEFINGS, TMUX, Terminal, running

from tui.index.refs import Kind, Ref
from tui.notes.store import NoteStore, default_path

pytestmark = [
    pytest.mark.skipif(TMUX is None, reason="tmux is not installed"),
    pytest.mark.skipif(not BRIEFINGS.exists(), reason="the `briefings` script is not installed"),
]

LE_MINGHAM = Ref(Kind.counterpart, "nanjing-france-study-visit", "le-mingham")
# Each wait gives up after this long: a bound for a machine busy with other work.
WAIT = 30.0
APP = f"exec {BRIEFINGS} --no-watch"
TITLE = "Chen Zhichang Leads Nanjing Delegation on a Study Visit in France"


@contextmanager
def app_in_tmux() -> Iterator[tuple[Terminal, int]]:
    """The app in a tmux pane of its own (exec'd: the pane's process is the app)."""
    assert TMUX is not None
    name = f"briefings-notes-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    terminal = Terminal(TMUX, name)
    env = {**os.environ, "TERM": "xterm-256color"}
    try:
        terminal.start(APP, env)
        pid = int(terminal.tmux("display-message", "-p", "-t", name, "#{pane_pid}").stdout)
        terminal.wait_for(lambda s: TITLE in s, "the bundled briefing", time.monotonic() + WAIT)
        yield terminal, pid
    finally:
        terminal.close()


def soon() -> float:
    return time.monotonic() + WAIT


def write_on_le_mingham(terminal: Terminal, text: str) -> None:
    terminal.send("2")
    terminal.wait_for(lambda s: "Title: chairman of the board" in s, "Le Mingham", soon())
    terminal.send("n")
    terminal.wait_for(lambda s: "Note on counterpart Le Mingham" in s, "the editor", soon())
    terminal.send(text, literal=True)


def quit_app(terminal: Terminal, pid: int) -> None:
    terminal.send("q")
    deadline = soon()
    while running(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not running(pid), "the app did not quit on q"


def test_a_note_survives_quitting_and_another_process_writing(tmp_path: Path) -> None:
    with app_in_tmux() as (terminal, pid):
        write_on_le_mingham(terminal, "Ask about the Bank of Nanjing loan")
        # Meanwhile another process writes a note of its own.
        subprocess.run(
            [str(BRIEFINGS), "notes", "add", f"{LE_MINGHAM.briefing}/le-mingham", "From a shell"],
            check=True,
            capture_output=True,
            timeout=30,
        )
        terminal.send("C-s")
        terminal.wait_for(lambda s: "Saved at" in s, "the save", soon())
        terminal.send("Escape")
        screen = terminal.wait_for(lambda s: "Your notes (2)" in s, "the notes", soon())
        assert "✎ Le Mingham" in screen
        # The detail shows the newest lines of its notes; their list shows both whole.
        terminal.send("n")
        screen = terminal.wait_for(lambda s: "Done / not done" in s, "the notes' list", soon())
        assert "Ask about the Bank of Nanjing loan" in screen and "From a shell" in screen
        terminal.send("Escape")
        # Waited for: an escape with a key close behind it reads as alt+key.
        terminal.wait_for(lambda s: "Done / not done" not in s, "the list to close", soon())
        quit_app(terminal, pid)

    with app_in_tmux() as (terminal, pid):
        terminal.send("2")
        screen = terminal.wait_for(lambda s: "Your notes (2)" in s, "the notes again", soon())
        assert "Ask about the Bank of Nanjing loan" in screen
        terminal.send("/")
        terminal.wait_for(lambda s: "Type to search" in s, "the search", soon())
        # A word of the note only: "nanjing" alone ranks the archive's entries first.
        terminal.send("loan", literal=True)
        terminal.wait_for(lambda s: "Note Ask about the Bank of Nanjing loan" in s, "it", soon())
        terminal.send("Escape")
        # Waited for: an escape with a key close behind it reads as alt+key.
        terminal.wait_for(lambda s: "Note Ask" not in s, "the search to close", soon())
        quit_app(terminal, pid)


def test_a_note_survives_a_kill_after_the_pause_in_typing() -> None:
    with app_in_tmux() as (terminal, pid):
        write_on_le_mingham(terminal, "Typed before the crash")
        terminal.wait_for(lambda s: "Saved after a pause" in s, "the autosave", soon())
        terminal.send(" and after", literal=True)  # typing on, not yet saved
        os.kill(pid, signal.SIGKILL)
        deadline = soon()
        while running(pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not running(pid)
    with NoteStore.open(default_path()) as store:
        assert store.integrity() == "ok"
        assert [note.text for note in store.notes_on(LE_MINGHAM)] == ["Typed before the crash"]
