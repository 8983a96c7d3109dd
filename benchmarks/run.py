"""The benchmark: one table of how Visit Briefings does at archive scale.

    python -m benchmarks.run [--sizes 1000,10000] [--json results.json] [--quick]

Targets are ratios against references measured in the same run, because the machines
this runs on are shared and noisy. Loads are timed in fresh processes, in CPU time
(user + system) of that process, which other processes on the machine disturb far
less than wall time; the best of --repeat runs counts. Search is timed in wall time.

Rows, one function each, registered in ROWS:
1. cold load: parse + validate + check + index into tui.index.archive.Archive, without a
   cache, vs `yaml.load(text, CSafeLoader)` of the same files (CPU time); and the first
   open as users get it, with an empty cache that is filled on the way (wall time: it
   may use more than one core);
2. re-open of unchanged files (from the cache) vs the same raw parse;
3. name search at ~100,000 counterparts: p50 / p95 / max ms per query over QUERIES,
   next to `fzf --filter` on the same names (skipped with a note without fzf); and the
   archive's one search over every kind of entry in briefings holding as many people,
   and in the largest archive size asked for;
4. time to content in tmux, against a minimal Textual app in the same tmux server;
5. keystroke-to-screen latency of the search box (tmux);
6. peak memory (RSS) of loading the largest archive, in a fresh process;
7. idle CPU of the app at 120x40 and 20x6 (tmux, /proc);
8. re-opening the largest archive in the app until all of it is searchable (tmux);
9. search over 100,000 notes (benchmarks/notes.py).

Generated archives are kept in --work (default: a folder in the temporary directory)
and reused while the generator's output stays the same.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from benchmarks import terminal
from benchmarks.generate import DEFAULT_SEED, write_archive

ROOT = Path(__file__).resolve().parent.parent
# Bump when the generator's output changes, so that kept archives are made again.
GENERATOR_VERSION = 2
DEFAULT_SIZES = (1000, 10000)
QUICK_SIZES = (20,)
SEARCH_PEOPLE = 100_000
QUICK_SEARCH_PEOPLE = 3_000

# Typed the way people type: whole names, typos, missing accents, word order, spacing,
# partial names, prefixes, pinyin with and without spaces, original script, no match.
QUERIES = (
    "diple", "diplé", "obreg", "oberg", "mingham le", "le mingham", "lemingham", "yumin",
    "pan yumn", "phil", "philippe", "muller", "mueller", "müller", "lukasz", "łukasz",
    "orsted", "ørsted", "dvorak", "gonzalves", "jorgensen", "schroder", "lefevre",
    "thorsteinsdottir", "o brien", "obrien", "de luca", "van dijk", "kowalsky",
    "wisniewski", "ibanez", "jean luc", "marie-claire", "zhang wei", "weiming zhang",
    "zhang wei-ming", "wang", "xu", "li na", "chen zhichang", "张伟", "le", "z",
    "abc", "qqqq",
)  # fmt: skip
# What the archive's one search is typed for besides names: themes, places, kinds of
# event, organizations by a word, with and without a kind prefix, and a short word of a
# long title (`@event` with a surname).
ARCHIVE_QUERIES = (
    "automotive", "automotive parts", "green development", "insurance", "france", "paris",
    "nanjing", "munchen", "symposium", "signing ceremony", "dinner", "@theme tourism",
    "@org automotive", "@visit france", "@visit lyon", "@event meeting", "@event muller",
    "@event symposium biomedicine", "@person wang", "@org xyz",
)  # fmt: skip


@dataclass
class Row:
    """One line of the table."""

    number: int
    name: str
    size: str = ""
    ours: str = ""
    reference: str = ""
    ratio: str = ""
    target: str = ""
    met: str = ""
    note: str = ""
    data: dict[str, Any] = field(default_factory=dict)


@dataclass
class Context:
    sizes: list[int]
    archives: dict[int, Path]
    work: Path
    quick: bool
    repeat: int
    search_people: int
    # Loads without a cache, by size: the memory row reuses the largest.
    no_cache_runs: dict[int, dict[str, Any]] = field(default_factory=dict)
    # The raw parses, by size: the re-open in the app is against them.
    raw_runs: dict[int, dict[str, Any]] = field(default_factory=dict)
    # The app's cache folders in tmux made in this run (see _app_cache).
    app_caches: set[object] = field(default_factory=set)


Measurement = Callable[[Context], list[Row]]


# --- measuring in a fresh process ----------------------------------------------------


def _child(kind: str, archive: Path, cache_dir: Path | None = None) -> dict[str, Any]:
    """Run one measurement in a new interpreter; its last line of output is JSON."""
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    env.pop("VISIT_BRIEFINGS_NO_CACHE", None)
    if cache_dir is not None:
        env["VISIT_BRIEFINGS_CACHE_DIR"] = str(cache_dir)
    else:
        env["VISIT_BRIEFINGS_NO_CACHE"] = "1"
    completed = subprocess.run(
        [sys.executable, "-m", "benchmarks.run", "--measure", kind, "--archive", str(archive)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        raise RuntimeError(f"measuring {kind} failed:\n{completed.stderr[-3000:]}")
    return json.loads(completed.stdout.strip().splitlines()[-1])


def _measure(kind: str, archive: Path) -> dict[str, Any]:
    """In the child: time one thing, in CPU time and wall time."""
    import resource

    import yaml

    from tui.index.archive import Archive
    from tui.index.snapshot import Snapshots
    from tui.reading.workspace import Workspace

    files = sorted((archive / "briefings").glob("*.yaml"))
    result: dict[str, Any] = {"files": len(files)}
    cpu, wall = time.process_time(), time.perf_counter()
    if kind == "raw":
        for file in files:
            yaml.load(file.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    else:
        # As the app loads (tui.ui.app): in batches, each indexed (unless the stored
        # index will be taken) and then let go of but for the briefings the archive
        # keeps whole; then the stored index taken, or the one built kept.
        workspace, archive_index = Workspace([archive / "briefings"]), Archive()
        snapshots = Snapshots.of(workspace.paths)
        for batch in workspace.load():
            archive_index.add(batch.briefings)
            archive_index.index_loading(snapshots)
        restored = snapshots.restore(archive_index.stamps) if snapshots is not None else None
        archive_index.settle(restored)
        if snapshots is not None and restored is None:
            snapshots.keep(archive_index.stamps, archive_index.names, archive_index.titles)
        result["index_restored"] = restored is not None
        result["briefings"] = len(archive_index)
        result["problems"] = len(workspace.problems)
        result["counterparts"] = sum(len(o.people) for o in archive_index.briefings.values())
    result["cpu"] = time.process_time() - cpu
    result["wall"] = time.perf_counter() - wall
    # Linux reports kilobytes.
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def _best(runs: list[dict[str, Any]]) -> dict[str, Any]:
    return min(runs, key=lambda run: run["cpu"])


def _seconds(value: float) -> str:
    return f"{value:.2f} s" if value >= 0.1 else f"{value * 1000:.1f} ms"


def _ratio_row(
    number: int, name: str, size: int, ours: dict, raw: dict, limit: float, clock: str = "cpu"
) -> Row:
    ratio = ours[clock] / raw[clock]
    return Row(
        number,
        name,
        size=f"{size:,}",
        ours=f"{_seconds(ours['cpu'])} cpu ({_seconds(ours['wall'])} wall)",
        reference=f"{_seconds(raw['cpu'])} cpu ({_seconds(raw['wall'])} wall)",
        ratio=f"{ratio:.3f}× {clock}" if ratio < 0.1 else f"{ratio:.2f}× {clock}",
        target=f"≤ {limit}×",
        met="yes" if ratio <= limit else "NO",
        data={"ours": ours, "raw": raw, "ratio": ratio, "clock": clock},
    )


# --- the rows ------------------------------------------------------------------------


def load_rows(context: Context) -> list[Row]:
    """Rows 1 and 2: cold load and re-open, each against the raw parse."""
    rows: list[Row] = []
    for size in context.sizes:
        archive = context.archives[size]
        raw_runs, cold_runs, warm_runs, nocache_runs = [], [], [], []
        for _ in range(context.repeat):
            cache_dir = Path(tempfile.mkdtemp(prefix="cache-", dir=context.work))
            try:
                raw_runs.append(_child("raw", archive))
                cold_runs.append(_child("load", archive, cache_dir))
                warm_runs.append(_child("load", archive, cache_dir))
                nocache_runs.append(_child("load", archive, None))
            finally:
                shutil.rmtree(cache_dir, ignore_errors=True)
        raw, cold, warm, nocache = map(_best, (raw_runs, cold_runs, warm_runs, nocache_runs))
        for run in (cold, warm, nocache):
            if run["problems"] or run["briefings"] != raw["files"]:
                raise RuntimeError(f"the generated archive did not load cleanly: {run}")
        row = _ratio_row(1, "cold load (parse+validate+check+index)", size, nocache, raw, 1.3)
        row.note = "no cache"
        context.no_cache_runs[size] = nocache
        context.raw_runs[size] = raw
        rows.append(row)
        first = _ratio_row(
            1, "first open: cold load + writing the cache", size, cold, raw, 0.5, "wall"
        )
        first.note = "the default: an empty cache, filled on the way; wall time"
        rows.append(first)
        warm_row = _ratio_row(2, "re-open, unchanged files (cache)", size, warm, raw, 0.02)
        rows.append(warm_row)
    return rows


def search_row(context: Context) -> list[Row]:
    """Row 3: name search, and fzf --filter on the same names."""
    import itertools

    from benchmarks.generate import iter_counterparts
    from tui.index.search import NameSearch

    people = []  # the names each person goes by, name first
    for _, counterpart in itertools.islice(iter_counterparts(), context.search_people):
        names = [counterpart["name"], *counterpart.get("aliases", [])]
        if counterpart.get("original_script"):
            names.append(counterpart["original_script"])
        people.append(names)
    started = time.perf_counter()
    search = NameSearch()
    batch_times = []
    for start in range(0, len(people), 8000):  # about what 200 briefings hold
        batch = time.perf_counter()
        search.add(people[start : start + 8000])
        batch_times.append(time.perf_counter() - batch)
    build = time.perf_counter() - started

    ours = []
    for query in QUERIES:
        runs = []
        for _ in range(1 if context.quick else 3):
            begun = time.perf_counter()
            search.search(query, 20)
            runs.append(time.perf_counter() - begun)
        ours.append(statistics.median(runs) * 1000)
    row = Row(
        3,
        "name search, ms per query (p50 / p95 / max)",
        size=f"{len(people):,} people, {len(search):,} names",
        ours=_percentiles(ours),
        target="p95 ≤ 16 ms",
        data={
            "queries": dict(zip(QUERIES, ours, strict=True)),
            "index_build_s": build,
            "add_batch_s_max": max(batch_times),
        },
    )
    p95 = _percentile(ours, 95)
    fzf = shutil.which("fzf")
    if fzf is None:
        row.reference = "fzf: not installed"
        row.note = "fzf column skipped (apt-get install fzf); "
        row.met = "yes" if p95 <= 16 else "NO"
    else:
        names_file = context.work / f"names-{len(people)}.txt"
        names_file.write_text(
            "\n".join(dict.fromkeys(name for names in people for name in names)) + "\n",
            encoding="utf-8",
        )
        theirs = []
        for query in QUERIES:
            runs = []
            for _ in range(1 if context.quick else 3):
                with names_file.open("rb") as names:
                    begun = time.perf_counter()
                    subprocess.run(
                        [fzf, "--filter", query], stdin=names, capture_output=True, check=False
                    )
                    runs.append(time.perf_counter() - begun)
            theirs.append(statistics.median(runs) * 1000)
        row.reference = "fzf --filter " + _percentiles(theirs)
        row.ratio = f"{p95 / _percentile(theirs, 95):.2f}× (p95)"
        row.data["fzf"] = dict(zip(QUERIES, theirs, strict=True))
        faster = p95 < _percentile(theirs, 95)
        row.met = "yes" if p95 <= 16 and faster else "NO"
        row.note = "fzf includes starting its process; "
    row.note += (
        f"index built in {build:.2f} s, largest add of 8,000 people {max(batch_times):.2f} s"
    )
    return [row, *mixed_search_row(context)]


def mixed_search_row(context: Context) -> list[Row]:
    """Row 3b: the archive's one search (people, organizations, themes, events and
    visits; tui.index.mixed), ten results as the dialog shows them, over generated
    briefings holding ~context.search_people people and over the largest archive size
    asked for (10,000 briefings by default): every kind, over the name queries and
    the archive queries (themes, places, events, prefixes); and people only
    (`@person` and the name queries)."""
    targets = sorted({_briefings_holding(context.search_people), max(context.sizes)})
    if context.quick:
        targets = targets[:1]
    rows: list[Row] = []
    for briefings in targets:
        rows += _mixed_search_at(context, briefings)
    return rows


def _briefings_holding(people: int) -> int:
    from benchmarks.generate import generate_briefing

    index = held = 0
    while held < people:
        held += len(generate_briefing(index).data["counterparts"])
        index += 1
    return index


def _mixed_search_at(context: Context, briefings: int) -> list[Row]:
    from pathlib import Path

    from benchmarks.generate import generate_briefing
    from tui.format.outline import Outline, record_of
    from tui.index.archive import Archive
    from tui.index.mixed import search
    from tui.reading.loader import LoadedOutline

    outlines = []
    people = 0
    for index in range(briefings):
        data = generate_briefing(index).data
        outline = Outline.model_validate(_outline_fields(data))
        path = Path(f"{data['id']}.yaml")
        outlines.append(LoadedOutline(record_of(outline), path, path, 1))
        people += len(outline.people)
    started = time.perf_counter()
    archive = Archive(outlines)
    archive.index()  # as the app does while loading: not in the first query's time
    build = time.perf_counter() - started
    del outlines
    gc.freeze()  # as the app does once loaded (tui.ui.app), so no collection walks it
    rows = []
    for label, queries in (
        ("every kind", (*QUERIES, *ARCHIVE_QUERIES)),
        ("people only (@person)", tuple(f"@person {query}" for query in QUERIES)),
    ):
        ours = []
        for query in queries:
            runs = []
            for _ in range(1 if context.quick else 3):
                begun = time.perf_counter()
                search(archive, query, 10)
                runs.append(time.perf_counter() - begun)
            ours.append(statistics.median(runs) * 1000)
        p95 = _percentile(ours, 95)
        rows.append(
            Row(
                3,
                f"mixed search, {label}, ms per query (p50 / p95 / max)",
                size=f"{people:,} people, {len(archive):,} briefings, {len(archive.names):,} names",
                ours=_percentiles(ours),
                target="p95 ≤ 16 ms",
                met="yes" if p95 <= 16 else "NO",
                note=f"archive and its searches built in {build:.2f} s; {len(queries)} queries",
                data={"queries": dict(zip(queries, ours, strict=True)), "index_build_s": build},
            )
        )
    del archive
    gc.unfreeze()
    return rows


def _outline_fields(data: dict[str, Any]) -> dict[str, Any]:
    """The outline of a generated briefing, read off its data (validating the whole
    briefing would take most of the row's time)."""
    organizations = {item["id"]: item for item in data["organizations"]}
    return {
        "id": data["id"],
        "title": data["title"],
        "dates": data["dates"],
        "places": data["places"],
        "lead": data["delegation"]["lead"]["name"],
        "people": [
            {
                "id": person["id"],
                "name": person["name"],
                "aliases": person.get("aliases", []),
                "original_script": person.get("original_script"),
                "title": person.get("title"),
                "organization": organizations.get(person.get("organization", ""), {}).get("name"),
            }
            for person in data["counterparts"]
        ],
        "organizations": [
            {
                "id": item["id"],
                "name": item["name"],
                "aliases": item.get("aliases", []),
                "country": item.get("country"),
            }
            for item in data["organizations"]
        ],
        "themes": [{"id": item["id"], "name": item["name"]} for item in data["themes"]],
        "events": [
            {
                "id": event["id"],
                "title": event["title"],
                "place": event.get("place"),
                "date": event.get("date"),
                "counterparts": event.get("counterparts", []),
                "organizations": event.get("organizations", []),
                "themes": event.get("themes", []),
            }
            for event in data["itinerary"]
        ],
    }


def _percentile(values: list[float], percent: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(percent / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


def _percentiles(values: list[float]) -> str:
    return " / ".join(f"{_percentile(values, p):.1f}" for p in (50, 95, 100))


def _content_row(label: str, times: terminal.ContentTimes, limit: float, target: bool) -> Row:
    ratio = times.content / times.minimal
    return Row(
        4,
        "time to content vs minimal Textual app (tmux)",
        size=label,
        ours=f"{_seconds(times.content)} (empty frame {_seconds(times.frame)})",
        reference=_seconds(times.minimal),
        ratio=f"{ratio:.2f}×",
        target=f"≤ {limit}×" if target else f"(≤ {limit}×)",
        met=("yes" if ratio <= limit else "NO") if target else "",
        note="median wall time from asking tmux for a session to the content on screen",
        data={**asdict(times), "ratio": ratio},
    )


def time_to_content(context: Context) -> list[Row]:
    """Row 4: time until a briefing's content is on screen in tmux (the bundled one: a
    counterpart's name; an archive: its first briefing's first counterpart), against a
    minimal Textual app (header, label, footer) until its label shows, in the same
    tmux server. Bundled: ≤ 1.3× on a first launch (no cache); the largest archive:
    ≤ 1.5× on a second launch (the cache warm)."""
    if not terminal.available():
        return [Row(4, "time to content vs minimal Textual app (tmux)", note="skipped: no tmux")]
    from tui.reading.bundled import bundled_briefings

    repeat = 1 if context.quick else 7
    bundled = bundled_briefings()
    marker = terminal.content_marker(bundled)
    largest = max(context.sizes)
    folder = context.archives[largest] / "briefings"
    return [
        _content_row(
            "bundled briefing, first launch",
            terminal.time_to_content(None, marker, repeat),
            1.3,
            target=True,
        ),
        _content_row(
            "bundled briefing, cache warm",
            terminal.time_to_content(None, marker, repeat, _app_cache(context, "bundled")),
            1.3,
            target=False,
        ),
        _content_row(
            f"{largest:,} briefings, cache warm",
            terminal.time_to_content(
                folder, terminal.content_marker(folder), repeat, _app_cache(context, largest)
            ),
            1.5,
            target=True,
        ),
    ]


def _app_cache(context: Context, name: object) -> Path:
    """The cache folder the app uses in tmux for one archive: filled by its first
    launch in this run (a cache left by an earlier run might be of other code)."""
    folder = context.work / "app-cache" / str(name)
    if name not in context.app_caches:
        shutil.rmtree(folder, ignore_errors=True)
        context.app_caches.add(name)
    return folder


def idle_cpu(context: Context) -> list[Row]:
    """Row 7: the CPU the app uses while nobody touches it (the bundled briefing, as a
    user opens it), at 120x40 and at 20x6: the process's own CPU time over a while,
    from /proc. Target < 1% of a core at every size."""
    name = "idle CPU, bundled briefing (tmux)"
    if not terminal.available():
        return [Row(7, name, note="skipped: no tmux")]
    seconds = 2.0 if context.quick else 10.0
    rows = []
    for width, height in ((120, 40), (20, 6)):
        shares = terminal.idle_cpu((width, height), seconds)
        rows.append(
            Row(
                7,
                name,
                size=f"{width}x{height}",
                ours=f"{shares['ours'] * 100:.1f}% of a core",
                reference=f"minimal app {shares['minimal'] * 100:.1f}%",
                target="< 1%",
                met="yes" if shares["ours"] < 0.01 and shares["ours_content_seen"] else "NO",
                note=f"utime+stime from /proc/<pid>/stat over {seconds:.0f} s"
                + "".join(
                    f"; {who} app's content never showed"
                    for who in ("ours", "minimal")
                    if not shares[f"{who}_content_seen"]
                ),
                data=shares,
            )
        )
    return rows


def searchable_row(context: Context) -> list[Row]:
    """Row 8: re-opening the largest archive in the app (tmux, cache warm) until every
    briefing is loaded and indexed, so that search covers them all (the progress bar
    is gone); against the raw parse of row 1 in wall time. Target ≤ 0.02×."""
    name = "re-open in the app until all searchable (tmux)"
    if not terminal.available():
        return [Row(8, name, note="skipped: no tmux")]
    size = max(context.sizes)
    seconds = terminal.searchable(context.archives[size] / "briefings", _app_cache(context, size))
    row = Row(8, name, size=f"{size:,}", ours=f"{_seconds(seconds)} wall", target="≤ 0.02×")
    raw = context.raw_runs.get(size)
    if raw is None:
        row.note = "no ratio: the load rows (the raw parse) did not run"
    else:
        ratio = seconds / raw["wall"]
        row.reference = f"raw parse {_seconds(raw['wall'])} wall"
        row.ratio = f"{ratio:.3f}×"
        row.met = "yes" if ratio <= 0.02 else "NO"
        row.note = "from asking tmux for a session; the second launch"
    row.data = {"seconds": seconds, "raw": raw}
    return [row]


def keystroke_latency(context: Context) -> list[Row]:
    """Row 5: keystroke-to-screen latency of the search box with about
    context.search_people counterparts loaded (tmux). Target ≤ 50 ms."""
    name = "keystroke-to-screen, search box (tmux)"
    if not terminal.available():
        return [Row(5, name, note="skipped: no tmux")]
    # An archive with about that many people: the generator averages 40 a briefing.
    size = max(1, context.search_people // 40)
    archive = archive_for(context.work, size)
    queries = ("obreg",) if context.quick else ("wisniewski", "obreg", "zhang wei")
    latencies, reference = (
        [seconds * 1000 for query in queries for seconds in terminal.keystroke_latency(at, query)]
        for at in (archive / "briefings", None)
    )
    worst = max(latencies)
    return [
        Row(
            5,
            name,
            size=f"{size:,} briefings",
            ours=f"p50/p95/max {_percentiles(latencies)} ms",
            reference=f"{_percentiles(reference)} ms, a bare Textual input",
            target="≤ 50 ms",
            met="yes" if _percentile(latencies, 95) <= 50 else "NO",
            note=f"{len(latencies)} keys; worst {worst:.0f} ms",
            data={"latencies_ms": latencies, "reference_ms": reference},
        )
    ]


def memory_row(context: Context) -> list[Row]:
    """Row 6: peak RSS of a fresh process loading the largest archive (no cache)."""
    size = max(context.sizes)
    run = context.no_cache_runs.get(size) or _child("load", context.archives[size])
    return [
        Row(
            6,
            "peak memory (RSS), load + index",
            size=f"{size:,}",
            ours=f"{run['peak_rss_mb']:.0f} MB",
            target="≤ 300 MB at 10,000" if size >= 10000 else "(≤ 300 MB at 10,000)",
            met=("yes" if run["peak_rss_mb"] <= 300 else "NO") if size >= 10000 else "",
            note=f"{run['counterparts']:,} counterparts",
            data=run,
        )
    ]


def notes_row(context: Context) -> list[Row]:
    """Row 9: search over 100,000 notes (in benchmarks/notes.py)."""
    from benchmarks.notes import notes_search_row

    return notes_search_row(context)


# The table, in order. Each measurement is a function of the context returning rows;
# add one here to add it to the table and to the JSON.
ROWS: list[tuple[str, Measurement]] = [
    ("load", load_rows),
    ("search", search_row),
    ("content", time_to_content),
    ("keystroke", keystroke_latency),
    ("memory", memory_row),
    ("idle", idle_cpu),
    ("searchable", searchable_row),
    ("notes", notes_row),
]


# --- running -------------------------------------------------------------------------


def archive_for(work: Path, size: int, seed: int = DEFAULT_SEED) -> Path:
    """A generated archive of `size` briefings, made once and kept in `work`."""
    folder = work / f"archive-{size}-seed{seed}-v{GENERATOR_VERSION}"
    marker = folder / "complete"
    if not marker.exists():
        shutil.rmtree(folder, ignore_errors=True)
        write_archive(folder, size, seed, jobs=os.cpu_count() or 1)
        marker.write_text("done\n", encoding="utf-8")
    return folder


def machine() -> dict[str, Any]:
    info: dict[str, Any] = {
        "platform": platform.platform(),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
    }
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu"] = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                info["memory_gb"] = round(int(line.split()[1]) / 1024 / 1024, 1)
                break
    except OSError:
        pass
    return info


COLUMNS = (
    ("#", "number"),
    ("measurement", "name"),
    ("size", "size"),
    ("ours", "ours"),
    ("reference", "reference"),
    ("ratio", "ratio"),
    ("target", "target"),
    ("met", "met"),
    ("note", "note"),
)


def table(rows: list[Row]) -> str:
    cells = [[str(getattr(row, attribute)) for _, attribute in COLUMNS] for row in rows]
    widths = [
        max(len(title), *(len(line[i]) for line in cells)) for i, (title, _) in enumerate(COLUMNS)
    ]

    def line(values: list[str]) -> str:
        return "| " + " | ".join(v.ljust(w) for v, w in zip(values, widths, strict=True)) + " |"

    lines = [
        line([title for title, _ in COLUMNS]),
        "|" + "|".join("-" * (w + 2) for w in widths) + "|",
    ]
    return "\n".join(lines + [line(values) for values in cells])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.run", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--sizes", default=None, help="archive sizes (default 1000,10000)")
    parser.add_argument("--json", type=Path, help="also write the results as JSON here")
    parser.add_argument("--quick", action="store_true", help="tiny sizes, for CI")
    parser.add_argument("--repeat", type=int, help="runs per load timing (best counts)")
    parser.add_argument("--only", help="comma-separated row keys: " + ",".join(k for k, _ in ROWS))
    parser.add_argument(
        "--work",
        type=Path,
        default=Path(tempfile.gettempdir()) / "visit-briefings-bench",
        help="where generated archives are kept",
    )
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    parser.add_argument("--archive", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.measure:
        print(json.dumps(_measure(args.measure, args.archive)))
        return 0

    if args.sizes:
        sizes = [int(size.replace("_", "")) for size in args.sizes.split(",")]
    else:
        sizes = list(QUICK_SIZES if args.quick else DEFAULT_SIZES)
    repeat = args.repeat or (1 if args.quick or max(sizes) > 2000 else 3)
    args.work.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    context = Context(
        sizes=sizes,
        archives={size: archive_for(args.work, size) for size in sizes},
        work=args.work,
        quick=args.quick,
        repeat=repeat,
        search_people=QUICK_SEARCH_PEOPLE if args.quick else SEARCH_PEOPLE,
    )
    only = set(args.only.split(",")) if args.only else None
    rows: list[Row] = []
    for key, measurement in ROWS:
        if only is None or key in only:
            rows += measurement(context)
    command = "python -m benchmarks.run " + " ".join(sys.argv[1:] if argv is None else argv)
    info = machine()
    print(table(rows))
    print(
        f"\n{info.get('cpu', platform.machine())}, {info['cpus']} cpus, "
        f"{info.get('memory_gb', '?')} GB, Python {info['python']}; "
        f"{time.perf_counter() - started:.0f} s; command: {command.strip()}"
    )
    if args.json:
        args.json.write_text(
            json.dumps(
                {"command": command.strip(), "machine": info, "rows": [asdict(r) for r in rows]},
                indent=2,
                ensure_ascii=False,
            ),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
