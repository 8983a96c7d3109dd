"""A monkey in a real terminal: the app in tmux, random keys (several in one send-keys,
so that they arrive in one read: Enter Enter, page keys right after a screen opens) and
resizes from 10x2 to 250x80 (often 2-6 rows high), over the bundled briefing and a
folder of hostile ones, at about 80 keys a second or at a person's pace.

A death is the app ending with a status other than 0; a hang is the app not redrawing
after a resize (checked every PROBE_EVERY seconds and at the end) while it does nothing
(under IDLE_SHARE of a core over IDLE_WINDOW seconds), or while it works for BUSY_SECONDS
without catching up. Each is reported with the seed, the keys before it and the screen,
and the app is started again. An app that redraws only after STALL_SECONDS, working
through the keys and resizes it was sent (at 80 keys a second a loaded machine queues
minutes of them: each resize lays out and draws the whole screen), is a stall:
reported, with the stacks of its threads at STALL_SECONDS, but not a failure. A quit
(the palette's Quit command, say) just starts it again.

In the suite for a short while at each speed; longer on demand (TMUX_MONKEY_SECONDS,
per speed), one speed or a fixed seed:

    TMUX_MONKEY_SECONDS=600 [TMUX_MONKEY_SEED=1] [TMUX_MONKEY_SPEED=fast] \\
        .venv/bin/python -m pytest -s tests/terminal/test_tmux_monkey.py

The keys are the seed's, but where they land depends on how fast the app handles them:
a death found at 80 keys/s replays only roughly (the report's keys are the clue).
"""

from __future__ import annotations

import contextlib
import os
import random
import shlex
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections import deque
from pathlib import Path

import pytest
from hostile import OTHER_YAML, hostile_folder, small_yaml

# Per speed: short in the suite, longer on demand.
SECONDS = float(os.environ.get("TMUX_MONKEY_SECONDS", "20"))
TMUX = shutil.which("tmux")
ROOT = Path(__file__).resolve().parents[2]
STALL_SECONDS = 20.0
IDLE_WINDOW = 10.0
IDLE_SHARE = 0.05
BUSY_SECONDS = 600.0
PROBE_EVERY = 10.0

pytestmark = [
    pytest.mark.skipif(TMUX is None, reason="tmux is not installed"),
    pytest.mark.skipif(not SECONDS, reason="TMUX_MONKEY_SECONDS=0 turns it off"),
]

# tmux key names; "q" and ctrl+c/ctrl+q are left out (they quit), as is ctrl+z.
KEYS = [
    *"abcdefghijklmnoprstuvwxyzGJKEN0123456789/?.-[]",
    *("Up", "Down", "Left", "Right", "Home", "End", "PageUp", "PageDown", "Enter"),
    *("Escape", "Tab", "BTab", "BSpace", "DC", "Space", "C-p", "C-s", "C-r"),
]
# Sent in one send-keys each: what a fast typist or a busy machine delivers in one read.
BURSTS = [
    ["Enter", "Enter"],
    ["C-p", "PageDown"],
    ["C-p", "PageUp", "PageDown", "PageUp"],
    ["C-p", "Enter", "Enter"],
    ["C-p", *"them", "Enter", "Enter"],
    ["/", *"lemingham"],
    ["/", *"le", "Tab", "PageDown", "Enter"],
    ["b", "PageDown"],
    ["b", "Down", "Enter", "Enter"],
    ["PageDown", "PageUp", "PageDown"],
    ["1", "Enter", "Down", "Down", "Down", "Down", "Down", "Enter", "2"],
    ["4", "PageDown", "Enter", "Enter"],
    ["v", "PageDown", "Enter", "Enter"],
    ["a", "PageDown", "Enter", "Escape"],
    ["?", "PageDown", "Escape", "Escape"],
    ["e", "Enter", "Enter", "Escape"],
    ["n", *"note", "Escape", "Enter"],
]
SPEEDS = {"fast": 80.0, "person": 4.0}  # keys a second

