"""An article as its title, paragraphs, sentences and word tokens, each with its
offsets in the text, so that whatever is quoted is a slice of the text itself."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

# A full stop after these does not end a sentence.
ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "mag",
        "st",
        "no",
        "co",
        "ltd",
        "inc",
        "corp",
        "jr",
        "sr",
        "gen",
        "col",
        "lt",
        "sen",
        "rep",
        "gov",
        "hon",
        # "H.E. X" (His or Her Excellency), "Eng. X" (an engineer, as Kenya writes it)
        "h.e",
        "eng",
        "engr",
        "atty",
        "messrs",
        "mme",
        "mlle",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "vs",
        "approx",
        "dept",
        "est",
        "fig",
        "ft",
    ]
)

_TOKEN = re.compile(r"\w+(?:['’\-&.]\w+)*|[^\w\s]")
_SENTENCE_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+|$)")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum() or self.text[0] == "_"

    @property
    def is_capitalized(self) -> bool:
        return self.text[0].isupper()

    @property
    def lower(self) -> str:
        return self.text.lower()


@dataclass(frozen=True)
class Sentence:
    index: int
    paragraph: int
    start: int
    end: int
    text: str = field(repr=False)

    @cached_property
    def tokens(self) -> list[Token]:
        return [
            Token(match.group(), self.start + match.start(), self.start + match.end())
            for match in _TOKEN.finditer(self.text)
        ]


@dataclass(frozen=True)
class Article:
    text: str
    title: Sentence
    sentences: list[Sentence]  # the body, title excluded

    def slice(self, start: int, end: int) -> str:
        return self.text[start:end]

    def sentence_at(self, offset: int) -> Sentence | None:
        for sentence in self.sentences:
            if sentence.start <= offset < sentence.end:
                return sentence
        return None

    def clause(self, sentence: Sentence, start: int, end: int, longest: int = 220) -> str:
        """The sentence, or for a long one the clause (between commas or semicolons)
        that holds the span from start to end."""
        if sentence.end - sentence.start <= longest:
            return sentence.text.strip()
        left = max(self.text.rfind(mark, sentence.start, start) for mark in (", ", "; "))
        left = sentence.start if left < 0 else left + 2
        rights = [self.text.find(mark, end, sentence.end) for mark in (", ", "; ")]
        right = min([r for r in rights if r >= 0], default=sentence.end)
        return self.text[left:right].strip() or sentence.text.strip()


def read_article(text: str) -> Article:
    """Split an article. Its first non-empty line is the title; raises ValueError when
    the text has none."""
    lines = list(re.finditer(r"[^\r\n\u2028\u2029\x0b\x0c\x1c-\x1e\x85]+", text))
    lines = [line for line in lines if line.group().strip()]
    if not lines:
        raise ValueError("the article is empty")
    first = lines[0]
    title_start = first.start() + len(first.group()) - len(first.group().lstrip())
    title = Sentence(-1, -1, title_start, first.end(), first.group().strip())
    sentences: list[Sentence] = []
    for paragraph, line in enumerate(lines[1:]):
        for start, end in _split_sentences(line.group()):
            begin, stop = line.start() + start, line.start() + end
            sentences.append(Sentence(len(sentences), paragraph, begin, stop, text[begin:stop]))
    return Article(text, title, sentences)


def _split_sentences(line: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for match in _SENTENCE_END.finditer(line):
        before = line[start : match.start()].rsplit(None, 1)
        last_word = before[-1].lower().lstrip('("“') if before else ""
        following = line[match.end() :].lstrip()[:1]
        if match.group().startswith(".") and (
            last_word in ABBREVIATIONS or (len(last_word) == 1 and last_word.isalpha())
        ):
            continue
        if following and not (following.isupper() or following.isdigit() or following in "\"“'‘("):
            continue
        spans.append((start, match.end()))
        start = match.end()
    spans.append((start, len(line)))
    result = []
    for begin, end in spans:
        piece = line[begin:end]
        stripped = piece.strip()
        if stripped:
            offset = begin + len(piece) - len(piece.lstrip())
            result.append((offset, offset + len(stripped)))
    return result
