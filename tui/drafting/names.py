"""Runs of capitalized words in a sentence, and what kind of name each is: a person,
an organization, an event or a place. Shared by the people, organizations and
itinerary rules."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from itertools import pairwise

from tui.drafting.lexicon import (
    CONTINENTS,
    COUNTRIES,
    DEPARTMENT_WORDS,
    EVENT_HEADS,
    HONORIFICS,
    LEADING,
    MONTHS,
    NAME_CONNECTORS,
    NOT_NAMES,
    ORGANIZATION_HEADS,
    PARTICLES,
    TITLE_HEADS,
    TITLE_MODIFIERS,
)
from tui.drafting.sentences import Sentence, Token

# Short upper-case words that are not organizations.
NOT_ACRONYMS = frozenset(
    [
        "EU",
        "UN",
        "US",
        "USA",
        "UK",
        "UAE",
        "CEO",
        "CFO",
        "CTO",
        "COO",
        "CPC",
        "R&D",
        "SME",
        "SMES",
        "GDP",
        "ICT",
        "AI",
    ]
)


# Legal forms written before a company's name.
# Estonia's "AS Tallinna Sadam" writes its "AS" first.
COMPANY_PREFIXES = frozenset(
    ["PT", "CV", "JSC", "PJSC", "OJSC", "OOO", "AO", "PAO", "SIA", "UAB", "AS"]
)


# "Debrecen Industrial Park" is an organization; "Park" alone is also a family name.
_PARKS = frozenset(
    ["industrial", "science", "technology", "tech", "software", "logistics", "innovation"]
)


# Legal forms written after a company's name, as they are spelt (so "As" and "Se",
# which open sentences, are not among them).
COMPANY_SUFFIXES = frozenset(
    [
        "AS",
        "ASA",
        "AB",
        "Oy",
        "Oyj",
        "SE",
        "KG",
        "S.A",
        "S.L",
        "S.p.A",
        "S.r.l",
        "B.V",
        "N.V",
        "C.V",
        "SpA",
        "Srl",
        "Ltda",
        "LLP",
        "Bhd",
        "Berhad",
        "Tbk",
        "Kft",
        "Zrt",
        "Nyrt",
        "JSC",
        "PJSC",
        # a closed joint-stock company, as the former Soviet republics write it
        "CJSC",
        # Bulgaria's joint-stock company ("Thracia Pharma AD")
        "AD",
        "Pty",
        "Pte",
        "K.K",
        "A.S",
        "A.Ş",
        "A/S",
        # Estonian private limited company
        "OÜ",
    ]
)
# Legal forms written in lower case after a capitalized name: "Hrubý Strojírny a.s.",
# "Agromax Polska Sp. z o.o." (the tokens after the name, without the last full stop).
LOWER_LEGAL_FORMS = (
    ("a.s",),
    ("s.r.o",),
    ("Sp", ".", "z", "o.o"),
    ("spol", ".", "s", "r.o"),
    # Slovene and Croatian "d.o.o." and "d.d.", Serbian "a.d.", Icelandic "hf."; and the
    # Danish "A/S", read as "A" and then these tokens.
    ("d.o.o",),
    ("d.d",),
    ("a.d",),
    ("hf",),
    ("/", "S"),
    # a German registered association: "Netzwerk Oberflächentechnik Baden e.V."
    ("e.V",),
)


def is_company_like(words: list[str]) -> bool:
    """ "PT Nusantara Nickel", "JSC Kazakh Rail", "Debrecen Industrial Park", "Norvik
    Tools AS", "Vexo Viajes S.L"."""
    last = possessive_base(words[-1]) or words[-1] if words else ""
    return len(words) > 1 and (
        words[0] in COMPANY_PREFIXES
        or last in COMPANY_SUFFIXES
        or any(last == form[-1] for form in LOWER_LEGAL_FORMS)
        or (words[-1].lower() == "park" and words[-2].lower() in _PARKS)
    )


