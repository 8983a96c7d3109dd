"""Briefings as JSON (the validated data) and as a print-ready Markdown document."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import yaml

from tui.format.model import Briefing, Counterpart, Event
from tui.index.archive import Archive, Kind, Ref
from tui.present.describe import describe_date, person_line
from tui.present.printable import one_line, printable

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


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def _md(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", one_line(text))


def to_markdown(archive: Archive, notes: Callable[[str], str] | None = None) -> str:
    """The briefings as one document; `notes(briefing_id)`, when given, is Markdown of the
    user's notes put after each briefing (tui.notes.transfer.briefing_notes)."""
    return "\n\n---\n\n".join(
        _briefing_markdown(archive, archive.loaded(bid).briefing)
        + (notes(bid) if notes is not None else "")
        for bid in archive.briefings
    )


def briefing_markdown(archive: Archive, briefing_id: str) -> str:
    """One briefing as a Markdown document, as `to_markdown` writes each."""
    return _briefing_markdown(archive, archive.loaded(briefing_id).briefing)


def _briefing_markdown(archive: Archive, briefing: Briefing) -> str:
    bid = briefing.id

    def name(kind: Kind, item: str) -> str:
        return _md(archive.label(Ref(kind, bid, item)))

    def counterpart_line(item: str) -> str:
        counterpart = archive.get(Ref(Kind.counterpart, bid, item))
        assert isinstance(counterpart, Counterpart)
        organization = (
            archive.label(Ref(Kind.organization, bid, counterpart.organization))
            if counterpart.organization
            else None
        )
        return _md(person_line(counterpart.name, counterpart.title, organization))

    lines = [
        f"# {_md(briefing.title)}",
        "",
        f"**Dates:** {_md(describe_date(briefing.dates))}  ",
        f"**Places:** {_md(', '.join(briefing.places)) or 'not stated'}  ",
        f"**Delegation:** {_md(briefing.delegation.name)}, led by "
        f"{_md(person_line(briefing.delegation.lead.name, briefing.delegation.lead.title))}  ",
        f"**Source:** {_md(briefing.source.title)}",
        "",
        _md(briefing.summary),
        "",
        "## Itinerary",
    ]
    for number, event in enumerate(briefing.itinerary, 1):
        lines += ["", f"### {number}. {_md(event.title)}", "", *_event_facts(event)]
        if event.counterparts:
            lines += ["", "Met:", *(f"- {counterpart_line(c)}" for c in event.counterparts)]
        if event.organizations:
            names = ", ".join(name(Kind.organization, o) for o in event.organizations)
            lines += ["", f"Organizations: {names}"]
        if event.themes:
            lines += ["", f"Themes: {', '.join(name(Kind.theme, t) for t in event.themes)}"]
        if event.statements:
            lines += ["", "What was said:"]
            lines += [f"- {_md(s.speaker)}: {_md(s.text)}" for s in event.statements]
        if event.outcomes:
            lines += ["", "Outcomes:", *(f"- {_md(o.text)}" for o in event.outcomes)]
        lines += _inferred(event.inferred)
    lines += ["", "## Counterparts", ""]
    lines += [f"- {counterpart_line(c.id)}" for c in briefing.counterparts] or ["None named."]
    lines += ["", "## Cooperation themes", ""]
    for theme in briefing.themes:
        events = archive.events_with(Ref(Kind.theme, bid, theme.id))
        where = "; ".join(_md(archive.label(e)) for e in events) or "no event recorded"
        lines.append(f"- **{_md(theme.name)}**: {where}")
    return printable("\n".join(lines)) + "\n"


def _event_facts(event: Event) -> list[str]:
    return [
        f"*{event.kind.value}* · {_md(event.place or 'place not stated')} · "
        f"{_md(describe_date(event.date))}"
    ]


def _inferred(inferred: dict[str, str]) -> list[str]:
    if not inferred:
        return []
    return ["", *(f"> Inferred ({_md(k)}): {_md(reason)}" for k, reason in inferred.items())]
