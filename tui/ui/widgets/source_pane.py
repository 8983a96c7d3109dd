"""The source text, with the passages behind the open entry highlighted."""

from __future__ import annotations

import re

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from tui.present.describe import count
from tui.present.printable import one_line, printable
from tui.reading.quotes import SourceText

_PARAGRAPH_BREAK = re.compile(r"\n\s*")


class SourcePane(VerticalScroll):
    """One widget per paragraph, so the first highlighted one can be scrolled to."""

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id)
        self._source: SourceText | None = None
        self._paragraphs: list[tuple[int, int]] = []
        self._widgets: list[Static] = []

    def compose(self) -> ComposeResult:
        yield Static("No source text.", id="source-empty")

    def show(self, source: SourceText | None, quotes: list[str], title: str) -> None:
        # A str border title is parsed as markup: the file's title must stay plain text.
        self.border_title = Content.assemble("Source: ", one_line(title))
        if source is not self._source:
            self._load(source)
        spans = [span for quote in quotes if (span := source.span(quote))] if source else []
        self.border_subtitle = (
            f"{count(len(spans), 'passage')} highlighted" if quotes else "nothing to highlight"
        )
        first = None
        for widget, (start, end) in zip(self._widgets, self._paragraphs, strict=True):
            text = printable(source.text[start:end]) if source else ""
            content = Content(text)
            marked = False
            for span_start, span_end in spans:
                lo, hi = max(span_start, start), min(span_end, end)
                if lo < hi:
                    content = content.stylize("reverse", lo - start, hi - start)
                    marked = True
            widget.set_class(marked, "-marked")
            widget.update(content)
            if marked and first is None:
                first = widget
        if first is not None:
            # After the refresh, so newly mounted paragraphs have their place.
            self.call_after_refresh(self.scroll_to_widget, first, animate=False, top=True)

    def _load(self, source: SourceText | None) -> None:
        self._source = source
        self.remove_children(".paragraph")
        self._paragraphs = []
        self._widgets = []
        if source is None:
            self.query_one("#source-empty").display = True
            return
        start = 0
        for match in _PARAGRAPH_BREAK.finditer(source.text + "\n"):
            if match.start() > start:
                self._paragraphs.append((start, match.start()))
            start = match.end()
        self.query_one("#source-empty").display = not self._paragraphs
        self._widgets = [Static(classes="paragraph") for _ in self._paragraphs]
        self.mount_all(self._widgets)