def fold(text: str) -> str:
    """A name reduced for comparison: no accents, case, spaces or hyphens."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(
        ch for ch in decomposed if ch.isalnum() and not unicodedata.combining(ch)
    ).lower()


def slug(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60].strip("-")


def is_word(token: Token) -> bool:
    return token.text[0].isalnum()


def is_cap(token: Token) -> bool:
    return token.text[0].isupper()


def is_title_word(word: str) -> bool:
    lower = word.lower()
    if lower in TITLE_HEADS or lower in TITLE_MODIFIERS:
        return True
    # "Vice-Chancellor", "vice-rector", "Deputy-Director": title words joined by hyphens.
    parts = lower.split("-")
    return len(parts) > 1 and all(part in TITLE_HEADS or part in TITLE_MODIFIERS for part in parts)


def is_title_head(word: str) -> bool:
    """The word of a title that says what the office is ("Mayor", "Vice-Chancellor")."""
    lower = word.lower()
    return lower in TITLE_HEADS or (is_title_word(word) and lower.split("-")[-1] in TITLE_HEADS)


def is_month(word: str) -> bool:
    return word.rstrip(".").lower() in MONTHS and word[0].isupper()


def is_place_word(text: str) -> bool:
    # "West Africa", "Southeast Asia", "Northern Europe": a part of a continent.
    text = (
        re.sub(
            r"^(?:North|South|East|West|Central|Southeast|Northern|Southern|Eastern|Western)\s+(?=[A-Z])",
            "",
            text,
        )
        if " " in text
        else text
    )
    return text in COUNTRIES or text in CONTINENTS or text.removeprefix("the ") in COUNTRIES


def possessive_base(word: str) -> str | None:
    for ending in ("'s", "’s"):
        if word.endswith(ending) and len(word) > len(ending):
            return word[: -len(ending)]
    return None


@dataclass(frozen=True)
class Run:
    """Tokens first..last (exclusive) of a sentence that read as one name."""

    sentence: Sentence
    first: int
    last: int

    @property
    def tokens(self) -> list[Token]:
        return self.sentence.tokens[self.first : self.last]

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end

    def text(self, source: str) -> str:
        return source[self.start : self.end]

    @property
    def head(self) -> str:
        """The last word, possessive ending dropped, lower-cased."""
        word = self.tokens[-1].text
        return (possessive_base(word) or word).lower()


_LEAVE_VERBS = frozenset(["left", "leave", "leaves", "leaving", "departed", "departs", "depart"])


def capitalized_runs(sentence: Sentence) -> list[Run]:
    """Maximal runs of capitalized words, joined by connectors ("of", "and", "di") when a
    capitalized word follows; possessive words end a run."""
    tokens = sentence.tokens
    runs = []
    i = 0
    while i < len(tokens):
        if not (is_word(tokens[i]) and is_cap(tokens[i])):
            i += 1
            continue
        j = i + 1
        while j < len(tokens) and (
            possessive_base(tokens[j - 1].text) is None or _collective(tokens[j - 1])
        ):
            token = tokens[j]
            if is_word(token) and is_cap(token):
                j += 1
                continue
            # A connector, or a parenthesized capitalized word, inside a name.
            k = j
            while k < len(tokens) and tokens[k].lower in NAME_CONNECTORS | PARTICLES:
                k += 1
            if (
                k > j
                and k < len(tokens)
                and is_cap(tokens[k])
                and is_word(tokens[k])
                and _may_join(tokens[j - 1], tokens[j], tokens[k], tokens[i:j])
                # "left Zhaoqing for Shenzhen": two places, not one name.
                and not (tokens[j].lower == "for" and i > 0 and tokens[i - 1].lower in _LEAVE_VERBS)
            ):
                j = k
                continue
            if token.text == "," and _field_list_at(tokens, i, j):
                j += 1  # "Bureau of Culture, Radio, Television and Tourism"
                continue
            if (
                token.text == "("
                and j + 2 < len(tokens)
                and is_cap(tokens[j + 1])
                and tokens[j + 2].text == ")"
                and j + 3 < len(tokens)
                and is_cap(tokens[j + 3])
            ):
                j += 3
                continue
            break
        runs.append(Run(sentence, i, j))
        i = j
    return [piece for run in runs for piece in _split(run)]


# "Municipal People's Government", "Women's Federation": a possessive that is part of
# the name, not an owner before what it owns.
_COLLECTIVES = frozenset(["people", "women", "children", "workers", "youth", "farmers"])


def _collective(token: Token) -> bool:
    base = possessive_base(token.text)
    return base is not None and base.lower() in _COLLECTIVES


# "in", "on", "at" and "to" join names only after these ("Embassy in France",
# "Chamber of Commerce to the EU"), never "Nairobi on July 24".
_PLACE_JOINERS = frozenset(
    [
        "embassy",
        "consulate",
        "consulate-general",
        "general",
        "office",
        "mission",
        "ambassador",
        "commerce",
    ]
)
_MISSIONS = frozenset(["embassy", "consulate", "consulate-general", "mission"])
# "and" joins two names into one only when the whole ends with one of these.
_AND_JOINED = frozenset(
    [
        "office",
        "committee",
        "bureau",
        "ministry",
        "department",
        "commission",
        "council",
        "association",
        "federation",
        "chamber",
        "institute",
        "academy",
        "university",
        "college",
        "authority",
        "agency",
        "commerce",
        "industry",
        "technology",
        "affairs",
        "development",
        "relations",
        "cooperation",
        "trade",
        "zone",
        "park",
    ]
)


WEEKDAYS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])


def _may_join(before: Token, connector: Token, after: Token, run: list[Token]) -> bool:
    # "the Chamber of Commerce on Friday": a day, never part of a name.
    if is_month(after.text) or after.lower in WEEKDAYS or before.lower in HONORIFICS:
        return False
    if connector.lower in ("in", "on", "at", "to"):
        # "Consulate General of China in Vancouver": the mission's seat, once.
        return before.lower in _PLACE_JOINERS or (
            connector.lower == "in"
            and any(token.lower in _MISSIONS for token in run)
            and not any(token.lower == "in" for token in run)
        )
    return True


def _split(run: Run) -> list[Run]:
    """Cut a run at "and" / "and the" between two names, and drop words that only
    begin the sentence or a title ("During", "Mayor of")."""
    tokens = run.sentence.tokens
    first, last = run.first, run.last
    while first < last and (
        # "AS Tallinna Sadam": a legal form, not the word "as".
        (tokens[first].lower in LEADING and tokens[first].text not in COMPANY_PREFIXES)
        or tokens[first].lower in NAME_CONNECTORS
    ):
        first += 1
    first = _after_office(tokens, first, last)
    if first >= last:
        return []
    pieces = []
    start = first
    for k in range(first, last):
        if tokens[k].lower != "and":
            continue
        left_head = (possessive_base(tokens[k - 1].text) or tokens[k - 1].text).lower()
        # "A Vocational and Technical College and B Polytechnic": the right side ends at
        # the next "and" that follows a name's head.
        end = next(
            (
                m
                for m in range(k + 1, last)
                if tokens[m].lower == "and"
                and (tokens[m - 1].lower in ORGANIZATION_HEADS.keys() | EVENT_HEADS)
            ),
            last,
        )
        right_tail = tokens[_before_trailing_name(tokens, k + 1, end) - 1].lower
        joined_is_named = right_tail in _AND_JOINED or right_tail in EVENT_HEADS
        left_words = {token.lower for token in tokens[start:k]}
        right_words = {token.lower for token in tokens[k + 1 : end]}
        # "University of Manchester and Shenzhen University": two names, each whole.
        both_named = any(w in ORGANIZATION_HEADS for w in left_words) and any(
            w in ORGANIZATION_HEADS or w in EVENT_HEADS for w in right_words
        )
        if _in_fields(tokens, start, k) and _is_field(tokens[k + 1]):
            continue  # "University of Science and Technology of China": one name
        if (
            not joined_is_named
            or both_named
            or is_title_head(tokens[k + 1].text)  # "... of Chile and President of the X"
            or left_head in ORGANIZATION_HEADS
            or left_head in EVENT_HEADS
            or tokens[k + 1].lower == "the"
        ):
            pieces.append((start, k))
            start = k + 1
            while start < last and tokens[start].lower in NAME_CONNECTORS:
                start += 1
    pieces.append((start, last))
    result = []
    for a, b in pieces:
        a = _after_office(tokens, a, b)  # "Ji Hong and the Director of the X Bureau"
        while b > a and tokens[b - 1].lower in NAME_CONNECTORS:
            b -= 1
        if b > a:
            result.append(Run(run.sentence, a, b))
    return result


def _before_trailing_name(tokens: list[Token], first: int, last: int) -> int:
    """ "Reform Commission Tian Zhiyong": where a body's name ends when a person's name
    (words no body or office has) follows its head in the same run."""
    for length in (1, 2, 3):
        end = last - length
        if end - 1 <= first or tokens[end - 1].lower not in _AND_JOINED | ORGANIZATION_HEADS.keys():
            continue
        if not any(
            token.lower in ORGANIZATION_HEADS
            or token.lower in FIELD_WORDS
            or token.lower in NAME_CONNECTORS
            or is_title_word(token.text)
            for token in tokens[end:last]
        ):
            return end
    return last


# The fields an office or a university is "of": "Bureau of Culture and Tourism".
FIELD_WORDS = (
    DEPARTMENT_WORDS
    | frozenset(
        [
            "science",
            "sciences",
            "technology",
            "radio",
            "television",
            "film",
            "press",
            "publication",
            "sport",
            "sports",
            "transport",
            "agriculture",
            "rural",
            "housing",
            "water",
            "environment",
            "ecology",
            "natural",
            "arts",
            "medicine",
            "justice",
            "security",
            "labour",
            "labor",
            "social",
            "welfare",
            "energy",
            "information",
            "reform",
            "mining",
            "fisheries",
            "forestry",
            "oceans",
            "ocean",
            "tourism",
            "transportation",
            "infrastructure",
            "environmental",
        ]
    )
) - {"china", "europe", "asia", "africa", "americas", "global", "department", "division", "board"}


def _is_field(token: Token) -> bool:
    return is_cap(token) and token.lower in FIELD_WORDS


def _in_fields(tokens: list[Token], first: int, k: int) -> bool:
    """Whether token k comes inside the fields of "HEAD of Field, Field": an organization's
    head, then "of" or "for", then only field words up to k."""
    m = k - 1
    while m > first and (_is_field(tokens[m]) or (tokens[m].text == "," and m < k - 1)):
        m -= 1
    return (
        m < k - 1
        and m > first
        and tokens[m].lower in ("of", "for")
        and tokens[m - 1].lower in ORGANIZATION_HEADS
    )


def _field_list_at(tokens: list[Token], first: int, comma: int) -> bool:
    """At a comma inside a run, whether "Field, Field and Field" goes on after it."""
    if not _in_fields(tokens, first, comma):
        return False
    k = comma + 1
    while k + 1 < len(tokens) and _is_field(tokens[k]):
        if tokens[k + 1].lower == "and":
            return k + 2 < len(tokens) and _is_field(tokens[k + 2])
        if tokens[k + 1].text != ",":
            return False
        k += 2
    return False


def _after_office(tokens: list[Token], first: int, last: int) -> int:
    """Where a name starts after an office before it: "Director of the Suzhou Municipal
    Bureau" -> "Suzhou Municipal Bureau", "Minister for Trade of Victoria" -> "Victoria"."""
    k = first
    while k < last and is_title_word(tokens[k].text):
        k += 1
    if not (k > first and k < last and tokens[k].lower in ("of", "for", "to", "in", "at")):
        return first
    k += 1
    while k < last and tokens[k].lower in NAME_CONNECTORS:
        k += 1
    first = k
    # The office's field goes too ("Vice-Rector for International Affairs of the X").
    while k < last and (tokens[k].lower in DEPARTMENT_WORDS or tokens[k].lower in FIELD_WORDS):
        k += 1
    if first < k < last - 1 and tokens[k].lower == "of":
        first = k + 1
        while first < last - 1 and tokens[first].lower in NAME_CONNECTORS:
            first += 1
    return first


