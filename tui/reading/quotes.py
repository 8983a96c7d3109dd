"""Checking that a quote really is in its source.

Quotes are compared with whitespace runs folded to one space, because a YAML author
wraps long passages over several lines; every other character must match exactly.
"""

import re
from functools import cached_property


def fold_whitespace(text: str) -> str:
    # str.split() and the pattern's \s agree on what whitespace is; splitting is
    # several times faster on a long source text.
    return " ".join(text.split())


class SourceText:
    """A source text, ready for quote look-ups."""

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def _folded(self) -> str:
        # Folded on first use: a briefing that comes from the cache never needs it.
        return fold_whitespace(self.text)

    def contains(self, quote: str) -> bool:
        return fold_whitespace(quote) in self._folded

    def span(self, quote: str) -> tuple[int, int] | None:
        """Where the quote stands in the original text, as (start, end) offsets."""
        words = fold_whitespace(quote).split(" ")
        pattern = r"\s+".join(re.escape(word) for word in words)
        match = re.search(pattern, self.text)
        return match.span() if match else None
