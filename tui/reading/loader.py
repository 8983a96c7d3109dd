"""From briefing files on disk to validated briefings, or to problems that name the
file, line and column. One bad file never stops the others from loading."""

from __future__ import annotations

import gc
import typing
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ValidationError

from tui.format.model import Briefing
from tui.format.outline import Outline, OutlineRecord, outline_of, record_of
from tui.reading.cache import BriefingCache, FileFacts, default_cache
from tui.reading.checks import Finding, Location, check, did_you_mean
from tui.reading.paths import BRIEFING_SUFFIXES, briefing_files, cannot_read, resolved_files
from tui.reading.paths import resolved as resolved_path
from tui.reading.problems import BriefingError, Problem, ProblemKind
from tui.reading.quotes import SourceText
from tui.reading.safe_yaml import YamlProblem, locate, parse, read_text
from tui.reading.store import NewOutline, StoredOutline, store_beside

# What the loader's callers use of the layers below it.
__all__ = [
    "BRIEFING_SUFFIXES",
    "BriefingError",
    "LoadResult",
    "LoadedBriefing",
    "LoadedOutline",
    "Problem",
    "ProblemKind",
    "briefing_files",
    "load_briefing",
    "load_paths",
]


@dataclass(frozen=True)
class LoadedBriefing:
    briefing: Briefing
    path: Path
    source: SourceText | None
    source_path: Path
    id_line: int = 1
    # What the file and its source text were when read (tui.reading.cache.FileFacts):
    # known when the briefing came from its YAML or the cache, so the archive store can
    # keep its outline.
    facts: FileFacts | None = None
    stamp: str = ""  # which outline of the archive store it is (LoadedOutline.stamp)

    @property
    def id(self) -> str:
        return self.briefing.id

    @property
    def outline(self) -> Outline:
        return outline_of(self.briefing)

    @property
    def record(self) -> OutlineRecord:
        return record_of(self.outline)


@dataclass(frozen=True)
class LoadedOutline:
    """An unchanged briefing's outline, from the archive store or the cache: the
    briefing is read when needed (`load_briefing`). `stamp` says which outline of the
    store it is (empty when it is from the cache)."""

    record: OutlineRecord
    path: Path
    source_path: Path
    id_line: int
    stamp: str = ""

    @property
    def id(self) -> str:
        return self.record[0]


@dataclass
class LoadResult:
    briefings: list[LoadedBriefing | LoadedOutline] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def load_paths(
    paths: Iterable[Path],
    cache: BriefingCache | Literal["default"] | None = "default",
    *,
    outlines: bool = False,
) -> LoadResult:
    """Load every briefing file named or found in the given files and folders.

    Briefings that loaded without problems before and have not changed since come from
    the cache (tui.reading.cache): by default the user's, unless turned off by the environment;
    pass cache=None to read every file. With `outlines`, what comes from the cache is
    only the outline of the briefing (LoadedOutline), which is what an archive needs."""
    if cache == "default":
        cache = default_cache()
    with _collector_spared() as spare:
        return _load_paths(paths, cache, spare, outlines)


def _load_paths(
    paths: Iterable[Path],
    cache: BriefingCache | None,
    spare: Callable[[], None],
    outlines: bool,
) -> LoadResult:
    result = LoadResult()
    sources: dict[Path, SourceText] = {}
    seen_ids: dict[str, Path] = {}
    seen_files: set[Path] = set()
    listed = [briefing_files(path) for path in paths]
    # A file named twice (`briefings/ briefings/x.yaml`) is loaded once.
    every = [file for files, _ in listed for file in files]
    reals = dict(zip(every, resolved_files(every), strict=True))
    store = store_beside(cache) if outlines and cache is not None else None
    stored = store.outlines(list(dict.fromkeys(reals.values()))) if store is not None else {}
    new: list[NewOutline] = []
    for files, problems in listed:
        result.problems += problems
        for file in files:
            real = reals[file]
            if real in seen_files:
                continue
            seen_files.add(real)
            try:
                with collector_paused():
                    loaded = _load_one(file, real, stored, cache, sources, outlines, new)
            except BriefingError as error:
                result.problems.extend(error.problems)
                continue
            finally:
                spare()
            first = seen_ids.setdefault(loaded.id, file)
            if first != file:
                result.problems.append(id_taken(file, loaded.id_line, loaded.id, first))
                continue
            result.briefings.append(loaded)
    if store is not None and new:
        stamps = store.keep(new)
        result.briefings = [
            replace(loaded, stamp=stamps.get(reals[loaded.path], ""))
            if not loaded.stamp
            else loaded
            for loaded in result.briefings
        ]
    return result