def run_kind(run: Run, source: str) -> str:
    """'event', 'organization', 'place', 'date' or 'name' (a person's, or not known)."""
    text = run.text(source)
    base = possessive_base(text) or text
    words = [token.text for token in run.tokens]
    if all(is_month(word) or word.isdigit() for word in words):
        return "date"
    if run.head in EVENT_HEADS:
        return "event"
    if run.head in ORGANIZATION_HEADS or any(
        ORGANIZATION_HEADS.get(word.lower(), "other") != "other" and not word.isupper()
        for word in words[:-1]
    ):
        return "organization"
    if words[0].lower() == "port" and len(words) > 2 and words[1] == "of":
        return "organization"
    # "Anshan Municipal Hospital of Orthopaedics": a head that an "of" follows.
    if any(
        word.lower() in ORGANIZATION_HEADS and not word.isupper() and following == "of"
        for word, following in pairwise(words)
    ):
        return "organization"
    if is_company_like([word for word in words if word != "."]):
        return "organization"  # "Vexo Viajes S.L." with its full stop
    if is_place_word(base):
        return "place"
    if len(words) == 1 and len(base) >= 2 and base.isupper() and base not in NOT_ACRONYMS:
        return "organization"
    return "name"


# Months' short forms that are also given names ("Jan Kowal", "Xu Jun"): in a name of
# more than one word, with no full stop, they are the name (a date writes "Jan. 5" or
# "Jun 5", with its day).
_NAME_LIKE_MONTHS = frozenset(["jan", "jun"])


