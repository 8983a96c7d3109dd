"""Helpers for driving the app in tests: briefing folders, waiting for the load, and
reading what is on the screen.

Imported by the app's pilot and snapshot tests (pytest puts tests/ on sys.path).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from textual import events
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Static

from tui.index.archive import Kind, Ref
from tui.ui.app import BriefingsApp
from tui.ui.screens.visits import VisitsScreen
from tui.ui.widgets.panes import EntryTable

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "briefings" / "nanjing-france-study-visit.yaml"
BUNDLED_SOURCE = ROOT / "seeds" / "000_a8ebd945cfdb3d44.txt"
BUNDLED_ID = "nanjing-france-study-visit"

# How long (in pilot pauses) to wait for the background load before failing.
LOAD_PAUSES = 400


def ref(kind: str, id: str, briefing: str = BUNDLED_ID) -> Ref:
    return Ref(Kind(kind), briefing, id)


async def wait_loaded(
    pilot: Pilot, opens_a_briefing: bool = True, past_overview: bool = True
) -> None:
    """Wait until the background load is done and has opened a briefing (bounded).

    The progress bar shows from the start and hides when the load is done. With
    several briefings the app then opens the visits overview: `past_overview` waits
    for it and leaves it (escape), for tests of the browsing screen.
    """
    app = pilot.app
    assert isinstance(app, BriefingsApp)
    screen = app.main_screen

    def settled() -> bool:
        if not screen.is_mounted or screen.query_one("#loading").display:
            return False
        if not opens_a_briefing or isinstance(app.screen, VisitsScreen):
            return True
        # The first briefing is open and shown in the detail, its itinerary focused.
        return (
            screen.briefing_id is not None
            and isinstance(app.focused, EntryTable)
            and screen.shown == Ref(Kind.briefing, screen.briefing_id, screen.briefing_id)
        )

    for _ in range(LOAD_PAUSES):
        if settled():
            break
        await pilot.pause(0.01)
    else:
        raise AssertionError("the app did not finish loading")
    await pilot.pause()
    if past_overview and opens_a_briefing and app.archive is not None and len(app.archive) > 1:
        await wait_for(pilot, lambda: isinstance(app.screen, VisitsScreen), "the overview")
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is screen, "the browsing screen")
        await pilot.pause()


async def wait_for(pilot: Pilot, condition, what: str, pauses: int = 200) -> None:
    """Pause until condition() is true (bounded)."""
    for _ in range(pauses):
        if condition():
            return
        await pilot.pause(0.01)
    raise AssertionError(f"timed out waiting for {what}")


# Keys a terminal sends as characters: what the driver would put in events.Key.
_CHARACTERS = {"space": " ", "slash": "/", "question_mark": "?", "full_stop": ".", "minus": "-"}
_CHARACTERS |= {"enter": "\r", "tab": "\t", "escape": "\x1b", "backspace": "\x7f"}


def key_event(key: str) -> events.Key:
    return events.Key(key, key if len(key) == 1 else _CHARACTERS.get(key))


def typed(app: App[object], *keys: str) -> None:
    """The keys as the driver posts them when they arrive in one read of the terminal,
    without waiting for the app to handle any."""
    for key in keys:
        event = key_event(key)
        event.set_sender(app)
        app.post_message(event)


async def in_one_read(pilot: Pilot, *keys: str) -> None:
    """The keys in one read, all queued before the app handles the first (pilot.press
    waits after each key); then a pause."""
    typed(pilot.app, *keys)
    await pilot.pause()
    await pilot.pause()


def screen_lines(app: BriefingsApp) -> list[str]:
    """The text of every cell of the current screen, as the terminal would get it."""
    strips = app.screen._compositor.render_strips()
    return ["".join(segment.text for segment in strip) for strip in strips]


def screen_text(app: BriefingsApp) -> str:
    return "\n".join(screen_lines(app))


def static_text(app: BriefingsApp, selector: str) -> str:
    """The plain text a Static widget shows (as rendered, not as markup)."""
    widget = app.screen.query_one(selector, Static)
    return str(widget.render())


def shown(app: BriefingsApp) -> Ref | None:
    return app.main_screen.shown


# --- Briefing folders -------------------------------------------------------------

# A second valid briefing: Le Mingham again (same name, other briefing) at a follow-up.
FOLLOW_UP_SOURCE = """\
Follow-up talks in Nanjing

In March, Mr. Le Mingham of BNP Paribas came to Nanjing for follow-up talks on the
cooperation with Bank of Nanjing. Ms. Zhao Lan of Bank of Nanjing received him.
"""

FOLLOW_UP_YAML = """\
format: 1
id: nanjing-follow-up
title: Follow-up talks in Nanjing
summary: Le Mingham of BNP Paribas came to Nanjing for follow-up talks.
quotes:
  - Follow-up talks in Nanjing
source:
  title: Follow-up talks in Nanjing
  path: ../seeds/follow-up.txt