# The app, with its threads' stacks dumped to a file on SIGUSR1 (to see where it hangs).
# On SIGUSR2 it writes, next to them, how many messages wait in the app's queue and
# which screens are open: a busy app working through a backlog of keys and resizes
# has a long queue, one spinning in a loop of its own does not. Per screen, the longest
# queues of its widgets and what waits in its own; and whether repaints are held
# (Textual's batch count: while it is above zero nothing reaches the terminal).
BOOT = """
import faulthandler, signal, sys
from collections import Counter
from textual.app import App
stacks = sys.argv.pop(1)
faulthandler.register(signal.SIGUSR1, open(stacks, 'w'), all_threads=True)
apps = []
started = App.run
def remembered(app, *args, **kwargs):
    apps.append(app)
    return started(app, *args, **kwargs)
App.run = remembered
def state(*_):
    try:
        with open(stacks + '.state', 'a') as out:
            for app in apps:
                screens = [type(screen).__name__ for screen in app.screen_stack]
                nodes = sum(1 for _ in app.screen.walk_children()) if screens else 0
                queued = app._message_queue.qsize()
                out.write(f'queue {queued}, screens {screens}, nodes {nodes}\\n')
                for screen in app.screen_stack:
                    nodes_of = (screen, *screen.walk_children())
                    queues = ((node._message_queue.qsize(), repr(node)) for node in nodes_of)
                    busy = sorted(queues, reverse=True)[:3]
                    waiting = Counter(type(m).__name__ for m in screen._message_queue.values)
                    out.write(f'  {type(screen).__name__} {screen.size}: busiest queues {busy}, '
                              f'its own {dict(waiting)}\\n')
                waiting = Counter(type(m).__name__ for m in app._message_queue.values)
                batch = app._batch_count
                timer, pending = app._resize_timer, app._resize_event
                out.write(f'  app resize timer {timer!r}, pending {pending!r}\\n')
                out.write(f'  app {app.size}, batch {batch}, its queue {dict(waiting)}\\n')
    except Exception as error:  # a report, never a crash of its own
        print(repr(error), file=open(stacks + '.state', 'a'))
signal.signal(signal.SIGUSR2, state)
from tui.cli.main import run
run()
"""


def monkey_folder(root: Path) -> Path:
    """The hostile briefing, two small ones (so that the switcher opens), and files that
    are not briefings at all: broken YAML, empty, binary, a symlink loop, a FIFO."""
    hostile_folder(root)
    folder = root / "briefings"
    (folder / "small.yaml").write_text(small_yaml(), encoding="utf-8")
    (folder / "z-lyon.yaml").write_text(OTHER_YAML, encoding="utf-8")
    (folder / "broken.yaml").write_text("format: 1\nid: broken\nplaces: [Paris\n", "utf-8")
    (folder / "empty.yaml").write_text("", encoding="utf-8")
    (folder / "binary.yaml").write_bytes(bytes(range(256)) * 4)
    (folder / "loop.yaml").symlink_to("loop.yaml")
    os.mkfifo(folder / "fifo.yaml")
    return folder


def cpu_seconds(pids: list[int]) -> float:
    """The processes' own CPU time so far (utime + stime from /proc), 0 for those gone."""
    ticks = 0
    for pid in pids:
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            continue
        # The command name, in parentheses, may hold spaces: count fields after it.
        fields = stat.rsplit(")", 1)[1].split()
        ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


class Tmux:
    def __init__(self, name: str) -> None:
        assert TMUX is not None
        self.name = name
        self.base = [TMUX, "-L", name, "-f", "/dev/null"]

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*self.base, *args], capture_output=True, text=True, check=False, timeout=10
        )

    def screen(self, *options: str) -> str:
        return self.run("capture-pane", "-p", *options, "-t", self.name).stdout

    def resize(self, width: int, height: int) -> None:
        self.run("resize-window", "-t", self.name, "-x", str(width), "-y", str(height))


