"""The source text, with the passages behind the open entry highlighted: the passage of
the fact selected in the detail (or stepped to with n / p) strongly, the entry's other
passages faintly, and the strong one scrolled to the middle of the pane."""

from __future__ import annotations

import re

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.geometry import Region
from textual.widgets import Static

from tui.present.describe import count
from tui.present.printable import one_line, printable
from tui.reading.quotes import SourceText

_PARAGRAPH_BREAK = re.compile(r"\n\s*")

# The current passage, and the entry's others: told apart without colour too (NO_COLOR).
CURRENT = "reverse"
OTHER = "underline"

Span = tuple[int, int]


class SourcePane(VerticalScroll):
    """One widget per paragraph; a passage is scrolled to by the line it starts on."""

    BINDINGS = [
        Binding("up,k", "scroll_up", "Scroll up", show=False),
        Binding("down,j", "scroll_down", "Scroll down", show=False),
        Binding("pageup,shift+space", "page_up", "Page up", show=False),
        Binding("pagedown,space", "page_down", "Page down", show=False),
        Binding("home", "scroll_home", "Top", show=False),
        Binding("end", "scroll_end", "Bottom", show=False),
    ]

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id)
        self._source: SourceText | None = None
        self._paragraphs: list[Span] = []
        self._widgets: list[Static] = []
        self._spans: list[Span] = []  # the entry's passages, in the order of the text
        self._current: list[Span] = []  # those shown strongly; none: all alike
        self._nothing = True  # the entry has no quotes at all

    def compose(self) -> ComposeResult:
        yield Static("No source text.", id="source-empty")

    def show(self, source: SourceText | None, quotes: list[str], title: str) -> None:
        """The entry's passages, all highlighted alike, the first one in view."""
        # A str border title is parsed as markup: the file's title must stay plain text.
        self.border_title = Content.assemble("6 Source: ", one_line(title))
        if source is not self._source:
            self._load(source)
        self._spans = sorted({span for quote in quotes if (span := self._span(quote))})
        self._current = []
        self._nothing = not quotes
        self._restyle()

    def select(self, quotes: tuple[str, ...]) -> None:
        """Highlight these passages (a fact's own) strongly and bring them into view."""
        self._current = sorted({span for quote in quotes if (span := self._span(quote))})
        # A fact may rest on a passage the entry's list does not hold as such (the same
        # words found elsewhere first): it counts among the entry's passages then.
        self._spans = sorted({*self._spans, *self._current})
        self._restyle()

    def step(self, by: int) -> None:
        """To the entry's next (1) or previous (-1) passage, round the end."""
        if not self._spans:
            return
        if self._current:
            at = self._spans.index(self._current[0 if by < 0 else -1])
            index = (at + by) % len(self._spans)
        else:
            index = 0 if by > 0 else len(self._spans) - 1
        self._current = [self._spans[index]]
        self._restyle()

    @property
    def current_passages(self) -> list[str]:
        """The text of the passages shown strongly (for tests and the terminal check)."""
        text = self._source.text if self._source else ""
        return [text[start:end] for start, end in self._current]

    def _span(self, quote: str) -> Span | None:
        return self._source.span(quote) if self._source else None

    def _restyle(self) -> None:
        source = self._source
        if not self._spans:
            self.border_subtitle = "nothing to highlight" if self._nothing else "0 passages found"
        elif self._current and len(self._current) == 1:
            number = self._spans.index(self._current[0]) + 1
            self.border_subtitle = f"passage {number} of {len(self._spans)} · ] [ next, previous"
        elif self._current:
            self.border_subtitle = (
                f"{count(len(self._current), 'passage')} of {len(self._spans)} · ] [ next, previous"
            )
        else:
            self.border_subtitle = f"{count(len(self._spans), 'passage')} highlighted"
        strong = set(self._current) if self._current else set(self._spans)
        for widget, (start, end) in zip(self._widgets, self._paragraphs, strict=True):
            content = Content(printable(source.text[start:end]) if source else "")
            marked = False
            for span_start, span_end in self._spans:
                lo, hi = max(span_start, start), min(span_end, end)
                if lo < hi:
                    style = CURRENT if (span_start, span_end) in strong else OTHER
                    content = content.stylize(style, lo - start, hi - start)
                    marked = True
            widget.set_class(marked, "-marked")
            widget.update(content)
        # After the refresh, so that new paragraphs and new text have their size.
        self.call_after_refresh(self.reveal)

    def reveal(self) -> None:
        """Scroll the first strong passage itself (not its paragraph) to the middle."""
        strong = self._current or self._spans
        if not strong or not self._widgets or not self.size.height:
            return
        start, end = strong[0]
        at = next((i for i, (lo, hi) in enumerate(self._paragraphs) if lo <= start < hi), None)
        if at is None:
            return
        widget, (p_start, p_end) = self._widgets[at], self._paragraphs[at]
        width = widget.content_region.width or widget.size.width
        if not width:
            return
        text = Content(printable(self._source.text[p_start:p_end]) if self._source else "")
        first = _line_of(text, width, start - p_start)
        last = _line_of(text, width, min(end, p_end) - 1 - p_start)
        region = widget.virtual_region
        # A passage taller than the pane shows from its first line.
        height = min(last - first + 1, max(self.scrollable_content_region.height, 1))
        self.scroll_to_region(
            Region(region.x, region.y + first, region.width, height),
            animate=False,
            center=True,
            immediate=True,
        )

    def on_resize(self) -> None:
        # Rewrapped, or shown again after being hidden: the passage moved.
        self.call_after_refresh(self.reveal)

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


def _line_of(text: Content, width: int, offset: int) -> int:
    """The line, once the text is wrapped to the width, that holds the character."""
    plain = text.plain
    position = 0
    lines = text.wrap(width)
    for number, line in enumerate(lines):
        words = line.plain.rstrip()
        found = plain.find(words, position) if words else position
        if found < 0:
            break
        position = found + len(words)
        if offset < position:
            return number
    return max(len(lines) - 1, 0)
