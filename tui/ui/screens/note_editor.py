"""The note editor: a note on one entry, saved by a key and after a pause in typing.

Closing with text not yet saved asks what to do; nothing typed is dropped silently.
Autosaves between two explicit saves replace one another, so the revisions keep the
text as it was before the editor opened and at each explicit save, not every pause.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Checkbox, Input, Static, TextArea

from tui.notes.dates import DateError, describe_due, parse_due
from tui.present.printable import one_line
from tui.ui.screens.dialog import Dialog
from tui.ui.widgets.footer import KeysFooter
from tui.ui.widgets.plain import plain_line

if TYPE_CHECKING:
    from datetime import date

    from tui.index.refs import Ref
    from tui.notes.store import Note, NoteStore

# Seconds without typing after which the note saves itself.
AUTOSAVE_PAUSE = 1.5


class UnsavedPrompt(Dialog[str]):
    """Leaving the editor with unsaved text: save, discard, or go back to it."""

    BINDINGS = [
        Binding("s", "dismiss('save')", "Save and close"),
        Binding("d", "dismiss('discard')", "Discard changes"),
        Binding("escape", "dismiss('stay')", "Keep editing"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="unsaved-dialog"):
            yield Static("This note has changes not saved yet.", id="unsaved-title")
            yield Static(
                Content.assemble(
                    ("s", "bold"), " save and close · ",
                    ("d", "bold"), " discard them (autosaved ones too) · ",
                    ("esc", "bold"), " keep editing",
                )
            )  # fmt: skip
        yield KeysFooter()


class NoteEditor(Dialog[None]):
    """Writes a new note on `ref`, or edits `note`."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape", "close", "Close"),
    ]

    def __init__(self, store: NoteStore, ref: Ref, name: str, digest: str, note: Note | None):
        super().__init__()
        self.store = store
        self.ref = ref
        self.entry_name = name
        self.digest = digest
        self.note = note
        self._opened_with = note  # what discarding goes back to
        self._saved_text = note.text if note else ""
        self._saved_due: date | None = note.due if note else None
        self._saved_follow_up = note.follow_up if note else False
        # The text an edit would replace is kept as a revision until an autosave
        # stands in for the next explicit save.
        self._keep_revision = True
        self._autosave: Timer | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="note-dialog"):
            yield Static(
                plain_line(f"Note on {self.ref.kind.value} {self.entry_name}"), id="note-title"
            )
            yield TextArea(self._saved_text, soft_wrap=True, id="note-text")
            with Horizontal(id="note-follow-up"):
                yield Checkbox("Follow-up", self._saved_follow_up, id="note-is-follow-up")
                yield Input(
                    self._saved_due.isoformat() if self._saved_due else "",
                    placeholder="due: 2026-12-05, 5 Dec, tomorrow, +3d, friday (optional)",
                    id="note-due",
                )
            yield Static(id="note-status")
        yield KeysFooter()

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)
        self._say("New note." if self.note is None else "Editing.")

    # What is typed.

    @property
    def text(self) -> str:
        return self.query_one(TextArea).text

    def _due(self) -> date | None:
        """The due date typed; DateError when it cannot be read."""
        typed = self.query_one("#note-due", Input).value.strip()
        return parse_due(typed) if typed else None

    @property
    def follow_up(self) -> bool:
        return self.query_one(Checkbox).value

    @property
    def unsaved(self) -> bool:
        try:
            due = self._due()
        except DateError:
            return True
        return (self.text, due, self.follow_up) != (
            self._saved_text,
            self._saved_due,
            self._saved_follow_up,
        ) and bool(self.text.strip() or self.note)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self._changed()

    def on_input_changed(self, event: Input.Changed) -> None:
        try:
            due = self._due()
        except DateError as error:
            self._say(str(error), "error")
            return
        if due is not None:
            self.query_one(Checkbox).value = True
            self._say(f"Due {describe_due(due)}.")
        self._changed()

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        self._changed()

    def _changed(self) -> None:
        if self._autosave is not None:
            self._autosave.stop()
        if self.unsaved:
            self._autosave = self.set_timer(AUTOSAVE_PAUSE, self._pause_in_typing)

    def _pause_in_typing(self) -> None:
        self._autosave = None
        if self.unsaved and self.text.strip():
            self._save(explicit=False)

    # Saving.

    def action_save(self) -> None:
        self._save(explicit=True)

    def _save(self, explicit: bool) -> bool:
        if not self.text.strip():
            self._say("An empty note is not saved (delete a note from its list).", "warning")
            return False
        try:
            due = self._due()
        except DateError as error:
            self._say(f"Not saved: {error}", "error")
            return False
        text, follow_up = self.text, self.follow_up or due is not None
        store = self.store
        if self.note is None:
            self.note = store.add(
                self.ref, self.entry_name, self.digest, text, follow_up=follow_up, due=due
            )
        else:
            if text != self.note.text:
                self.note = store.edit(self.note.id, text, keep_revision=self._keep_revision)
            if (due, follow_up) != (self.note.due, self.note.follow_up):
                self.note = store.set_due(self.note.id, due, follow_up=follow_up)
        self._saved_text, self._saved_due, self._saved_follow_up = text, due, follow_up
        self._keep_revision = explicit
        moment = self.note.updated.astimezone()
        self._say(f"{'Saved' if explicit else 'Saved after a pause'} at {moment:%H:%M:%S}.")
        return True

    def _say(self, text: str, severity: str = "") -> None:
        status = self.query_one("#note-status", Static)
        status.update(Content(one_line(text)))
        status.set_class(severity == "error", "-error")
        status.set_class(severity == "warning", "-warning")

    # Leaving.

    def action_close(self) -> None:
        if not self.unsaved:
            self.dismiss(None)
            return

        def answered(choice: str | None) -> None:
            if choice == "discard":
                self._discard()
                self.dismiss(None)
            elif choice == "save" and self._save(explicit=True):
                self.dismiss(None)
            else:
                self.query_one(TextArea).focus()

        self.app.push_screen(UnsavedPrompt(), answered)

    def _discard(self) -> None:
        """Back to the note as it was when the editor opened: what autosaves wrote meanwhile
        is undone too (a new note is deleted, which `u` in its list takes back)."""
        note, before = self.note, self._opened_with
        if note is None:
            return
        if before is None:
            self.store.delete(note.id)
            return
        if note.text != before.text:
            self.store.edit(note.id, before.text, keep_revision=True)
        if (note.due, note.follow_up) != (before.due, before.follow_up):
            self.store.set_due(note.id, before.due, follow_up=before.follow_up)

    def on_unmount(self) -> None:
        if self._autosave is not None:
            self._autosave.stop()
