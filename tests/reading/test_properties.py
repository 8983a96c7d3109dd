"""Property tests: the loader survives any file, exports load back, search finds people.

Budgets: the "ci" profile (the default) runs 60 examples per test with a deadline per
example; `HYPOTHESIS_PROFILE=long` runs 2,000 and reports statistics, for a longer
hunt on demand:

    HYPOTHESIS_PROFILE=long .venv/bin/python -m pytest tests/reading/test_properties.py

Every example also runs under a wall-clock alarm (`HANG_SECONDS`), so a loader that
loops forever fails the test instead of hanging the run.
"""

from __future__ import annotations

import contextlib
import copy
import json
import os
import shutil
import signal
import tempfile
import unicodedata
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, note, settings
from hypothesis import strategies as st

from tui.format.model import Briefing, Counterpart
from tui.index.archive import Archive, Kind, Ref
from tui.index.names import fold
from tui.present.export import to_json, to_yaml
from tui.reading.loader import BriefingError, LoadedBriefing, load_briefing, load_paths

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = ROOT / "briefings" / "nanjing-france-study-visit.yaml"
BUNDLED_SOURCE = ROOT / "seeds" / "000_a8ebd945cfdb3d44.txt"
BUNDLED_TEXT = BUNDLED.read_text(encoding="utf-8")
BUNDLED_DATA: dict[str, Any] = yaml.safe_load(BUNDLED_TEXT)

settings.register_profile(
    "ci",
    max_examples=60,
    deadline=timedelta(seconds=2),
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=False,
)
settings.register_profile(
    "long",
    max_examples=2000,
    deadline=timedelta(seconds=5),
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

HANG_SECONDS = 10


class Hang(Exception):
    pass


@contextlib.contextmanager
def no_hang(seconds: float = HANG_SECONDS) -> Iterator[None]:
    """Fail with Hang instead of blocking forever (main thread, POSIX only)."""
    if not hasattr(signal, "setitimer"):
        yield
        return

    def alarm(signum: int, frame: object) -> None:
        raise Hang(f"the loader did not return within {seconds} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextlib.contextmanager
def layout() -> Iterator[Path]:
    """A fresh tmp/briefings folder next to tmp/seeds/<the bundled source>; the folder.

    Hypothesis runs many examples per test, so each gets its own folder rather than
    sharing pytest's function-scoped tmp_path.
    """
    with tempfile.TemporaryDirectory(prefix="briefing-prop-") as tmp:
        root = Path(tmp)
        (root / "briefings").mkdir()
        (root / "seeds").mkdir()
        shutil.copy(BUNDLED_SOURCE, root / "seeds" / BUNDLED_SOURCE.name)
        yield root / "briefings"


def load_or_error(path: Path) -> LoadedBriefing | None:
    """Load the file; on failure check that the error is the loader's own and located."""
    text_lines = _line_count(path)
    with no_hang():
        try:
            loaded = load_briefing(path)
        except BriefingError as error:
            assert error.problems, "a BriefingError with no problems"
            for problem in error.problems:
                assert problem.path == path, problem
                assert problem.message, problem
                # The file exists and is read: every problem is somewhere inside it.
                assert problem.line is not None, f"no line: {problem}"
                assert 1 <= problem.line <= text_lines + 1, f"line out of range: {problem}"
                assert problem.column is None or problem.column >= 1, problem
            return None
    # Loaded: a valid briefing (the model validated it, the checks passed).
    assert isinstance(loaded.briefing, Briefing)
    assert loaded.path == path
    return loaded


def _line_count(path: Path) -> int:
    raw = path.read_bytes()
    return raw.count(b"\n") + 1


# --- Any YAML document ---------------------------------------------------------------

scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=-(10**60), max_value=10**60)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=30)
    | st.sampled_from(["", "1", "yes", "null", "~", "2024-02-30", "0x1F", "[", "&a", "*a"])
    | st.dates()
)
keys = st.text(max_size=12) | st.sampled_from(sorted(BUNDLED_DATA)) | st.integers(-3, 3)


