"""Shared fixtures: briefing files written into a temporary folder.

A briefing's source path is relative to the briefing file, so each test gets the
layout of the repository: tmp_path/briefings/*.yaml next to tmp_path/seeds/.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TERMINAL_TESTS = ROOT / "tests" / "terminal"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The real-terminal tests (the app in tmux or a pty) take seconds each: marked
    # slow, so that `pytest -m "not slow"` runs the rest in a fraction of the time.
    for item in items:
        if TERMINAL_TESTS in item.path.parents:
            item.add_marker(pytest.mark.slow)


BUNDLED = ROOT / "briefings" / "nanjing-france-study-visit.yaml"
BUNDLED_SOURCE = ROOT / "seeds" / "000_a8ebd945cfdb3d44.txt"

MINIMAL_SOURCE = """\
Ada Lovelace led a delegation to Paris.
On Monday she met Mr. Wang Wei of Acme Bank,
and they talked about trade.
"""

# Every kind of entry once, with references between them; valid against MINIMAL_SOURCE.
MINIMAL_YAML = """\
format: 1
id: minimal
title: A minimal visit
summary: Ada Lovelace led a delegation to Paris.
quotes:
  - Ada Lovelace led a delegation to Paris.
source:
  title: Minimal source
  path: ../seeds/minimal.txt
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
themes:
  - id: trade
    name: Trade
    quotes:
      - they talked about trade
itinerary:
  - id: bank-meeting
    title: Meeting at Acme Bank
    kind: meeting
    counterparts:
      - wang-wei
    organizations:
      - acme-bank
    themes:
      - trade
    quotes:
      - she met Mr. Wang Wei of Acme Bank
"""

WriteBriefing = Callable[..., Path]


@pytest.fixture(autouse=True)
def _private_briefing_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test reads or writes the user's briefing cache (see tui.reading.cache)."""
    monkeypatch.setenv("VISIT_BRIEFINGS_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture(autouse=True)
def _private_notes(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test reads or writes the user's notes (see tui.notes.store)."""
    monkeypatch.setenv("VISIT_BRIEFINGS_DATA_DIR", str(tmp_path_factory.mktemp("data")))


@pytest.fixture
def write_briefing(tmp_path: Path) -> WriteBriefing:
    """write_briefing(text=MINIMAL_YAML, name="minimal.yaml") -> the file's path.

    Text may be str or bytes; the minimal source is always there to quote from.
    """
    (tmp_path / "briefings").mkdir(exist_ok=True)
    (tmp_path / "seeds").mkdir(exist_ok=True)
    (tmp_path / "seeds" / "minimal.txt").write_text(MINIMAL_SOURCE, encoding="utf-8")

    def write(text: str | bytes = MINIMAL_YAML, name: str = "minimal.yaml") -> Path:
        path = tmp_path / "briefings" / name
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture
def bundled_copy(tmp_path: Path) -> Path:
    """A copy of the bundled briefing and its source; returns the briefing's path."""
    (tmp_path / "briefings").mkdir(exist_ok=True)
    (tmp_path / "seeds").mkdir(exist_ok=True)
    shutil.copy(BUNDLED_SOURCE, tmp_path / "seeds" / BUNDLED_SOURCE.name)
    return Path(shutil.copy(BUNDLED, tmp_path / "briefings" / BUNDLED.name))


def position(text: str, needle: str, occurrence: int = 1) -> tuple[int, int]:
    """The 1-based line and column where the n-th occurrence of `needle` starts."""
    offset = -1
    for _ in range(occurrence):
        offset = text.index(needle, offset + 1)
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1
