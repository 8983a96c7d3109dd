"""How well `briefings draft` drafts: each article drafted, loaded as a user's file
would be, and compared with what a careful author extracts from it (`*.gold.json`).

    python -m benchmarks.drafting [--sets dev,tuning,held-out,seed] [--markdown]

Sets: `dev`, the shared development articles (../shared/drafting, found beside the
repository or one of its parents); `tuning` and `held-out`, the articles in
benchmarks/drafting_articles (t* and h*); `seed`, the bundled article against the
bundled hand-made briefing. `sides` counts the people found on the right side (the
city's delegation or hosts, or the other). Names are compared with accents, case and spacing folded;
titles, themes and dates as stated with case and spacing folded; nothing else is
forgiven.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import traceback
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tui.cli.draft import DraftRefused, _draft_text
from tui.drafting.names import fold
from tui.format.model import Briefing, StatedDate
from tui.reading.loader import BriefingError, load_briefing

ROOT = Path(__file__).resolve().parent.parent
OWN = ROOT / "benchmarks" / "drafting_articles"
SEED = ROOT / "seeds" / "000_a8ebd945cfdb3d44.txt"
SEED_BRIEFING = ROOT / "briefings" / "nanjing-france-study-visit.yaml"
TARGETS = {
    "valid": 1.0,
    "people_recall": 0.95,
    "people_precision": 0.90,
    "titles": 0.90,
    "organizations": 0.90,
    "themes": 0.85,
    "dates": 1.0,
}


def shared_articles() -> Path | None:
    for folder in (ROOT, *ROOT.parents):
        candidate = folder / "shared" / "drafting"
        if candidate.is_dir():
            return candidate
    return None


@dataclass
class Score:
    """Counts as (right, out of)."""

    name: str
    group: str
    valid: tuple[int, int] = (0, 1)
    traceback: int = 0
    direction: tuple[int, int] = (0, 0)
    people_recall: tuple[int, int] = (0, 0)
    people_precision: tuple[int, int] = (0, 0)
    titles: tuple[int, int] = (0, 0)
    lead: tuple[int, int] = (0, 0)
    sides: tuple[int, int] = (0, 0)
    organizations: tuple[int, int] = (0, 0)
    themes: tuple[int, int] = (0, 0)
    places: tuple[int, int] = (0, 0)
    dates: tuple[int, int] = (0, 0)
    invented_years: int = 0
    outcomes: tuple[int, int] = (0, 0)
    events: tuple[int, int] = (0, 0)
    statements: tuple[int, int] = (0, 0)
    relations: tuple[int, int] = (0, 0)
    aliases: tuple[int, int] = (0, 0)
    misses: list[str] = field(default_factory=list)


COLUMNS = [
    ("valid", "valid"),
    ("direction", "direction"),
    ("people_recall", "people recall"),
    ("people_precision", "people precision"),
    ("titles", "titles"),
    ("lead", "lead"),
    ("sides", "sides"),
    ("organizations", "organizations"),
    ("themes", "themes"),
    ("places", "places"),
    ("dates", "dates as stated"),
    ("invented_years", "invented years"),
    ("outcomes", "outcomes"),
    ("traceback", "tracebacks"),
]


def _norm(text: str | None) -> str:
    return " ".join((text or "").casefold().split())


def _hits(
    gold: Iterable[str], drafted: Iterable[str], key: Any = fold
) -> tuple[int, int, list[str]]:
    found = {key(item) for item in drafted}
    gold = list(gold)
    missed = [item for item in gold if key(item) not in found]
    return len(gold) - len(missed), len(gold), missed


def draft_and_load(article: Path, work: Path) -> Briefing:
    """Draft the article into a folder of its own and load the draft as the app would."""
    folder = work / article.stem
    folder.mkdir(parents=True)
    copy = folder / article.name
    shutil.copyfile(article, copy)
    out = folder / "briefing.yaml"
    _draft_text(copy, out, None, False)
    return load_briefing(out).briefing


def _dates(briefing: Briefing) -> list[StatedDate]:
    reported = [briefing.reported] if briefing.reported else []
    return [briefing.dates, *reported, *(event.date for event in briefing.itinerary if event.date)]


def score_gold(name: str, group: str, article: Path, gold: dict[str, Any], work: Path) -> Score:
    score = Score(name, group)
    try:
        briefing = draft_and_load(article, work)
    except (BriefingError, DraftRefused) as error:
        score.misses.append(f"invalid: {error}")
        return score
    except Exception:
        score.traceback = 1
        score.misses.append(traceback.format_exc())
        return score
    score.valid = (1, 1)
    score.direction = (int(briefing.direction == gold["direction"]), 1)
    lead = briefing.delegation.lead
    score.lead = (
        int(
            fold(lead.name) == fold(gold["lead"]["name"])
            and _norm(lead.title) == _norm(gold["lead"]["title"])
        ),
        1,
    )
    if not score.lead[0]:
        score.misses.append(f"lead: {lead.name} / {lead.title}")
    drafted: dict[str, tuple[str | None, list[str]]] = {}
    for person in briefing.delegation.members:
        drafted[fold(person.name)] = (person.title, [])
    for counterpart in briefing.counterparts:
        drafted[fold(counterpart.name)] = (counterpart.title, counterpart.aliases)
    gold_people = gold["people"]
    members = {fold(person.name) for person in briefing.delegation.members}
    found = titles = sides = 0
    for person in gold_people:
        hit = drafted.get(fold(person["name"]))
        if hit is None:
            score.misses.append(f"person: {person['name']}")
            continue
        found += 1
        # The city's side (a member of its delegation or of its hosts) or the other.
        if (fold(person["name"]) in members) == bool(person.get("member")):
            sides += 1
        else:
            score.misses.append(f"side of {person['name']}: member is {person.get('member')}")
        if _norm(hit[0]) == _norm(person["title"]):
            titles += 1
        else:
            score.misses.append(f"title of {person['name']}: {hit[0]!r}, not {person['title']!r}")
    titles += score.lead[0]
    score.people_recall = (found, len(gold_people))
    score.sides = (sides, found)
    score.titles = (titles, len(gold_people) + 1)
    known = {fold(p["name"]) for p in gold_people} | {fold(gold["lead"]["name"])}
    extra = [key for key in drafted if key not in known]
    score.misses.extend(f"not a person of the gold: {key}" for key in extra)
    score.people_precision = (len(drafted) - len(extra), len(drafted))
    for attribute, gold_items, drafted_items, key in (
        ("organizations", gold["organizations"], [o.name for o in briefing.organizations], fold),
        ("themes", gold["themes"], [t.name for t in briefing.themes], _norm),
        ("places", gold["places"], briefing.places, fold),
        ("dates", gold["dates_as_stated"], [d.as_stated for d in _dates(briefing)], _norm),
    ):
        right, total, missed = _hits(gold_items, drafted_items, key)
        setattr(score, attribute, (right, total))
        score.misses.extend(f"{attribute}: {item}" for item in missed)
    for date in _dates(briefing):
        if date.year is not None and (
            date.year != gold["year_stated"] or str(date.year) not in date.as_stated
        ):
            score.invented_years += 1
            score.misses.append(f"invented year: {date.year} in {date.as_stated!r}")
    outcomes = [_norm(o.text) for e in briefing.itinerary for o in e.outcomes]
    got = [g for g in gold["outcomes"] if any(_norm(g) in o or o in _norm(g) for o in outcomes)]
    score.outcomes = (len(got), len(gold["outcomes"]))
    return score


def score_seed(work: Path) -> Score:
    """The seed article against the bundled hand-made briefing."""
    score = Score("seed vs bundled briefing", "seed")
    bundled = load_briefing(SEED_BRIEFING).briefing
    try:
        briefing = draft_and_load(SEED, work)
    except Exception:
        score.traceback = 1
        score.misses.append(traceback.format_exc())
        return score
    score.valid = (1, 1)
    score.direction = (int(briefing.direction == "outgoing"), 1)
    lead, gold_lead = briefing.delegation.lead, bundled.delegation.lead
    score.lead = (
        int(
            fold(lead.name) == fold(gold_lead.name) and _norm(lead.title) == _norm(gold_lead.title)
        ),
        1,
    )
    organizations = {o.id: o.name for o in bundled.organizations}
    drafted = {fold(c.name): c for c in briefing.counterparts}
    found = titles = 0
    for person in bundled.counterparts:
        hit = drafted.get(fold(person.name)) or next(
            (c for c in briefing.counterparts if fold(person.name) in map(fold, c.aliases)), None
        )
        if hit is None:
            score.misses.append(f"person: {person.name}")
            continue
        found += 1
        # The bundled briefing keeps "of <organization>" in the organization field.
        with_org = f"{person.title} of {organizations.get(person.organization or '', '')}"
        if _norm(hit.title) in (_norm(person.title), _norm(with_org)):
            titles += 1
        else:
            score.misses.append(f"title of {person.name}: {hit.title!r}, not {person.title!r}")
    score.people_recall = (found, len(bundled.counterparts))
    score.titles = (titles + score.lead[0], len(bundled.counterparts) + 1)
    known = {fold(c.name) for c in bundled.counterparts} | {
        fold(a) for c in bundled.counterparts for a in c.aliases
    }
    extra = [c.name for c in briefing.counterparts if fold(c.name) not in known]
    score.misses.extend(f"not a counterpart of the bundled briefing: {name}" for name in extra)
    score.people_precision = (len(briefing.counterparts) - len(extra), len(briefing.counterparts))
    right, total, missed = _hits(
        [o.name for o in bundled.organizations], [o.name for o in briefing.organizations]
    )
    score.organizations = (right, total)
    score.misses.extend(f"organizations: {m}" for m in missed)
    right, total, missed = _hits(
        [t.name for t in bundled.themes], [t.name for t in briefing.themes], _norm
    )
    score.themes = (right, total)
    score.misses.extend(f"themes: {m}" for m in missed)
    right, total, missed = _hits(bundled.places, briefing.places)
    score.places = (right, total)
    right, total, missed = _hits(
        [d.as_stated for d in _dates(bundled)], [d.as_stated for d in _dates(briefing)], _norm
    )
    score.dates = (right, total)
    score.invented_years = sum(d.year is not None for d in _dates(briefing))
    # An event of the bundled briefing is found when a drafted event of the same kind
    # shares a counterpart or an organization with it.
    names = {c.id: fold(c.name) for c in bundled.counterparts}
    drafted_names = {c.id: fold(c.name) for c in briefing.counterparts}
    drafted_orgs = {o.id: fold(o.name) for o in briefing.organizations}
    matched = 0
    for event in bundled.itinerary:
        people = {names[i] for i in event.counterparts}
        orgs = {fold(organizations[i]) for i in event.organizations}
        if any(
            other.kind == event.kind
            and (
                people & {drafted_names[i] for i in other.counterparts}
                or orgs & {drafted_orgs[i] for i in other.organizations}
            )
            for other in briefing.itinerary
        ):
            matched += 1
        else:
            score.misses.append(f"event: {event.title}")
    score.events = (matched, len(bundled.itinerary))
    outcomes = [_norm(o.text) for e in briefing.itinerary for o in e.outcomes]
    gold_outcomes = [_norm(o.text).rstrip(".") for e in bundled.itinerary for o in e.outcomes]
    score.outcomes = (
        sum(any(g in o or o in g for o in outcomes) for g in gold_outcomes),
        len(gold_outcomes),
    )
    # A statement of the bundled briefing is found when the draft has one by the same
    # speaker that quotes the same passage (the drafter's text is the article's words,
    # the bundled one a summary, so the quotes are compared, not the texts).
    drafted_said = [
        (fold(s.speaker), _norm(q))
        for e in briefing.itinerary
        for s in e.statements
        for q in s.quotes
    ]
    gold_said = [(s.speaker, s.quotes) for e in bundled.itinerary for s in e.statements]
    found_said = 0
    for speaker, quotes in gold_said:
        if any(
            who == fold(speaker) and any(_norm(g) in q or q in _norm(g) for g in quotes)
            for who, q in drafted_said
        ):
            found_said += 1
    score.statements = (found_said, len(gold_said))
    drafted_relations = {
        (fold(o.name), fold(drafted_orgs[r.target]))
        for o in briefing.organizations
        for r in o.relations
        if r.target in drafted_orgs
    }
    gold_relations = [
        (fold(o.name), fold(organizations[r.target]))
        for o in bundled.organizations
        for r in o.relations
    ]
    score.relations = (sum(r in drafted_relations for r in gold_relations), len(gold_relations))
    drafted_aliases = {fold(a) for a in _aliases(briefing)}
    gold_aliases = _aliases(bundled)
    score.aliases = (sum(fold(a) in drafted_aliases for a in gold_aliases), len(gold_aliases))
    score.misses.extend(f"alias: {a}" for a in gold_aliases if fold(a) not in drafted_aliases)
    return score


def _aliases(briefing: Briefing) -> list[str]:
    return [a for o in briefing.organizations for a in o.aliases] + [
        a for c in briefing.counterparts for a in c.aliases
    ]


def gold_articles(sets: set[str]) -> list[tuple[str, str, Path, dict[str, Any]]]:
    found = []
    shared = shared_articles()
    folders = []
    if "dev" in sets:
        if shared is None:
            print("no shared/drafting folder found: the dev set is skipped", file=sys.stderr)
        else:
            folders.append(("dev", shared, "*.gold.json"))
    if "tuning" in sets:
        folders.append(("tuning", OWN, "t*.gold.json"))
    if "held-out" in sets:
        folders.append(("held-out", OWN, "h*.gold.json"))
    for group, folder, pattern in folders:
        for gold in sorted(folder.glob(pattern)):
            article = gold.with_name(gold.name.removesuffix(".gold.json") + ".txt")
            found.append(
                (article.stem, group, article, json.loads(gold.read_text(encoding="utf-8")))
            )
    return found


def _cell(value: tuple[int, int] | int) -> str:
    if isinstance(value, int):
        return str(value)
    right, total = value
    return f"{right}/{total}" if total else "–"


def _total(name: str, scores: list[Score]) -> Score:
    total = Score(name, "total")
    for attribute, _ in COLUMNS:
        values = [getattr(s, attribute) for s in scores]
        if isinstance(values[0], int):
            setattr(total, attribute, sum(values))
        else:
            setattr(total, attribute, (sum(v[0] for v in values), sum(v[1] for v in values)))
    return total


def table(scores: list[Score]) -> str:
    header = "| article | set | " + " | ".join(title for _, title in COLUMNS) + " |"
    lines = [header, "|" + "---|" * (len(COLUMNS) + 2)]
    rows = list(scores)
    gold_scores = [s for s in scores if s.group != "seed"]
    for group in ("dev", "tuning", "held-out"):
        members = [s for s in gold_scores if s.group == group]
        if members:
            rows.append(_total(f"**total {group}**", members))
    if gold_scores:
        rows.append(_total("**total, all gold articles**", gold_scores))
    for score in rows:
        cells = [_cell(getattr(score, attribute)) for attribute, _ in COLUMNS]
        lines.append(f"| {score.name} | {score.group} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _print_targets(name: str, total: Score) -> None:
    print(f"\ntargets on {name}:")
    for attribute, target in TARGETS.items():
        right, out_of = getattr(total, attribute)
        ratio = right / out_of if out_of else 1.0
        print(f"  {attribute:18} {ratio:6.1%}  target {target:.0%}  {_met(ratio >= target)}")
    invented = total.invented_years
    print(f"  invented years     {invented}  target 0  {_met(not invented)}")
    print(f"  tracebacks         {total.traceback}  target 0  {_met(not total.traceback)}")


def _met(met: bool) -> str:
    return "met" if met else "NOT met"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.drafting", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--sets", default="dev,tuning,held-out,seed", help="comma-separated sets")
    parser.add_argument("--misses", action="store_true", help="list what each draft got wrong")
    args = parser.parse_args(argv)
    sets = set(args.sets.split(","))
    scores: list[Score] = []
    with tempfile.TemporaryDirectory() as work:
        for name, group, article, gold in gold_articles(sets):
            scores.append(score_gold(name, group, article, gold, Path(work)))
        if "seed" in sets:
            scores.append(score_seed(Path(work)))
    print(table(scores))
    seed = next((s for s in scores if s.group == "seed"), None)
    if seed is not None:
        print(
            f"\nseed vs bundled briefing: events {_cell(seed.events)}, outcomes "
            f"{_cell(seed.outcomes)}, statements {_cell(seed.statements)}, relations "
            f"{_cell(seed.relations)}, aliases {_cell(seed.aliases)}"
        )
    gold_scores = [s for s in scores if s.group != "seed"]
    held_out = [s for s in gold_scores if s.group == "held-out"]
    for name, members in (("all gold articles", gold_scores), ("the held-out articles", held_out)):
        if members:
            _print_targets(name, _total(name, members))
    if args.misses:
        for score in scores:
            if score.misses:
                print(f"\n{score.name}:")
                for miss in score.misses:
                    print(f"  - {miss}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
