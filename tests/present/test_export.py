"""Exports: JSON and YAML that load back as the same briefings, and none of the exports
(the book among them) carrying terminal control sequences from a hostile file."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import BUNDLED, MINIMAL_YAML, WriteBriefing

from tui.cli.main import main
from tui.index.archive import Archive
from tui.present.book import to_markdown
from tui.present.export import to_json, to_yaml
from tui.reading.loader import LoadedBriefing, load_briefing, load_paths

# What must never reach a terminal raw: C0 controls but line feed and tab, DEL, C1
# controls (0x9b is a one-byte CSI), bidirectional overrides and isolates.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

HOSTILE_NAME = r"Wang Wei\e]52;c;aGk=\a\e[2J\x9b2J\u202eieW\u2066"
HOSTILE_TITLE = r"\e[31mred\x07"


def hostile_yaml() -> str:
    text = MINIMAL_YAML.replace(
        "    name: Wang Wei\n", f'    name: "{HOSTILE_NAME}"\n    title: "{HOSTILE_TITLE}"\n'
    )
    text = text.replace("    name: Acme Bank\n", '    name: "Acme\\e[2J Bank\\u202e"\n')
    text = text.replace("title: A minimal visit\n", 'title: "A minimal\\e]0;pwned\\a visit"\n')
    assert text.count("\\e") == 5
    return text


@pytest.fixture(scope="module")
def bundled() -> Archive:
    return Archive([load_briefing(BUNDLED)])


def reload(text: str, folder: Path, name: str) -> LoadedBriefing:
    """Load exported text as a briefing file next to the original."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return load_briefing(path)


# --- JSON and YAML -------------------------------------------------------------------


def test_json_is_the_validated_data(bundled: Archive) -> None:
    loaded = bundled.loaded("nanjing-france-study-visit")
    assert json.loads(to_json(bundled)) == [loaded.briefing.model_dump(mode="json")]


def test_json_loads_back_as_a_briefing_file(bundled: Archive, bundled_copy: Path) -> None:
    [data] = json.loads(to_json(bundled))
    again = reload(json.dumps(data), bundled_copy.parent, "from-json.yaml")
    assert again.briefing == bundled.loaded(again.briefing.id).briefing


def test_yaml_loads_back_as_a_briefing_file(bundled: Archive, bundled_copy: Path) -> None:
    again = reload(to_yaml(bundled), bundled_copy.parent, "from-yaml.yaml")
    assert again.briefing == bundled.loaded(again.briefing.id).briefing


def test_several_briefings(write_briefing: WriteBriefing) -> None:
    write_briefing()
    write_briefing(MINIMAL_YAML.replace("id: minimal", "id: second"), name="second.yaml")
    result = load_paths([write_briefing().parent])
    archive = Archive(result.briefings)
    assert [item["id"] for item in json.loads(to_json(archive))] == ["minimal", "second"]
    documents = to_yaml(archive).split("---\n")
    assert len(documents) == 2 and "id: second" in documents[1]


# --- hostile strings -------------------------------------------------------------------


@pytest.fixture
def hostile(write_briefing: WriteBriefing) -> Path:
    return write_briefing(hostile_yaml(), name="hostile.yaml")


def test_a_hostile_file_loads_with_its_escapes(hostile: Path) -> None:
    counterpart = load_briefing(hostile).briefing.counterparts[0]
    assert "\x1b]52;c;aGk=\x07" in counterpart.name and "\x1b[2J" in counterpart.name
    assert "\x9b" in counterpart.name and "\u202e" in counterpart.name


def test_exports_carry_no_control_characters(hostile: Path, bundled_copy: Path) -> None:
    loaded = load_briefing(hostile)
    archive = Archive([loaded])
    for text in (to_json(archive), to_yaml(archive), to_markdown(archive)):
        assert not UNSAFE.findall(text), UNSAFE.findall(text)
    # The escapes keep the meaning: the data is the same.
    assert json.loads(to_json(archive)) == [loaded.briefing.model_dump(mode="json")]
    again = reload(to_yaml(archive), hostile.parent, "again.yaml")
    assert again.briefing == loaded.briefing


@pytest.mark.parametrize(
    "argv",
    [
        ["search", "wang wei"],
        ["search", "wang wei", "--json"],
        ["search", "wang"],
        ["export", "--format", "json"],
        ["export", "--format", "yaml"],
        ["export", "--format", "markdown"],
        ["export", "--format", "html"],
        ["validate"],
    ],
)
def test_the_command_line_prints_no_control_characters(
    capsys: pytest.CaptureFixture[str], hostile: Path, argv: list[str]
) -> None:
    # A broken copy, whose file name (in every problem message) has escapes too.
    broken = hostile.read_text(encoding="utf-8").replace("kind: meeting", "kind: banquet")
    hostile.with_name("broken\x1b[2J\x9b.yaml").write_text(broken, encoding="utf-8")
    code = main([*argv, str(hostile.parent)])
    out, err = capsys.readouterr()
    assert code == 1  # the broken copy
    assert out.strip(), err
    assert not UNSAFE.findall(out), UNSAFE.findall(out)
    assert not UNSAFE.findall(err), UNSAFE.findall(err)
    if argv[0] == "search" and "--json" in argv:
        assert json.loads(out)[0]["name"] == load_briefing(hostile).briefing.counterparts[0].name
