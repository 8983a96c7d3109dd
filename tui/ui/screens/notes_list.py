"""Lists of notes: one entry's notes, and the open follow-ups across the archive.

From either a note can be edited, marked done, deleted and the deletion undone; from
the follow-ups, enter goes to the note's entry.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.notes.attach import (
    Standing,
    attachment,
    describe_attachment,
    orphaned_entries,
    stamp_of,
)
from tui.notes.describe import first_line, follow_up_status, written
from tui.present.describe import count
from tui.present.printable import one_line
from tui.ui.bindings import list_moves
from tui.ui.screens.dialog import Dialog
from tui.ui.screens.note_editor import NoteEditor
from tui.ui.widgets.footer import KeysFooter
from tui.ui.widgets.option_lists import GuardedOptionList
from tui.ui.widgets.plain import plain_line

if TYPE_CHECKING:
    from tui.index.archive import Archive
    from tui.index.refs import Ref
    from tui.notes.store import Note, NoteStore

NEW = "new"


class NoteList(GuardedOptionList):
    BINDINGS = [*list_moves("first", "last")]


class NotesScreen(Dialog["Ref | None"]):
    """An entry's notes, newest first (`ref`), or the open follow-ups (`ref=None`)."""

    BINDINGS = [
        Binding("escape", "dismiss(None)", "Close"),
        Binding("enter", "choose", "Open", priority=True),
        Binding("e", "edit", "Edit"),
        Binding("x", "done", "Done / not done"),
        Binding("d", "delete", "Delete"),
        Binding("u", "undo", "Undo delete"),
    ]

    def __init__(self, store: NoteStore, archive: Archive, ref: Ref | None = None) -> None:
        super().__init__()
        self.store = store
        self.archive = archive
        self.ref = ref
        self.notes: list[Note] = []
        self._deleted: list[int] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="notes-dialog"):
            yield Static(id="notes-title")
            yield NoteList(id="notes-list")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.refill()
        self.query_one(NoteList).focus()

    def refill(self, keep: int | None = None) -> None:
        """List the notes again (they change here and in other processes)."""
        listing = self.query_one(NoteList)
        if self.ref is None:
            follow_ups = self.store.open_follow_ups()
            listed = {note.id for note in follow_ups}
            orphans = [
                note
                for ref in orphaned_entries(self.archive, self.store.noted_entries())
                for note in self.store.notes_on(ref)
                if note.id not in listed
            ]
            self.notes = follow_ups + orphans
            title = f"Open follow-ups: {count(len(follow_ups), 'follow-up')}, soonest first"
            if orphans:
                title += f"; then {count(len(orphans), 'orphaned note')}"
            options = []
        else:
            self.notes = self.store.notes_on(self.ref)
            label = (
                self.archive.label(self.ref)
                if self.ref in self.archive
                # Its file changed or went while the notes were open (live reload).
                else f"{self.ref.id} (no longer loaded)"
            )
            title = f"Notes on {self.ref.kind.value} {label}: {count(len(self.notes), 'note')}"
            options = [Option(Content.styled("+ New note", "bold"), id=NEW)]
        self.query_one("#notes-title", Static).update(plain_line(title))
        options += [Option(self._prompt(note), id=str(note.id)) for note in self.notes]
        listing.set_options(options)
        if options:
            ids = [option.id for option in options]
            listing.highlighted = ids.index(str(keep)) if str(keep) in ids else 0

    def _prompt(self, note: Note) -> Content:
        status = follow_up_status(note)
        head = written(note) + (f" · {status}" if status else "")
        parts: list[Content | str | tuple[str, str]] = [(one_line(head), "$text-muted")]
        if self.ref is None:
            where = attachment(self.archive, note)
            style = "$warning" if where.standing is Standing.orphaned else "$text-muted"
            parts += ["\n", (one_line(describe_attachment(note, where)), style)]
        parts += ["\n", (one_line(first_line(note)) or "(empty)", "bold")]
        return Content.assemble(*parts)

    def _highlighted(self) -> Note | None:
        listing = self.query_one(NoteList)
        if listing.highlighted is None:
            return None
        option = listing.get_option_at_index(listing.highlighted)
        return next((note for note in self.notes if str(note.id) == option.id), None)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_choose()

    def action_choose(self) -> None:
        note = self._highlighted()
        if self.ref is not None or note is None:
            self.action_edit()
            return
        if attachment(self.archive, note).standing is Standing.attached:
            self.dismiss(note.ref)
        else:
            self.notify(
                one_line(describe_attachment(note, attachment(self.archive, note)))
                + "; e edits the note.",
                markup=False,
            )

    def action_edit(self) -> None:
        note = self._highlighted()
        if note is None and self.ref is None:
            return
        ref = note.ref if note is not None else self.ref
        assert ref is not None
        if note is not None:
            name, digest = note.entry_name, note.quote_digest
        elif ref in self.archive:
            name, digest = stamp_of(self.archive, ref)
        else:
            self.notify("That entry is no longer loaded.", severity="warning")
            return
        self.app.push_screen(
            NoteEditor(self.store, ref, name, digest, note),
            lambda _: self.refill(keep=note.id if note else None),
        )

    def action_done(self) -> None:
        note = self._highlighted()
        if note is None:
            return
        if not note.follow_up:
            self.notify("Not a follow-up: e, then tick Follow-up, to make it one.", markup=False)
            return
        changed = self.store.set_done(note.id, note.done is None)
        self.notify("Marked done." if changed.done else "Marked not done.", timeout=2)
        self.refill(keep=note.id)

    def action_delete(self) -> None:
        note = self._highlighted()
        if note is None:
            return
        self.store.delete(note.id)
        self._deleted.append(note.id)
        self.notify("Note deleted; u brings it back.", timeout=4)
        self.refill()

    def action_undo(self) -> None:
        if not self._deleted:
            self.notify("Nothing deleted to bring back.", timeout=2)
            return
        note_id = self._deleted.pop()
        self.store.restore(note_id)
        self.notify("Note restored.", timeout=2)
        self.refill(keep=note_id)
