"""A monkey at the keyboard: thousands of random keys, clicks and terminal resizes over
briefings full of hostile strings, with files changing underneath now and then.

After every batch of steps the app must still run, have raised nothing, show the entry
that is selected, and have put no control character from a briefing on the screen.

Seeded: a failure prints its seed, the step it failed at and the steps before it.
Replay it, or walk further, with

    MONKEY_SEED=1234 MONKEY_STEPS=20000 MONKEY_SECONDS=3600 \\
        .venv/bin/python -m pytest tests/ui/test_monkey.py -k fresh -s

CI walks a fixed seed for 250 steps, then a fresh random seed (printed) for
MONKEY_STEPS=1500 steps or MONKEY_SECONDS=35 seconds, whichever ends first.
"""

from __future__ import annotations

import asyncio
import os
import random
import string
import time
import traceback
from collections import deque
from pathlib import Path

import pytest
from hostile import OTHER_YAML, hostile_folder, small_folder, small_yaml
from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.command import CommandPalette
from textual.drivers.headless_driver import HeadlessDriver
from textual.geometry import Offset, Size
from textual.pilot import Pilot, _get_mouse_message_arguments
from textual.widgets.option_list import Option
from textual.worker import WorkerFailed, WorkerState

from tui.ui import app as app_module
from tui.ui.app import BriefingsApp
from tui.ui.screens.errors import ErrorsScreen
from tui.ui.screens.help import HelpScreen
from tui.ui.screens.main import MainScreen
from tui.ui.screens.search import SearchScreen
from tui.ui.screens.switcher import BriefingSwitcher
from tui.ui.widgets.detail_pane import DetailPane, LinkList
from tui.ui.widgets.panes import EntryTable

STEPS = int(os.environ.get("MONKEY_STEPS", "1500"))
# The fresh-seed walk stops early after this many seconds (CI machines are slow and
# shared); the steps it took are a prefix of the seed's walk, so a failure replays.
SECONDS = float(os.environ.get("MONKEY_SECONDS", "35"))
FIXED_STEPS = 250
FIXED_SEED = 20260525
BATCH = 25  # steps between checks
SCREEN_CHECK = 4  # batches between checks of the whole screen's text (a full render)
SMALLEST, LARGEST = (20, 6), (250, 80)

# Keys that quit: never pressed (quitting is tested elsewhere); a quit that gets through
# anyway (the palette's Quit command, the footer's Quit) is caught by MonkeyApp.
QUIT_KEYS = {"q", "ctrl+q", "ctrl+c"}


def binding_keys() -> set[str]:
    keys: set[str] = set()
    for owner in (
        BriefingsApp,
        MainScreen,
        EntryTable,
        LinkList,
        SearchScreen,
        HelpScreen,
        ErrorsScreen,
        BriefingSwitcher,
    ):
        for binding in owner.BINDINGS:
            if isinstance(binding, Binding):
                keys.update(key.strip() for key in binding.key.split(","))
    return keys


KEYS = sorted(
    (
        binding_keys()
        | set(string.ascii_lowercase)
        | set("GJKEN0123456789")
        | {"up", "down", "left", "right", "home", "end", "pageup", "pagedown"}
        | {"enter", "escape", "tab", "shift+tab", "slash", "question_mark", "ctrl+p"}
        | {"backspace", "delete", "space", "full_stop", "minus"}
    )
    - QUIT_KEYS
)
MOVES = ["up", "down", "j", "k", "home", "end", "pageup", "pagedown"]

# What must never reach the screen from a briefing: printable() replaces these.
FORBIDDEN_ON_SCREEN = ("\x1b", "\x07", "\x00", "\x9b", "\x90", "\x9c", "\u202e", "\u2066")


class MonkeyApp(BriefingsApp):
    """The app, with the ways out turned into counters (and no screenshots on disk)."""

    # Relative paths are resolved next to the subclass's module: name the app's own.
    CSS_PATH = Path(app_module.__file__).with_name("app.tcss")
    quit_requests = 0

    async def action_quit(self) -> None:
        self.quit_requests += 1

    def deliver_screenshot(self, *args: object, **kwargs: object) -> None:
        pass


async def palette_settled(app: App, pilot: Pilot) -> None:
    """Wait for the command palette's searches to end. A search the next key
    superseded ends cancelled, which is normal: waiting on it would raise
    WorkerCancelled (MONKEY_SEED=4220077415, step 513)."""
    deadline = time.monotonic() + 10
    while any(worker.state in (WorkerState.PENDING, WorkerState.RUNNING) for worker in app.workers):
        assert time.monotonic() < deadline, "the command palette's search did not end in 10 s"
        await pilot.pause(0.01)


