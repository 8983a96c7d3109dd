"""A monkey at the keyboard: thousands of random keys, bursts of keys in one read, clicks
and terminal resizes (10x2 to 250x80, often 2-6 rows high) over briefings full of hostile
strings, with files changing underneath now and then.

Any exception fails the walk, whatever library raised it, and so does an app that stops
responding (nothing handled within HANG_SECONDS). After every batch of steps the app
must still run, show the entry that is selected, and have put no control character from
a briefing on the screen. A failure prints the seed, the speed, the step and the steps
before it.

Two speeds: "person" waits until the app has handled each key (or burst) before the next,
and replays exactly; "fast" types about 80 keys a second whatever the app is doing, as a
quick typist or a paste does, and replays only roughly (where keys land depends on the
machine). Replay a failure, or walk further, with

    MONKEY_SEED=1234 MONKEY_SPEED=person MONKEY_STEPS=20000 MONKEY_SECONDS=3600 \\
        .venv/bin/python -m pytest tests/ui/test_monkey.py -k fresh -s

CI walks a fixed seed for 120 steps, then a fresh random seed (printed) at each speed for
MONKEY_SECONDS (a few seconds) or MONKEY_STEPS steps, whichever ends first.
"""

from __future__ import annotations

import asyncio
import importlib
import inspect
import os
import pkgutil
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
from textual.drivers.headless_driver import HeadlessDriver
from textual.geometry import Size
from textual.message_pump import MessagePump
from textual.pilot import Pilot, WaitForScreenTimeout, _get_mouse_message_arguments
from textual.widgets.option_list import Option
from ui_helpers import key_event, wait_loaded

import tui.ui
from tui.ui import app as app_module
from tui.ui.app import BriefingsApp
from tui.ui.widgets.detail_pane import DetailPane, LinkList
from tui.ui.widgets.panes import EntryTable

STEPS = int(os.environ.get("MONKEY_STEPS", "1000000"))
# The fresh-seed walks stop after this many seconds (CI machines are slow and shared);
# the steps taken are a prefix of the seed's walk, so a failure replays.
SECONDS = float(os.environ.get("MONKEY_SECONDS", "5"))
FIXED_STEPS = 120
FIXED_SEED = 20260525
BATCH = 25  # steps between checks
SCREEN_CHECK = 4  # batches between checks of the whole screen's text (a full render)
SMALLEST, LARGEST = (10, 2), (250, 80)
KEYS_PER_SECOND = 80  # the fast monkey's pace
# Nothing a key does takes this long, even on a busy machine: an app that has not
# handled what it was sent by then is hung.
HANG_SECONDS = 20.0

# Keys that quit: never pressed (quitting is tested elsewhere); a quit that gets through
# anyway (the palette's Quit command, the footer's Quit) is caught by MonkeyApp.
QUIT_KEYS = {"q", "ctrl+q", "ctrl+c"}


