"""Untrusted text as Textual content that is never parsed as markup.

Every string read from a briefing reaches a widget through one of these, or as a
(text, style) part of `Content.assemble` after `one_line` or `printable`: Textual's
widgets parse plain `str` as markup by default, and none of them strip escape
sequences.
"""

from rich.text import Text
from textual.content import Content

from tui.present.printable import one_line, printable


def plain(text: str) -> Content:
    return Content(printable(text))


def plain_line(text: str) -> Content:
    return Content(one_line(text))


def cell(text: str) -> Text:
    """A table cell (the data table takes Rich text, not Textual content)."""
    return Text(one_line(text), overflow="ellipsis", no_wrap=True)
