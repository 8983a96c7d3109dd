"""Folding names into the form people type them in: no case, no accents, no punctuation."""

import re
import unicodedata

_NOT_WORD = re.compile(r"[\W_]+")


def fold(name: str) -> str:
    """'Diplé' -> 'diple', 'Jean-Paul  O’Brien' -> 'jean paul o brien'."""
    if name.isascii():
        # Nothing to decompose, and ASCII casefolds to lower case: the same, faster.
        return _NOT_WORD.sub(" ", name.lower()).strip()
    decomposed = unicodedata.normalize("NFKD", name)
    bare = decomposed.translate(_COMBINING_MARKS)
    return _NOT_WORD.sub(" ", bare.casefold()).strip()


# Letters that Unicode does not decompose into a base letter and a mark, spelt the way
# people without the key type them: "lukasz" finds Łukasz, "orsted" finds Ørsted.
_LETTERS = {
    "Ł": "L", "ł": "l", "Ø": "O", "ø": "o", "Æ": "Ae", "æ": "ae", "Œ": "Oe", "œ": "oe",
    "Đ": "D", "đ": "d", "Ð": "D", "ð": "d", "Þ": "Th", "þ": "th", "ı": "i", "ß": "ss",
}  # fmt: skip


class _CombiningMarks(dict[int, int | str | None]):
    """For str.translate: combining characters map to nothing (dropped), letters
    without a decomposition to their plain spelling, every other character to itself;
    each character is looked up once, then remembered."""

    def __missing__(self, code: int) -> int | str | None:
        char = chr(code)
        mapped = _LETTERS.get(char) or (None if unicodedata.combining(char) else code)
        if len(self) < 50_000:  # a hostile file may hold every character there is
            self[code] = mapped
        return mapped


_COMBINING_MARKS = _CombiningMarks()
