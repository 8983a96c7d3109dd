"""Making untrusted text safe to put on a terminal.

Text from a briefing file may carry control characters: an escape sequence could
clear the screen, retitle the window or write to the clipboard (OSC 52), and
bidirectional overrides can make text read differently from what it is. Each is
replaced by U+FFFD before anything reaches the screen or standard output: the reader
sees that something was there, and offsets into the text stay valid.
"""

import re

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_LINE_BREAKS = re.compile(r"\s*[\n\t]\s*")


REPLACEMENT = "\ufffd"


def printable(text: str) -> str:
    """The text with control characters replaced; line breaks and tabs stay."""
    return _UNSAFE.sub(REPLACEMENT, text)


def one_line(text: str) -> str:
    """Printable text on a single line, for table cells and titles."""
    return _LINE_BREAKS.sub(" ", printable(text)).strip()
