"""Entries named on the command line: `BRIEFING_ID` or `BRIEFING_ID/ENTRY_ID`.

Entry ids are unique within a kind, not across kinds (an event and a theme may share
one): such an id is refused with the kinds to choose from, written
`BRIEFING_ID/KIND:ENTRY_ID`.
"""

from __future__ import annotations

import difflib

from tui.index.archive import Archive
from tui.index.refs import Kind, Ref

ENTRY_KINDS = (Kind.event, Kind.counterpart, Kind.organization, Kind.theme)


class EntryError(ValueError):
    pass


def _did_you_mean(typed: str, known: list[str]) -> str:
    close = difflib.get_close_matches(typed, known, n=3, cutoff=0.5)
    return f"; did you mean {' or '.join(close)}?" if close else ""


def resolve_entry(archive: Archive, typed: str) -> Ref:
    briefing, _, entry = typed.partition("/")
    if briefing not in archive.briefings:
        hint = _did_you_mean(briefing, list(archive.briefings))
        raise EntryError(f"no briefing {briefing!r} among those loaded{hint}")
    if not entry:
        return Ref(Kind.briefing, briefing, briefing)
    kind_name, colon, entry_id = entry.rpartition(":")
    kinds: tuple[Kind, ...] = ENTRY_KINDS
    if colon:
        if kind_name not in {kind.value for kind in ENTRY_KINDS}:
            names = ", ".join(kind.value for kind in ENTRY_KINDS)
            raise EntryError(f"{kind_name!r} is not a kind of entry (one of: {names})")
        kinds = (Kind(kind_name),)
    else:
        entry_id = entry
    found = [ref for kind in kinds for ref in archive.refs(kind, briefing) if ref.id == entry_id]
    if len(found) == 1:
        return found[0]
    if found:
        choices = " or ".join(f"{briefing}/{ref.kind.value}:{entry_id}" for ref in found)
        raise EntryError(f"{briefing}/{entry_id} names more than one entry: write {choices}")
    known = [ref.id for kind in kinds for ref in archive.refs(kind, briefing)]
    hint = _did_you_mean(entry_id, known)
    raise EntryError(f"no entry {entry_id!r} in briefing {briefing!r}{hint}")