def binding_keys() -> set[str]:
    """Every key bound by a class of the app's UI: new screens' keys join the walk."""
    keys: set[str] = set()
    for module_info in pkgutil.walk_packages(tui.ui.__path__, "tui.ui."):
        module = importlib.import_module(module_info.name)
        for _, owner in inspect.getmembers(module, inspect.isclass):
            if not owner.__module__.startswith("tui.ui"):
                continue
            for binding in getattr(owner, "BINDINGS", ()):
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
# Keys sent in one read: what a fast typist, a paste or a busy machine delivers at once,
# aimed at each screen right after it opens.
BURSTS = [
    ["enter", "enter"],
    ["ctrl+p", "pagedown"],
    ["ctrl+p", "pageup", "pagedown", "pageup"],
    ["ctrl+p", "enter", "enter"],
    ["ctrl+p", *"them", "enter", "enter"],
    ["ctrl+p", *"zz", "escape", *"ab"],
    ["slash", *"lemingham"],
    ["slash", "l", "e", "tab", "pagedown", "enter", "enter"],
    ["b", "pagedown"],
    ["b", "down", "enter", "enter"],
    ["pagedown", "pageup", "pagedown"],
    ["1", "enter", "down", "down", "down", "down", "down", "enter", "2"],
    ["4", "pagedown", "enter", "enter"],
    ["v", "pagedown", "enter", "enter"],
    ["a", "pagedown", "enter", "escape"],
    ["question_mark", "pagedown", "escape", "escape"],
    ["e", "enter", "enter", "escape"],
    ["n", *"note", "escape", "enter"],
    ["n", "x", "escape", "s", "ctrl+p"],
    ["f", "pagedown", "enter", "enter"],
]
SPEEDS = ("person", "fast")

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
        assert focused.highlighted == shown, (focused.highlighted, shown, app.screen_stack)


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
    told = {id(notification) for notification in app._notifications}
    send(pilot, key)
    await settle(pilot)
    # A key held while the screen was becoming ready takes a few more rounds.
    deadline = time.monotonic() + 2
    while focused.highlighted not in (before, app.main_screen.shown):
        # A briefing not kept in memory is read again to be shown, and a file that has
        # changed since (a half-save) is reported instead.
        refused = [
            notification
            for notification in app._notifications
            if id(notification) not in told and "Cannot show it" in notification.message
        ]
        if refused:
            break
        # The focus left the list since (a click's open or a dialog's close, still on
        # its way when the key was sent, moves it to the detail): the list is no longer
        # the one in use, and what it highlights need not be shown (check() still holds).
        if app.main_screen.focused is not focused:
            break
        if time.monotonic() > deadline:
            # The user moved in the list: the detail follows.
            told_now = [notification.message[:80] for notification in app._notifications]
            raise AssertionError(
                f"{key} moved to {focused.highlighted}, which is not shown "
                f"(shown: {app.main_screen.shown}; focused now: {app.main_screen.focused}; "
                f"screens: {app.screen_stack}; notifications: {told_now})"
            )
        await handled(pilot)
    return f"check-move {key}"


# The pilot's own press, click and resize wait for the CPU to go idle after each event
# (40 ms or more), which would make thousands of steps take many minutes. The monkey
# posts events the way the driver does, and waits only until the app has handled them
# (person) or for the next key's turn (fast).


class Hung(AssertionError):
    pass


async def settle(pilot: Pilot) -> None:
    """Until the messages that handling the last events posted are handled too (a key
    highlights a row, which previews the entry, which shows it: a few rounds), on every
    open screen: Pilot waits for the top one's widgets only, and the main screen under a
    dialog still handles a move typed before the dialog opened."""
    for _ in range(4):
        await handled(pilot)
    deadline = time.monotonic() + HANG_SECONDS
    while any(not node._message_queue.empty() for node in open_nodes(pilot.app)):
        if time.monotonic() > deadline:
            waiting = {
                repr(node): sorted({type(item).__name__ for item in node._message_queue.values})
                for node in open_nodes(pilot.app)
                if not node._message_queue.empty()
            }
            raise Hung(
                f"open screens' queues not empty after {HANG_SECONDS:.0f} s "
                f"(repaints held: {pilot.app._batch_count}): {waiting}"
            )
        await asyncio.sleep(0.01)
        await handled(pilot)


def open_nodes(app: BriefingsApp) -> list[MessagePump]:
    return [node for screen in app.screen_stack for node in screen.walk_children(with_self=True)]


async def handled(pilot: Pilot) -> None:
    try:
        await pilot._wait_for_screen(timeout=HANG_SECONDS)
    except WaitForScreenTimeout as timeout:
        raise Hung(f"the app handled nothing for {HANG_SECONDS:.0f} s") from timeout


def send(pilot: Pilot, *keys: str) -> None:
    """The keys as the driver posts them when they arrive in one read of the terminal."""
    app = pilot.app
    for key in keys:
        event = key_event(key)
        event.set_sender(app)
        app.post_message(event)


async def click(pilot: Pilot, x: int, y: int) -> None:
    """A press and a release at a point of the screen, posted to the app as the driver
    posts them: the app makes the click of them, and its own guards apply (pilot.click
    hands the events to the screen, past the app)."""
    app = pilot.app
    screen = app.screen
    if not screen.size.region.contains(x, y):
        return
    arguments = _get_mouse_message_arguments(screen, (x, y))
    for event_type in (events.MouseDown, events.MouseUp):
        event = event_type(**arguments)
        event.set_sender(app)
        app.post_message(event)


