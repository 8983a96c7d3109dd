"""Briefing folders for the hardening tests: small valid briefings to edit on disk, and
a briefing full of hostile strings (markup, terminal escape sequences, bidirectional
overrides, very long names, names of only whitespace or punctuation).

Every folder has the repository's layout: ROOT/briefings/*.yaml next to ROOT/seeds/,
because a briefing names its source text relative to itself.

Imported by the tests (pytest puts tests/ on sys.path); no fixtures, no conftest.
"""

from __future__ import annotations

import json
from pathlib import Path

SOURCE_NAME = "visits.txt"

SOURCE = """\
Visits of the year

Ada Lovelace led a delegation to Paris. On Monday she met Mr. Wang Wei of Acme Bank,
and they talked about trade. On Tuesday she met Ms. Zoë Diplé of Acme Bank.
Grace Hopper led a delegation to Lyon and met Mr. Søren Ørsted the same year.
"""


def small_yaml(bid: str = "small", title: str = "A small visit", *, extra: str = "") -> str:
    """A valid briefing quoting SOURCE: one organization, two people, one event."""
    return f"""\
format: 1
id: {bid}
title: {json.dumps(title)}
summary: Ada Lovelace led a delegation to Paris.
quotes:
  - Ada Lovelace led a delegation to Paris.
source:
  title: Visits of the year
  path: ../seeds/{SOURCE_NAME}
dates:
  as_stated: On Monday
delegation:
  name: the delegation
  quotes:
    - led a delegation
  lead:
    name: Ada Lovelace
    quotes:
      - Ada Lovelace
organizations:
  - id: acme-bank
    name: Acme Bank
    quotes:
      - Acme Bank
counterparts:
  - id: wang-wei
    name: Wang Wei
    organization: acme-bank
    quotes:
      - Mr. Wang Wei
  - id: zoe-diple
    name: Zoë Diplé
    organization: acme-bank
    quotes:
      - Ms. Zoë Diplé of Acme Bank
themes:
  - id: trade
    name: Trade
    quotes:
      - they talked about trade
itinerary:
  - id: bank-meeting
    title: Meeting at Acme Bank
    kind: meeting
    counterparts: [wang-wei, zoe-diple]
    organizations: [acme-bank]
    themes: [trade]
    quotes:
      - she met Mr. Wang Wei of Acme Bank
{extra}"""


# Another valid briefing, with its own people.
OTHER_YAML = f"""\
format: 1
id: lyon-visit
title: Grace Hopper in Lyon
summary: Grace Hopper led a delegation to Lyon.
quotes:
  - Grace Hopper led a delegation to Lyon
source:
  title: Visits of the year
  path: ../seeds/{SOURCE_NAME}
dates:
  as_stated: the same year
delegation:
  name: Lyon delegation
  quotes:
    - Grace Hopper led a delegation
  lead:
    name: Grace Hopper
    quotes:
      - Grace Hopper
counterparts:
  - id: soren-orsted
    name: Søren Ørsted
    quotes:
      - Mr. Søren Ørsted
"""

# A save that breaks the YAML: the flow sequence opened on line 3 is never closed,
# which the parser finds on line 4 and the problem names on line 3, where it starts.
BROKEN_YAML = """\
format: 1
id: small
places: [Paris, Lyon
title: never read
"""
BROKEN_LINE = 3


def small_folder(root: Path, *files: tuple[str, str]) -> Path:
    """root/briefings with the given (name, text) files, root/seeds/SOURCE; the folder.

    With no files: small.yaml holding small_yaml().
    """
    folder = root / "briefings"
    folder.mkdir(parents=True, exist_ok=True)
    (root / "seeds").mkdir(exist_ok=True)
    (root / "seeds" / SOURCE_NAME).write_text(SOURCE, encoding="utf-8")
    for name, text in files or (("small.yaml", small_yaml()),):
        (folder / name).write_text(text, encoding="utf-8")
    return folder


# --- The hostile briefing --------------------------------------------------------------

# YAML double-quoted escapes: \e is ESC, \a is BEL, \u/\U name code points.
OSC52 = r"\e]52;c;aGk=\a"  # write "hi" to the clipboard
CLEAR = r"\e[2J"  # clear the screen
RETITLE = r"\e]0;pwned\a"  # set the window title
HYPERLINK = r"\e]8;;http://evil.example/\ahere\e]8;;\a"
RLM, RLO, LRI = r"\u200F", r"\u202E", r"\u2066"

# What must never reach a terminal: the escape sequences above as the terminal would
# receive them. (Their visible remains, such as "]52;c;aGk=" after the ESC is replaced
# by U+FFFD, may and do appear: the reader sees that something was there.)
HOSTILE_PAYLOADS = (
    b"\x1b]52;",  # OSC 52: a clipboard write
    b"\x1b[2J",  # erase the display (Textual's full-screen driver never sends it)
    b"\x1b]0;pwned",  # OSC 0: the window title
    b"\x1b]8;;http://evil",  # OSC 8: a hyperlink
    b"Trudy \x1b",
    b"\xc2\x9b",  # C1 CSI (U+009B), which some terminals obey
    b"\xc2\x90",  # C1 DCS
    "\u202e".encode(),  # RIGHT-TO-LEFT OVERRIDE
    "\u2066".encode(),  # LEFT-TO-RIGHT ISOLATE
    b"\x07",  # BEL (ends OSC sequences, rings the bell)
)

