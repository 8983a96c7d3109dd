"""Checking that a quote really is in its source.

Quotes are compared with whitespace runs folded to one space, because a YAML author
wraps long passages over several lines; every other character must match exactly.
"""

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cached_property
from itertools import pairwise


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


@dataclass(frozen=True)
class Closest:
    """The passage of a source nearest to a quote that is not in it."""

    passage: str
    line: int
    # (the quote's words, the source's words) where they part; either may be empty.
    differences: list[tuple[str, str]]


# A sentence runs to its full stop (with any closing quote) or to a paragraph break;
# the full stop of a title before a name ("Mr. Le Mingham") ends none.
_SENTENCE = re.compile(
    r"[^\s].*?(?:(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bProf)"
    r"[.!?]+[\"'”’)]*(?=\s)|(?=\n\s*\n)|$)",
    re.DOTALL,
)


def sentences(text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of the text's sentences."""
    return [match.span() for match in _SENTENCE.finditer(text)]


def closest(source: SourceText, quote: str) -> Closest | None:
    """The source's passage most like the quote, by rapidfuzz over its sentences
    (and pairs of them, for a quote that runs over a full stop); None when nothing
    comes close."""
    # Imported here: only a quote that fails its check needs it.
    from rapidfuzz import fuzz, process

    wanted = fold_whitespace(quote)
    spans = sentences(source.text)
    candidates = [fold_whitespace(source.text[start:end]) for start, end in spans]
    candidates += [f"{a} {b}" for a, b in pairwise(candidates)]
    # partial_ratio scores a short sentence found whole in the quote as highly as the
    # quote found in a sentence: only candidates near the quote's length compete.
    candidates = [c for c in candidates if len(c) * 3 >= len(wanted) * 2] or candidates
    best = process.extractOne(wanted, candidates, scorer=fuzz.partial_ratio, score_cutoff=60)
    if best is None:
        return None
    candidate = best[0]
    alignment = fuzz.partial_ratio_alignment(wanted, candidate)
    start, end = 0, len(candidate)
    if alignment is not None and len(wanted) < len(candidate):
        # Out to whole words: an alignment may start or end inside one.
        start = candidate.rfind(" ", 0, alignment.dest_start) + 1
        stop = candidate.find(" ", alignment.dest_end)
        end = len(candidate) if stop < 0 else stop
    words = _trimmed(wanted.split(" "), candidate[start:end].split(" "))
    passage = " ".join(words)
    span = source.span(passage)
    line = source.text.count("\n", 0, span[0]) + 1 if span else 1
    return Closest(passage, line, _differences(wanted.split(" "), words))


def _trimmed(quote: list[str], passage: list[str]) -> list[str]:
    """The passage without the words at either end that the quote does not reach
    (a quote may start or stop inside a sentence, or inside a word's punctuation)."""
    opcodes = SequenceMatcher(a=quote, b=passage, autojunk=False).get_opcodes()
    if len(opcodes) > 1 and opcodes[-1][0] == "insert":
        passage = passage[: opcodes[-1][3]]
    if len(opcodes) > 1 and opcodes[0][0] == "insert":
        passage = passage[opcodes[0][4] :]
    if passage and passage[-1] != quote[-1] and passage[-1].startswith(quote[-1]):
        passage = [*passage[:-1], quote[-1]]
    if passage and passage[0] != quote[0] and passage[0].endswith(quote[0]):
        passage = [quote[0], *passage[1:]]
    return passage


def _differences(quote: list[str], passage: list[str]) -> list[tuple[str, str]]:
    matcher = SequenceMatcher(a=quote, b=passage, autojunk=False)
    return [
        (" ".join(quote[a0:a1]), " ".join(passage[b0:b1]))
        for tag, a0, a1, b0, b1 in matcher.get_opcodes()
        if tag != "equal"
    ]
