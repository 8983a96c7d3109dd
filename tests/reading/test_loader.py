"""Loading briefing files: every bad input becomes a BriefingError whose problems name
the file, the line and column, and the field; nothing else ever escapes."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest
from conftest import MINIMAL_YAML, WriteBriefing, position
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tui.reading.safe_yaml
from tui.reading.loader import (
    BriefingError,
    LoadedBriefing,
    Problem,
    ProblemKind,
    load_briefing,
    load_paths,
)


def problems_of(path: Path) -> list[Problem]:
    """The problems of a file that must not load (any other exception fails the test)."""
    with pytest.raises(BriefingError) as caught:
        load_briefing(path)
    assert caught.value.problems, "a BriefingError without problems"
    assert str(caught.value) == "\n".join(str(problem) for problem in caught.value.problems)
    return caught.value.problems


def the_problem(path: Path) -> Problem:
    problems = problems_of(path)
    assert len(problems) == 1, "\n".join(map(str, problems))
    return problems[0]


def assert_at(problem: Problem, path: Path, where: tuple[int, int], *words: str) -> None:
    """The problem is in `path` at (line, column) and its message contains `words`."""
    line, column = where
    assert (problem.path, problem.line, problem.column) == (path, line, column), str(problem)
    for word in words:
        assert word in problem.message, f"{word!r} not in {problem.message!r}"
    assert str(problem) == f"{path}:{line}:{column}: {problem.message}"


def edit(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"{old!r} is not in the text exactly once"
    return text.replace(old, new)


# --- what loads --------------------------------------------------------------------


def test_the_minimal_briefing_loads(write_briefing: WriteBriefing) -> None:
    path = write_briefing()
    loaded = load_briefing(path)
    assert isinstance(loaded, LoadedBriefing)
    assert loaded.path == path
    assert loaded.briefing.id == "minimal"
    assert loaded.source is not None and "Wang Wei" in loaded.source.text
    assert loaded.id_line == position(MINIMAL_YAML, "id: minimal")[0]


def test_a_copy_of_the_bundled_briefing_loads(bundled_copy: Path) -> None:
    loaded = load_briefing(bundled_copy)
    text = bundled_copy.read_text(encoding="utf-8")
    assert loaded.briefing.id == "nanjing-france-study-visit"
    assert loaded.id_line == position(text, "\nid: ")[0] + 1


def test_a_byte_order_mark_is_fine(write_briefing: WriteBriefing) -> None:
    path = write_briefing(b"\xef\xbb\xbf" + MINIMAL_YAML.encode())
    assert load_briefing(path).briefing.title == "A minimal visit"


def test_positions_after_a_byte_order_mark_do_not_count_it(
    write_briefing: WriteBriefing,
) -> None:
    text = edit(MINIMAL_YAML, "format: 1", "formt: 1")
    path = write_briefing(b"\xef\xbb\xbf" + text.encode())
    problems = problems_of(path)
    unknown = [p for p in problems if "unknown field" in p.message]
    assert len(unknown) == 1
    assert_at(unknown[0], path, (1, 1), "'formt'", "did you mean 'format'")


# --- YAML that is broken or is not a briefing ---------------------------------------


def test_a_yaml_syntax_error(write_briefing: WriteBriefing) -> None:
    text = edit(MINIMAL_YAML, "title: A minimal visit", "title: A minimal: visit")
    path = write_briefing(text)
    line, column = position(text, ": visit")
    assert_at(the_problem(path), path, (line, column), "YAML", "mapping values are not allowed")


def test_an_unclosed_quote_points_where_it_opens(write_briefing: WriteBriefing) -> None:
    # The parser only notices at the end of the file, line 3.
    text = 'format: 1\ntitle: "A minimal visit\n'
    path = write_briefing(text)
    where = position(text, '"A minimal')
    assert_at(the_problem(path), path, where, "YAML", "quoted text", "not closed", "line 3")


def test_an_unclosed_quote_that_a_later_quote_closes(write_briefing: WriteBriefing) -> None:
    # The next quoted value's opening quote closes the first: the parser fails on
    # line 8, where that value's text is left over.
    text = edit(MINIMAL_YAML, "title: A minimal visit", 'title: "A minimal visit')
    text = edit(text, "  title: Minimal source", '  title: "Minimal source"')
    path = write_briefing(text)
    problem = the_problem(path)
    assert_at(problem, path, position(text, '"A minimal'), "YAML", "closing quote missing")
    assert f"runs on to line {position(text, 'Minimal source')[0]}" in problem.message


@pytest.mark.parametrize(
    ("opened", "words"),
    [("[Paris, Lyon", ("[ ] list", "not closed")), ("{month: 11, day: 16", ("{ } mapping",))],
)
def test_an_unclosed_bracket_points_where_it_opens(
    write_briefing: WriteBriefing, opened: str, words: tuple[str, ...]
) -> None:
    text = edit(MINIMAL_YAML, "title: A minimal visit", f"title: {opened}")
    path = write_briefing(text)
    assert_at(the_problem(path), path, position(text, opened), "YAML", *words)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", ("the file is empty",)),
        ("\n\n   \n", ("the file is empty",)),
        ("# only a comment\n", ("the file is empty",)),
    ],
    ids=["nothing", "blank lines", "a comment"],
)
def test_an_empty_file(write_briefing: WriteBriefing, text: str, words: tuple[str, ...]) -> None:
    path = write_briefing(text)
    assert_at(the_problem(path), path, (1, 1), *words)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("- format: 1\n- id: x\n", "not a list"),
        ("[1, 2]\n", "not a list"),
        ("just words\n", "not a single value"),
        ("42\n", "not a single value"),
    ],
)
def test_the_top_level_must_be_a_mapping(
    write_briefing: WriteBriefing, text: str, kind: str
) -> None:
    path = write_briefing("# a comment\n" + text)
    assert_at(the_problem(path), path, (2, 1), "top level must be a mapping", kind)


def test_more_than_one_document(write_briefing: WriteBriefing) -> None:
    text = MINIMAL_YAML + "---\nformat: 1\n"
    path = write_briefing(text)
    line, column = position(text, "---")
    assert_at(the_problem(path), path, (line, column), "single document", "another document")


def test_a_duplicate_key(write_briefing: WriteBriefing) -> None:
    text = edit(MINIMAL_YAML, "    name: Wang Wei\n", "    name: Wang Wei\n    name: Wang Wen\n")
    path = write_briefing(text)
    line, column = position(text, "name: Wang Wen")
    assert_at(the_problem(path), path, (line, column), "duplicate key 'name'")


def test_a_duplicate_top_level_key(write_briefing: WriteBriefing) -> None:
    text = MINIMAL_YAML + "title: Another title\n"
    path = write_briefing(text)
    line, column = position(text, "title: Another")
    assert_at(the_problem(path), path, (line, column), "duplicate key 'title'")


def test_non_utf8_bytes_are_reported_where_they_are(write_briefing: WriteBriefing) -> None:
    text = edit(MINIMAL_YAML, "name: Wang Wei", "name: Wäng \udcff Wei")
    raw = text.encode("utf-8", "surrogateescape")  # the lone surrogate becomes byte 0xff
    path = write_briefing(raw)
    # The column counts characters, so "ä" (two bytes) is one column.
    line, column = position(text, "\udcff")
    assert_at(the_problem(path), path, (line, column), "not UTF-8", "0xff")


def test_non_utf8_bytes_after_a_byte_order_mark(write_briefing: WriteBriefing) -> None:
    path = write_briefing(b"\xef\xbb\xbfid: \xfe\n")
    assert_at(the_problem(path), path, (1, 5), "not UTF-8", "0xfe")


def test_a_file_over_the_size_limit(
    write_briefing: WriteBriefing, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_briefing()
    limit = len(MINIMAL_YAML.encode()) - 1
    monkeypatch.setattr(tui.reading.safe_yaml, "MAX_FILE_BYTES", limit)
    assert_at(the_problem(path), path, (1, 1), "larger than the limit", f"{limit:,} bytes")


def test_a_file_at_the_size_limit_loads(
    write_briefing: WriteBriefing, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_briefing()
    monkeypatch.setattr(tui.reading.safe_yaml, "MAX_FILE_BYTES", len(MINIMAL_YAML.encode()))
    assert load_briefing(path).briefing.id == "minimal"


BILLION_LAUGHS = """\
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
"""


def test_an_alias_bomb_fails_fast(write_briefing: WriteBriefing) -> None:
    path = write_briefing(BILLION_LAUGHS)
    started = time.perf_counter()
    problem = the_problem(path)
    assert time.perf_counter() - started < 1
    # The aliased list is the one reported.
    assert_at(problem, path, position(BILLION_LAUGHS, "&a"), "the list anchored here", "alias")


@pytest.mark.parametrize(
    "text",
    ["a: &a [*a]\n", "a: &a {b: *a}\n", "a: &a\n  - x\n  - *a\n"],
    ids=["flow list", "flow mapping", "block list"],
)
def test_a_recursive_alias(write_briefing: WriteBriefing, text: str) -> None:
    path = write_briefing(text)
    # The aliased collection is reported, where its anchor is.
    assert_at(the_problem(path), path, position(text, "&a"), "aliases of lists or mappings")


def test_a_merge_key_bomb_is_refused(write_briefing: WriteBriefing) -> None:
    anchors = ["&m0 {k: 0}"] + [f"&m{i} {{<<: [*m{i - 1}, *m{i - 1}]}}" for i in range(1, 40)]
    text = "hidden: [[[" + ", ".join(anchors) + "]]]\nbomb: {<<: [*m39, *m39]}\n"
    path = write_briefing(text)
    started = time.perf_counter()
    problem = the_problem(path)
    assert time.perf_counter() - started < 1
    assert "merge keys (<<) are not allowed" in problem.message
    assert problem.line in {1, 2}


def test_aliases_of_single_values_are_fine(write_briefing: WriteBriefing) -> None:
    text = edit(MINIMAL_YAML, "- they talked", "- &trade they talked")
    text = edit(text, "- she met Mr. Wang Wei of Acme Bank", "- *trade")
    loaded = load_briefing(write_briefing(text))
    assert loaded.briefing.itinerary[0].quotes == ["they talked about trade"]


@pytest.mark.parametrize(
    "text",
    [
        "a: " + "[" * 5000 + "]" * 5000 + "\n",
        "a: " + "{a: " * 5000 + "1" + "}" * 5000 + "\n",
        "a:\n" + "- " * 5000 + "x\n",
        "".join(" " * depth + "k:\n" for depth in range(1500)),
    ],
    ids=["flow lists", "flow mappings", "block lists", "block mappings"],
)
def test_very_deep_nesting_fails_cleanly(write_briefing: WriteBriefing, text: str) -> None:
    path = write_briefing(text)
    started = time.perf_counter()
    problem = the_problem(path)
    assert time.perf_counter() - started < 2
    assert "nesting depth" in problem.message or "nested too deeply" in problem.message
    assert problem.path == path and problem.line is not None and problem.column is not None


@pytest.mark.parametrize(
    "nested",
    ["[" * 990 + "]" * 990, "{a: " * 990 + "1" + "}" * 990, "\n" + "- " * 990 + "x"],
    ids=["flow lists", "flow mappings", "block lists"],
)
def test_nesting_just_within_the_parser_limit_fails_cleanly(
    write_briefing: WriteBriefing, nested: str
) -> None:
    # The parser accepts this depth; whatever builds the data must not overflow the stack.
    text = edit(MINIMAL_YAML, "title: A minimal visit", f"title: {nested}")
    path = write_briefing(text)
    for problem in problems_of(path):
        assert problem.path == path and problem.line is not None, str(problem)


@pytest.mark.parametrize(
    "tag",
    [
        "!!python/object/apply:os.system",
        "!!python/object/new:os.system",
        "!!python/object:tui.format.model.Briefing",
        "!!python/name:os.system",
        "!!python/module:os",
        "!<tag:yaml.org,2002:python/object/apply:os.system>",
        "!custom",
    ],
)
def test_python_tags_fail_without_running_anything(
    write_briefing: WriteBriefing, tmp_path: Path, tag: str
) -> None:
    marker = tmp_path / "marker"
    text = edit(MINIMAL_YAML, "title: A minimal visit", f'title: {tag} ["touch {marker}"]')
    path = write_briefing(text)
    line, column = position(text, tag)
    assert_at(the_problem(path), path, (line, column), "could not determine a constructor")
    assert not marker.exists()


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("1" + "0" * 5000, ("cannot read", "digits")),
        ("2001-13-45", ("cannot read '2001-13-45'", "month")),
        ("!!timestamp 2001-02-30", ("cannot read '2001-02-30'", "day")),
        ("!!int nope", ("cannot read 'nope'",)),
        ("!!float nope", ("cannot read 'nope'",)),
        ("!!binary 'not base64!'", ("base64",)),
        ("*undefined", ("undefined alias",)),
    ],
    ids=["huge int", "month 13", "30 February", "int tag", "float tag", "binary", "alias"],
)
def test_values_yaml_cannot_construct(
    write_briefing: WriteBriefing, value: str, words: tuple[str, ...]
) -> None:
    text = edit(MINIMAL_YAML, "  as_stated: On Monday", f"  as_stated: {value}")
    path = write_briefing(text)
    line, column = position(text, value)
    assert_at(the_problem(path), path, (line, column), "YAML", *words)


@pytest.mark.parametrize(
    ("text", "needle", "words"),
    [
        ("a: 1\n\tb: 2\n", "\t", ("tab",)),
        ("a: \x00\n", "\x00", ("not allowed",)),
        ("a: 1\n? [x, y]\n: 2\n", "[x, y]", ("unhashable key",)),
        ("base: &b {x: 1}\nother:\n  <<: *b\n", "<<", ("merge keys",)),
    ],
    ids=["tab", "NUL", "list as a key", "merge key"],
)
def test_other_yaml_problems(
    write_briefing: WriteBriefing, text: str, needle: str, words: tuple[str, ...]
) -> None:
    path = write_briefing(text)
    assert_at(the_problem(path), path, position(text, needle), *words)


# --- YAML that is not a valid briefing ---------------------------------------------


def test_a_value_of_the_wrong_type(write_briefing: WriteBriefing) -> None:
    text = edit(MINIMAL_YAML, "kind: meeting", "kind: banquet")
    path = write_briefing(text)
    assert_at(the_problem(path), path, position(text, "banquet"), "itinerary[0].kind", "'meeting'")


def test_a_value_of_the_wrong_type_in_the_bundled_briefing(bundled_copy: Path) -> None:
    text = bundled_copy.read_text(encoding="utf-8")
    text = edit(text, "    kind: conference\n", "    kind: banquet\n")
    bundled_copy.write_text(text, encoding="utf-8")
    line, column = position(text, "banquet")
    assert_at(the_problem(bundled_copy), bundled_copy, (line, column), "itinerary[0].kind")


@pytest.mark.parametrize(
    ("old", "new", "needle", "words"),
    [
        ("format: 1", "format: 2", "2\nid:", ("format", "1")),
        ("id: minimal", "id: Minimal Visit", "Minimal Visit", ("id:", "pattern")),
        ("title: A minimal visit", "title: '   '", "'   '", ("title:", "at least 1")),
        ("  as_stated: On Monday", "  as_stated: On Monday\n  year: 99", "99", ("dates.year",)),
        (
            "  as_stated: On Monday",
            "  as_stated: On Monday\n  start: {month: 13, day: 1}",
            "13",
            ("dates.start.month",),
        ),
        ("quotes:\n      - Mr. Wang Wei\n", "quotes: []\n", "[]", ("counterparts[0].quotes",)),
        ("  - id: trade", "  - id: [trade]", "[trade]", ("themes[0].id", "string")),
    ],
    ids=["format", "id pattern", "blank title", "year", "month", "no quotes", "list for id"],
)
def test_invalid_values(
    write_briefing: WriteBriefing, old: str, new: str, needle: str, words: tuple[str, ...]
) -> None:
    text = edit(MINIMAL_YAML, old, new)
    path = write_briefing(text)
    assert_at(the_problem(path), path, position(text, needle), *words)


def test_a_missing_field_points_at_the_enclosing_mapping(write_briefing: WriteBriefing) -> None:
    text = edit(MINIMAL_YAML, "    name: Wang Wei\n", "")
    path = write_briefing(text)
    line, column = position(text, "id: wang-wei")
    assert_at(the_problem(path), path, (line, column), "counterparts[0]", "missing field 'name'")


def test_a_missing_top_level_field(write_briefing: WriteBriefing) -> None:
    summary = "summary: Ada Lovelace led a delegation to Paris.\n"
    text = "# comment\n" + edit(MINIMAL_YAML, summary, "")
    path = write_briefing(text)
    assert_at(the_problem(path), path, position(text, "format"), "missing field 'summary'")


def test_an_unknown_field_with_did_you_mean(write_briefing: WriteBriefing) -> None:
    text = edit(MINIMAL_YAML, "title: A minimal visit", "titel: A minimal visit")
    path = write_briefing(text)
    problems = problems_of(path)
    unknown = [p for p in problems if "unknown field" in p.message]
    missing = [p for p in problems if "missing field" in p.message]
    assert len(unknown) == 1 and len(missing) == 1, "\n".join(map(str, problems))
    assert_at(unknown[0], path, position(text, "titel"), "'titel'", "did you mean 'title'")
    assert_at(missing[0], path, (1, 1), "'title'")


def test_a_nested_unknown_field_points_at_its_key(write_briefing: WriteBriefing) -> None:
    text = edit(MINIMAL_YAML, "    name: Ada Lovelace", "    nme: Ada Lovelace")
    path = write_briefing(text)
    unknown = [p for p in problems_of(path) if "unknown field" in p.message]
    assert len(unknown) == 1
    assert_at(
        unknown[0], path, position(text, "nme:"), "delegation.lead", "'nme'", "did you mean 'name'"
    )


def test_an_unknown_field_with_nothing_close(write_briefing: WriteBriefing) -> None:
    text = edit(MINIMAL_YAML, "format: 1\n", "format: 1\nxyzzy: 3\n")
    path = write_briefing(text)
    problem = the_problem(path)
    assert_at(problem, path, position(text, "xyzzy"), "unknown field 'xyzzy'")
    assert "did you mean" not in problem.message


# --- checks of the whole briefing, placed in the file ------------------------------


def test_a_reference_to_an_undefined_id(write_briefing: WriteBriefing) -> None:
    text = edit(MINIMAL_YAML, "      - wang-wei\n", "      - wang-we\n")
    path = write_briefing(text)
    assert_at(
        the_problem(path),
        path,
        position(text, "wang-we\n"),
        "itinerary[0].counterparts[0]",
        "no counterpart has the id 'wang-we'",
        "did you mean 'wang-wei'",
    )


def test_duplicate_ids(write_briefing: WriteBriefing) -> None:
    second = "  - id: trade\n    name: More trade\n    quotes: [talked about trade]\n"
    text = edit(MINIMAL_YAML, "itinerary:\n", second + "itinerary:\n")
    path = write_briefing(text)
    assert_at(
        the_problem(path),
        path,
        _second_id(text),
        "themes[1].id",
        "duplicate id 'trade'",
        "themes[0]",
    )


def _second_id(text: str) -> tuple[int, int]:
    line, column = position(text, "id: trade", occurrence=2)
    return line, column + len("id: ")


def test_a_quote_not_in_the_source(write_briefing: WriteBriefing) -> None:
    text = edit(MINIMAL_YAML, "      - Mr. Wang Wei\n", "      - Mr. Wang Wie\n")
    path = write_briefing(text)
    assert_at(
        the_problem(path),
        path,
        position(text, "Mr. Wang Wie"),
        "counterparts[0].quotes[0]",
        "quote not found",
    )


def test_a_blank_quote(write_briefing: WriteBriefing) -> None:
    text = edit(MINIMAL_YAML, "      - Mr. Wang Wei\n", '      - Mr. Wang Wei\n      - "  "\n')
    path = write_briefing(text)
    assert_at(the_problem(path), path, position(text, '"  "'), "counterparts[0].quotes[1]", "blank")


def test_inferred_naming_a_field_that_does_not_exist(write_briefing: WriteBriefing) -> None:
    text = edit(
        MINIMAL_YAML,
        "    organization: acme-bank\n",
        "    organization: acme-bank\n    inferred:\n      organisation: A guess.\n",
    )
    path = write_briefing(text)
    assert_at(
        the_problem(path),
        path,
        position(text, "organisation:"),
        "counterparts[0].inferred",
        "'organisation'",
        "did you mean 'organization'",
    )


def test_a_missing_source_file(write_briefing: WriteBriefing) -> None:
    text = edit(MINIMAL_YAML, "../seeds/minimal.txt", "../seeds/missing.txt")
    path = write_briefing(text)
    assert_at(
        the_problem(path),
        path,
        position(text, "../seeds/missing.txt"),
        "source.path",
        "missing.txt",
    )


def test_a_source_that_is_a_folder(write_briefing: WriteBriefing) -> None:
    text = edit(MINIMAL_YAML, "../seeds/minimal.txt", "../seeds")
    path = write_briefing(text)
    assert_at(
        the_problem(path), path, position(text, "../seeds"), "source.path", "not a regular file"
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_source_that_is_a_named_pipe_does_not_hang(
    write_briefing: WriteBriefing, tmp_path: Path
) -> None:
    pipe = tmp_path / "seeds" / "pipe"
    os.mkfifo(pipe)
    threading.Thread(target=_unblock_readers, args=(pipe, 3.0), daemon=True).start()
    text = edit(MINIMAL_YAML, "../seeds/minimal.txt", "../seeds/pipe")
    path = write_briefing(text)
    started = time.perf_counter()
    problem = the_problem(path)
    assert time.perf_counter() - started < 1, "the loader waited on the pipe"
    assert_at(problem, path, position(text, "../seeds/pipe"), "source.path", "not a regular file")


def _unblock_readers(pipe: Path, seconds: float) -> None:
    """If the loader does open the pipe, let it read an end of file instead of hanging."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))
            return
        except OSError:  # nobody is reading
            time.sleep(0.02)