dates:
  as_stated: In March
places:
  - Nanjing
delegation:
  name: BNP Paribas
  quotes:
    - Mr. Le Mingham of BNP Paribas came to Nanjing
  lead:
    name: Le Mingham
    quotes:
      - Mr. Le Mingham
organizations:
  - id: bnp-paribas
    name: BNP Paribas
    kind: bank
    quotes:
      - Le Mingham of BNP Paribas
  - id: bank-of-nanjing
    name: Bank of Nanjing
    kind: bank
    quotes:
      - Ms. Zhao Lan of Bank of Nanjing
counterparts:
  - id: zhao-lan
    name: Zhao Lan
    organization: bank-of-nanjing
    quotes:
      - Ms. Zhao Lan of Bank of Nanjing received him
  - id: le-mingham
    name: Le Mingham
    organization: bnp-paribas
    quotes:
      - Mr. Le Mingham of BNP Paribas came to Nanjing
themes:
  - id: cooperation
    name: Cooperation with Bank of Nanjing
    quotes:
      - the cooperation with Bank of Nanjing
itinerary:
  - id: follow-up-talks
    title: Follow-up talks at Bank of Nanjing
    kind: meeting
    place: Nanjing
    quotes:
      - came to Nanjing for follow-up talks
    counterparts:
      - zhao-lan
      - le-mingham
    organizations:
      - bank-of-nanjing
      - bnp-paribas
    themes:
      - cooperation
"""
FOLLOW_UP_ID = "nanjing-follow-up"

# Broken on line 4: an unclosed flow sequence.
BROKEN_YAML = """\
format: 1
id: broken
title: A broken briefing
places: [Paris, Lyon
summary: never read
"""

# Names and titles that would be markup, or terminal escape sequences, if not kept plain.
# Double-quoted YAML: \\e is ESC, \\a is BEL.
HOSTILE_SOURCE = """\
A hostile visit

The mayor met three people at the town hall and talked about bytes.
It ended \x1b[2J today.
"""

HOSTILE_YAML = r"""
format: 1
id: hostile
title: "[bold]x"
summary: "\e]52;c;aGk=\a the mayor met three people"
quotes:
  - The mayor met three people
source:
  title: "[@click=app.quit]z"
  path: ../seeds/hostile.txt
dates:
  as_stated: "\e[2J today"
places:
  - "[/]"
delegation:
  name: "[@click=app.quit]z"
  quotes:
    - The mayor
  lead:
    name: "[bold]x"
    quotes:
      - The mayor
organizations:
  - id: town-hall
    name: "[/]"
    quotes:
      - the town hall
counterparts:
  - id: slash
    name: "[/]"
    title: "[bold]x"
    organization: town-hall
    quotes:
      - three people
  - id: bold
    name: "[bold]x"
    title: "\e]52;c;aGk=\a"
    quotes:
      - three people
  - id: click
    name: "[@click=app.quit]z"
    title: "\e[2J"
    quotes:
      - three people
themes:
  - id: bytes
    name: "\e]52;c;aGk=\a"
    description: "\e[2J cleared"
    quotes:
      - talked about bytes
itinerary:
  - id: click-event
    title: "[@click=app.quit]z"
    kind: meeting
    place: "\e[2J"
    quotes:
      - met three people at the town hall
    counterparts: [slash, bold, click]
    organizations: [town-hall]
    themes: [bytes]
  - id: osc-event
    title: "\e]52;c;aGk=\a"
    kind: visit
    place: "[bold]x"
    quotes:
      - The mayor met three people
    counterparts: [click]
"""


def bundled_folder(root: Path) -> Path:
    """root/briefings/<the bundled briefing> with root/seeds/<its source>; the folder."""
    (root / "briefings").mkdir(parents=True, exist_ok=True)
    (root / "seeds").mkdir(exist_ok=True)
    shutil.copy(BUNDLED_SOURCE, root / "seeds" / BUNDLED_SOURCE.name)
    shutil.copy(BUNDLED, root / "briefings" / BUNDLED.name)
    return root / "briefings"


def several_briefings(root: Path) -> Path:
    """The bundled briefing, a follow-up that shares a person, and a broken file."""
    folder = bundled_folder(root)
    (root / "seeds" / "follow-up.txt").write_text(FOLLOW_UP_SOURCE, encoding="utf-8")
    (folder / "paris-follow-up.yaml").write_text(FOLLOW_UP_YAML, encoding="utf-8")
    (folder / "broken.yaml").write_text(BROKEN_YAML, encoding="utf-8")
    return folder


def hostile_briefing(root: Path) -> Path:
    (root / "briefings").mkdir(parents=True, exist_ok=True)
    (root / "seeds").mkdir(exist_ok=True)
    (root / "seeds" / "hostile.txt").write_text(HOSTILE_SOURCE, encoding="utf-8")
    path = root / "briefings" / "hostile.yaml"
    path.write_text(HOSTILE_YAML, encoding="utf-8")
    return path
