"""A YAML writer for the synthetic briefings: plain scalars where safe, folded `>-`
blocks for long passages, JSON-style double quotes otherwise, and anchors for a passage
written more than once. A generic emitter is far slower than the loader the archives
exercise."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Anchored:
    """A scalar written with an anchor (`&name`) the first time, as an alias after."""

    name: str
    text: str


_PLAIN = re.compile(r"[^\W\d_][^:#\n\"{}\[\],&*!|>%@`\\]*")
_RESERVED = frozenset({"yes", "no", "on", "off", "true", "false", "null", "y", "n"})
WRAP = re.compile(r"(\S.{0,74}\S)(?: |$)|(\S+)(?: |$)")
_FOLD_AT = 72


def _scalar(value: Any, indent: str, out: list[str], seen: set[str]) -> str:
    """The text after `key:` or `- ` for a scalar; may append wrapped lines to out."""
    if isinstance(value, Anchored):
        if value.name in seen:
            return f" *{value.name}"
        seen.add(value.name)
        head = _scalar(value.text, indent, out, seen)
        return f" &{value.name}{head}"
    if isinstance(value, int):
        return f" {value}"
    text = value
    if len(text) > _FOLD_AT and "  " not in text and text == text.strip():
        out_lines = [m.group(0).rstrip(" ") for m in WRAP.finditer(text)]
        return " >-\n" + "\n".join(indent + "  " + line for line in out_lines)
    if _PLAIN.fullmatch(text) and text.lower() not in _RESERVED and text[-1] != " ":
        return " " + text
    return " " + json.dumps(text, ensure_ascii=False)


def _mapping(data: dict[str, Any], indent: str, out: list[str], seen: set[str]) -> None:
    for key, value in data.items():
        _entry(indent, key, value, indent, out, seen)


def _entry(prefix: str, key: str, value: Any, indent: str, out: list[str], seen: set) -> None:
    if isinstance(value, dict):
        if value and all(isinstance(v, int) for v in value.values()):
            inner = ", ".join(f"{k}: {v}" for k, v in value.items())
            out.append(f"{prefix}{key}: {{{inner}}}")
        else:
            out.append(f"{prefix}{key}:")
            _mapping(value, indent + "  ", out, seen)
    elif isinstance(value, list):
        if not value:
            out.append(f"{prefix}{key}: []")
            return
        out.append(f"{prefix}{key}:")
        _sequence(value, indent + "  ", out, seen)
    else:
        out.append(f"{prefix}{key}:{_scalar(value, indent, out, seen)}")


def _sequence(items: list[Any], indent: str, out: list[str], seen: set[str]) -> None:
    for item in items:
        if isinstance(item, dict):
            inner = indent + "  "
            first = True
            for key, value in item.items():
                _entry(indent + "- " if first else inner, key, value, inner, out, seen)
                first = False
        else:
            out.append(f"{indent}-{_scalar(item, indent, out, seen)}")


def to_yaml(briefing: dict[str, Any]) -> str:
    out = ["# A synthetic briefing written by benchmarks/generate.py."]
    _mapping(briefing, "", out, set())
    # _scalar returns wrapped blocks as one string with newlines in it; join keeps them.
    return "\n".join(out) + "\n"