def make_folder(root: Path) -> Path:
    folder = small_folder(root, ("small.yaml", small_yaml()), ("z-lyon.yaml", OTHER_YAML))
    hostile_folder(root)
    return folder


async def reload(app: BriefingsApp, changed: list[Path]) -> None:
    """What the app's watcher does when files change, run in step with the monkey so
    that a seed replays exactly."""
    await app.apply_changes(changed)


def file_changes(folder: Path) -> list[tuple[str, Path, str | None]]:
    """Saves an author might make: (what, file, new text or None to delete)."""
    small, lyon = folder / "small.yaml", folder / "z-lyon.yaml"
    hostile = folder / "hostile.yaml"
    hostile_text = hostile.read_text(encoding="utf-8")
    return [
        ("rename a person", small, small_yaml().replace("Zoë Diplé\n", "Zoë Diplé-Roux\n")),
        ("break a file", small, "format: 1\nid: small\nplaces: [Paris\n"),
        ("fix it", small, small_yaml(title="Fixed")),
        ("drop a person", small, small_yaml().replace("  - id: zoe-diple", "  - id: zoe-x")),
        ("delete a briefing", lyon, None),
        ("add it back", lyon, OTHER_YAML),
        ("half-save the hostile file", hostile, hostile_text[: len(hostile_text) // 3]),
        ("restore it", hostile, hostile_text),
    ]


def check(app: MonkeyApp) -> None:
    assert app._exception is None, app._exception
    assert app.is_running, "the app stopped"
    main = app.main_screen
    shown = main.shown
    detail = main.query_one(DetailPane).detail
    if shown is None:
        assert not app.archive.briefings
        return
    assert shown in app.archive, f"shows {shown}, which is not loaded"
    assert main.briefing_id == shown.briefing
    assert detail is not None and detail.ref == shown, (detail and detail.ref, shown)
    focused = main.focused
    if isinstance(focused, EntryTable) and focused.kind is shown.kind:
        # A list of the shown entry's kind has its cursor on it.
        assert focused.highlighted == shown, (focused.highlighted, shown)


def screen_text(app: BriefingsApp) -> str:
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


def check_screen(app: MonkeyApp) -> None:
    text = screen_text(app)
    for char in FORBIDDEN_ON_SCREEN:
        assert char not in text, f"{char!r} reached the screen"


async def check_preview(pilot: Pilot, rng: random.Random) -> str | None:
    """When a list has focus on the main screen, a move in it shows what it highlights
    (a key that moves nothing, home at the top say, need not)."""
    app = pilot.app
    assert isinstance(app, MonkeyApp)
    focused = app.main_screen.focused
    if app.screen is not app.main_screen or not isinstance(focused, EntryTable):
        return None
    if not focused.row_count:
        return None
    key = rng.choice(MOVES)
    before = focused.highlighted
    await press(pilot, key)
    await settle(pilot)
    if focused.highlighted != before:
        # The user moved in the list: the detail follows.
        assert app.main_screen.shown == focused.highlighted, (key, app.main_screen.shown)
    return f"check-move {key}"


# The pilot's own press, click and resize wait for the CPU to go idle after each event
# (40 ms or more), which would make thousands of steps take many minutes. The monkey
# posts events the way the pilot does, and waits only until the app has handled them,
# every few keys: a monkey types fast, with keys queued while screens open and close.
KEYS_PER_WAIT = 4
SCREEN_KEYS = {"ctrl+p", "slash", "question_mark", "b", "e", "escape", "enter", "backspace"}


async def settle(pilot: Pilot) -> None:
    """Until the messages that handling the last events posted are handled too (a key
    highlights a row, which previews the entry, which shows it: a few rounds)."""
    for _ in range(4):
        await pilot._wait_for_screen()


async def press(pilot: Pilot, key: str, *, wait: bool = True) -> None:
    app = pilot.app
    char = key if len(key) == 1 else _CHARS.get(key)
    event = events.Key(key, char)
    event.set_sender(app)
    app.post_message(event)
    await (pilot._wait_for_screen() if wait else asyncio.sleep(0))


async def click(pilot: Pilot, x: int, y: int) -> None:
    """Mouse down, up and click at a point of the screen (as pilot.click does)."""
    app = pilot.app
    screen = app.screen
    if not screen.size.region.contains(x, y):
        return
    arguments = _get_mouse_message_arguments(screen, (x, y))
    app.mouse_position = Offset(x, y)
    for event_type in (events.MouseDown, events.MouseUp, events.Click):
        kwargs = {**arguments, "chain": 1} if event_type is events.Click else arguments
        screen._forward_event(event_type(**kwargs))
    await pilot._wait_for_screen()


async def resize(pilot: Pilot, width: int, height: int) -> None:
    """As pilot.resize_terminal, without the wait for idle."""
    app = pilot.app
    size = Size(width, height)
    if isinstance(app._driver, HeadlessDriver):
        app._driver._size = size
    app.post_message(events.Resize(size, size))
    await pilot._wait_for_screen()


_CHARS = {"space": " ", "slash": "/", "question_mark": "?", "full_stop": ".", "minus": "-"}
_CHARS |= {"enter": "\r", "tab": "\t", "escape": "\x1b", "backspace": "\x7f"}


async def run_monkey(seed: int, steps: int, tmp_path: Path, seconds: float = 3600) -> None:
    rng = random.Random(seed)
    folder = make_folder(tmp_path)
    changes = file_changes(folder)
    app = MonkeyApp([folder], watch=False)
    last: deque[str] = deque(maxlen=25)
    step = 0
    started = time.monotonic()
    spent: dict[str, float] = {}  # seconds per kind of step, for the summary
    size = (100, 30)
    try:
        async with app.run_test(size=size) as pilot:
            for _ in range(400):
                if app.main_screen.briefing_id is not None:
                    break
                await pilot.pause(0.01)
            check(app)
            for step in range(1, steps + 1):
                if time.monotonic() - started > seconds and step % BATCH == 1:
                    steps = step - 1
                    break
                roll = rng.random()
                before = time.monotonic()
                if roll < 0.85:
                    key = rng.choice(KEYS)
                    if key in ("pageup", "pagedown") and isinstance(app.screen, CommandPalette):
                        # Textual's own palette list has the OptionList paging bug that
                        # LinkList works around (KeyError when it has no lines laid
                        # out): not the app's to fix. MONKEY_SEED=2977271814, step 1497.
                        key = "down"
                    last.append(f"{step}: press {key}")
                    # Keys that open or close a screen, and keys typed into one, wait
                    # for the app: Textual's command palette fails when it closes
                    # before a search it started gets going (NoMatches in its worker,
                    # which ends the app), and a dialog closed before it mounted fails
                    # likewise. Typing that fast is a race in Textual, not in the app.
                    wait = (
                        key in SCREEN_KEYS
                        or app.screen is not app.main_screen
                        or step % KEYS_PER_WAIT == 0
                    )
                    await press(pilot, key, wait=wait)
                    if isinstance(app.screen, CommandPalette):
                        # Let the palette's search finish before the next key (see above).
                        await palette_settled(app, pilot)
                elif roll < 0.95:
                    x, y = rng.randrange(size[0]), rng.randrange(size[1])
                    if isinstance(app.screen, CommandPalette):
                        # Textual's palette list takes a click on an option from the
                        # frame before its results changed (IndexError in OptionList
                        # ._on_click; MONKEY_SEED=2439731763, step 157): upstream.
                        last.append(f"{step}: click {x},{y} skipped (command palette)")
                    else:
                        last.append(f"{step}: click {x},{y}")
                        await click(pilot, x, y)
                elif roll < 0.97:
                    size = (
                        rng.randint(SMALLEST[0], LARGEST[0]),
                        rng.randint(SMALLEST[1], LARGEST[1]),
                    )
                    last.append(f"{step}: resize {size[0]}x{size[1]}")
                    await resize(pilot, *size)
                else:
                    what, path, text = rng.choice(changes)
                    last.append(f"{step}: {what} ({path.name})")
                    if text is None:
                        path.unlink(missing_ok=True)
                    else:
                        path.write_text(text, encoding="utf-8")
                    await reload(app, [path])
                kind = last[-1].split()[1]
                spent[kind] = spent.get(kind, 0.0) + time.monotonic() - before
                assert app._exception is None and app.is_running
                if step % BATCH == 0 or step == steps:
                    before = time.monotonic()
                    await settle(pilot)
                    check(app)
                    if step % (BATCH * SCREEN_CHECK) == 0 or step == steps:
                        check_screen(app)
                    moved = await check_preview(pilot, rng)
                    if moved:
                        last.append(f"{step}: {moved}")
                    check(app)
                    spent["checks"] = spent.get("checks", 0.0) + time.monotonic() - before
            print(
                f"monkey seed {seed}: {steps} steps in {time.monotonic() - started:.1f} s "
                f"({', '.join(f'{kind} {spent_s:.1f} s' for kind, spent_s in spent.items())}), "
                f"{app.quit_requests} quit request(s) ignored"
            )
    except BaseException as error:
        if isinstance(error, KeyboardInterrupt | pytest.xfail.Exception):
            raise
        history = "\n  ".join(last)
        message = (
            f"monkey failed at step {step} of {steps}: replay with MONKEY_SEED={seed} "
            f"MONKEY_STEPS={steps}\n  {history}\n{type(error).__name__}: {error}"
        )
        where = upstream(app._exception)
        if where is not None:
            # Reported, not failed: CI stays green on Textual's own races, which the
            # app cannot fix; anything with a frame of the app's code still fails.
            print(message)
            pytest.xfail(f"Textual raised inside {where} with no app code involved: {message}")
        raise AssertionError(message) from error


def upstream(error: BaseException | None) -> str | None:
    """Where in Textual an app exception was raised, when no frame of the app's own
    code (tui/) is in its traceback: a bug of Textual's (the command palette's races
    and its list's paging, as far as the monkey has found)."""
    if error is None:
        return None
    if isinstance(error, WorkerFailed):
        error = error.error
    frames = traceback.extract_tb(error.__traceback__)
    if not frames or any(f"{os.sep}tui{os.sep}" in frame.filename for frame in frames):
        return None
    innermost = frames[-1]
    if f"{os.sep}textual{os.sep}" not in innermost.filename:
        return None
    return f"{Path(innermost.filename).name}:{innermost.lineno} ({innermost.name})"


def _seed() -> int:
    if "MONKEY_SEED" in os.environ:
        return int(os.environ["MONKEY_SEED"])
    return random.SystemRandom().randrange(2**32)


async def test_monkey_with_a_fixed_seed(tmp_path: Path) -> None:
    """The same walk every run: a failure here is reproducible by anyone."""
    await run_monkey(FIXED_SEED, FIXED_STEPS, tmp_path)


async def test_monkey_with_a_fresh_seed(tmp_path: Path) -> None:
    """A new walk every run (or MONKEY_SEED's): over time CI covers many."""
    seed = _seed()
    print(f"MONKEY_SEED={seed} MONKEY_STEPS={STEPS}")
    await run_monkey(seed, STEPS, tmp_path, SECONDS)


@pytest.mark.parametrize("size", [SMALLEST, (80, 24), LARGEST])
async def test_hostile_strings_stay_plain_at_any_size(tmp_path: Path, size) -> None:
    """Markup is shown as typed, not applied, and no escape sequence is on screen."""
    folder = make_folder(tmp_path)
    app = MonkeyApp([folder / "hostile.yaml"], watch=False)
    async with app.run_test(size=size) as pilot:
        for _ in range(400):
            if app.main_screen.briefing_id is not None:
                break
            await pilot.pause(0.01)
        await pilot.press("2")
        await pilot.pause()
        for _ in range(25):
            check(app)
            check_screen(app)
            await pilot.press("down")
        await pilot.pause()
        if size == LARGEST:
            text = screen_text(app)
            assert "[@click=app.quit]z" in text
            assert "[bold]x" in text
            assert "Mallory" in text
        assert app.quit_requests == 0


# --- What the monkey found, as plain regression tests ---------------------------------


async def wait_loaded(pilot: Pilot) -> None:
    app = pilot.app
    assert isinstance(app, BriefingsApp)
    for _ in range(400):
        if app.main_screen.briefing_id is not None:
            return
        await pilot.pause(0.01)
    raise AssertionError("the app did not load")


async def test_keys_in_an_empty_list_do_nothing(tmp_path: Path) -> None:
    """Up (or enter) in a list with no rows: Textual reports a highlighted row with no
    key, which the list took for a row of its own (AttributeError)."""
    folder = small_folder(tmp_path, ("lyon.yaml", OTHER_YAML))  # no themes, no events
    app = MonkeyApp([folder], watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("3", "up", "k", "enter", "pageup", "home", "end", "down")
        await pilot.pause()
        assert app._exception is None
        check(app)


async def test_paging_the_detail_links_when_they_have_no_room() -> None:
    """Page up/down in the detail's links while they have no room on screen (the monkey
    met it on an 82x8 terminal with the source shown): Textual's OptionList pages by
    lines it never laid out, and raised KeyError."""

    class Squeezed(App[None]):
        CSS = "LinkList { height: 0; }"

        def compose(self) -> ComposeResult:
            yield LinkList(*(Option(f"link {n}") for n in range(5)))

    app = Squeezed()
    async with app.run_test(size=(40, 10)) as pilot:
        links = app.query_one(LinkList)
        links.focus()
        links.highlighted = 2
        await pilot.pause()
        assert not links.scrollable_content_region
        await pilot.press("pageup", "pagedown")
        await pilot.pause()
        assert app._exception is None
        assert links.highlighted == 2
