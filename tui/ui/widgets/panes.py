"""The list panes: itinerary, counterparts, organizations and themes of the open
briefing. A value the author inferred is marked "(inferred)", as the detail marks it."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable
from textual.widgets.data_table import RowKey

from tui.index.refs import Kind, Ref
from tui.present.describe import describe_date
from tui.ui.bindings import list_moves
from tui.ui.reviewing import DRAFTED_MARK
from tui.ui.widgets.own_moves import OwnMoves
from tui.ui.widgets.plain import cell

NOTE_MARK = "✎"

if TYPE_CHECKING:  # the first screen is drawn before the archive's modules load
    from tui.format.model import Counterpart, Event, Organization, Sourced, Theme
    from tui.index.archive import Archive


class EntryTable(DataTable, OwnMoves):
    """A list of one kind of entry; highlighting previews it, enter opens it."""

    BINDINGS = [
        Binding("enter", "select_cursor", "Open", tooltip="Open the entry's details"),
        *list_moves("scroll_top", "scroll_bottom"),
    ]

    class Previewed(Message):
        def __init__(self, ref: Ref) -> None:
            super().__init__()
            self.ref = ref

    class Focused(Message):
        def __init__(self, table: EntryTable) -> None:
            super().__init__()
            self.table = table

    class Opened(Message):
        def __init__(self, ref: Ref) -> None:
            super().__init__()
            self.ref = ref

    kind: Kind
    # Column labels with their widths (None: as wide as the content).
    headings: tuple[tuple[str, int | None], ...]
    # The column that names the entry: an entry with notes is marked there.
    label_column = 0

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self._refs: dict[str, Ref] = {}
        self._labels: dict[str, str] = {}
        self._marked: set[str] = set()

    def on_mount(self) -> None:
        for label, width in self.headings:
            self.add_column(label, width=width)

    def fill(self, archive: Archive, briefing: str) -> None:
        # Filling moves the cursor, which is no user's move: no preview.
        with self.moving_itself():
            self.clear()
            self._refs, self._labels, self._marked = {}, {}, set()
            for ref in archive.refs(self.kind, briefing):
                key = ref.id
                self._refs[key] = ref
                texts = self.row(archive, ref)
                self._labels[key] = texts[self.label_column]
                self.add_row(*(cell(text) for text in texts), key=key)

    def mark(self, noted: set[Ref]) -> None:
        """Mark the entries that have notes (✎ before their names)."""
        marked = {key for key, ref in self._refs.items() if ref in noted}
        column = self.ordered_columns[self.label_column].key
        for key in marked ^ self._marked:
            label = self._labels[key]
            self.update_cell(key, column, cell(f"{NOTE_MARK} {label}" if key in marked else label))
        self._marked = marked

    def row(self, archive: Archive, ref: Ref) -> tuple[str, ...]:
        raise NotImplementedError

    def quiet(self, message: Message) -> bool:
        return isinstance(message, DataTable.RowHighlighted)

    def select(self, ref: Ref) -> None:
        """Move the cursor to the entry, if this table lists it."""
        if ref.id in self._refs and self._refs[ref.id] == ref:
            # Syncing the cursor with what is shown is no user's move: no preview.
            with self.moving_itself():
                self.move_cursor(row=self.get_row_index(ref.id), animate=False)

    @property
    def highlighted(self) -> Ref | None:
        if not self.row_count:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        return self._refs.get(key) if key is not None else None

    def on_focus(self) -> None:
        # Focus alone shows nothing new (the screen decides: focus also returns here
        # when a dialog closes); it only marks the list as the one in use.
        self.post_message(self.Focused(self))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        # Only the user's moves preview: filling or syncing a table moves its cursor too.
        key = _key_of(event.row_key)
        if self.has_focus and key in self._refs:
            self.post_message(self.Previewed(self._refs[key]))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        key = _key_of(event.row_key)
        if key in self._refs:
            self.post_message(self.Opened(self._refs[key]))


def _key_of(row_key: RowKey | None) -> str | None:
    # Textual reports a row without a key when the cursor moves in an empty table
    # (up from row 0 of no rows, say, lands on row -1).
    return row_key.value if row_key is not None else None


def _drafted(entry: Sourced, text: str) -> str:
    """Drafted entries, not yet reviewed, stand out in every list."""
    drafted = entry.review is not None and entry.review.value == "drafted"
    return DRAFTED_MARK + text if drafted else text


def _inferred(entry: Sourced, field: str, value: str) -> str:
    return f"{value} (inferred)" if field in entry.inferred else value


class ItineraryTable(EntryTable):
    kind = Kind.event
    label_column = 1
    headings = (("#", 2), ("Event", 26), ("Kind", 10), ("Place", 10), ("When", 10))

    def row(self, archive: Archive, ref: Ref) -> tuple[str, ...]:
        event = cast("Event", archive.get(ref))
        number = str(self.row_count + 1)
        # "—" where the source is silent: the detail pane says so in words.
        when = describe_date(event.date) if event.date else "—"
        place = _inferred(event, "place", event.place or "—")
        title = _drafted(event, event.title)
        return number, title, event.kind.value, place, _inferred(event, "date", when)


class CounterpartTable(EntryTable):
    kind = Kind.counterpart
    headings = (("Name", 18), ("Title", 20), ("Organization", 20))

    def row(self, archive: Archive, ref: Ref) -> tuple[str, ...]:
        person = cast("Counterpart", archive.get(ref))
        organization = (
            archive.label(Ref(Kind.organization, ref.briefing, person.organization))
            if person.organization
            else "—"
        )
        title = _inferred(person, "title", person.title or "—")
        name = _drafted(person, person.name)
        return name, title, _inferred(person, "organization", organization)


class OrganizationTable(EntryTable):
    kind = Kind.organization
    headings = (("Organization", 26), ("Kind", 18), ("Sector", 16), ("Country", 10))

    def row(self, archive: Archive, ref: Ref) -> tuple[str, ...]:
        organization = cast("Organization", archive.get(ref))
        return (
            _drafted(organization, _inferred(organization, "name", organization.name)),
            _inferred(organization, "kind", organization.kind.value),
            _inferred(organization, "sector", organization.sector or "—"),
            _inferred(organization, "country", organization.country or "—"),
        )


class ThemeTable(EntryTable):
    kind = Kind.theme
    headings = (("Theme", 50), ("Events", 6))

    def row(self, archive: Archive, ref: Ref) -> tuple[str, ...]:
        theme = cast("Theme", archive.get(ref))
        return _drafted(theme, theme.name), str(len(archive.events_with(ref)))
