"""Folding names into the form people type them in: no case, no accents, no punctuation."""

import re
import unicodedata

_NOT_WORD = re.compile(r"[\W_]+")


def fold(name: str) -> str:
    """'Diplé' -> 'diple', 'Jean-Paul  O’Brien' -> 'jean paul o brien'."""
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _NOT_WORD.sub(" ", bare.casefold()).strip()
