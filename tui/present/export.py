"""Briefings as JSON and YAML (the validated data); the printable book is tui.present.book."""

from __future__ import annotations

import json
import re

import yaml

from tui.format.model import Briefing
from tui.index.archive import Archive

# Characters JSON may carry raw but YAML may not: C1 controls and DEL are refused by
# the YAML reader, NEL / line and paragraph separators are read as line breaks, and a
# lone surrogate (from a "\ud800" escape) cannot even be written as UTF-8. Nor should a
# terminal get bidirectional overrides (C0 controls json.dumps escapes itself). They
# only ever occur inside strings, where a \uXXXX escape means the same in JSON.
_NOT_YAML_SAFE = re.compile(
    "[\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff\u202a-\u202e\u2066-\u2069]"
)


def json_text(data: object) -> str:
    """JSON that is also YAML and safe to print on a terminal, with the same meaning."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return _NOT_YAML_SAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def to_json(archive: Archive) -> str:
    """A JSON list with one object per briefing, in the format of the YAML files.

    Each object, being also YAML, loads back as a briefing file."""
    return json_text(
        [archive.loaded(bid).briefing.model_dump(mode="json") for bid in archive.briefings]
    )


def to_yaml(archive: Archive) -> str:
    """One YAML document per briefing, each loadable as a briefing file."""
    return "---\n".join(_yaml_document(archive.loaded(bid).briefing) for bid in archive.briefings)


# YAML counts bidirectional overrides as printable and writes them raw.
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


def _yaml_document(briefing: Briefing) -> str:
    data = briefing.model_dump(mode="json", exclude_defaults=True)
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

    def dump(allow_unicode: bool) -> str:
        return yaml.dump(
            data, Dumper=dumper, allow_unicode=allow_unicode, sort_keys=False, width=100
        )

    text = dump(allow_unicode=True)
    # Rare and hostile: then every character beyond ASCII is written as an escape.
    return dump(allow_unicode=False) if _BIDI.search(text) else text


def briefing_json(archive: Archive, briefing_id: str) -> str:
    """One briefing as a JSON object, loadable as a briefing file."""
    return json_text(archive.loaded(briefing_id).briefing.model_dump(mode="json")) + "\n"


def briefing_yaml(archive: Archive, briefing_id: str) -> str:
    return _yaml_document(archive.loaded(briefing_id).briefing)
