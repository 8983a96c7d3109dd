"""The JSON Schema next to the briefings, for editors: in step with the model."""

from __future__ import annotations

import json
from typing import Any

from conftest import BUNDLED, ROOT

from tui.format.model import Briefing
from tui.format.schema import schema_text

SCHEMA = ROOT / "briefings" / "briefing.schema.json"
REGENERATE = "regenerate it: python -m tui schema > briefings/briefing.schema.json"


def test_the_schema_file_is_up_to_date() -> None:
    assert SCHEMA.read_text(encoding="utf-8") == schema_text(), (
        f"{SCHEMA.relative_to(ROOT)} is out of date with tui/model.py; {REGENERATE}"
    )


def test_the_schema_is_the_models() -> None:
    schema = json.loads(schema_text())
    model = Briefing.model_json_schema()
    assert {key: value for key, value in schema.items() if key not in {"$schema", "title"}} == {
        key: value for key, value in model.items() if key != "title"
    }
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert "format 1" in schema["title"]


def test_the_schema_refuses_unknown_fields() -> None:
    # The models forbid extra fields; an editor should flag a misspelt key too.
    schema = json.loads(schema_text())
    objects: list[tuple[str, dict[str, Any]]] = [("Briefing", schema)]
    objects += [(name, body) for name, body in schema["$defs"].items() if "properties" in body]
    assert len(objects) > 5
    for name, body in objects:
        assert body.get("additionalProperties") is False, name


def test_required_fields() -> None:
    schema = json.loads(schema_text())
    required = {name for name, field in Briefing.model_fields.items() if field.is_required()}
    assert set(schema["required"]) == required
    assert {"format", "id", "title", "quotes", "source", "dates", "delegation"} <= required


def test_every_bundled_briefing_names_the_schema() -> None:
    modeline = "# yaml-language-server: $schema=./briefing.schema.json"
    briefings = sorted(SCHEMA.parent.glob("*.yaml"))
    assert BUNDLED in briefings
    for path in briefings:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == modeline, f"{path.name} should start with {modeline!r}"
    # The modeline is relative to the briefing: the schema must sit next to it.
    assert (BUNDLED.parent / "briefing.schema.json").is_file()
