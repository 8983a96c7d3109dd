"""Dates as the article states them: the phrase as written, month and day where it
says them, and a year only where the same phrase gives one. Nothing is computed from
today's date, and a relative phrase ("yesterday afternoon") stays words."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from tui.drafting.lexicon import MONTHS
from tui.drafting.sentences import Article, Sentence

_MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
    r"Aug(?:ust|\.)?|Sept(?:ember|\.)?|Sep\.?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_FULL_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|2\d\d\d)"
_TO = r"\s*(?:to|through|until|till|and|-|–|—)\s*"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PREFIX = (
    r"(?:(?:[Ff]rom|[Oo]n|[Bb]etween|[Ss]ince|[Uu]ntil|[Bb]y|[Dd]uring)\s+)?"
    # "On Wednesday, 17 May 2023": the weekday is part of the date as stated.
    # "On Thursday (Sept. 11)": the date in brackets after its weekday, one phrase.
    rf"(?:{_WEEKDAY}(?:,?\s+|\s+(?P<bracket>\()))?"
    r"(?:the\s+(?:morning|afternoon|evening|night)\s+of\s+)?"
    # "On the final day, June 6": which day of the visit, then its date.
    r"(?:the\s+(?:first|last|final)\s+day,\s+)?"
)
_LOCAL = r"(?:,?\s*local\s+time)?"
# "late", "mid-", "early to mid-", "the end of": a part of the month that follows.
_PART = (
    r"(?:(?:early|mid|late)(?:\s*(?:to|-|–)\s*(?:early|mid|late))?[- ]?|"
    r"the\s+(?:end|beginning|middle|start)\s+of\s+)"
)

_FORMS = [
    # October 30 to November 2, 2024 / October 9 to 12 / October 9 / Sunday, September 14
    # to Friday, September 19
    rf"(?P<m1>{_MONTH})\s+(?P<d1>{_DAY})"
    rf"(?:{_TO}(?:(?:{_WEEKDAY},?\s+)?(?P<m2>{_MONTH})\s+)?(?P<d2>{_DAY})\b)?"
    rf"(?:,?\s+(?P<y>{_YEAR}))?\b",
    # 13 to 17 March 2024 / 30 March to 2 April / 14 March / 15 Oct., its full stop too
    rf"(?P<d1>{_DAY})(?:\s+(?P<m1>{_MONTH}))?(?:{_TO}(?P<d2>{_DAY}))?\s+(?P<m2>{_MONTH})"
    rf"(?:,?\s+(?P<y>{_YEAR}))?(?:\b|(?<=\.))",
    # 2024-10-18
    r"(?P<iso>(?P<y>\d{4})-(?P<mn>0[1-9]|1[0-2])-(?P<dn>0[1-9]|[12]\d|3[01]))\b",
    # in October 2024 (no day)
    rf"(?P<m1>{_FULL_MONTH})\s+(?P<y>{_YEAR})\b",
    # late September to early October / mid-June / the end of May: part of a month, no
    # day, so only the words (and a year the phrase gives).
    rf"(?:[Ii]n\s+)?{_PART}{_MONTH}(?:{_TO}(?:{_PART})?{_MONTH}(?!\s*\d))?"
    rf"(?:,?\s+(?P<y>{_YEAR}))?\b",
]
_DATES = [
    re.compile(r"(?<![\w-])" + _PREFIX + form + _LOCAL + r"(?(bracket)\))") for form in _FORMS
]
_RELATIVE = re.compile(
    r"\b(?:(?:yesterday|today|tonight|tomorrow)(?:\s+(?:morning|afternoon|evening))?|"
    r"(?:this|that)\s+(?:morning|afternoon|evening)|"
    # "On the afternoon of the same day": the part of the day is said with it.
    # "In the afternoon of same day": translated text drops the second "the".
    r"(?:(?:on|in)\s+)?the\s+(?:morning|afternoon|evening)\s+of\s+(?:the\s+)?"
    r"(?:next|following|same)\s+day|"
    r"the\s+(?:next|following|same|previous)\s+(?:day|morning|afternoon|evening)|"
    r"later\s+(?:that|the\s+same)\s+(?:day|morning|afternoon|evening)|"
    r"in\s+the\s+(?:morning|afternoon|evening)|"
    # "The evening before", "A day later": counted from the day the text just gave.
    r"the\s+(?:day|morning|afternoon|evening|night)\s+before\b(?!\s+(?:the|a|an|his|her|its)\b)|"
    r"(?:a|one)\s+day\s+later|"
    # "Two days after the signing of the agreement, ...": counted from an event told.
    r"(?:a|one|two|three|four|five)\s+days?\s+after\s+the\s+[\w\s'’-]{3,60}?(?=,)|"
    # "Two days later", "Over the next two days": counted from a day the text gave.
    r"(?:two|three|four|five|a\s+few|several)\s+days\s+later|"
    r"over\s+the\s+(?:next|following)\s+(?:two|three|four|five|few|several)\s+days|"
    # "On the 16th": a day of a month the sentence does not name, so words only.
    r"on\s+(?:the\s+(?:morning|afternoon|evening)\s+of\s+)?"
    r"the\s+(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)(?!\s+(?:century|anniversary|"
    r"floor|edition|session|round|annual|plenary|congress)\b)|"
    # "on the last evening", "The last day, Thursday": which day of the stay it was.
    r"(?:on\s+)?the\s+(?:first|second|third|last|final)\s+(?:(?:two|three|four)\s+)?"
    r"(?:days?|mornings?|afternoons?|evenings?|nights?)"
    rf"(?:\s+of\s+the\s+(?:tour|visit|trip|mission|stay))?(?:,\s+{_WEEKDAY}(?=,))?|"
    r"(?:last|this|next|earlier\s+this|later\s+this)\s+(?:week|weekend|month)|"
    # "at the end of the month", "by the beginning of next year": no day, no year.
    r"(?:(?:at|by|until|before|from)\s+)?the\s+(?:end|beginning|start|middle)\s+of\s+"
    r"(?:the|this|next|that)\s+(?:week|month|year)|"
    # "on Tuesday afternoon": a weekday names no date, so it stays words.
    # "runs through Thursday", "until Friday": the words still name no date.
    # "Later on Tuesday": the words before the weekday say when on it.
    # "on a Thursday evening": which Thursday, the text does not say.
    r"(?:(?:later|earlier)\s+)?(?:(?:on|through|until|till)\s+)?(?:last\s+|this\s+|next\s+|a\s+|the\s+)?"
    rf"{_WEEKDAY}"
    r"(?:\s+(?:morning|afternoon|evening|night))?"
    # "On Friday, the last day of the visit": the weekday and which day it was, one phrase.
    r"(?:,\s+the\s+(?:first|second|third|last|final)\s+day"
    r"(?:\s+of\s+the\s+(?:tour|visit|trip|mission|stay))?)?)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateMention:
    as_stated: str
    start: int
    end: int
    sentence: Sentence
    year: int | None = None
    first: tuple[int, int] | None = None  # (month, day)
    last: tuple[int, int] | None = None

    def stated_date(self) -> dict[str, object]:
        """As the format has it. A day no calendar has ("April 31") is left to the
        words, and so is the end of a range that runs into the next year, which the
        format cannot order."""
        date: dict[str, object] = {"as_stated": self.as_stated}
        if self.year is not None:
            date["year"] = self.year
        first = self.first if self.first and _exists(self.first, self.year) else None
        last = self.last if first and self.last and _exists(self.last, self.year) else None
        if first is not None:
            date["start"] = {"month": first[0], "day": first[1]}
        if first is not None and last is not None and last >= first:
            date["end"] = {"month": last[0], "day": last[1]}
        return date


def _exists(day: tuple[int, int], year: int | None) -> bool:
    # Without a year, a day that some year has: 29 February is a leap year's.
    return day[1] <= calendar.monthrange(year if year is not None else 2000, day[0])[1]


def find_dates(article: Article) -> list[DateMention]:
    found: list[DateMention] = []
    for sentence in article.sentences:
        found.extend(dates_in(sentence))
    return found


def dates_in(sentence: Sentence) -> list[DateMention]:
    found = []
    taken: list[tuple[int, int]] = []
    matches = [match for pattern in _DATES for match in pattern.finditer(sentence.text)]
    # The earliest and then the longest reading of each stretch of text wins.
    for match in sorted(matches, key=lambda match: (match.start(), -match.end())):
        if any(start < match.end() and match.start() < end for start, end in taken):
            continue
        mention = _mention(match, sentence)
        if mention is not None:
            found.append(mention)
            taken.append(match.span())
    for match in _RELATIVE.finditer(sentence.text):
        if any(start < match.end() and match.start() < end for start, end in taken):
            continue
        found.append(
            DateMention(
                match.group(),
                sentence.start + match.start(),
                sentence.start + match.end(),
                sentence,
            )
        )
    return sorted(found, key=lambda mention: mention.start)


def _number(day: str) -> int:
    return int(re.sub(r"\D", "", day))


def _month(word: str | None) -> int | None:
    return MONTHS.get(word.rstrip(".").lower()) if word else None


def _mention(match: re.Match[str], sentence: Sentence) -> DateMention | None:
    groups = match.groupdict()
    text = match.group().strip()
    start = sentence.start + match.start() + (len(match.group()) - len(match.group().lstrip()))
    year = int(groups["y"]) if groups.get("y") else None
    first = last = None
    if groups.get("iso"):
        first = (int(groups["mn"]), int(groups["dn"]))
    elif groups.get("d1"):
        month_one = _month(groups.get("m1"))
        month_two = _month(groups.get("m2"))
        day_one = _number(groups["d1"])
        # "13 to 17 March": the month comes last; "October 9 to 12": it comes first.
        first_month = month_one or month_two
        if first_month is None:
            return None
        first = (first_month, day_one)
        if groups.get("d2"):
            last = (month_two or first_month, _number(groups["d2"]))
    return DateMention(text, start, start + len(text), sentence, year, first, last)