def test_a_source_over_the_size_limit(
    write_briefing: WriteBriefing, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_briefing()
    monkeypatch.setattr(tui.reading.safe_yaml, "MAX_FILE_BYTES", len(MINIMAL_YAML.encode()))
    (path.parent.parent / "seeds" / "minimal.txt").write_text("x" * (len(MINIMAL_YAML) + 1))
    problem = the_problem(path)
    assert_at(problem, path, position(MINIMAL_YAML, "../seeds"), "source.path", "larger than")


def test_every_problem_of_a_file_is_reported(write_briefing: WriteBriefing) -> None:
    text = edit(MINIMAL_YAML, "      - wang-wei\n", "      - nobody\n")
    text = edit(text, "      - Mr. Wang Wei\n", "      - Mr. Nobody\n")
    path = write_briefing(text)
    found = {(p.line, p.column) for p in problems_of(path)}
    assert found == {position(text, "nobody"), position(text, "Mr. Nobody")}


# --- several files -------------------------------------------------------------------


def test_a_folder_with_good_and_bad_files(write_briefing: WriteBriefing, tmp_path: Path) -> None:
    good = write_briefing(name="good.yaml")
    bad = {
        write_briefing("title: [unclosed\n", name="syntax.yaml"),
        write_briefing("", name="empty.yaml"),
        write_briefing("- a list\n", name="list.yml"),
        write_briefing(edit(MINIMAL_YAML, "id: minimal", "id: other\nid: again"), name="dup.yaml"),
        write_briefing(edit(MINIMAL_YAML, "kind: meeting", "kind: banquet"), name="kind.yaml"),
    }
    (tmp_path / "briefings" / "notes.txt").write_text("not a briefing: [")
    result = load_paths([tmp_path / "briefings"])
    assert [loaded.path for loaded in result.briefings] == [good]
    assert sorted(problem.path for problem in result.problems) == sorted(bad)
    assert all(problem.line is not None for problem in result.problems)


def test_a_nested_folder_is_searched(write_briefing: WriteBriefing, tmp_path: Path) -> None:
    nested = tmp_path / "briefings" / "deeper" / "still"
    nested.mkdir(parents=True)
    text = edit(MINIMAL_YAML, "../seeds/minimal.txt", "../../../seeds/minimal.txt")
    (nested / "nested.yaml").write_text(text, encoding="utf-8")
    result = load_paths([tmp_path / "briefings"])
    assert result.problems == []
    assert [loaded.path for loaded in result.briefings] == [nested / "nested.yaml"]


def test_two_files_with_the_same_briefing_id(write_briefing: WriteBriefing) -> None:
    first = write_briefing(name="a.yaml")
    text = "# the same briefing again\n\n" + MINIMAL_YAML
    second = write_briefing(text, name="b.yaml")
    result = load_paths([first.parent])
    assert [loaded.path for loaded in result.briefings] == [first]
    assert len(result.problems) == 1
    assert_at(
        result.problems[0], second, position(text, "id: minimal"), "id", "'minimal'", str(first)
    )


def test_a_file_named_twice_is_loaded_once(write_briefing: WriteBriefing) -> None:
    path = write_briefing()
    result = load_paths([path.parent, path, path.parent / ".." / "briefings" / path.name])
    assert result.problems == []
    assert [loaded.path for loaded in result.briefings] == [path]


def test_a_path_that_does_not_exist(tmp_path: Path, write_briefing: WriteBriefing) -> None:
    good = write_briefing()
    missing = tmp_path / "nowhere.yaml"
    result = load_paths([missing, good])
    assert [loaded.path for loaded in result.briefings] == [good]
    assert result.problems == [
        Problem(missing, None, None, "no such file or folder", ProblemKind.PATH)
    ]
    assert str(result.problems[0]) == f"{missing}: no such file or folder"


def test_a_folder_given_as_a_briefing_file(tmp_path: Path) -> None:
    problems = problems_of(tmp_path)
    assert len(problems) == 1
    assert problems[0].path == tmp_path and "cannot read" in problems[0].message


def test_problem_rendering() -> None:
    assert str(Problem(Path("a.yaml"), 3, 7, "id: bad", ProblemKind.CHECK)) == "a.yaml:3:7: id: bad"
    assert str(Problem(Path("a.yaml"), 3, None, "bad", ProblemKind.CHECK)) == "a.yaml:3: bad"
    assert str(Problem(Path("a.yaml"), None, None, "bad", ProblemKind.CHECK)) == "a.yaml: bad"


# --- nothing but BriefingError, whatever the file holds ------------------------------

_YAML_BITS = st.sampled_from(
    ["\n", " ", "  ", "-", ":", "? ", "[", "]", "{", "}", ",", "&a", "*a", "!!", "'", '"', "#",
     "|", ">", "---", "...", "%YAML 1.1", "<<", "\t", "\\", "é", "\x00", "1", "id", "format",
     "quotes", "title"]
)  # fmt: skip


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    cut=st.integers(0, len(MINIMAL_YAML)),
    length=st.integers(0, 40),
    insert=st.lists(_YAML_BITS, max_size=8).map("".join),
)
def test_mangled_files_raise_only_briefing_errors(
    write_briefing: WriteBriefing, cut: int, length: int, insert: str
) -> None:
    text = MINIMAL_YAML[:cut] + insert + MINIMAL_YAML[cut + length :]
    path = write_briefing(text, name="fuzzed.yaml")
    try:
        load_briefing(path)
    except BriefingError as error:
        for problem in error.problems:
            assert problem.path == path
            assert problem.message
            if problem.line is not None:
                assert 1 <= problem.line <= text.count("\n") + 2


# --- aliases of single values: bounded like any file ----------------------------------


@pytest.mark.parametrize(
    ("value", "aliases"),
    [(1_000_000, 1_000), (100, 450_000)],
    ids=["a megabyte a thousand times", "450,000 aliases"],
)
def test_what_aliases_repeat_is_bounded(
    write_briefing: WriteBriefing, value: int, aliases: int
) -> None:
    text = edit(MINIMAL_YAML, "summary:", "long: &l " + "x" * value + "\nsummary:")
    text += "many: [" + ",".join(["*l"] * aliases) + "]\n"
    path = write_briefing(text)
    started = time.perf_counter()
    problem = the_problem(path)
    assert time.perf_counter() - started < 5
    assert problem.kind is ProblemKind.YAML
    assert_at(problem, path, position(text, "&l"), "repeated by aliases", "4,194,304 characters")


def test_aliases_may_repeat_up_to_what_a_file_holds(write_briefing: WriteBriefing) -> None:
    quote = "  - Ada Lovelace led a delegation to Paris.\n"
    text = edit(MINIMAL_YAML, quote, quote.replace("- ", "- &q ") + "  - *q\n" * 1000)
    assert len(load_briefing(write_briefing(text)).briefing.quotes) == 1001