def resize(pilot: Pilot, width: int, height: int) -> None:
    """As pilot.resize_terminal, without the wait for idle."""
    app = pilot.app
    size = Size(width, height)
    if isinstance(app._driver, HeadlessDriver):
        app._driver._size = size
    app.post_message(events.Resize(size, size))


def random_size(rng: random.Random) -> tuple[int, int]:
    width = rng.randint(SMALLEST[0], LARGEST[0])
    if rng.random() < 0.4:
        return width, rng.randint(2, 6)
    return width, rng.randint(SMALLEST[1], LARGEST[1])


async def keys_delivered(pilot: Pilot) -> None:
    """Keys typed while a screen opens are held until it is ready (tui.ui.typeahead):
    once the app has handled everything, none may still be held, or the user's keys
    would do nothing, for ever."""
    app = pilot.app
    assert isinstance(app, MonkeyApp)
    deadline = time.monotonic() + HANG_SECONDS
    while app._held_keys and time.monotonic() < deadline:
        await pilot.pause(0.05)
    held = [key.key for key in app._held_keys]
    assert not held, f"keys held for {app.screen} and never delivered: {held}"


async def exit_as_in_a_terminal(app: MonkeyApp) -> None:
    """End the app's message loop the way a quit does, before run_test shuts it down.
    run_test shuts down an app whose loop still runs, so that keys the closing screens
    pass back to the app (tui.ui.typeahead) are handled with no screen left
    (ScreenStackError), which a real exit, its loop over, never does."""
    app.exit()
    task = app._task
    assert task is not None
    done, _ = await asyncio.wait([task], timeout=HANG_SECONDS)
    assert done, f"the app did not exit within {HANG_SECONDS:.0f} s"


def check_alive(app: MonkeyApp) -> None:
    if app._exception is not None:
        raise app._exception
    assert app.is_running, "the app stopped"


async def run_monkey(
    seed: int, steps: int, tmp_path: Path, seconds: float = 3600, speed: str = "person"
) -> None:
    rng = random.Random(seed)
    fast = speed == "fast"
    folder = make_folder(tmp_path)
    changes = file_changes(folder)
    app = MonkeyApp([folder], watch=False)
    last: deque[str] = deque(maxlen=25)
    step = sent = 0
    started = time.monotonic()
    spent: dict[str, float] = {}  # seconds per kind of step, for the summary
    size = (100, 30)
    failures: list[BaseException] = []
    try:
        async with app.run_test(size=size) as pilot:
            try:
                await wait_loaded(pilot)
                check(app)
                due = time.monotonic()  # when the fast monkey sends its next keys
                for step in range(1, steps + 1):
                    if time.monotonic() - started > seconds and step % BATCH == 1:
                        steps = step - 1
                        break
                    roll = rng.random()
                    before = time.monotonic()
                    if roll < 0.85:
                        keys = rng.choice(BURSTS) if roll < 0.15 else [rng.choice(KEYS)]
                        how = "burst" if len(keys) > 1 else "press"
                        last.append(f"{step}: {how} {' '.join(keys)}")
                        send(pilot, *keys)
                        sent += len(keys)
                        if fast:
                            # The app runs meanwhile; keys it has not got to wait in its queue.
                            due = max(due, time.monotonic() - 1) + len(keys) / KEYS_PER_SECOND
                            await asyncio.sleep(max(0.0, due - time.monotonic()))
                        else:
                            await handled(pilot)
                    elif roll < 0.95:
                        x, y = rng.randrange(size[0]), rng.randrange(size[1])
                        last.append(f"{step}: click {x},{y}")
                        await click(pilot, x, y)
                        await (asyncio.sleep(0) if fast else handled(pilot))
                    elif roll < 0.97:
                        size = random_size(rng)
                        last.append(f"{step}: resize {size[0]}x{size[1]}")
                        resize(pilot, *size)
                        await (asyncio.sleep(0) if fast else handled(pilot))
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
                    check_alive(app)
                    if step % BATCH == 0 or step == steps:
                        before = time.monotonic()
                        await settle(pilot)
                        await keys_delivered(pilot)
                        check_alive(app)
                        check(app)
                        if step % (BATCH * SCREEN_CHECK) == 0 or step == steps:
                            check_screen(app)
                        moved = await check_preview(pilot, rng)
                        if moved:
                            last.append(f"{step}: {moved}")
                        check_alive(app)
                        check(app)
                        spent["checks"] = spent.get("checks", 0.0) + time.monotonic() - before
                await settle(pilot)
                await keys_delivered(pilot)
                check_alive(app)
                await exit_as_in_a_terminal(app)
                print(
                    f"monkey seed {seed} ({speed}): {steps} steps, {sent} keys in "
                    f"{time.monotonic() - started:.1f} s "
                    f"({', '.join(f'{kind} {spent_s:.1f} s' for kind, spent_s in spent.items())}), "
                    f"{app.quit_requests} quit request(s) ignored"
                )
            except BaseException as error:
                # Closing the app may raise too (keys still queued): the first failure
                # is the one to report.
                failures.append(error)
                raise
    except BaseException as error:
        if isinstance(error, KeyboardInterrupt):
            raise
        history = "\n  ".join(last)
        first = failures[0] if failures else error
        where = "".join(traceback.format_exception(first)[-30:])
        if error is not first:
            where += f"\nand then, closing the app: {type(error).__name__}: {error}"
        raise AssertionError(
            f"monkey failed at step {step} of {steps}: replay with MONKEY_SEED={seed} "
            f"MONKEY_SPEED={speed} MONKEY_STEPS={step}\n  {history}\n{where}"
        ) from first


