"""The JSON Schema of the briefing format, for editors that validate as one types."""

import json

from tui.format.model import Briefing


def schema_text() -> str:
    schema = Briefing.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Visit briefing (format 1)"
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
