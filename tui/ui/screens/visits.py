"""The visits overview: every loaded briefing as a row, sortable and filtered as you type."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.events import Resize
from textual.widgets import DataTable, Input, Static

from tui.present.describe import count
from tui.ui.bindings import list_moves
from tui.ui.messages import ArchiveChanged
from tui.ui.reviewing import DRAFTED_MARK
from tui.ui.screens.dialog import ClosingOnce
from tui.ui.widgets.footer import KeysFooter
from tui.ui.widgets.plain import cell, plain_line

if TYPE_CHECKING:  # the app's first screen is drawn before these modules load
    from tui.index.archive import Archive
    from tui.present.overview import VisitRow

# Columns a user can sort by, in the order shown (tui.present.overview sorts by them).
COLUMNS = ("title", "lead", "places", "dates", "people", "events", "state")

# Widths that fit every column in 120 columns, and narrower ones that fit them in 80
# (what is longer is cut); a draft's title is marked (✎) as well as its state.
_HEADINGS = {
    "title": ("Visit", 26, 14),
    "lead": ("Led by", 12, 7),
    "places": ("Places", 16, 8),
    "dates": ("Dates as stated", 20, 10),
    "people": ("People", 6, 6),
    "events": ("Events", 6, 6),
    "state": ("State", 15, 10),
}
# The screen's width from which the wide columns fit: theirs, each cell's padding of
# one on either side, the screen's padding, the list's border and its scroll bar.
# Headings too long for their narrow column.
_NARROW_HEADINGS = {"dates": "Dates"}
_WIDE_FROM = sum(wide for _, wide, _ in _HEADINGS.values()) + 2 * len(_HEADINGS) + 5


class VisitsTable(DataTable[object]):
    BINDINGS = [
        Binding("enter", "select_cursor", "Open visit", tooltip="Open the highlighted visit"),
        *list_moves("scroll_top", "scroll_bottom"),
    ]


class VisitsFilter(Input):
    async def action_submit(self) -> None:
        """Enter goes to the list at once, not once the Submitted message is handled:
        the Enter typed right after it opens the highlighted visit."""
        screen = self.screen
        assert isinstance(screen, VisitsScreen)
        screen.action_to_table()


class VisitsScreen(ClosingOnce[str | None]):
    """Dismissed with the id of the visit to open, or None. The list has the keys at
    first, as everywhere (q quits, / searches); f goes to the filter, which then has
    them until enter or escape."""

    BINDINGS = [
        Binding("escape", "leave", "Back", tooltip="Back to the open briefing"),
        Binding("f", "to_filter", "Filter", tooltip="Filter the visits as you type"),
        Binding("down", "to_table", "To the list", show=False),
        Binding("ctrl+s", "sort_next", "Sort", tooltip="Sort by the next column"),
        Binding("ctrl+r", "sort_reverse", "Reverse", tooltip="Reverse the order"),
    ]

    def __init__(self, archive: Archive, stale: set[str]) -> None:
        super().__init__()
        self.archive = archive
        self.stale = stale
        self.rows: list[VisitRow] = []
        self.column = "dates"
        self.descending = True
        self.filter_text = ""
        self._wide = True  # which widths the columns have (_HEADINGS)

    def compose(self) -> ComposeResult:
        with Vertical(id="visits"):
            yield Static(id="visits-title")
            yield VisitsFilter(
                placeholder="Filter: a place, country, person, organization or theme",
                id="visits-filter",
            )
            yield VisitsTable(id="visits-table", cursor_type="row", zebra_stripes=True)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one(Input).value = self.filter_text
        table = self.query_one(VisitsTable)
        self._add_columns(self.app.size.width >= _WIDE_FROM)
        self.refresh_rows()
        self.focus_first(table)

    def _add_columns(self, wide: bool) -> None:
        self._wide = wide
        table = self.query_one(VisitsTable)
        table.clear(columns=True)
        for column in COLUMNS:
            label, wide_width, narrow_width = _HEADINGS[column]
            if not wide:
                label = _NARROW_HEADINGS.get(column, label)
            table.add_column(label, width=wide_width if wide else narrow_width, key=column)

    def on_resize(self, event: Resize) -> None:
        if (event.size.width >= _WIDE_FROM) != self._wide:
            self._add_columns(not self._wide)
            self._fill()

    def refresh_rows(self) -> None:
        from tui.present.overview import rows_of

        self.rows = rows_of(self.archive, self.stale)
        self._fill()

    def on_archive_changed(self, message: ArchiveChanged) -> None:
        self.stale = message.stale
        self.refresh_rows()

    def _fill(self) -> None:
        from tui.present.overview import filtered, sorted_rows

        table = self.query_one(VisitsTable)
        highlighted = self.highlighted
        shown = sorted_rows(filtered(self.rows, self.filter_text), self.column, self.descending)
        table.clear()
        for row in shown:
            # Marked as the lists mark drafted entries: the State column may be off screen.
            title = DRAFTED_MARK + row.title if row.drafted else row.title
            cells = (title, row.lead, row.places, row.dates, str(row.people), str(row.events))
            table.add_row(*(cell(text) for text in (*cells, row.state)), key=row.ref.briefing)
        if highlighted is not None and highlighted in table.rows:
            table.move_cursor(row=table.get_row_index(highlighted), animate=False)
        order = (
            "newest first"
            if self.column == "dates" and self.descending
            else ("descending" if self.descending else "ascending")
        )
        what = f"{count(len(shown), 'visit')} of {len(self.rows):,}"
        heading = _HEADINGS[self.column][0]
        drafts = sum(1 for row in shown if row.drafted)
        to_review = f"; {DRAFTED_MARK}{count(drafts, 'draft')} to review" if drafts else ""
        self.query_one("#visits-title", Static).update(
            plain_line(
                f"Visits: {what}, by {heading.lower()} ({order}){to_review}; "
                "dates without a year last"
            )
        )

    @property
    def highlighted(self) -> str | None:
        table = self.query_one(VisitsTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return key

    def filter_by(self, text: str) -> None:
        """Show the visits the text finds, with the list focused to open one."""
        self.query_one(Input).value = text  # filters, on Input.Changed
        self.action_to_table()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.filter_text = event.value
        self._fill()

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        key = event.column_key.value
        if key in COLUMNS:
            self._sort(key)

    def _sort(self, column: str) -> None:
        if column == self.column:
            self.descending = not self.descending
        else:
            self.column, self.descending = column, column in ("dates", "people", "events", "state")
        self._fill()

    def action_sort_next(self) -> None:
        following = COLUMNS[(COLUMNS.index(self.column) + 1) % len(COLUMNS)]
        self._sort(following)

    def action_sort_reverse(self) -> None:
        self._sort(self.column)

    # Focus set now, not after the keys already queued: "f" then a word typed fast
    # filters by the word (Widget.focus would give its letters to the list).
    def action_to_table(self) -> None:
        self.set_focus(self.query_one(VisitsTable))

    def action_to_filter(self) -> None:
        self.set_focus(self.query_one(Input))

    def action_leave(self) -> None:
        if self.focused is self.query_one(Input):  # escape in the filter: back to the list
            self.action_to_table()
            return
        self.dismiss(None)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value is not None:
            self.dismiss(event.row_key.value)
