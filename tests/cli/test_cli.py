"""The `briefings` command line: validate, search, export, schema (never the app)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import BUNDLED, MINIMAL_YAML, ROOT, WriteBriefing, position

from tui import __version__
from tui.cli.main import main
from tui.format.model import Briefing
from tui.format.schema import schema_text
from tui.reading.loader import load_briefing

BID = "nanjing-france-study-visit"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# --- validate ------------------------------------------------------------------------


def test_validate_the_bundled_briefings(capsys: pytest.CaptureFixture[str]) -> None:
    count = len(list((ROOT / "briefings").glob("*.yaml")))
    code, out, err = run(capsys, "validate")
    assert code == 0, out
    assert out == f"{count} valid, 0 with problems (0 problems)\n"
    assert err == ""


def test_validate_one_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "validate", str(BUNDLED)) == (
        0,
        "1 valid, 0 with problems (0 problems)\n",
        "",
    )


def test_validate_prints_each_problem_then_a_summary(
    capsys: pytest.CaptureFixture[str], write_briefing: WriteBriefing
) -> None:
    write_briefing(name="good.yaml")
    broken = "format: 1\ntitle: A minimal: visit\n"
    syntax = write_briefing(broken, name="syntax.yaml")
    twice = MINIMAL_YAML.replace("      - wang-wei\n", "      - wang-we\n").replace(
        "- Mr. Wang Wei\n", "- Mr. Wang Wie\n"
    )
    refs = write_briefing(twice.replace("id: minimal", "id: other"), name="refs.yaml")
    code, out, err = run(capsys, "validate", str(syntax.parent))
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 4, out
    line, column = position(broken, ": visit")
    refs_text = refs.read_text()
    # Files in name order, each file's problems in the order of the checks.
    assert lines[:3] == [
        "{}:{}:{}: itinerary[0].counterparts[0]: no counterpart has the id 'wang-we' "
        "(did you mean 'wang-wei'?)".format(refs, *position(refs_text, "wang-we\n")),
        "{}:{}:{}: counterparts[0].quotes[0]: quote not found in the source text; did you "
        "mean 'Mr. Wang Wei' (source line 2)? The quote has 'Wie' where the source has "
        "'Wei'.".format(refs, *position(refs_text, "Mr. Wang Wie")),
        f"{syntax}:{line}:{column}: YAML: mapping values are not allowed in this context",
    ]
    assert lines[3] == "1 valid, 2 with problems (3 problems)"
    assert err == ""


def test_validate_an_empty_folder_fails(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert run(capsys, "validate", str(tmp_path)) == (
        1,
        "0 valid, 0 with problems (0 problems)\n",
        "",
    )


def test_validate_a_missing_path(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    missing = tmp_path / "missing.yaml"
    code, out, _ = run(capsys, "validate", str(missing), str(BUNDLED))
    assert code == 1
    assert out.splitlines() == [
        f"{missing}: no such file or folder",
        "1 valid, 1 with problems (1 problem)",
    ]


# --- search --------------------------------------------------------------------------


def test_search_prints_readable_lines(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "search", "diple")
    assert code == 0 and err == ""
    first = out.splitlines()[0]
    assert first == f"100.0  Person: Diplé, Deputy CEO, Kering Group  [{BID}]"


def test_search_says_which_alias_matched(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", "lemingham", str(BUNDLED))
    assert code == 0
    first = out.splitlines()[0]
    assert "Le Mingham, chairman of the board, BNP Paribas" in first
    assert first.endswith(f"[{BID}] (as 'Lemingham')")


def test_search_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "search", "diple", "--json")
    assert code == 0 and err == ""
    found = json.loads(out)
    assert isinstance(found, list) and found
    assert {"name", "title", "organization", "briefing", "score", "matched"} <= set(found[0])
    best = found[0]
    assert (best["name"], best["title"], best["organization"]) == (
        "Diplé",
        "Deputy CEO",
        "Kering Group",
    )
    assert (best["briefing"], best["matched"], best["score"]) == (BID, "Diplé", 100.0)
    assert all(isinstance(item["score"], float) for item in found)


def test_search_json_with_an_alias(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "search", "--json", "lemingham")
    best = json.loads(out)[0]
    assert (best["name"], best["matched"]) == ("Le Mingham", "Lemingham")


def test_search_without_a_match_exits_1_as_grep_does(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "search", "zzzz", "--json") == (1, "[]\n", "")
    assert run(capsys, "search", "zzzz") == (1, "", "")
    assert run(capsys, "search", "oberg", "--kind", "themes") == (1, "", "")


ARCHIVE = ROOT / "tests" / "data" / "archive"


def test_search_finds_every_kind_and_names_the_briefings(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "search", "automotive parts", str(ARCHIVE), str(BUNDLED))
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == (
        "100.0  Theme: Automotive parts  [lyon-trade, munich-2024, nanjing-france-study-visit]"
    )
    code, out, _ = run(capsys, "search", "kayent", "--json")
    best = json.loads(out)[0]
    assert (best["kind"], best["name"], best["matched"], best["matched_as"]) == (
        "organization",
        "Kering Group",
        "Kayent Group",
        "alias",
    )


@pytest.mark.parametrize(
    ("kind", "query", "first"),
    [
        ("people", "oberg", "counterpart"),
        ("organizations", "allianz", "organization"),
        ("themes", "green", "theme"),
        ("events", "allianz", "event"),
        ("briefings", "france", "briefing"),
    ],
)
def test_search_kind(capsys: pytest.CaptureFixture[str], kind: str, query: str, first: str) -> None:
    code, out, _ = run(
        capsys, "search", query, str(ARCHIVE), str(BUNDLED), "--kind", kind, "--json"
    )
    found = json.loads(out)
    assert code == 0 and found
    assert {item["kind"] for item in found} == {first}


def test_search_a_prefix_in_the_query(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "search", "@visit france", str(ARCHIVE), str(BUNDLED), "--json")
    (best,) = json.loads(out)
    assert (best["kind"], best["matched_as"]) == ("briefing", "place")
    assert sorted(best["briefings"]) == ["lyon-trade", BID]


@pytest.mark.parametrize("limit", [1, 2])
def test_search_limit(capsys: pytest.CaptureFixture[str], limit: int) -> None:
    _, out, _ = run(capsys, "search", "le", "--json", "--limit", str(limit))
    assert len(json.loads(out)) == limit
    _, out, _ = run(capsys, "search", "le", "--limit", str(limit))
    assert len(out.splitlines()) == limit


def test_search_reports_problems_and_still_searches(
    capsys: pytest.CaptureFixture[str], write_briefing: WriteBriefing
) -> None:
    good = write_briefing()
    bad = write_briefing("", name="empty.yaml")
    code, out, err = run(capsys, "search", "wang wei", "--json", str(good.parent))
    assert code == 1
    assert [item["name"] for item in json.loads(out)] == ["Wang Wei"]
    assert err == f"{bad}:1:1: the file is empty\n"


def test_options_may_come_between_paths(
    capsys: pytest.CaptureFixture[str], write_briefing: WriteBriefing
) -> None:
    minimal = write_briefing()
    code, out, _ = run(capsys, "search", "wang wei", str(minimal), "--json", str(BUNDLED))
    assert code == 0 and json.loads(out)[0]["name"] == "Wang Wei"
    code, out, _ = run(capsys, "export", str(minimal), "--format", "json", str(BUNDLED))
    assert code == 0
    assert [item["id"] for item in json.loads(out)] == ["minimal", BID]


# --- export --------------------------------------------------------------------------


def test_export_json_is_the_loaded_briefing(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "export", str(BUNDLED), "--format", "json")
    assert code == 0 and err == ""
    loaded = load_briefing(BUNDLED).briefing
    assert json.loads(out) == [loaded.model_dump(mode="json")]
    assert Briefing.model_validate(json.loads(out)[0]) == loaded


def test_export_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "export", str(BUNDLED), "--format", "markdown")
    assert code == 0 and err == ""
    briefing = load_briefing(BUNDLED).briefing
    assert out.startswith(f"# {briefing.title}\n")
    for event in briefing.itinerary:
        assert event.title in out, event.title
    for counterpart in briefing.counterparts:
        assert counterpart.name in out, counterpart.name
    assert "(year not stated)" in out


def test_export_html(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "export", str(BUNDLED), "--format", "html")
    assert code == 0 and err == ""
    assert out.startswith("<!DOCTYPE html>\n") and out.endswith("</html>\n")
    assert "<h1>Chen Zhichang Leads Nanjing Delegation" in out


@pytest.mark.parametrize(
    ("format", "suffix"),
    [("markdown", ".md"), ("html", ".html"), ("json", ".json"), ("yaml", ".yaml")],
)
def test_export_one_file_per_briefing(
    capsys: pytest.CaptureFixture[str], write_briefing: WriteBriefing, format: str, suffix: str
) -> None:
    write_briefing()
    second = MINIMAL_YAML.replace("id: minimal", "id: second")
    folder = write_briefing(second, "second.yaml").parent
    out_dir = folder.parent / "book" / "new"
    code, out, err = run(capsys, "export", str(folder), "--format", format, "--out", str(out_dir))
    assert (code, err) == (0, "")
    written = [out_dir / f"minimal{suffix}", out_dir / f"second{suffix}"]
    assert out.splitlines() == [str(path) for path in written]
    assert sorted(out_dir.iterdir()) == written
    if format in ("json", "yaml"):
        # Each file is a briefing of its own, which loads as it was.
        for path in written:
            moved = folder / path.name
            path.rename(moved)
            assert load_briefing(moved).briefing.title == "A minimal visit"
    else:
        assert "# Briefing book" not in written[0].read_text(encoding="utf-8")


def test_export_never_overwrites_what_it_read(
    capsys: pytest.CaptureFixture[str], write_briefing: WriteBriefing
) -> None:
    path = write_briefing(name="minimal.yaml")
    before = path.read_text(encoding="utf-8")
    code, out, err = run(capsys, "export", str(path), "--format", "yaml", "--out", str(path.parent))
    assert code == 1 and out == ""
    assert err == f"briefings export: not overwriting {path}, which was read\n"
    assert path.read_text(encoding="utf-8") == before


def test_export_into_a_file_that_is_no_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    code, out, err = run(capsys, "export", str(BUNDLED), "--out", str(blocker))
    assert code == 1 and out == ""
    assert err.startswith(f"briefings export: cannot write to {blocker}: ")


@pytest.mark.parametrize("command", [["export"], ["export", "--format", "html"], ["validate"]])
def test_a_closed_pipe_is_quiet(command: list[str]) -> None:
    # `briefings export | head`: the reader has gone before the book is written.
    env = {**os.environ, "PYTHONPATH": str(ROOT), "VISIT_BRIEFINGS_NO_CACHE": "1"}
    read, write = os.pipe()
    os.close(read)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "tui", *command, str(BUNDLED)],
            stdout=write,
            stderr=subprocess.PIPE,
            env=env,
            timeout=120,
            check=False,
        )
    finally:
        os.close(write)
    assert done.stderr.decode() == ""
    assert done.returncode == 141


def test_export_is_markdown_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    default = run(capsys, "export", str(BUNDLED))
    markdown = run(capsys, "export", str(BUNDLED), "--format", "markdown")
    assert default == markdown


def test_export_an_unknown_format(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["export", "--format", "pdf"])
    assert exited.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


# --- schema and the app's own options -------------------------------------------------


def test_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "schema")
    assert code == 0 and err == ""
    assert out == schema_text()
    schema = json.loads(out)
    model_schema = Briefing.model_json_schema()
    assert schema["properties"] == model_schema["properties"]
    assert schema["$defs"] == model_schema["$defs"]
    assert schema["required"] == model_schema["required"]
    assert schema["$schema"].startswith("https://json-schema.org/")


def test_schema_written_beside_briefings(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(capsys, "schema", "--write", str(tmp_path))
    assert code == 0 and err == ""
    written = tmp_path / "briefing.schema.json"
    assert written.read_text(encoding="utf-8") == schema_text()
    assert out.splitlines() == [
        f"wrote {written}",
        f"Start each briefing in {tmp_path} with this line:",
        "# yaml-language-server: $schema=./briefing.schema.json",
    ]


def test_schema_written_to_a_missing_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["schema", "--write", str(tmp_path / "nowhere")])
    assert exited.value.code == 2
    assert "is not a folder" in capsys.readouterr().err
    assert not (tmp_path / "nowhere").exists()


def test_help_lists_the_commands() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "tui", "--help"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    for command in ("validate", "search", "export", "schema"):
        assert f"briefings {command}" in done.stdout
    assert done.stderr == ""


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out == f"briefings {__version__}\n"


@pytest.mark.parametrize(
    ("command", "options"),
    [
        ("validate", ["PATH"]),
        ("search", ["query", "PATH", "--json", "--limit"]),
        ("export", ["PATH", "--format", "markdown", "html", "json", "yaml", "--out DIR"]),
        ("schema", ["--write DIR"]),
    ],
)
def test_subcommand_help(
    capsys: pytest.CaptureFixture[str], command: str, options: list[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main([command, "--help"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    assert f"briefings {command}" in out
    for option in options:
        assert option in out, option


def test_the_app_help_lists_every_export_format(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "--format markdown|html|json|yaml" in out and "--out DIR" in out
    assert "briefings schema [--write DIR]" in out