# Visible, plain words next to each payload: the terminal test checks these did arrive.
MARKERS = ("Mallory", "Trudy", "Oscar")

# A date's words must be in the source: this one clears the screen there too.
HOSTILE_SOURCE = """\
A hostile visit

The mayor met many people at the town hall and talked about bytes.
It ended \x1b[2J today.
"""


def _q(text: str) -> str:
    """A YAML double-quoted scalar whose escapes (\\e, \\a, \\u...) are kept as written."""
    return '"' + text.replace('"', r"\"") + '"'


def hostile_yaml(long_name_length: int = 2000) -> str:
    """A valid briefing whose every string is an attack on a terminal or on markup."""
    long_name = "Wolfeschlegelsteinhausenbergerdorff " * (long_name_length // 36 + 1)
    long_name = long_name[:long_name_length].strip()
    people = [
        ("osc52", f"Mallory {OSC52}", f"{CLEAR}Chief {RETITLE}"),
        ("clear", f"Trudy {CLEAR} Eve", OSC52),
        ("retitle", f"Oscar {RETITLE}", HYPERLINK),
        ("markup-close", "[/]", "[bold]x"),
        ("markup-bold", "[bold]x", "[/bold]"),
        ("markup-click", "[@click=app.quit]z", "[@click=app.bell]ring[/]"),
        ("markup-link", "[link=http://evil.example]click[/link]", "[on red]"),
        ("rtl-mark", f"{RLM}Bob{RLM}", f"{RLO}evil{LRI}"),
        ("rtl-override", f"{RLO}gnp.exe", f"{RLO}{RLO}{RLO}"),
        ("long", long_name, long_name),
        ("whitespace", r"\u3000\u00a0 .", "\t·\t"),
        ("punctuation", "…", "—"),
        ("brackets", "[[]]", "[]"),
        ("emoji", "👩‍👩‍👧‍👦 Family", "🏳️‍🌈"),
        ("combining", "Z̷̛̼a̶l̵g̴o̵", "e\u0301\u0301\u0301"),
        ("wide", "王伟王伟王伟王伟王伟王伟王伟王伟王伟王伟", "ｆｕｌｌｗｉｄｔｈ"),
        ("nul", r"null\0byte", r"bell\a\a"),
        ("c1", r"c1\x9b31m", r"\x90dcs\x9c"),
    ]
    counterparts = "".join(
        f"""\
  - id: {pid}
    name: {_q(name)}
    title: {_q(title)}
    organization: town-hall
    aliases: [{_q(title)}]
    quotes:
      - many people
"""
        for pid, name, title in people
    )
    ids = ", ".join(pid for pid, _, _ in people)
    return f"""\
format: 1
id: hostile
title: {_q(f"Hostile {OSC52}{CLEAR}{RETITLE} visit [bold]x[/]")}
summary: {_q(f"{OSC52} the mayor met many people {RLO}olleh")}
quotes:
  - The mayor met many people
source:
  title: {_q(f"[@click=app.quit]z {RETITLE}")}
  path: ../seeds/hostile.txt
dates:
  as_stated: {_q(f"{CLEAR} today")}
places: [{_q("[/]")}, {_q(CLEAR)}, {_q(long_name)}]
delegation:
  name: {_q("[@click=app.quit]z")}
  quotes:
    - The mayor
  lead:
    name: {_q(f"Mallory {OSC52}")}
    title: {_q(RETITLE)}
    quotes:
      - The mayor
organizations:
  - id: town-hall
    name: {_q(f"[/] Town {RETITLE} Hall")}
    sector: {_q(HYPERLINK)}
    quotes:
      - the town hall
counterparts:
{counterparts}themes:
  - id: bytes
    name: {_q(f"Trudy {OSC52}")}
    description: {_q(f"{CLEAR} cleared {RLO}")}
    quotes:
      - talked about bytes
  - id: long-theme
    name: {_q(long_name)}
    quotes:
      - talked about bytes
itinerary:
  - id: click-event
    title: {_q("[@click=app.quit]z")}
    kind: meeting
    place: {_q(CLEAR)}
    quotes:
      - met many people at the town hall
    counterparts: [{ids}]
    organizations: [town-hall]
    themes: [bytes, long-theme]
    statements:
      - speaker: {_q(f"Oscar {RETITLE}")}
        text: {_q(f"{OSC52} said {HYPERLINK}")}
        quotes:
          - The mayor met many people
    outcomes:
      - text: {_q(f"{RLO}deal{CLEAR}")}
        quotes:
          - talked about bytes
  - id: osc-event
    title: {_q(f"Mallory {OSC52}")}
    kind: visit
    place: {_q("[bold]x")}
    quotes:
      - The mayor met many people
    counterparts: [osc52, long]
  - id: long-event
    title: {_q(long_name)}
    kind: other
    quotes:
      - The mayor
"""


def hostile_folder(root: Path, long_name_length: int = 2000) -> Path:
    """root/briefings/hostile.yaml with root/seeds/hostile.txt; the briefing's path."""
    folder = root / "briefings"
    folder.mkdir(parents=True, exist_ok=True)
    (root / "seeds").mkdir(exist_ok=True)
    (root / "seeds" / "hostile.txt").write_text(HOSTILE_SOURCE, encoding="utf-8")
    path = folder / "hostile.yaml"
    path.write_text(hostile_yaml(long_name_length), encoding="utf-8")
    return path
