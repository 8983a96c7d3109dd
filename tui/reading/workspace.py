"""The files the user opened, as they last loaded.

Loading happens in batches, so the app can show the first briefings while the rest
load. When files change on disk, `refresh` reloads just those; a file that breaks keeps
its last good version (marked stale) next to its new problems, so an author's half-
finished save never blanks the screen.

The briefings themselves go to the archive (tui.index.archive), batch by batch and change by
change; the workspace remembers only which file holds which briefing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tui.reading.loader import (
    BRIEFING_SUFFIXES,
    LoadedBriefing,
    LoadedOutline,
    Problem,
    ProblemKind,
    briefing_files,
    id_taken,
    load_paths,
)
from tui.reading.paths import exists, resolved, resolved_files

BATCH_SIZE = 50
# The first batch is the first file alone: it is what the screen shows first, and it
# need not wait for the others of a batch.
FIRST_BATCH = 1


@dataclass
class Batch:
    briefings: list[LoadedBriefing | LoadedOutline] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    done: int = 0
    total: int = 0


@dataclass
class Change:
    """What a refresh brought: briefings (re)loaded, ids no file holds any more, and
    the problems found."""

    briefings: list[LoadedBriefing | LoadedOutline] = field(default_factory=list)
    removed: set[str] = field(default_factory=set)
    problems: list[Problem] = field(default_factory=list)

    def add(self, batch: Batch) -> None:
        self.briefings += batch.briefings
        self.problems += batch.problems


@dataclass(frozen=True)
class _Held:
    """A file that loaded: its briefing's id and the source text it cites."""

    id: str
    source_path: Path


class Workspace:
    def __init__(self, paths: Iterable[Path]) -> None:
        self.paths = [resolved(path) for path in paths]
        self._loaded: dict[Path, _Held] = {}
        self._problems: dict[Path, list[Problem]] = {}
        self._owners: dict[str, Path] = {}  # briefing id -> the file that has it
        self._missing: list[Problem] = []  # opened paths or folders that cannot be read

    # Loading.

    def load(self) -> Iterator[Batch]:
        """Load everything, a batch at a time."""
        files: list[Path] = []
        for path in self.paths:
            found, problems = briefing_files(path)
            files += resolved_files(found)
            self._missing += problems
        files = list(dict.fromkeys(files))
        if not files:
            yield Batch(problems=list(self._missing))
        starts = [0, *range(min(FIRST_BATCH, len(files)), len(files), BATCH_SIZE)]
        for start, end in zip(starts, [*starts[1:], len(files)], strict=True):
            if start == end:
                continue
            batch = self._load_files(files[start:end])
            if start == 0:
                batch.problems[:0] = self._missing
            batch.done, batch.total = end, len(files)
            yield batch

    def _load_files(self, files: list[Path]) -> Batch:
        result = load_paths(files, outlines=True)
        batch = Batch(problems=result.problems)
        for problem in result.problems:
            self._problems.setdefault(resolved(problem.path), []).append(problem)
        for loaded in result.briefings:
            path = loaded.path  # the workspace loads files by their resolved paths
            owner = self._owners.get(loaded.id)
            if owner is not None and owner != path:
                problem = id_taken(loaded.path, loaded.id_line, loaded.id, owner)
                self._problems[path] = [problem]
                batch.problems.append(problem)
                continue
            self._forget(path)
            self._loaded[path] = _Held(loaded.id, loaded.source_path)
            self._owners[loaded.id] = path
            batch.briefings.append(loaded)
        return batch

    def _forget(self, path: Path) -> None:
        previous = self._loaded.pop(path, None)
        if previous is not None:
            del self._owners[previous.id]
        self._problems.pop(path, None)

    # Live reload.

    def refresh(self, changed: Iterable[Path]) -> Change:
        """Reload the changed files (or the briefings citing a changed source text)."""
        targets: set[Path] = set()
        for path in (resolved(path) for path in changed):
            if self.covers(path):
                targets.add(path)
            targets.update(
                briefing_path
                for briefing_path, held in self._loaded.items()
                if held.source_path == path
            )
        change = Change()
        ids_before = set(self._owners)
        # Files gone first: a file renamed to a name that sorts before its old one
        # must not be refused for taking the id its old name still held.
        for path in sorted(targets):
            if not exists(path):
                self._forget(path)
                targets.discard(path)
        for path in sorted(targets):
            self._problems.pop(path, None)
            change.add(self._load_files([path]))
        # A briefing id given up (its file deleted, or now using another id): a file
        # refused earlier for claiming that id gets its turn.
        freed = ids_before - set(self._owners)
        waiting = sorted(
            path
            for path, found in self._problems.items()
            if any(p.kind is ProblemKind.ID_TAKEN and p.briefing_id in freed for p in found)
        )
        for path in waiting:
            self._problems.pop(path, None)
            change.add(self._load_files([path]))
        # What the change reports is what is still wrong when it is done.
        current = {id(problem) for problem in self.problems}
        change.problems = [problem for problem in change.problems if id(problem) in current]
        change.removed = ids_before - set(self._owners)
        return change

    def covers(self, path: Path) -> bool:
        """Whether a briefing file at this path belongs to what the user opened."""
        if path.suffix not in BRIEFING_SUFFIXES:
            return False
        return any(path == opened or opened in path.parents for opened in self.paths)

    def watch_roots(self) -> list[Path]:
        """Folders to watch: editors save by writing a new file and renaming it, so a
        file's folder is watched rather than the file itself."""
        roots = {path if path.is_dir() else path.parent for path in self.paths}
        roots |= {held.source_path.parent for held in self._loaded.values()}
        return sorted(root for root in roots if root.is_dir())

    # What there is.

    @property
    def ids(self) -> dict[Path, str]:
        """The id of the briefing each file holds, by file."""
        return {path: held.id for path, held in self._loaded.items()}

    @property
    def problems(self) -> list[Problem]:
        found = list(self._missing)
        for problems in self._problems.values():
            found += problems
        return found

    @property
    def stale(self) -> set[str]:
        """Ids of briefings shown from their last good version: the file now has problems."""
        return {held.id for path, held in self._loaded.items() if path in self._problems}
