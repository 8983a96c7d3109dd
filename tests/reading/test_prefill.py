"""A first open of many files: worker processes parse them into the cache ahead of the
workspace, which loads and reports exactly what it would without them."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile import BROKEN_LINE, BROKEN_YAML, small_folder, small_yaml

import tui.reading.prefill
import tui.reading.workspace
from tui.reading.loader import LoadedBriefing, LoadedOutline
from tui.reading.workspace import Workspace


def _folder(tmp_path: Path) -> Path:
    files = [(f"b{n}.yaml", small_yaml(f"b{n}", f"Visit {n}")) for n in range(7)]
    return small_folder(tmp_path, *files, ("broken.yaml", BROKEN_YAML))


def _loaded(folder: Path) -> tuple[list[list[object]], list[tuple[str, int | None]]]:
    batches = list(Workspace([folder]).load())
    kinds = [[type(loaded) for loaded in batch.briefings] for batch in batches]
    problems = [(p.path.name, p.line) for batch in batches for p in batch.problems]
    return kinds, problems


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tui.reading.workspace, "BATCH_SIZE", 3)
    monkeypatch.setattr(tui.reading.prefill, "cores", lambda: 2)


def test_workers_fill_the_cache_ahead_and_the_result_is_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, small_batches: None
) -> None:
    folder = _folder(tmp_path)
    monkeypatch.setattr(tui.reading.prefill, "PARALLEL_FROM", 10**9)
    alone, alone_problems = _loaded(folder)
    # Without workers, every file of a first open is parsed in the process.
    assert {kind for batch in alone for kind in batch} == {LoadedBriefing}

    monkeypatch.setenv("VISIT_BRIEFINGS_CACHE_DIR", str(tmp_path / "fresh-cache"))
    monkeypatch.setattr(tui.reading.prefill, "PARALLEL_FROM", 2)
    helped, helped_problems = _loaded(folder)
    # The first file is the process's own (it is shown first); the workers had parsed
    # the others, which then come from the cache.
    assert helped[0] == [LoadedBriefing]
    assert {kind for batch in helped[1:] for kind in batch} == {LoadedOutline}
    assert [len(batch) for batch in helped] == [len(batch) for batch in alone]
    assert helped_problems == alone_problems == [("broken.yaml", BROKEN_LINE)]


def test_no_workers_without_a_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, small_batches: None
) -> None:
    monkeypatch.setenv("VISIT_BRIEFINGS_NO_CACHE", "1")
    monkeypatch.setattr(tui.reading.prefill, "PARALLEL_FROM", 2)
    started = []
    monkeypatch.setattr(tui.reading.prefill, "Prefill", lambda *args: started.append(args))
    kinds, problems = _loaded(_folder(tmp_path))
    assert started == []
    assert sum(map(len, kinds)) == 7 and problems == [("broken.yaml", BROKEN_LINE)]
