"""Notes among search results: each labelled as a note, with the entry it is on.

Kept apart from the search screen so that the notes plug into whatever search shows
with a call: `note_results(store, archive, query)`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.content import Content

from tui.present.printable import one_line

if TYPE_CHECKING:
    from tui.index.archive import Archive
    from tui.index.refs import Ref
    from tui.notes.store import NoteStore

# Notes shown under the names: a few, as a name search shows ten.
NOTE_RESULTS = 5


@dataclass(frozen=True)
class NoteResult:
    ref: Ref
    prompt: Content


def note_results(store: NoteStore | None, archive: Archive, query: str) -> list[NoteResult]:
    if store is None or not query.strip():
        return []
    # Imported here: the search screen is imported before the archive's modules load.
    from tui.notes.attach import attachment, describe_attachment
    from tui.notes.describe import first_line

    found = []
    for note in store.search(query, NOTE_RESULTS):
        where = describe_attachment(note, attachment(archive, note))
        prompt = Content.assemble(
            ("Note ", "bold $accent"),
            (one_line(first_line(note)), "bold"),
            "\n",
            (one_line(f"  {where}"), "$text-muted"),
        )
        found.append(NoteResult(note.ref, prompt))
    return found