def is_given_name_month(word: str) -> bool:
    """ "Jan" of "Jan Novak", "Jun" of "Xu Jun": a month's short form, written with no
    full stop, that is a given name as often."""
    return word.lower() in _NAME_LIKE_MONTHS


def looks_like_person(run: Run) -> bool:
    tokens = run.tokens
    if not 1 <= len(tokens) <= 4:
        return False
    for index, token in enumerate(tokens):
        word = possessive_base(token.text) or token.text
        lower = word.lower()
        if word == "." and 0 < index < len(tokens) - 1 and len(tokens[index - 1].text) == 1:
            continue  # "John R. Whitfield"
        if index == 0 and word == "He" and len(tokens) > 1:
            continue  # the Chinese family name, not the pronoun: "He Xiaodan"
        if lower in PARTICLES:
            continue
        if (
            not word[0].isupper()
            or lower in NOT_NAMES
            or is_title_word(word)
            or lower in ORGANIZATION_HEADS
            or lower in EVENT_HEADS
            or (is_month(word) and not (len(tokens) > 1 and is_given_name_month(word)))
            or word in COUNTRIES
            or (len(word) > 1 and word.isupper())
            or any(ch.isdigit() for ch in word)
            or (index > 0 and word in COMPANY_SUFFIXES)  # "Snow Works Oy"
        ):
            return False
    return tokens[0].text[0].isupper() and (len(tokens) > 1 or tokens[0].lower not in PARTICLES)


# "Chamber of Industry, Commerce, Services and Tourism of Santa Cruz": one body whose
# name lists its fields, commas and all.
LISTED_BODY = re.compile(
    r"\b(?:Chamber|Federation|Confederation|Association|Union|Council|Ministry)\s+of\s+"
    r"[A-Z][\w'’-]*(?:,\s+[A-Z][\w'’-]*)+,?\s+and\s+[A-Z][\w'’-]*"
    r"(?:\s+of\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)?"
)
