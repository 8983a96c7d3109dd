"""Parsing an archive's files in worker processes, one per core, into the cache.

A first open of thousands of briefings is bound by parsing and checking them, one
core's work. Workers parse, validate and check the files ahead of the workspace and
store those without problems in the cache (tui.reading.cache); the workspace then
loads every batch as it always does, and finds most of them there. The workers are
only a head start: whatever they did not do (a file with problems, a cache that
cannot be written, a worker that died) the workspace does itself, so what loads and
what is reported is the same with or without them.

Workers start from a fork server (`forkserver`), not by forking the app: the app has
threads, and a forked copy of a threaded process may hang.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from tui.reading.cache import BriefingCache, default_cache
from tui.reading.loader import load_paths

# Fewer files than this load faster than workers start (about a second).
PARALLEL_FROM = 200


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def prefill_for(batches: list[list[Path]]) -> Prefill | None:
    """Workers for these batches, when there are enough files, cores and a cache."""
    cache = default_cache()
    if cache is None or cores() < 2 or sum(map(len, batches)) < PARALLEL_FROM:
        return None
    return Prefill(batches, cache)


def _prefill(cache: str, files: list[str]) -> None:
    """In a worker: load these files through the cache, which stores each that loads."""
    load_paths([Path(file) for file in files], BriefingCache(Path(cache)))


class Prefill:
    """Workers filling the cache for batches of files, in the order given."""

    def __init__(self, batches: list[list[Path]], cache: BriefingCache) -> None:
        # The fork server keeps the environment it started with: the cache's folder
        # is passed on rather than read there again.
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["tui.reading.loader"])
        self._pool = ProcessPoolExecutor(max_workers=cores(), mp_context=context)
        self._futures: list[Future[None]] = [
            self._pool.submit(_prefill, str(cache.directory), [str(file) for file in batch])
            for batch in batches
        ]

    def ready(self) -> Iterator[None]:
        """Yields once per batch, when the workers are done with it (or failed)."""
        for future in self._futures:
            # A worker's failure is no failure: the workspace loads the batch itself.
            with contextlib.suppress(Exception):
                future.result()
            yield

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