def _load_one(
    file: Path,
    real: Path,
    stored: dict[Path, StoredOutline],
    cache: BriefingCache | None,
    sources: dict[Path, SourceText],
    outlines: bool,
    new: list[NewOutline],
) -> LoadedBriefing | LoadedOutline:
    """One file's briefing, or its outline from the store or the cache; what the store
    lacks goes to `new`."""
    kept = stored.get(real)
    if kept is not None:
        return LoadedOutline(kept.record, file, kept.source_path, kept.id_line, kept.stamp)
    hit = cache.lookup_outline(real, read_text, sources) if outlines and cache else None
    if hit is not None:
        record = record_of(hit.outline)
        new.append(NewOutline(real, hit.facts, hit.id_line, hit.source_ref, record))
        return LoadedOutline(record, file, hit.source_path, hit.id_line)
    loaded = load_briefing(file, sources, cache, resolved=real)
    if outlines and loaded.facts is not None:
        ref = loaded.briefing.source.path
        new.append(NewOutline(real, loaded.facts, loaded.id_line, ref, loaded.record))
    return loaded


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while one file loads.

    Loading allocates many objects that live on (the models) and many that die young
    (the YAML nodes), none of them in reference cycles; a collection every few hundred
    allocations would scan the growing archive again and again, which costs about a
    fifth of a cold load. Paused per file, it runs between files instead; the pause
    is short enough not to matter to the app's other threads.
    """
    enabled = gc.isenabled()
    if enabled:
        gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextmanager
def _collector_spared() -> Iterator[Callable[[], None]]:
    """While a load runs, what each file leaves behind is frozen (gc.freeze) so that no
    collection scans it again; everything is unfrozen when the load ends.

    Without this, the cycle collector rescans the growing archive every time its older
    generations fill up: about a third of re-opening an archive from the cache. Garbage
    cycles that other threads make meanwhile are collected after the load rather than
    during it; nothing is kept alive. When something else already froze objects, the
    load leaves freezing alone.
    """
    if gc.get_freeze_count() or not gc.isenabled():
        yield lambda: None
        return
    try:
        yield gc.freeze
    finally:
        gc.unfreeze()


def id_taken(path: Path, line: int, briefing_id: str, owner: Path) -> Problem:
    message = f"id: the briefing id {briefing_id!r} is already used by {owner}"
    return Problem(path, line, 1, message, ProblemKind.ID_TAKEN, briefing_id)


def load_briefing(
    path: Path,
    sources: dict[Path, SourceText] | None = None,
    cache: BriefingCache | None = None,
    *,
    resolved: Path | None = None,
) -> LoadedBriefing:
    """Load and check one briefing file; raise BriefingError with every problem found.

    `resolved` is the file's resolved path when the caller has it already (resolving
    a path takes a system call per folder in it, a tenth of re-opening from the cache).
    """
    sources = sources if sources is not None else {}
    if cache is not None:
        hit = cache.lookup(resolved or resolved_path(path), read_text, sources)
        if hit is not None:
            return LoadedBriefing(
                hit.briefing, path, hit.source, hit.source_path, hit.id_line, hit.facts
            )
    try:
        text = read_text(path)
        document = parse(text)
    except YamlProblem as problem:
        at = Problem(path, problem.line, problem.column, problem.message, ProblemKind.YAML)
        raise BriefingError([at]) from None
    except OSError as error:
        raise BriefingError(
            [Problem(path, None, None, cannot_read(path, error), ProblemKind.PATH)]
        ) from None

    def problem_at(finding: Finding, kind: ProblemKind) -> Problem:
        node = locate(document.root, finding.loc, at_key=finding.at_key)
        mark = node.start_mark
        return Problem(path, mark.line + 1, mark.column + 1, finding.message, kind)

    try:
        briefing = Briefing.model_validate(document.data)
    except ValidationError as error:
        problems = [problem_at(f, ProblemKind.FIELD) for f in _validation_findings(error)]
        raise BriefingError(problems) from None

    source_path = resolved_path(path.parent / briefing.source.path)
    source, unreadable = _read_source(source_path, sources)
    problems = [problem_at(_placed(finding), ProblemKind.SOURCE) for finding in unreadable]
    problems += [
        problem_at(_placed(finding), ProblemKind.CHECK) for finding in check(briefing, source)
    ]
    if problems:
        raise BriefingError(problems)
    id_line = locate(document.root, ("id",)).start_mark.line + 1
    facts = None
    if cache is not None and source is not None:
        facts = cache.store(resolved or resolved_path(path), text, briefing, source, id_line)
    return LoadedBriefing(briefing, path, source, source_path, id_line, facts)


def _read_source(
    source_path: Path, sources: dict[Path, SourceText]
) -> tuple[SourceText | None, list[Finding]]:
    if source_path not in sources:
        try:
            sources[source_path] = SourceText(read_text(source_path))
        except OSError as error:
            why = cannot_read(source_path, error).removeprefix("cannot read: ")
            message = f"cannot read the source text {source_path}: {why}"
            return None, [Finding(("source", "path"), message)]
        except YamlProblem as problem:
            message = f"the source text {source_path}: {problem.message}"
            return None, [Finding(("source", "path"), message)]
    return sources[source_path], []


def _validation_findings(error: ValidationError) -> list[Finding]:
    findings = []
    for detail in error.errors(include_url=False, include_context=False, include_input=False):
        loc: Location = tuple(detail["loc"])
        where = _dotted(loc)
        if detail["type"] == "extra_forbidden":
            fields = set(_model_at(loc[:-1]).model_fields)
            message = f"unknown field {loc[-1]!r}{did_you_mean(str(loc[-1]), fields)}"
            where = _dotted(loc[:-1])
            findings.append(Finding(loc, f"{where}: {message}" if where else message, True))
        elif detail["type"] == "missing":
            parent = _dotted(loc[:-1])
            message = f"missing field {loc[-1]!r}"
            findings.append(Finding(loc, f"{parent}: {message}" if parent else message))
        else:
            findings.append(Finding(loc, f"{where}: {detail['msg']}"))
    return findings


def _placed(finding: Finding) -> Finding:
    """A finding of the checks, its message prefixed with the field it is about."""
    where = _dotted(finding.loc[:-1] if finding.at_key else finding.loc)
    return replace(finding, message=f"{where}: {finding.message}") if where else finding


def _dotted(loc: Location) -> str:
    text = ""
    for step in loc:
        text += f"[{step}]" if isinstance(step, int) else ("." if text else "") + step
    return text


def _model_at(loc: Location) -> type[BaseModel]:
    model: type[BaseModel] = Briefing
    for step in loc:
        info = model.model_fields.get(step) if isinstance(step, str) else None
        if info is not None:
            inner = _models_in(info.annotation)
            if inner:
                model = inner[0]
    return model


def _models_in(annotation: object) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [model for arg in typing.get_args(annotation) for model in _models_in(arg)]
