"""Row 9: search over 100,000 notes (tui.notes.store, SQLite FTS5), with the name
search's target: p95 ≤ 16 ms per query.

The notes are sentences drawn from the words of the bundled source text and the
generator's names, seeded, in one notes file kept in --work. They are written in one
transaction straight into the table (a save per note, each synced to disk, would take
minutes and measure nothing the row is about), then indexed as the store indexes them.
"""

from __future__ import annotations

import random
import re
import statistics
import time
import uuid

from benchmarks.run import ROOT, Context, Row, _percentile, _percentiles
from tui.notes.store import NoteStore

NOTES = 100_000
QUICK_NOTES = 3_000

# Typed the way people look for a note: one word, a word start, two words, a name, a
# word in no note.
NOTE_QUERIES = (
    "bank", "nanj", "follow", "reply", "cooperation strategic", "paris meeting", "invest",
    "le mingham", "consul", "promised", "strasb", "ambassador reply", "industr", "green",
    "b", "zzzz", "biomedical symposium", "the",
)  # fmt: skip


def _words() -> list[str]:
    source = (ROOT / "seeds" / "000_a8ebd945cfdb3d44.txt").read_text(encoding="utf-8")
    extra = [
        "follow",
        "up",
        "reply",
        "promised",
        "owes",
        "call",
        "invite",
        "send",
        "report",
        "next",
        "time",
        "ask",
    ]
    return re.findall(r"[A-Za-z][A-Za-z'-]+", source) + extra * 20


def _store(context: Context, count: int) -> NoteStore:
    path = context.work / f"notes-{count}.sqlite3"
    store = NoteStore.open(path)
    if len(store.all_notes()) == count:
        return store
    rng = random.Random(7)
    words = _words()
    stamp = "2026-12-01T12:00:00.000000+00:00"
    rows = [
        (
            uuid.UUID(int=rng.getrandbits(128)).hex,
            f"briefing-{number % 5000}",
            "counterpart",
            f"person-{number % 40}",
            "Someone",
            "",
            " ".join(rng.choice(words) for _ in range(rng.randint(5, 60))),
            stamp,
            stamp,
        )
        for number in range(count)
    ]
    with store._writing() as db:
        db.execute("DELETE FROM notes")
        db.executemany(
            "INSERT INTO notes (uid, briefing, kind, entry, entry_name, quote_digest, text,"
            " created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        db.execute("INSERT INTO notes_search (notes_search) VALUES ('rebuild')")
    return store


def notes_search_row(context: Context) -> list[Row]:
    count = QUICK_NOTES if context.quick else NOTES
    built = time.perf_counter()
    store = _store(context, count)
    built = time.perf_counter() - built
    times = []
    with store:
        for query in NOTE_QUERIES:
            runs = []
            for _ in range(1 if context.quick else 5):
                begun = time.perf_counter()
                store.search(query, 10)
                runs.append(time.perf_counter() - begun)
            times.append(statistics.median(runs) * 1000)
        full_text = store.full_text
    p95 = _percentile(times, 95)
    return [
        Row(
            9,
            "notes search, ms per query (p50 / p95 / max)",
            size=f"{count:,} notes",
            ours=_percentiles(times),
            reference="" if full_text else "SQLite without FTS5: LIKE",
            target="p95 ≤ 16 ms",
            met="yes" if p95 <= 16 else "NO",
            note=f"the ten newest matches; notes file made or reused in {built:.1f} s",
            data={"queries": dict(zip(NOTE_QUERIES, times, strict=True)), "fts5": full_text},
        )
    ]
