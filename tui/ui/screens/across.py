"""An entity page: a person, organization or theme across every loaded visit."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Static

from tui.index.refs import Ref
from tui.present.describe import count
from tui.present.printable import one_line
from tui.ui.bindings import list_moves
from tui.ui.messages import ArchiveChanged
from tui.ui.screens.dialog import ClosingOnce
from tui.ui.widgets.footer import KeysFooter
from tui.ui.widgets.plain import cell, plain, plain_line

if TYPE_CHECKING:  # the app's first screen is drawn before these modules load
    from tui.index.archive import Archive
    from tui.present.across import Page


class AppearanceTable(DataTable[object]):
    BINDINGS = [
        Binding("enter", "select_cursor", "Open", tooltip="Open the event in its briefing"),
        *list_moves("scroll_top", "scroll_bottom"),
    ]


class AcrossScreen(ClosingOnce[Ref | None]):
    """Dismissed with the entry to open in the browsing screen, or None."""

    BINDINGS = [Binding("escape", "leave", "Back", tooltip="Back to where you were")]

    def __init__(self, archive: Archive, ref: Ref) -> None:
        super().__init__()
        self.archive = archive
        self.ref = ref
        self.page: Page | None = None
        # What each row opens, by row key; the keys are new at every fill, so that a
        # selection made before a refill opens nothing (the row it named has gone).
        self._rows: dict[str, Ref] = {}
        self._fills = 0

    def compose(self) -> ComposeResult:
        with Vertical(id="across"):
            with VerticalScroll(id="across-text"):
                yield Static(id="across-title")
                yield Static(id="across-body")
            yield AppearanceTable(id="across-table", cursor_type="row", zebra_stripes=True)
            yield Static(id="across-outcomes")
        yield KeysFooter()

    def on_mount(self) -> None:
        table = self.query_one(AppearanceTable)
        # Every column in 120 columns; the outcomes in full are under the list.
        for label, width in (
            ("When (as stated)", 24),
            ("Event", 24),
            ("Visit", 22),
            ("Place", 14),
            ("Outcomes", 20),
        ):
            table.add_column(label, width=width)
        self._show()
        self.focus_first(table)

    def on_archive_changed(self, message: ArchiveChanged) -> None:
        if self.ref in self.archive:
            self._show()
        else:
            self.action_leave()

    def _show(self) -> None:
        from tui.index.mixed import KIND_LABELS
        from tui.present.across import page_of

        page = self.page = page_of(self.archive, self.ref)
        kind = KIND_LABELS[page.kind]
        visits = len({a.briefing for a in page.appearances})
        self.query_one("#across-title", Static).update(
            Content.assemble(
                (f"{kind}: ", "$text-muted"),
                (one_line(page.title), "bold"),
                (f" · {count(visits, 'visit')}", "$text-muted"),
            )
        )
        self.query_one("#across-body", Static).update(_body(self.archive, page))
        table = self.query_one(AppearanceTable)
        table.clear()
        self._rows = {}
        self._fills += 1
        for number, appearance in enumerate(page.appearances):
            place = appearance.place or "—"
            if appearance.place_inferred:
                place += " (inferred)"
            when = appearance.date
            if appearance.date != appearance.visit_date:
                when = f"{appearance.date} · visit {appearance.visit_date}"
            table.add_row(
                *(
                    cell(text)
                    for text in (
                        when,
                        appearance.title if appearance.event else "(at no event)",
                        appearance.visit,
                        place,
                        " ".join(appearance.outcomes) or "—",
                    )
                ),
                key=f"{self._fills}:{number}",
            )
            self._rows[f"{self._fills}:{number}"] = appearance.event or appearance.briefing

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """Outcomes in full under the list: what was agreed at the highlighted event."""
        event.stop()
        page = self.page
        outcomes = self.query_one("#across-outcomes", Static)
        if page is None or not 0 <= event.cursor_row < len(page.appearances):
            outcomes.update("")
            return
        appearance = page.appearances[event.cursor_row]
        parts: list[Content | str | tuple[str, str]] = [
            (one_line(f"{appearance.title} — outcomes"), "bold"),
            "\n",
        ]
        if appearance.outcomes:
            parts += [part for line in appearance.outcomes for part in ("• ", plain(line), "\n")]
        else:
            parts.append(("none stated", "$text-muted"))
        outcomes.update(Content.assemble(*parts))

    def action_leave(self) -> None:
        self.dismiss(None)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        key = event.row_key.value
        if key in self._rows:
            self.dismiss(self._rows[key])


def _body(archive: Archive, page: Page) -> Content:
    parts: list[Content | str | tuple[str, str]] = []
    if page.met:
        parts += [plain_line(page.met), "\n"]
    for heading, links in (
        ("The same in other visits (linked by name)", page.linked),
        ("Same name, not taken to be the same", page.namesakes),
    ):
        if links:
            parts += ["\n", (heading, "bold underline"), "\n"]
        for link in links:
            where = archive.briefings[link.ref.briefing].title
            line = f"{archive.label(link.ref)} in {where}: {link.reason}"
            parts += ["• ", plain_line(line), "\n"]
    if page.relations:
        parts += ["\n", ("Relations", "bold underline"), "\n"]
        parts += [part for line in page.relations for part in ("• ", plain(line), "\n")]
    if page.people:
        parts += ["\n", ("People met", "bold underline"), "\n"]
        for ref, visits in page.people:
            person = archive.person(ref)
            title = f", {person.title}" if person and person.title else ""
            line = f"{archive.label(ref)}{title} ({'; '.join(visits)})"
            parts += ["• ", plain_line(line), "\n"]
    return Content.assemble(*parts)
