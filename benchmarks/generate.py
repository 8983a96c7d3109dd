"""Realistic synthetic archives: briefings in the format the loader accepts, with the
source texts their quotes come from.

    python -m benchmarks.generate --count 1000 --out /tmp/archive [--seed 1] [--jobs 2]

writes OUT/briefings/NNNNNN-<id>.yaml and OUT/sources/NNNNNN-<id>.txt. Every briefing
is drawn from its own random generator seeded by (seed, index), so the output is the
same on every run and machine, and the first 1,000 briefings of a 10,000-briefing
archive are the 1,000-briefing archive.

What a briefing holds, roughly like a real one:
- 10 to 100 counterparts, skewed low (10 + 90·u², mean 40: most visits meet a few
  dozen people, a few meet a hundred), 10 to 20 events, 5 to 25 organizations and 3
  to 12 themes, with references between them;
- names that mix Western names with diacritics (Diplé, Müller, Łukasz, Ørsted, Dvořák)
  and pinyin names (Zhang Weiming), some by surname only; aliases as sources spell
  them (Mueller, Weiming Zhang, Zhang Wei-ming, Lemingham for Le Mingham); Chinese
  characters as the original script of some pinyin names;
- quotes that really are in the source text (some wrapped differently there), titles,
  dates as precise as stated, statements, outcomes, `inferred` reasons, and, in about
  one briefing in five, YAML anchors for a passage several themes share.

The word lists are in benchmarks/words.py, the YAML writer in benchmarks/yaml_writer.py.
"""

from __future__ import annotations

import argparse
import calendar
import os
import random
import re
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.words import (
    CHINESE_CITIES,
    CLAUSES,
    COUNTERPART_TITLES,
    EVENT_VERBS,
    HOSTS,
    INDUSTRIES,
    LEADER_TITLES,
    MONTHS,
    PINYIN_GIVEN,
    PINYIN_GIVEN_KEYS,
    PINYIN_SURNAME_KEYS,
    PINYIN_SURNAMES,
    THEMES,
    WESTERN_GIVEN,
    WESTERN_SURNAMES,
    ascii_spelling,
    slug,
)
from benchmarks.yaml_writer import WRAP, Anchored, to_yaml

DEFAULT_SEED = 1

# --- one briefing -------------------------------------------------------------------


@dataclass(frozen=True)
class Generated:
    index: int
    stem: str
    data: dict[str, Any]
    source: str


class _Source:
    """The source text, built sentence by sentence; each sentence can be quoted."""

    def __init__(self, title: str) -> None:
        self.title = title
        self.paragraphs: list[list[str]] = []

    def paragraph(self) -> None:
        self.paragraphs.append([])

    def say(self, sentence: str) -> str:
        self.paragraphs[-1].append(sentence)
        return sentence

    def text(self, rng: random.Random) -> str:
        wrap = rng.random() < 0.5
        parts = [self.title, ""]
        for sentences in self.paragraphs:
            if not sentences:
                continue
            body = " ".join(sentences)
            if wrap:
                body = "\n  ".join(m.group(0).rstrip(" ") for m in WRAP.finditer(body))
            parts.append("  " + body)
            parts.append("")
        return "\n".join(parts)


def _pinyin_person(rng: random.Random) -> tuple[str, str, str, str]:
    """(surname, given, full name, original script)."""
    surname = rng.choice(PINYIN_SURNAME_KEYS)
    syllables = [rng.choice(PINYIN_GIVEN_KEYS) for _ in range(1 if rng.random() < 0.3 else 2)]
    given = "".join(syllables).capitalize()
    script = PINYIN_SURNAMES[surname] + "".join(PINYIN_GIVEN[s] for s in syllables)
    return surname, given, f"{surname} {given}", script


def _unique(base: str, used: set[str]) -> str:
    candidate, n = base, 2
    while candidate in used:
        candidate = f"{base[:56]}-{n}"
        n += 1
    used.add(candidate)
    return candidate