def nested(leaves: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.recursive(
        leaves,
        lambda children: (
            st.lists(children, max_size=4) | st.dictionaries(keys, children, max_size=5)
        ),
        max_leaves=25,
    )


documents = nested(scalars)


def dump(data: Any, style: str) -> str:
    if style == "flow":
        return yaml.safe_dump(data, default_flow_style=True, allow_unicode=True)
    if style == "ascii":
        return yaml.safe_dump(data, allow_unicode=False, sort_keys=False)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


styles = st.sampled_from(["block", "flow", "ascii"])


@given(document=documents, style=styles)
def test_any_yaml_document_loads_or_fails_with_located_problems(document: Any, style: str):
    text = dump(document, style)
    note(text)
    with layout() as folder:
        path = folder / "any.yaml"
        path.write_text(text, encoding="utf-8")
        load_or_error(path)


# Mutations of the bundled briefing: a realistic document, broken in one or a few places.


def _containers(data: Any, here: tuple = ()) -> Iterator[tuple[tuple, Any]]:
    if isinstance(data, dict | list):
        yield here, data
        items = data.items() if isinstance(data, dict) else enumerate(data)
        for key, value in items:
            yield from _containers(value, (*here, key))


def _at(data: Any, path: tuple) -> Any:
    for step in path:
        data = data[step]
    return data


@st.composite
def mutated_bundled(draw: st.DrawFn) -> Any:
    data = copy.deepcopy(BUNDLED_DATA)
    for _ in range(draw(st.integers(1, 3))):
        containers = [path for path, _ in _containers(data)]
        target = _at(data, draw(st.sampled_from(containers)))
        if not target:
            continue
        if isinstance(target, dict):
            key = draw(st.sampled_from(list(target)))
        else:
            key = draw(st.integers(0, len(target) - 1))
        action = draw(st.sampled_from(["drop", "rename", "retype", "duplicate", "swap"]))
        note(f"{action} {key!r}")
        if action == "drop":
            del target[key]
        elif action == "rename" and isinstance(target, dict):
            plurals = [k + "s" for k in target if isinstance(k, str)]
            new = draw(keys | st.sampled_from(plurals)) if plurals else draw(keys)
            target[new] = target.pop(key)
        elif action == "retype":
            target[key] = draw(scalars | st.lists(scalars, max_size=2) | nested(scalars))
        elif action == "duplicate" and isinstance(target, list):
            target.append(copy.deepcopy(target[key]))
        elif action == "swap" and isinstance(target, dict) and len(target) > 1:
            other = draw(st.sampled_from(list(target)))
            target[key], target[other] = target[other], target[key]
    return data


@given(document=mutated_bundled(), style=styles)
def test_mutated_bundled_briefing_loads_or_fails_with_located_problems(document, style):
    text = dump(document, style)
    with layout() as folder:
        path = folder / "mutated.yaml"
        path.write_text(text, encoding="utf-8")
        load_or_error(path)


# --- Any bytes -----------------------------------------------------------------------

BUNDLED_BYTES = BUNDLED.read_bytes()


@st.composite
def damaged_bundled_bytes(draw: st.DrawFn) -> bytes:
    """The bundled file truncated (a half-written save), spliced or sprinkled with bytes."""
    raw = BUNDLED_BYTES
    cut = draw(st.integers(0, len(raw)))
    kind = draw(st.sampled_from(["truncate", "insert", "overwrite"]))
    if kind == "truncate":
        return raw[:cut]
    junk = draw(
        st.binary(min_size=1, max_size=8)
        | st.sampled_from([b"\t", b"\x00", b"\xff", b"\xef\xbb\xbf", b"\r", b"\x1b]52;", b": ["])
    )
    if kind == "insert":
        return raw[:cut] + junk + raw[cut:]
    return raw[:cut] + junk + raw[cut + len(junk) :]


@given(raw=st.binary(max_size=400) | damaged_bundled_bytes())
def test_any_bytes_load_or_fail_with_located_problems(raw: bytes):
    with layout() as folder:
        path = folder / "bytes.yaml"
        path.write_bytes(raw)
        load_or_error(path)


def test_the_bundled_briefing_loads_through_the_property_helper():
    """The helper accepts a valid file (so the properties above can see success too)."""
    with layout() as folder:
        path = folder / BUNDLED.name
        shutil.copy(BUNDLED, path)
        assert load_or_error(path) is not None


# --- Round trip ----------------------------------------------------------------------


def _bundled_loaded(folder: Path) -> LoadedBriefing:
    path = folder / BUNDLED.name
    shutil.copy(BUNDLED, path)
    return load_briefing(path)


def _only_element(exported: str) -> str:
    """The one object of to_json's list, as to_json wrote it (not re-encoded)."""
    text = exported.strip()
    assert text.startswith("[") and text.endswith("]")
    return text[1:-1].strip()


def test_bundled_briefing_round_trips_through_json_and_yaml():
    with layout() as folder:
        original = _bundled_loaded(folder)
        archive = Archive([original])
        exported = json.loads(to_json(archive))
        assert len(exported) == 1
        # Written next to the original, so the relative source path still resolves.
        as_json = folder / "round-trip-json.yaml"
        as_json.write_text(_only_element(to_json(archive)), encoding="utf-8")
        as_yaml = folder / "round-trip.yaml"
        as_yaml.write_text(to_yaml(archive), encoding="utf-8")
        for path in (as_json, as_yaml):
            again = load_briefing(path)
            assert again.briefing == original.briefing, path.name


# Valid briefings with arbitrary text: the minimal layout with free-text fields replaced.

ROUND_TRIP_SOURCE = "Ada Lovelace met Wang Wei at Acme Bank and they talked about trade.\n"


def _round_trip_base() -> dict[str, Any]:
    return {
        "format": 1,
        "id": "round-trip",
        "title": "T",
        "summary": "S",
        "quotes": ["Ada Lovelace met Wang Wei"],
        "source": {"title": "Src", "path": "../seeds/round-trip.txt"},
        "dates": {"as_stated": "once"},
        "places": [],
        "delegation": {
            "name": "D",
            "quotes": ["Ada Lovelace"],
            "lead": {"name": "Ada", "quotes": ["Ada Lovelace"]},
        },
        "organizations": [{"id": "acme", "name": "Acme", "quotes": ["Acme Bank"]}],
        "counterparts": [
            {"id": "wang-wei", "name": "W", "organization": "acme", "quotes": ["Wang Wei"]}
        ],
        "themes": [{"id": "trade", "name": "Trade", "quotes": ["talked about trade"]}],
        "itinerary": [
            {
                "id": "meeting",
                "title": "M",
                "kind": "meeting",
                "counterparts": ["wang-wei"],
                "quotes": ["met Wang Wei at Acme Bank"],
            }
        ],
    }


# Any text a model accepts (non-empty once stripped), including control characters,
# line breaks of every kind, markup and escape sequences. Lone surrogates are left out:
# the YAML reader refuses a "\ud800" escape, so no loaded briefing holds one.
free_text = st.text(
    st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=40
).filter(lambda text: text.strip() != "") | st.sampled_from(
    [
        "[bold]x",
        "\x1b]52;c;aGk=\x07",
        "a\u2028b",
        "x\x85y",
        "\ufeffz",
        "\x7f",
        "é\u0301",
        " a ",
    ]
)

TEXT_FIELDS = [
    ("title",),
    ("summary",),
    ("source", "title"),
    ("dates", "as_stated"),
    ("delegation", "name"),
    ("delegation", "lead", "name"),
    ("organizations", 0, "name"),
    ("counterparts", 0, "name"),
    ("counterparts", 0, "title"),
    ("themes", 0, "name"),
    ("itinerary", 0, "title"),
    ("itinerary", 0, "place"),
]


@st.composite
def valid_documents(draw: st.DrawFn) -> dict[str, Any]:
    data = _round_trip_base()
    for field in draw(st.lists(st.sampled_from(TEXT_FIELDS), min_size=1, max_size=6)):
        *parent, last = field
        _at(data, tuple(parent))[last] = draw(free_text)
    data["places"] = draw(st.lists(free_text, max_size=2))
    data["counterparts"][0]["aliases"] = draw(st.lists(free_text, max_size=2))
    return data


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(document=valid_documents())
def test_valid_briefings_round_trip_through_json_and_yaml(document: dict[str, Any]):
    with layout() as folder:
        # A date's words must be in the source, whatever they are.
        source = ROUND_TRIP_SOURCE + document["dates"]["as_stated"] + "\n"
        (folder.parent / "seeds" / "round-trip.txt").write_text(source, "utf-8")
        path = folder / "original.yaml"
        path.write_text(yaml.safe_dump(document, allow_unicode=False), encoding="utf-8")
        original = load_briefing(path)
        archive = Archive([original])
        exported = json.loads(to_json(archive))
        assert len(exported) == 1
        as_json = folder / "again-json.yaml"
        as_json.write_text(_only_element(to_json(archive)), encoding="utf-8")
        as_yaml = folder / "again.yaml"
        as_yaml.write_text(to_yaml(archive), encoding="utf-8")
        for again in (as_json, as_yaml):
            note(again.read_text(encoding="utf-8"))
            assert load_briefing(again).briefing == original.briefing, again.name


# --- Search --------------------------------------------------------------------------

# Small pools in the spirit of benchmarks/generate.py: Western names with diacritics
# and pinyin names, some by surname only.
WESTERN_GIVEN = ("Łukasz", "Zoë", "Søren", "Björn", "José", "François", "Hélène", "Jürgen",
                 "Þóra", "Małgorzata", "Jiří", "Çağla", "Íñigo", "Anaïs", "Jean-Luc", "Seán",
                 "Anne", "Thomas", "Ștefan", "Dušan")  # fmt: skip
WESTERN_SURNAMES = ("Diplé", "Müller", "Ørsted", "Dvořák", "Nováková", "Wiśniewski", "Peña",
                    "Schröder", "Groß", "Håkansson", "Guðmundsson", "Lefèvre", "Lemaître",
                    "Van der Berg", "O'Brien", "Szabó", "Đorđević", "Yılmaz", "Le Mingham",
                    "Mäkinen")  # fmt: skip
PINYIN_SURNAMES = ("Wang", "Li", "Zhang", "Chen", "Zhao", "Xu", "Lü", "Ouyang", "Sima", "Guo",
                   "Zheng", "Xiao", "Qian")  # fmt: skip
PINYIN_GIVEN = ("wei", "ming", "hua", "jian", "li", "zhi", "chang", "xiao", "yun", "lü",
                "qiang", "rui", "de", "an")  # fmt: skip


@st.composite
def person_names(draw: st.DrawFn) -> str:
    if draw(st.booleans()):
        given_name = draw(st.sampled_from(WESTERN_GIVEN))
        surname = draw(st.sampled_from(WESTERN_SURNAMES))
        return surname if draw(st.integers(0, 5)) == 0 else f"{given_name} {surname}"
    surname = draw(st.sampled_from(PINYIN_SURNAMES))
    parts = draw(st.lists(st.sampled_from(PINYIN_GIVEN), min_size=1, max_size=2))
    given_name = "".join(parts).capitalize()
    return surname if draw(st.integers(0, 5)) == 0 else f"{surname} {given_name}"


def _archive_of(names: list[str]) -> Archive:
    """One briefing per ten names (several briefings, as in a real archive)."""
    briefings = []
    for number, start in enumerate(range(0, len(names), 10)):
        counterparts = [
            Counterpart(id=f"p{start + index}", name=name, quotes=["q"])
            for index, name in enumerate(names[start : start + 10])
        ]
        data = _round_trip_base()
        data.update(id=f"b{number}", organizations=[], themes=[], itinerary=[])
        data["counterparts"] = [c.model_dump() for c in counterparts]
        briefing = Briefing.model_validate(data)
        briefings.append(
            LoadedBriefing(briefing, Path(f"b{number}.yaml"), None, Path("source.txt"))
        )
    return Archive(briefings)


# Top 10: archives hold many people who share a surname or a given name (the generated
# pools repeat on purpose), and a one-letter typo in "Li Wei" also matches "Li Weili"
# or "Wei Li". Ten is what fits on the search screen without scrolling, so "in the
# top 10" means "visible as soon as the user has typed it".
TOP = 10


def _rank(archive: Archive, query: str, ref: Ref) -> int | None:
    matches = archive.search_names(query, limit=TOP)
    keys = [match.ref for match in matches]
    return keys.index(ref) if ref in keys else None


@st.composite
def archives_and_person(draw: st.DrawFn) -> tuple[list[str], int]:
    names = draw(st.lists(person_names(), min_size=1, max_size=60))
    return names, draw(st.integers(0, len(names) - 1))


def _same_fold_count(names: list[str], name: str) -> int:
    return sum(fold(other) == fold(name) for other in names)


@given(case=archives_and_person())
def test_search_finds_a_person_by_exact_and_folded_name(case: tuple[list[str], int]):
    names, index = case
    name = names[index]
    # People who share the exact folded name are indistinguishable by name; the
    # property needs room for all of them in the top results.
    assume(_same_fold_count(names, name) <= TOP)
    archive = _archive_of(names)
    ref = _ref_of(index)
    for query in (name, fold(name), name.upper()):
        assert _rank(archive, query, ref) is not None, (query, names)


@given(case=archives_and_person(), data=st.data())
def test_search_finds_a_person_with_one_character_changed(case, data):
    names, index = case
    name = names[index]
    letters = [i for i, char in enumerate(name) if char.isalpha()]
    assume(len(letters) >= 5)
    assume(_same_fold_count(names, name) <= TOP)
    position = data.draw(st.sampled_from(letters), label="position")
    replacement = data.draw(
        st.characters(categories=["Ll"], max_codepoint=0x17F).filter(
            lambda char: unicodedata.normalize("NFKD", char)[0] != fold(name[position])[:1]
        ),
        label="replacement",
    )
    typo = name[:position] + replacement + name[position + 1 :]
    archive = _archive_of(names)
    ref = _ref_of(index)
    rank = _rank(archive, typo, ref)
    if rank is None:
        # Only acceptable when at least TOP other people match the typo at least as
        # well: they are as close to what was typed as the person meant.
        matches = archive.search_names(typo, limit=TOP)
        assert len(matches) == TOP, (typo, name, [m.matched.text for m in matches])
        pytest.fail(f"{name!r} typed as {typo!r} is not in the top {TOP}: {matches}")


def _ref_of(index: int) -> Ref:
    return Ref(Kind.counterpart, f"b{index // 10}", f"p{index}")


def test_search_strategies_produce_both_kinds_of_names():
    """The name strategy is not degenerate: it draws Western and pinyin names."""
    seen = set()

    @settings(max_examples=100, database=None)
    @given(person_names())
    def collect(name: str) -> None:
        seen.add("pinyin" if name.split()[0] in PINYIN_SURNAMES else "western")

    collect()
    assert seen == {"pinyin", "western"}


def test_load_paths_reports_every_problem_of_a_folder_of_damaged_files():
    """Many damaged files at once: every one is reported, none stops the others."""
    with layout() as folder:
        shutil.copy(BUNDLED, folder / "good.yaml")
        (folder / "truncated.yaml").write_bytes(BUNDLED_BYTES[: len(BUNDLED_BYTES) // 2])
        (folder / "binary.yaml").write_bytes(b"\x00\xff\xfe")
        (folder / "list.yaml").write_text("- a\n- b\n", encoding="utf-8")
        result = load_paths([folder])
        assert [loaded.path.name for loaded in result.briefings] == ["good.yaml"]
        bad = {problem.path.name for problem in result.problems}
        assert bad == {"truncated.yaml", "binary.yaml", "list.yaml"}
        assert all(problem.line is not None for problem in result.problems)