class Monkey:
    def __init__(self, seed: int, speed: float, tmp_path: Path) -> None:
        self.rng = random.Random(seed)
        self.seed = seed
        self.speed = speed
        self.tmux = self.new_tmux()
        self.status = tmp_path / "status"
        self.stacks = tmp_path / "stacks"
        home = tmp_path / "home"  # exports go to its Downloads
        home.mkdir(parents=True)
        bundled = shutil.copytree(ROOT / "briefings", tmp_path / "bundled" / "briefings")
        shutil.copytree(ROOT / "seeds", tmp_path / "bundled" / "seeds")
        app = " ".join(
            shlex.quote(str(part))
            for part in (sys.executable, "-c", BOOT, self.stacks, "--no-watch", bundled)
        )
        hostile = shlex.quote(str(monkey_folder(tmp_path / "hostile")))
        self.command = f"{app} {hostile}; echo $? > {self.status}; sleep 3600"
        self.env = {**os.environ, "TERM": "xterm-256color", "HOME": str(home)}
        self.env |= {"EDITOR": "true", "VISUAL": "true"}  # `o` returns at once
        self.env.pop("XDG_CONFIG_HOME", None)
        self.deaths: list[str] = []
        self.stalls: list[float] = []  # seconds to redraw, when over STALL_SECONDS
        self.last: deque[str] = deque(maxlen=30)
        self.keys = 0
        self.probes = 0
        self.started = self.due = time.monotonic()

    @staticmethod
    def new_tmux() -> Tmux:
        return Tmux(f"briefings-monkey-{os.getpid()}-{uuid.uuid4().hex[:8]}")

    def start(self) -> None:
        """The app in a tmux server of its own. An app that hung would go on using a
        core, and a server still tearing down can refuse the next one: the old app is
        killed, and the new one starts in a new server."""
        self.status.unlink(missing_ok=True)
        shell = self.tmux.run("display", "-p", "-t", self.tmux.name, "#{pane_pid}").stdout
        for pid in self.app_pids(shell.strip()) if shell.strip() else []:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        self.tmux.run("kill-server")
        self.tmux = self.new_tmux()
        size = ["-x", "120", "-y", "40"]
        subprocess.run(
            [*self.tmux.base, "new-session", "-d", *size, "-s", self.tmux.name, self.command],
            check=True,
            env=self.env,
            timeout=10,
        )
        self.tmux.run("set-option", "-g", "status", "off")  # the pane is the whole window
        self.wait_drawn(STALL_SECONDS)

    def wait_drawn(self, seconds: float) -> bool:
        """Whether the app paints the pane's last row (its footer, its background)
        within `seconds`: tmux leaves rows the app has not drawn blank."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            rows = self.tmux.screen("-e").rstrip("\n").split("\n")
            if len(rows) >= 40 and "\x1b[" in rows[39]:
                return True
            if self.status.exists():
                return False
            time.sleep(0.1)
        return False

    def step(self) -> None:
        rng = self.rng
        roll = rng.random()
        if roll < 0.08:
            width, height = rng.randint(10, 250), rng.randint(2, 80)
            if rng.random() < 0.4:
                height = rng.randint(2, 6)
            self.last.append(f"resize {width}x{height}")
            self.tmux.resize(width, height)
            time.sleep(rng.choice((0.0, 0.05, 0.3)))
            return
        keys = rng.choice(BURSTS) if roll < 0.25 else rng.choices(KEYS, k=rng.randint(1, 4))
        self.last.append(" ".join(keys))
        self.tmux.run("send-keys", "-t", self.tmux.name, *keys)
        self.keys += len(keys)
        # Paced by the clock, so that tmux's own start-up time is part of the pace.
        pace = len(keys) / self.speed
        self.due = max(self.due, time.monotonic() - 1) + (
            pace * rng.uniform(0.5, 1.5) if self.speed < 10 else pace
        )
        time.sleep(max(0.0, self.due - time.monotonic()))

    def probe(self) -> None:
        """Resize small, then to 120x40: the app must draw the new rows."""
        self.probes += 1
        self.last.append("probe: resize 100x20, then 120x40")
        self.tmux.resize(100, 20)
        time.sleep(0.2)
        self.tmux.resize(120, 40)
        started = time.monotonic()
        if self.wait_drawn(STALL_SECONDS) or self.status.exists():
            return
        shell = self.tmux.run("display", "-p", "-t", self.tmux.name, "#{pane_pid}").stdout
        apps = self.app_pids(shell.strip())
        self.dump_stacks(apps)
        stacks = self.stacks.read_text() if self.stacks.exists() else ""
        while time.monotonic() - started < BUSY_SECONDS:
            used = cpu_seconds(apps)
            if self.wait_drawn(IDLE_WINDOW) or self.status.exists():
                self.stalls.append(time.monotonic() - started)
                print(
                    f"\n--- stall: redrawn {self.stalls[-1]:.0f} s after a resize, "
                    f"TMUX_MONKEY_SEED={self.seed}; last: {' | '.join(self.last)}\n{stacks}",
                    flush=True,
                )
                return
            if cpu_seconds(apps) - used < IDLE_SHARE * IDLE_WINDOW:
                waited = time.monotonic() - started
                self.record(f"hang (nothing drawn {waited:.0f} s after a resize, the app idle)")
                return
        # Where it is now, next to where it was at STALL_SECONDS, and its queue then and now.
        self.dump_stacks(apps)
        now = self.stacks.read_text()[len(stacks) :] if self.stacks.exists() else ""
        self.record(
            f"hang (nothing drawn {BUSY_SECONDS:.0f} s after a resize, the app busy)",
            f"at {STALL_SECONDS:.0f} s:\n{stacks}\nnow:\n{now}",
        )

    @staticmethod
    def app_pids(shell_pid: str) -> list[int]:
        found = subprocess.run(
            ["pgrep", "-P", shell_pid], capture_output=True, text=True, check=False
        ).stdout.split()
        return [int(pid) for pid in found if pid.isdigit()]

    def dump_stacks(self, pids: list[int]) -> None:
        for pid in pids:
            for sent in (signal.SIGUSR1, signal.SIGUSR2):
                try:
                    os.kill(pid, sent)
                except ProcessLookupError:
                    continue
        time.sleep(1)

    def record(self, what: str, stacks: str | None = None) -> None:
        screen = self.tmux.screen("-J", "-S", "-200")
        if stacks is None:
            stacks = self.stacks.read_text() if self.stacks.exists() else ""
        state = self.stacks.with_name(self.stacks.name + ".state")
        if state.exists():
            stacks += "\n" + state.read_text()
            state.unlink()
        report = (
            f"{what} after {time.monotonic() - self.started:.0f} s, "
            f"TMUX_MONKEY_SEED={self.seed}; last: {' | '.join(self.last)}\n{screen}\n{stacks}"
        )
        print(f"\n--- {report}", flush=True)
        self.deaths.append(report)
        self.start()

    def check_exit(self) -> None:
        if not self.status.exists():
            return
        code = self.status.read_text().strip()
        if code == "0":
            self.last.append("(quit: the palette's Quit, say)")
            self.start()
        elif code:
            self.record(f"death (exit {code})")

    def run(self, seconds: float) -> None:
        self.start()
        # The budget is for keys: a busy machine may take most of it to start the app.
        probed = begun = time.monotonic()
        while time.monotonic() - begun < seconds:
            self.step()
            self.check_exit()
            if time.monotonic() - probed > PROBE_EVERY:
                self.probe()
                probed = time.monotonic()
        self.probe()
        self.check_exit()


def test_the_app_survives_a_monkey_in_a_real_terminal(tmp_path: Path) -> None:
    """Each speed in turn (TMUX_MONKEY_SPEED picks one), in one test: the suite's other
    real-terminal tests may run beside it, but not a second monkey."""
    seed = int(os.environ.get("TMUX_MONKEY_SEED") or random.SystemRandom().randrange(2**32))
    deaths: list[str] = []
    keys = 0
    for speed in [s for s in SPEEDS if os.environ.get("TMUX_MONKEY_SPEED", s) == s]:
        monkey = Monkey(seed, SPEEDS[speed], tmp_path / speed)
        try:
            monkey.run(SECONDS)
        finally:
            monkey.tmux.run("kill-server")
        minutes = (time.monotonic() - monkey.started) / 60
        stalls = ", ".join(f"{stall:.0f} s" for stall in monkey.stalls) or "none"
        print(
            f"tmux monkey seed {seed} ({speed}): {monkey.keys} keys in {minutes:.1f} min, "
            f"{monkey.probes} probes, {len(monkey.deaths)} deaths, "
            f"stalls: {stalls}"
        )
        keys += monkey.keys
        deaths += monkey.deaths
    assert keys, "no key was sent"
    assert not deaths, f"TMUX_MONKEY_SEED={seed}\n" + "\n\n".join(deaths)