def _quote(rng: random.Random, sentence: str) -> str:
    """A whole sentence or, now and then, a fragment of it (still verbatim)."""
    words = sentence.rstrip(".").split(" ")
    if len(words) > 8 and rng.random() < 0.3:
        start = rng.randrange(0, len(words) // 3)
        return " ".join(words[start : start + rng.randint(5, len(words) - start)])
    return sentence


def _listed(items: list[str]) -> str:
    return ", ".join(items[:-1]) + " and " + items[-1] if len(items) > 1 else items[0]


def _date(month: int, day: int) -> dict[str, Any]:
    # An event's sentence states its day, not the year: that is the visit's to state.
    return {"as_stated": f"On {MONTHS[month - 1]} {day}", "start": {"month": month, "day": day}}


def generate_briefing(index: int, seed: int = DEFAULT_SEED) -> Generated:
    rng = random.Random(seed * 1_000_003 + index)
    city = rng.choice(CHINESE_CITIES)
    country, host_cities = rng.choice(HOSTS)
    visited = rng.sample(host_cities, k=min(len(host_cities), rng.randint(1, 3)))
    _, _, leader, _ = _pinyin_person(rng)
    leader_title = rng.choice(LEADER_TITLES)
    year = rng.randint(2014, 2026) if rng.random() < 0.3 else None
    month, day = rng.randint(1, 12), rng.randint(1, 25)
    days = rng.randint(2, 5)
    # The visit ends within its month: February of a stated year may have 28 days (a
    # year left unstated may be a leap year).
    day = min(day, calendar.monthrange(year or 2024, month)[1] - days + 1)
    title = f"{leader} Leads {city} Delegation on a Visit to {country}"
    bid = f"{slug(city)}-{slug(country)}-visit-{index:06d}"
    source = _Source(title)
    source.paragraph()
    fmt_vars = {"city": city}

    # A year only where the article states one: the check refuses any other.
    stated_year = f", {year}" if year else ""
    stated_dates = f"From {MONTHS[month - 1]} {day} to {day + days - 1}{stated_year}, local time"
    intro = source.say(
        f"{stated_dates}, {leader_title} {leader} led a {city} delegation to visit {country}."
    )
    places_sentence = source.say(f"The delegation travelled to {_listed(visited)}.")
    dates: dict[str, Any] = {"as_stated": stated_dates}
    if year:
        dates["year"] = year
    dates["start"] = {"month": month, "day": day}
    dates["end"] = {"month": month, "day": day + days - 1}

    # Organizations.
    used_ids: set[str] = set()
    organizations: list[dict[str, Any]] = []
    source.paragraph()
    for _ in range(rng.randint(5, 25)):
        kind = rng.choice(
            (
                "company",
                "company",
                "company",
                "bank",
                "insurer",
                "government",
                "diplomatic-mission",
                "association",
                "university",
                "research",
                "other",
            )
        )
        surname = rng.choice(WESTERN_SURNAMES)
        place = rng.choice(host_cities)
        sector, word = rng.choice(INDUSTRIES)
        name = {
            "company": f"{surname} {word} Group",
            "bank": f"Banque {surname}" if rng.random() < 0.5 else f"{place} Commercial Bank",
            "insurer": f"{surname} Assurances",
            "government": f"{place} Municipal Bureau of Commerce",
            "diplomatic-mission": rng.choice(
                (f"Chinese Embassy in {country}", f"Consulate General in {place}")
            ),
            "association": f"{place} Region SME Union",
            "university": rng.choice(
                (f"University of {place}", f"{place} University of Technology")
            ),
            "research": f"{surname} Institute for {sector.capitalize()}",
            "other": f"{surname} Foundation",
        }[kind]
        if any(o["name"] == name for o in organizations):
            continue
        oid = _unique(slug(name), used_ids)
        org: dict[str, Any] = {"id": oid, "name": name}
        sentence = source.say(
            rng.choice(
                (
                    f"The delegation visited {name}.",
                    f"Representatives of {name} attended the exchanges.",
                    f"{leader} held talks with the leadership of {name}.",
                )
            )
        )
        quotes = [_quote(rng, sentence)]
        words = name.split()
        if len(words) >= 3 and rng.random() < 0.25:
            initials = "".join(w[0] for w in words if w[0].isupper())
            if len(initials) >= 2:
                org["aliases"] = [initials]
                quotes.append(source.say(f"{name} ({initials}) has long been active in {city}."))
        org["kind"] = kind
        if kind in ("company", "research") and rng.random() < 0.7:
            org["sector"] = sector
            if rng.random() < 0.5:
                org["inferred"] = {"sector": f"Taken from its name ({word})."}
        if kind == "diplomatic-mission" and "Embassy" in name:
            org["country"] = "China"
            org["inferred"] = {"country": 'The source calls it the "Chinese" Embassy.'}
        org["quotes"] = quotes
        organizations.append(org)
    for org in organizations:
        if len(organizations) > 1 and rng.random() < 0.15:
            other = rng.choice([o for o in organizations if o is not org])
            sentence = source.say(
                f"{org['name']} is an important strategic partner of {other['name']}."
            )
            org["relations"] = [
                {"kind": "strategic partner of", "target": other["id"], "quotes": [sentence]}
            ]

    # Themes: in one briefing in five, several share one passage through an anchor.
    themes: list[dict[str, Any]] = []
    source.paragraph()
    names = rng.sample(THEMES, k=rng.randint(3, 12))
    shared = rng.random() < 0.2 and len(names) >= 4
    if shared:
        listed = names[:3]
        passage = source.say(
            f"We hope to focus on key areas such as {listed[0].lower()}, {listed[1].lower()} "
            f"and {listed[2].lower()}, to further explore the potential for cooperation."
        )
        anchored = Anchored("key-areas", passage)
    for position, theme in enumerate(names):
        tid = _unique(slug(theme), used_ids)
        entry: dict[str, Any] = {"id": tid, "name": theme}
        if shared and position < 3:
            entry["quotes"] = [anchored]
        else:
            sentence = source.say(
                f"Both sides agreed to deepen cooperation in {theme.lower()} between {city} "
                f"and {country}."
            )
            entry["quotes"] = [sentence]
            if rng.random() < 0.3:
                entry["description"] = f"Cooperation in {theme.lower()} with partners in {country}."
        themes.append(entry)
    fmt_vars["theme"] = themes[0]["name"].lower()

    # Counterparts.
    counterparts: list[dict[str, Any]] = []
    source.paragraph()
    for _ in range(10 + int(90 * rng.random() ** 2)):
        entry = {}
        aliases: list[str] = []
        honorific = rng.choice(("Mr.", "Ms.", "Dr."))
        if rng.random() < 0.45:
            surname, given, name, script = _pinyin_person(rng)
            roll = rng.random()
            if roll < 0.25:
                aliases.append(f"{given} {surname}")
            elif roll < 0.35:
                syllables = re.findall(r"[^aeiouü]*[aeiouü]+(?:ng|n|r)?", given.lower())
                if len(syllables) == 2:
                    aliases.append(f"{surname} {syllables[0].capitalize()}-{syllables[1]}")
            original = script if rng.random() < 0.3 else None
        else:
            surname = rng.choice(WESTERN_SURNAMES)
            name = surname if rng.random() < 0.15 else f"{rng.choice(WESTERN_GIVEN)} {surname}"
            roll = rng.random()
            plain = ascii_spelling(name, german=rng.random() < 0.5)
            if plain != name and roll < 0.35:
                aliases.append(plain)
            elif " " in surname and roll < 0.6:
                aliases.append(name.replace(surname, surname.replace(" ", "").capitalize()))
            original = None
        cid = _unique(slug(name), used_ids)
        org = rng.choice(organizations) if organizations and rng.random() < 0.85 else None
        title_ = rng.choice(COUNTERPART_TITLES)
        if org is not None:
            sentence = source.say(
                rng.choice(
                    (
                        f"{leader} met the {title_.lower()} of {org['name']}, {honorific} {name}.",
                        f"{org['name']}'s {title_} {name} attended the meeting.",
                        f"{honorific} {name}, {title_} of {org['name']}, welcomed the delegation.",
                    )
                )
            )
        else:
            sentence = source.say(f"{leader} also met {title_} {name}.")
        quotes = [_quote(rng, sentence)] if org is None else [sentence]
        entry = {"id": cid, "name": name}
        if aliases:
            entry["aliases"] = aliases
            quotes.append(
                source.say(
                    f"{honorific} {aliases[0]} said that {rng.choice(CLAUSES).format(**fmt_vars)}."
                )
            )
            entry["inferred"] = {
                "aliases": (
                    f'"{honorific} {aliases[0]}" speaks in the same meeting in which '
                    f'"{name}" is introduced; taken to be one person, spelt two ways.'
                )
            }
        entry["title"] = title_
        if org is not None:
            entry["organization"] = org["id"]
        if original:
            entry["original_script"] = original
            quotes.append(source.say(f"{name} ({original}) also joined the talks."))
        entry["quotes"] = quotes
        counterparts.append(entry)

    # Members of the delegation.
    members = []
    source.paragraph()
    for _ in range(rng.randint(0, 4)):
        _, _, member, _ = _pinyin_person(rng)
        sentence = source.say(f"{member}, a member of the delegation, accompanied the visit.")
        members.append({"name": member, "quotes": [_quote(rng, sentence)]})

    # Events.
    itinerary: list[dict[str, Any]] = []
    for _ in range(rng.randint(10, 20)):
        source.paragraph()
        kind = rng.choice(("conference", "symposium", "meeting", "visit", "signing", "other"))
        org = rng.choice(organizations)
        theme = rng.choice(themes)
        person = rng.choice(counterparts)
        place = rng.choice(visited)
        event_title = {
            "conference": f"{city}-{country}-{place} {theme['name']} Cooperation Conference",
            "symposium": f"Symposium on {theme['name'].lower()} with {org['name']}",
            "meeting": f"Meeting with {person['name']} of {org['name']}",
            "visit": f"Visit to {org['name']}",
            "signing": f"Signing ceremony on {theme['name'].lower()}",
            "other": f"Dinner hosted by {org['name']}",
        }[kind]
        eid = _unique(slug(event_title), used_ids)
        event: dict[str, Any] = {"id": eid, "title": event_title}
        has_date = rng.random() < 0.7
        event_day = rng.randint(day, day + days - 1)
        when = f"On {MONTHS[month - 1]} {event_day}, " if has_date else ""
        verb = rng.choice(EVENT_VERBS)
        sentence = source.say(f"{when}{leader} {verb} the {event_title} in {place}.")
        event["kind"] = kind
        if rng.random() < 0.7:
            event["place"] = place
        if has_date:
            event["date"] = _date(month, event_day)
        event["quotes"] = [_quote(rng, sentence)]
        people = rng.sample(counterparts, k=rng.randint(0, min(8, len(counterparts))))
        if kind == "meeting" and person not in people:
            people.append(person)
        if people:
            event["counterparts"] = [p["id"] for p in people]
        met = {p.get("organization") or org["id"] for p in people[:2]}
        event["organizations"] = sorted({org["id"], *met})
        event["themes"] = [theme["id"]]
        statements = []
        for _ in range(rng.randint(0, 3)):
            speaker = rng.choice(people)["name"] if people and rng.random() < 0.6 else leader
            clause = rng.choice(CLAUSES).format(**fmt_vars)
            said = source.say(f"{speaker} said that {clause}.")
            statements.append(
                {
                    "speaker": speaker,
                    "text": clause[0].upper() + clause[1:] + ".",
                    "quotes": [_quote(rng, said)],
                }
            )
        if statements:
            event["statements"] = statements
        if kind in ("signing", "conference") or rng.random() < 0.2:
            count = rng.randint(2, 12)
            outcome = source.say(
                f"{count} cooperation agreements on {theme['name'].lower()} were signed "
                "on the spot."
            )
            event["outcomes"] = [
                {
                    "text": f"{count} agreements on {theme['name'].lower()} were signed.",
                    "quotes": [outcome],
                }
            ]
        itinerary.append(event)

    stem = f"{index:06d}-{bid}"
    data: dict[str, Any] = {
        "format": 1,
        "id": bid,
        "title": title,
        "summary": (
            f"{leader_title} {leader} led a {city} delegation to {country} "
            f"({stated_dates}), meeting {len(counterparts)} counterparts at "
            f"{len(itinerary)} events."
        ),
        "quotes": [title, intro],
        "source": {"title": title, "path": f"../sources/{stem}.txt", "language": "en"},
        "dates": dates,
        "places": [country, *visited],
        "delegation": {
            "name": f"{city} delegation",
            "quotes": [intro],
            "lead": {"name": leader, "title": leader_title, "quotes": [f"{leader_title} {leader}"]},
            "members": members,
        },
        "organizations": organizations,
        "counterparts": counterparts,
        "themes": themes,
        "itinerary": itinerary,
    }
    data["quotes"].append(places_sentence)
    return Generated(index, stem, data, source.text(rng))


# --- writing an archive -------------------------------------------------------------


def _write_range(out: str, start: int, stop: int, seed: int) -> int:
    root = Path(out)
    for index in range(start, stop):
        generated = generate_briefing(index, seed)
        (root / "sources" / f"{generated.stem}.txt").write_text(generated.source, "utf-8")
        (root / "briefings" / f"{generated.stem}.yaml").write_text(to_yaml(generated.data), "utf-8")
    return stop - start


def write_archive(out: Path, count: int, seed: int = DEFAULT_SEED, jobs: int = 1) -> Path:
    """Write `count` briefings under out/briefings and their sources under out/sources."""
    (out / "briefings").mkdir(parents=True, exist_ok=True)
    (out / "sources").mkdir(parents=True, exist_ok=True)
    chunk = 250
    ranges = [(start, min(start + chunk, count)) for start in range(0, count, chunk)]
    if jobs <= 1 or len(ranges) <= 1:
        for start, stop in ranges:
            _write_range(str(out), start, stop, seed)
    else:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            futures = [pool.submit(_write_range, str(out), a, b, seed) for a, b in ranges]
            for future in futures:
                future.result()
    return out / "briefings"


def iter_counterparts(seed: int = DEFAULT_SEED) -> Iterator[tuple[str, dict[str, Any]]]:
    """(briefing id, counterpart) for briefing after briefing, without writing files."""
    index = 0
    while True:
        generated = generate_briefing(index, seed)
        for counterpart in generated.data["counterparts"]:
            yield generated.data["id"], counterpart
        index += 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.generate", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--count", type=int, required=True, help="how many briefings")
    parser.add_argument("--out", type=Path, required=True, help="folder to write into")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument(
        "--jobs", type=int, default=os.cpu_count() or 1, help="processes (default: all cores)"
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    folder = write_archive(args.out, args.count, args.seed, args.jobs)
    elapsed = time.perf_counter() - started
    print(f"{args.count} briefings in {folder} ({elapsed:.1f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