def _seed() -> int:
    if "MONKEY_SEED" in os.environ:
        return int(os.environ["MONKEY_SEED"])
    return random.SystemRandom().randrange(2**32)


@pytest.fixture(autouse=True)
def _private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Exports (the palette's) land in a private Downloads; `o` opens no real editor."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.setenv("EDITOR", "true")
    monkeypatch.setenv("VISUAL", "true")


async def test_monkey_with_a_fixed_seed(tmp_path: Path) -> None:
    """The same walk every run: a failure here is reproducible by anyone."""
    await run_monkey(FIXED_SEED, FIXED_STEPS, tmp_path)


@pytest.mark.parametrize("speed", [s for s in SPEEDS if os.environ.get("MONKEY_SPEED", s) == s])
async def test_monkey_with_a_fresh_seed(tmp_path: Path, speed: str) -> None:
    """A new walk every run (or MONKEY_SEED's): over time CI covers many."""
    seed = _seed()
    print(f"MONKEY_SEED={seed} MONKEY_SPEED={speed}")
    await run_monkey(seed, STEPS, tmp_path, SECONDS, speed)


@pytest.mark.parametrize("size", [SMALLEST, (80, 24), LARGEST])
async def test_hostile_strings_stay_plain_at_any_size(tmp_path: Path, size) -> None:
    """Markup is shown as typed, not applied, and no escape sequence is on screen."""
    folder = make_folder(tmp_path)
    app = MonkeyApp([folder / "hostile.yaml"], watch=False)
    async with app.run_test(size=size) as pilot:
        await wait_loaded(pilot)
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


async def test_a_move_right_after_a_reload_shows_what_it_highlights(tmp_path: Path) -> None:
    """The monkey met a list whose cursor moved while the detail stayed (a seed that
    passed on a quiet machine failed on a busy one): Textual's `prevent`, used to keep
    the lists' own moves from previewing, spread to the user's moves while the reloaded
    detail mounted its widgets (tui.ui.widgets.own_moves)."""
    folder = small_folder(tmp_path, ("small.yaml", small_yaml()), ("z-lyon.yaml", OTHER_YAML))
    app = MonkeyApp([folder], watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("2")
        await pilot.pause()
        table = app.main_screen.focused
        assert isinstance(table, EntryTable) and table.row_count >= 2
        for turn, key in enumerate(["down", "up", "down", "up"]):
            path = folder / "small.yaml"
            path.write_text(small_yaml(title=f"Saved {turn}"), encoding="utf-8")
            await reload(app, [path])
            before = table.highlighted
            await pilot.press(key)
            await pilot.pause()
            assert table.highlighted != before, f"{key} did not move"
            assert app.main_screen.shown == table.highlighted, f"after save {turn}, {key}"
