"""A monkey in a real terminal: `briefings` in tmux, random keys (several in one
send-keys, so they arrive in one read) and resizes from 10x4 to 250x80, over the bundled
briefing and a folder of hostile ones. A death is the app ending without a quit: each is
reported with its seed, the keys before it and the screen, and the app is started again.

On demand only (CPU-heavy):

    TMUX_MONKEY_SECONDS=600 [TMUX_MONKEY_SEED=1] .venv/bin/python -m pytest -s \\
        tests/terminal/test_tmux_monkey.py
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import time
import uuid
from collections import deque
from pathlib import Path

import pytest
from hostile import hostile_folder

SECONDS = float(os.environ.get("TMUX_MONKEY_SECONDS", "0"))
TMUX = shutil.which("tmux")
BRIEFINGS = Path(sys.executable).parent / "briefings"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not SECONDS, reason="on demand: set TMUX_MONKEY_SECONDS"),
    pytest.mark.skipif(TMUX is None, reason="tmux is not installed"),
]

# tmux key names; "q" and ctrl+c/ctrl+q are left out (they quit), as is ctrl+z.
KEYS = [
    *"abcdefghijklmnoprstuvwxyzGJKEN0123456789/?.-",
    *("Up", "Down", "Left", "Right", "Home", "End", "PageUp", "PageDown", "Enter"),
    *("Escape", "Tab", "BTab", "BSpace", "DC", "Space", "C-p"),
]
BURSTS = [
    ["Enter", "Enter"],
    ["C-p", "PageDown"],
    ["C-p", "Enter", "Enter"],
    ["/", *"lemingham"],
    ["b", "Enter", "Enter"],
    ["PageDown", "PageUp", "PageDown"],
    ["1", "Enter", "Down", "Enter", "2"],
]


class Tmux:
    def __init__(self, name: str) -> None:
        assert TMUX is not None
        self.name = name
        self.base = [TMUX, "-L", name, "-f", "/dev/null"]

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*self.base, *args], capture_output=True, text=True, check=False, timeout=10
        )


def test_the_app_survives_a_monkey_in_a_real_terminal(tmp_path: Path) -> None:
    seed = int(os.environ.get("TMUX_MONKEY_SEED") or random.SystemRandom().randrange(2**32))
    rng = random.Random(seed)
    hostile = hostile_folder(tmp_path)
    tmux = Tmux(f"briefings-monkey-{os.getpid()}-{uuid.uuid4().hex[:8]}")
    status = tmp_path / "status"
    bundled = Path(__file__).resolve().parents[2] / "briefings"
    command = f"{BRIEFINGS} --no-watch {bundled} {hostile} ; echo $? > {status}; sleep 3600"
    env = {**os.environ, "TERM": "xterm-256color"}
    deaths: list[str] = []  # an exit status other than 0; a quit (0) just restarts
    last: deque[str] = deque(maxlen=30)
    sent = 0

    def start() -> None:
        status.unlink(missing_ok=True)
        tmux.run("kill-server")
        subprocess.run(
            [*tmux.base, "new-session", "-d", "-x", "120", "-y", "40", "-s", tmux.name, command],
            check=True,
            env=env,
            timeout=10,
        )
        time.sleep(2)

    started = time.monotonic()
    try:
        start()
        while time.monotonic() - started < SECONDS:
            roll = rng.random()
            if roll < 0.1:
                width, height = rng.randint(10, 250), rng.randint(4, 80)
                if rng.random() < 0.3:
                    height = rng.randint(4, 6)
                last.append(f"resize {width}x{height}")
                tmux.run("resize-window", "-t", tmux.name, "-x", str(width), "-y", str(height))
            else:
                keys = rng.choice(BURSTS) if roll < 0.2 else rng.choices(KEYS, k=rng.randint(1, 4))
                last.append(" ".join(keys))
                tmux.run("send-keys", "-t", tmux.name, *keys)
                sent += len(keys)
            time.sleep(rng.choice((0.0125, 0.0125, 0.05, 0.3)))  # ~80 keys/s, and slower
            if status.exists() and status.read_text().strip() == "0":
                last.append("(quit: the palette's Quit, say)")
                start()
            elif status.exists():
                screen = tmux.run("capture-pane", "-p", "-t", tmux.name).stdout
                deaths.append(
                    f"death {len(deaths) + 1} (exit {status.read_text().strip()}) after "
                    f"{time.monotonic() - started:.0f} s; last: {' | '.join(last)}\n{screen}"
                )
                start()
    finally:
        tmux.run("kill-server")
    minutes = (time.monotonic() - started) / 60
    print(f"tmux monkey seed {seed}: {sent} keys in {minutes:.1f} min, {len(deaths)} deaths")
    assert not deaths, f"TMUX_MONKEY_SEED={seed}\n" + "\n\n".join(deaths)
