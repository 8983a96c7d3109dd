"""People named in an article, with their titles and organizations as written.

The patterns of the genre: a title before the name ("Mayor Wu Qingshan", "CEO Mr. X"),
after it ("Mr. X, Mayor of Y", "X (Mayor of Y)"), before it with a comma ("the
Director of Z, X"), an organization's possessive ("Valeo Group's Senior Vice President
X"), "Mr./Ms./Dr." forms, and later mentions by surname, which become aliases.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tui.drafting.lexicon import (
    DEPARTMENT_WORDS,
    EVENT_HEADS,
    LEADING,
    NAME_CONNECTORS,
    NOT_NAMES,
    ORGANIZATION_HEADS,
    PARTICLES,
    STOP_WORDS,
    TITLE_HEADS,
    is_honorific,
)
from tui.drafting.names import (
    COMPANY_SUFFIXES,
    FIELD_WORDS,
    LISTED_BODY,
    Run,
    capitalized_runs,
    fold,
    is_company_like,
    is_given_name_month,
    is_month,
    is_place_word,
    is_title_head,
    is_title_word,
    looks_like_person,
    possessive_base,
    run_kind,
)
from tui.drafting.sentences import Article, Sentence, Token

_DELIMITERS = frozenset(',.;:()—–"“”')
INNER_TITLE_WORDS = DEPARTMENT_WORDS | frozenset(
    [
        "operating",
        "information",
        "technical",
        "marketing",
        "risk",
        "compliance",
        "data",
        "security",
        "people",
        "procurement",
        "purchasing",
        "supply",
        "sustainability",
        "revenue",
        "commercial",
        "scientific",
        "medical",
        # "Executive Committee Member", "Standing Committee Member": a body within an office
        "committee",
    ]
)
# Offices of companies and the like, for which an organization named nearby is theirs.
CORPORATE_HEADS = frozenset(
    [
        "chairman",
        "chairwoman",
        "chairperson",
        "chair",
        "ceo",
        "cfo",
        "cto",
        "coo",
        "president",
        "vice-president",
        "director",
        "manager",
        "executive",
        "founder",
        "partner",
        "head",
        "officer",
        "chief",
    ]
)
# The last word of a place's name: "Vice Governor of Luang Prabang Province X".
_PLACE_ENDS = frozenset(
    [
        "province",
        "region",
        "state",
        "county",
        "city",
        "prefecture",
        "district",
        "municipality",
        "oblast",
        "governorate",
        "regency",
        "area",
        "voivodeship",
        "canton",
    ]
)
# Offices whose "of X" names a company: "Chairman of Haier".
_OFFICERS = frozenset(
    [
        "chairman",
        "chairwoman",
        "chairperson",
        "ceo",
        "president",
        "vice-president",
        "founder",
        "co-founder",
        "partner",
        "officer",
        "executive",
        "chief",
        "director",
        "manager",
    ]
)
_SPEECH_VERBS = frozenset(
    [
        "said",
        "says",
        "noted",
        "added",
        "stressed",
        "expressed",
        "hoped",
        "welcomed",
        "introduced",
        "briefed",
        "met",
        "visited",
        "attended",
        "accompanied",
        "spoke",
        "delivered",
        "called",
        "thanked",
        "emphasized",
        "emphasised",
        "pointed",
    ]
)


@dataclass
class Mention:
    name: str
    start: int
    end: int
    sentence: Sentence
    title: str | None = None
    organization: str | None = None
    organization_reason: str | None = None  # set when the organization is inferred


@dataclass
class Person:
    name: str
    mentions: list[Mention] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    alias_reasons: list[str] = field(default_factory=list)

    @property
    def title(self) -> str | None:
        titles = [mention.title for mention in self.mentions if mention.title]
        return max(titles, key=len) if titles else None

    @property
    def organization(self) -> tuple[str, str | None] | None:
        """The organization and, when it is inferred, why."""
        stated = [
            m.organization for m in self.mentions if m.organization and not m.organization_reason
        ]
        if stated:
            return stated[0], None
        for mention in self.mentions:
            if mention.organization:
                return mention.organization, mention.organization_reason
        return None

    @property
    def sentences(self) -> list[Sentence]:
        seen: dict[int, Sentence] = {}
        for mention in self.mentions:
            seen.setdefault(mention.sentence.index, mention.sentence)
        return list(seen.values())


def _next_text(tokens: list[Token], k: int) -> str | None:
    return tokens[k + 1].text if k + 1 < len(tokens) else None


def _word(token: Token) -> str:
    return possessive_base(token.text) or token.text


def title_span(tokens: list[Token], i: int, *, capitalized: bool) -> tuple[int, int] | None:
    """A title starting at token i: (end of its words, end with its complement)."""
    j = i
    if (
        j < len(tokens)
        and tokens[j].text[0].isupper()
        and tokens[j].lower.endswith(("ese", "ian", "an", "ish", "ch", "ak", "ek", "ic", "i"))
        and j + 1 < len(tokens)
        and (
            tokens[j + 1].lower in TITLE_HEADS | {"consul", "vice", "deputy"}
            # "Styrian Regional Councillor": a region's adjective before a title's words
            or (tokens[j + 1].text[0].isupper() and _head_within(tokens, j + 1))
        )
        and not is_title_word(tokens[j].text)
    ):
        j += 1  # a nationality: "Chinese Ambassador"
    heads = 0
    while j < len(tokens) and (is_title_word(tokens[j].text) or _inside_title(tokens, j)):
        if capitalized and not tokens[j].text[0].isupper():
            return None
        heads += is_title_head(tokens[j].text)
        j += 1
        if (
            not heads
            and j + 1 < len(tokens)
            and tokens[j].lower == "and"
            and is_title_word(tokens[j + 1].text)
            and _head_within(tokens, j + 1)
        ):
            j += 1  # "Economic and Commercial Counsellor"
        if (
            heads
            and j + 1 < len(tokens)
            and tokens[j].lower == "and"
            and is_title_head(tokens[j - 1].text)
            and _office_follows(tokens, j + 1, capitalized=capitalized)
        ):
            j += 1  # "Party Secretary and Mayor", "Chairman and CEO"
    if heads == 0:
        return None
    words_end = j
    if (
        tokens[j - 1].lower == "member"
        and not _names_a_body(tokens, j)
        # "County Executive Committee Member for X": the body is in the title's own words.
        and not (j - i >= 3 and all(t.text[0].isupper() for t in tokens[i:j]))
    ):
        return None  # "a member of the delegation" is no office; "of the City Council" is
    # "a process engineer at the plant": where, not whose office.
    at_no_body = (
        tokens[j].lower == "at" and not _organization_follows(tokens, j + 1, whole=not capitalized)
        if j < len(tokens)
        else False
    )
    if (
        j < len(tokens)
        and tokens[j].lower in ("of", "for", "to", "at", "in", "responsible")
        and not at_no_body
    ):
        k = j
        if tokens[k].lower == "in" and k + 2 < len(tokens) and tokens[k + 1].lower == "charge":
            k += 3 if tokens[k + 2].lower == "of" else 2
        elif (
            tokens[k].lower == "responsible"
            and k + 1 < len(tokens)
            and tokens[k + 1].lower == "for"
        ):
            k += 2  # "deputy mayor responsible for economic development"
        else:
            k += 1
        complement_end = None
        while k < len(tokens) and k - j < 16:
            token = tokens[k]
            if token.text == "," and complement_end is not None and _listed_on(tokens, k):
                k += 1
                continue
            if token.text == "." and tokens[k - 1].text in _ABBREVIATED_FORMS:
                # "of Hefei Chaohu Battery Co., Ltd.": the full stops of legal forms
                k += 1
                if [t.text for t in tokens[k : k + 2]] == [",", "Ltd"]:
                    k += 2
                complement_end = k
                continue
            if (
                token.text in _DELIMITERS
                or is_honorific(token.text, _next_text(tokens, k))
                or (
                    is_month(token.text)
                    # "Ambassador to China Jan Novak": "Jan" before a name is a name.
                    and not (
                        is_given_name_month(token.text)
                        and k + 1 < len(tokens)
                        and _is_name_token(tokens[k + 1])
                    )
                )
                or token.text[0].isdigit()
            ):
                break  # "Mayor of Turin Tom Ode on June 10": a date is no title's
            if token.lower == "and":
                following = tokens[k + 1] if k + 1 < len(tokens) else None
                # "councillor for trade and industry,": a lower-case field joined to the
                # one before, the title's end right after it.
                joined = (
                    not capitalized
                    and tokens[k - 1].text.islower()
                    and any(
                        all(
                            t.text.islower() and t.lower not in STOP_WORDS
                            for t in tokens[k + 1 : k + 1 + words]
                        )
                        and k + 1 + words < len(tokens)
                        and tokens[k + 1 + words].text in _DELIMITERS
                        for words in (1, 2)
                    )
                )
                if not joined and (
                    _name_after_body(tokens, k)
                    or _titled_person_at(tokens, k + 1)
                    or following is None
                    or not following.text[0].isupper()
                    or is_honorific(following.text, _next_text(tokens, k + 1))
                    # "and Mayor of X" is a second office; "and Commercial Affairs" is not
                    or _office_follows(tokens, k + 1, capitalized=False)
                ):
                    break
            elif token.lower == "at" and _organization_follows(
                tokens, k + 1, whole=not capitalized
            ):
                pass  # "Dean of the School of Engineering at Flinders University"
            elif token.text in COMPANY_SUFFIXES and tokens[k - 1].text[0].isupper():
                pass  # "of Norvik Tools AS": a legal form, not the word "as"
            elif (
                (token.lower in STOP_WORDS and token.lower not in NAME_CONNECTORS)
                or (token.text[0].islower() and token.lower.endswith("ed"))
                # "... for Business Development Azman Yusof told": a capitalized title's
                # complement has no lower-case word but its connectors.
                or (capitalized and token.text[0].islower() and token.lower not in NAME_CONNECTORS)
            ):
                break
            k += 1
            if token.lower not in NAME_CONNECTORS:
                complement_end = k
        if complement_end is not None:
            return words_end, complement_end
    return words_end, words_end


# Common nouns that stand for an organization the text has already named.
_BODIES_NAMED_BEFORE = frozenset(
    [
        "company",
        "firm",
        "group",
        "college",
        "university",
        "institute",
        "school",
        "bank",
        "hospital",
        "association",
        "chamber",
        "agency",
    ]
)


# Legal forms written with a full stop ("Co.", "Ltd."), which ends no title.
_ABBREVIATED_FORMS = frozenset(["Co", "Ltd", "Inc", "Corp"])


def _head_within(tokens: list[Token], k: int) -> bool:
    """A title's head among the title words from k on: "Regional Councillor"."""
    while k < len(tokens) and is_title_word(tokens[k].text):
        if is_title_head(tokens[k].text):
            return True
        k += 1
    return False


def _titled_person_at(tokens: list[Token], k: int) -> bool:
    """ "... for Fisheries Ingrid Solberg and Kim Min-jae, Vice Mayor of Busan,": after
    "and", a name with a title of its own after a comma is a second person, not more of
    the first one's title."""
    j = k
    while j < len(tokens) and j - k < 4 and _is_name_token(tokens[j]):
        if is_title_word(tokens[j].text) or tokens[j].lower in ORGANIZATION_HEADS:
            return False
        j += 1
    return (
        j - k >= 2
        and j + 1 < len(tokens)
        and tokens[j].text == ","
        and is_title_word(tokens[j + 1].text)
    )


def _name_after_body(tokens: list[Token], k: int) -> bool:
    """ "of the Harbin Municipal Government Yu Xiaoming and ...", "Deputy Minister of
    Industry Somchai Rattanakul and ...": before the "and" at k, a person's name right
    after an organization's head or an office's field ends the title's complement."""
    for length in (2, 3, 1):
        first = k - length
        if first < 1 or (
            tokens[first - 1].lower not in ORGANIZATION_HEADS
            and tokens[first - 1].lower not in FIELD_WORDS
        ):
            continue
        words = tokens[first:k]
        if all(_is_name_token(w) and w.lower not in ORGANIZATION_HEADS for w in words) and not any(
            is_title_word(w.text) or w.lower in DEPARTMENT_WORDS or w.lower in _PLACE_ENDS
            for w in words
        ):
            return True
    return False


def _organization_follows(tokens: list[Token], k: int, *, whole: bool = False) -> bool:
    """Capitalized words from k that end in an organization's head ("Flinders University").
    `whole` where the title ends at a delimiter (after a name and its comma): a mission's
    seat and a company's legal form are then the name's too; before a name, "Ambassador to
    X Y at the Embassy in X" would take the name into the title."""
    if k < len(tokens) and tokens[k].lower == "the":
        k += 1
    seen = False
    words: list[str] = []
    while k < len(tokens) and (
        tokens[k].text[0].isupper()
        or tokens[k].lower in ("of", "and")
        # "at the Embassy of the Republic of Kenya"
        or (tokens[k].lower == "the" and tokens[k - 1].lower == "of")
        # "at the Argentine Embassy in China", "at the Embassy of Kenya in Beijing": a
        # mission's seat is part of its name.
        or (
            whole
            and tokens[k].lower == "in"
            and "in" not in words
            and any(
                word.lower() in ("embassy", "consulate", "consulate-general", "mission")
                for word in words
            )
        )
        # "at Nordlys Køleteknik A/S"
        or (whole and tokens[k].text == "/" and tokens[k - 1].text[0].isupper())
    ):
        seen = seen or tokens[k].lower in ORGANIZATION_HEADS
        words.append(tokens[k].text)
        k += 1
    if words and words[-2:-1] == ["/"]:
        words[-3:] = ["".join(words[-3:])]
    seen = seen or (whole and is_company_like(words))
    # "head of projects at Energy Cluster Denmark,": where a title ends at a delimiter,
    # what someone works at is a body whatever its words, unless it is a place.
    seen = seen or (
        whole and bool(words) and words[0] != "the" and not is_place_word(" ".join(words))
    )
    # "a researcher at the University of Tartu who studies ...": a clause ends it too.
    return seen and (
        k >= len(tokens)
        or not tokens[k].text[0].isalnum()
        or tokens[k].lower in ("who", "whose", "which", "where")
    )


def _office_follows(tokens: list[Token], k: int, *, capitalized: bool) -> bool:
    """Whether title words ending in a head start at k (a second office after "and")."""
    while k < len(tokens) and is_title_word(tokens[k].text):
        if capitalized and not tokens[k].text[0].isupper():
            return False
        if is_title_head(tokens[k].text) and not (
            k + 1 < len(tokens) and is_title_word(tokens[k + 1].text)
        ):
            return True
        k += 1
    return False


def _names_a_body(tokens: list[Token], j: int) -> bool:
    k = j + 1 if j < len(tokens) and tokens[j].lower == "of" else len(tokens)
    if k < len(tokens) and tokens[k].lower == "the":
        k += 1
    # "a member of the management board": a body named by its kind, not its name.
    if k + 1 < len(tokens) and tokens[k].text.islower() and tokens[k + 1].lower in _BODIES:
        return True
    return k < len(tokens) and tokens[k].text[0].isupper()


def _listed_on(tokens: list[Token], k: int) -> bool:
    """At a comma in a title, whether "B and C" follows as more of one list of
    capitalized nouns: "for Innovation, Industry and Trade"."""
    j = k + 1
    if j >= len(tokens) or tokens[j].lower == "and":
        return False
    seen_and = False
    while j < len(tokens):
        token = tokens[j]
        if token.lower == "and" and not seen_and:
            seen_and = True
        elif token.text == "," and not seen_and:
            pass
        elif not (token.text[0].isupper() and token.text[0].isalpha()) or (
            is_honorific(token.text, _next_text(tokens, j)) or is_title_word(token.text)
        ):
            return (
                seen_and
                and (token.text in _DELIMITERS | {"and"} or _name_after_fields(tokens, j))
                and tokens[j - 1].lower != "and"
            )
        j += 1
    return seen_and and tokens[j - 1].lower != "and"


def _name_after_fields(tokens: list[Token], j: int) -> bool:
    """ "Director of X Bureau of Culture, Sports and Tourism Wei Lan attended": before
    token j, a person's name right after the list's last field, and a verb at j that
    the person is the subject of; so the list, and the title, go on to the name."""
    k = j
    while k > 0 and j - k < 3 and _is_name_token(tokens[k - 1]):
        word = tokens[k - 1].lower
        if word in FIELD_WORDS or word in ORGANIZATION_HEADS or is_title_word(word):
            break
        k -= 1
    return 2 <= j - k <= 3 and tokens[k - 1].lower in FIELD_WORDS and _ends_named_title(tokens, j)


def _inside_title(tokens: list[Token], j: int) -> bool:
    """ "Operating" in "Chief Operating Officer": a word of a department or field between
    title words, with a title's head right after it."""
    if j == 0 or not is_title_word(tokens[j - 1].text):
        return False
    k = j
    while k < len(tokens) and k - j < 3 and tokens[k].lower in INNER_TITLE_WORDS:
        k += 1
    return k > j and k < len(tokens) and is_title_head(tokens[k].text)


def _name_at(article: Article, sentence: Sentence, i: int) -> Run | None:
    """The person-like run of capitalized words starting at token i."""
    tokens = sentence.tokens
    # "Tan Sri Datuk X": forms of address come in twos and threes; "Tan" is one only
    # before "Sri", elsewhere a family name.
    while (
        i < len(tokens)
        and tokens[i].text[0].isupper()
        and (
            is_honorific(tokens[i].text, _next_text(tokens, i))
            or (tokens[i].lower == "tan" and i + 1 < len(tokens) and tokens[i + 1].text == "Sri")
        )
    ):
        i += 2 if i + 1 < len(tokens) and tokens[i + 1].text == "." else 1
    j = i
    while j < len(tokens) and j - i < 5:
        token = tokens[j]
        if token.text[0].isupper() and token.text[0].isalpha():
            j += 1
            if possessive_base(token.text):
                break
        elif (token.lower in PARTICLES or _is_initial_stop(tokens, j)) and (
            j > i and j + 1 < len(tokens) and tokens[j + 1].text[0].isupper()
        ):
            j += 1  # "Dar es Salaam", the "." of "John R. Whitfield"
        elif (
            j > i
            and j + 2 < len(tokens)
            and token.lower in PARTICLES
            and tokens[j + 1].lower in PARTICLES
            and tokens[j + 2].text[0].isupper()
        ):
            j += 2  # "Joost van der Heijden"
        else:
            break
    # A particle ends no name ("Mohammed bin Salman"), but "Zhao Bin" is a given name.
    while j > i and (
        (tokens[j - 1].lower in PARTICLES and tokens[j - 1].text.islower())
        or is_title_word(tokens[j - 1].text)
    ):
        j -= 1
    if j == i:
        return None
    run = Run(sentence, i, j)
    return run if looks_like_person(run) and run_kind(run, article.text) == "name" else None


def _is_initial_stop(tokens: list[Token], j: int) -> bool:
    """The full stop after a middle initial ("R" in "John R. Whitfield")."""
    before = tokens[j - 1].text if j > 0 else ""
    return tokens[j].text == "." and len(before) == 1 and before.isupper()


def _ends_mention(tokens: list[Token], k: int) -> bool:
    return k >= len(tokens) or tokens[k].text in _DELIMITERS or tokens[k].lower in STOP_WORDS


def find_mentions(article: Article) -> list[Mention]:
    mentions: list[Mention] = []
    for sentence in article.sentences:
        mentions.extend(_mentions_in(article, sentence))
    return mentions


def _text(article: Article, tokens: list[Token], i: int, j: int) -> str:
    return article.text[tokens[i].start : tokens[j - 1].end]


def _mentions_in(article: Article, sentence: Sentence) -> list[Mention]:
    tokens = sentence.tokens
    found: list[Mention] = []
    taken: set[int] = set()

    def add(run: Run, title: str | None, organization: str | None = None) -> None:
        if any(k in taken for k in range(run.first, run.last)):
            return
        taken.update(range(run.first, run.last))
        name = _text(article, tokens, run.first, run.last)
        name = possessive_base(name) or name
        found.append(Mention(name, run.start, run.end, sentence, title, organization))

    i = 0
    while i < len(tokens):
        token = tokens[i]
        # Mr. X / Ms. X / Dr. X
        if is_honorific(token.text, _next_text(tokens, i)) and token.text[0].isupper():
            after = i + 2 if i + 1 < len(tokens) and tokens[i + 1].text == "." else i + 1
            run = _name_at(article, sentence, after)
            if run is not None:
                title, organization, end = _title_after(article, tokens, run.last)
                if title is None:
                    title, organization = _title_before(article, tokens, i)
                add(run, title, organization)
                i = max(run.last, end)
                continue
        # Title Name: "Mayor Wu Qingshan", "Valeo Group's Senior Vice President X"
        span = title_span(tokens, i, capitalized=True)
        prefixed = _place_prefix(tokens, i)
        # "County Assembly President X": the body whose office it is goes with the title.
        two_words = _body_prefix(tokens, i - 1) or _place_tail(tokens, i - 1)
        prefix_words = 2 if prefixed and two_words else int(prefixed)
        # "X, Mayor of Y": a title after a person's name and a comma is theirs, unless
        # its words end in a name of their own ("Vice Mayor A, Deputy Director of the
        # B Commission C and ...": a row of officials, each with a title).
        after_appositive = (
            i >= 2
            and tokens[i - 1].text == ","
            and i - 2 in taken
            and not (span is not None and _titled_name_in(article, sentence, i, span))
        )
        if (
            span is not None
            and not after_appositive
            and (
                i == 0
                or not _is_name_token(tokens[i - 1])
                or possessive_base(tokens[i - 1].text) is not None
                or prefixed
            )
        ):
            words_end, complement_end = span
            organization = _possessor(article, sentence, i)
            run = _name_at(article, sentence, words_end)
            if complement_end == words_end and run is not None:
                # "Alderman Sir X, Lord Mayor of Y": the title after the name says more.
                title, stated, end = _title_after(article, tokens, run.last)
                if title is None:
                    title = _text(article, tokens, i - prefix_words, words_end)
                    # "Its president, Professor He Jun": the office, not the rank;
                    # "Vice President Professor Mo Guangwen": the office before it.
                    if words_end - i == 1 and tokens[i].lower in _ACADEMIC_RANKS:
                        title = _office_before(article, tokens, i) or title
                    elif tokens[words_end - 1].lower in _ACADEMIC_RANKS and is_title_head(
                        tokens[words_end - 2].text
                    ):
                        title = _text(article, tokens, i - prefix_words, words_end - 1)
                add(run, title, stated or organization)
                i = max(run.last, end)
                continue
            if complement_end == words_end and _owned_office(tokens, i, words_end):
                # "the university, whose Rector, Marcos Albuquerque, introduced ..."
                run = _name_at(article, sentence, words_end + 1)
                if run is not None and run.last < len(tokens) and tokens[run.last].text == ",":
                    add(run, _text(article, tokens, i, words_end), organization)
                    i = run.last
                    continue
            if complement_end > words_end:
                tail = _trailing_name(article, sentence, words_end, complement_end)
                if tail is not None and _ends_named_title(tokens, tail.last):
                    title = _text(article, tokens, i, tail.first)
                    add(tail, title, organization or _organization_in(article, title))
                    i = tail.last
                    continue
                # "the Director of the Suzhou Municipal Bureau of Commerce, Chen Dong,"
                if complement_end < len(tokens) and tokens[complement_end].text == ",":
                    run = _name_at(article, sentence, complement_end + 1)
                    if run is not None and _ends_mention(tokens, run.last):
                        title = _text(article, tokens, i, complement_end)
                        add(run, title, organization or _organization_in(article, title))
                        i = run.last
                        continue
        if span is None and i > 0 and tokens[i - 1].lower in _OWNERS and token.text[0].islower():
            # "X, whose chief executive Y said": an office of what was just named.
            low = title_span(tokens, i, capitalized=False)
            run = _name_at(article, sentence, low[0]) if low and low[1] == low[0] else None
            if low is not None and run is not None and _ends_named_title(tokens, run.last):
                add(run, _text(article, tokens, i, low[0]))
                i = run.last
                continue
            # "Its chief technology officer, Lukas Weber, said", "Our vice president for
            # trade, Paola Cordero, reported", "his deputy, Aigerim Nurpeisova;"
            if low is not None and low[1] < len(tokens) and tokens[low[1]].text == ",":
                run = _name_at(article, sentence, low[1] + 1)
                if (
                    run is not None
                    and run.last < len(tokens)
                    and tokens[run.last].text in (",", ";")
                ):
                    add(run, _text(article, tokens, i, low[1]))
                    i = run.last
                    continue
        if (
            span is None
            and i > 0
            and possessive_base(tokens[i - 1].text)
            and token.text[0].islower()
        ):
            # "Serra Azul's chief financial officer, Ana Goulart, said", "the port's
            # director, X,": a lower-case office of whoever owns it, between commas
            # before its holder's name.
            low = title_span(tokens, i, capitalized=False)
            if low is not None and low[1] < len(tokens) and tokens[low[1]].text == ",":
                run = _name_at(article, sentence, low[1] + 1)
                if run is not None and _ends_mention(tokens, run.last):
                    # The owner may be a place as well as a body ("São Paulo's state
                    # secretary"), so it is not taken for the person's organization.
                    add(run, _text(article, tokens, i, low[1]))
                    i = run.last
                    continue
        if span is None and i > 0 and tokens[i - 1].lower == "the" and token.text[0].islower():
            # "The chief executive officer of Pacific Crest Footwear, Maria Delgado, said"
            low = title_span(tokens, i, capitalized=False)
            if low is not None and low[1] > low[0] and low[1] < len(tokens):
                run = _name_at(article, sentence, low[1] + 1)
                if (
                    tokens[low[1]].text == ","
                    and run is not None
                    and _ends_mention(tokens, run.last)
                ):
                    title = _text(article, tokens, i, low[1])
                    add(run, title, _organization_in(article, title))
                    i = run.last
                    continue
        if span is None and (token.text[0].islower() or i == 0):
            # "where general manager X said", "board chairman X", "Chief executive X": a
            # lower-case office right before its holder's name, no comma between.
            lowered = _lower_case_title(article, sentence, i)
            if lowered is not None:
                title, run = lowered
                add(run, title)
                i = run.last
                continue
        # Name, Title / Name (Title)
        may_start = _is_name_token(token) or token.text == "He"  # the family name He
        run = _name_at(article, sentence, i) if may_start else None
        # "the Governorate of Azuay, Governor of ...": the end of a body's name, no one's.
        of_body = (
            i >= 2 and tokens[i - 1].lower == "of" and tokens[i - 2].lower in ORGANIZATION_HEADS
        )
        if of_body:
            run = None
        if run is not None and (i == 0 or not is_honorific(tokens[i - 1].text, tokens[i].text)):
            title, organization, end = _title_after(article, tokens, run.last)
            if title is not None:
                add(run, title, organization)
                i = max(run.last, end)
                continue
            if len(run.tokens) >= 2 and (
                (
                    run.last < len(tokens)
                    and tokens[run.last].lower in _SPEECH_VERBS
                    and not _ends_body(tokens, i)
                )
                or _after_led_by(tokens, i)
            ):
                add(run, None)
                i = run.last
                continue
        i += 1
    return found


_OWNERS = frozenset(["whose", "its", "their", "our", "his", "her"])


# "college president Qin Huaming", "port director X": whose office it is, said first.
_OWNER_NOUNS = frozenset(
    ["college", "university", "school", "company", "port", "museum", "hospital", "park"]
)


def _department_words(tokens: list[Token], i: int) -> int:
    """Where the office starts after the department nouns before it ("operations
    director", "board chairman"), which are part of the title."""
    k = i
    while (
        k < len(tokens)
        and k - i < 2
        and tokens[k].text.islower()
        and (tokens[k].lower in DEPARTMENT_WORDS or (k == i and tokens[k].lower in _OWNER_NOUNS))
    ):
        k += 1
    return k


_ACADEMIC_RANKS = frozenset(["professor", "prof"])


def _office_before(article: Article, tokens: list[Token], i: int) -> str | None:
    """ "Its rector, Professor X": the lower-case office an owner's word opens, then a
    comma, right before the rank."""
    if i < 3 or tokens[i - 1].text != ",":
        return None
    start = i - 1
    while start > 0 and tokens[start - 1].text.islower() and is_title_word(tokens[start - 1].text):
        start -= 1
    if start == i - 1 or not is_title_head(tokens[i - 2].text) or start == 0:
        return None
    owner = tokens[start - 1]
    if owner.lower not in ("its", "his", "her", "their", "whose") and not possessive_base(
        owner.text
    ):
        return None
    return _text(article, tokens, start, i - 1)


def _lower_case_title(article: Article, sentence: Sentence, i: int) -> tuple[str, Run] | None:
    tokens = sentence.tokens
    if i > 0 and (
        is_title_word(tokens[i - 1].text)
        or tokens[i - 1].lower in DEPARTMENT_WORDS
        or is_honorific(tokens[i - 1].text, tokens[i].text)
    ):
        return None  # not where the office starts
    low = title_span(tokens, _department_words(tokens, i), capitalized=False)
    if low is None or tokens[i].lower == "member":
        return None
    name_at = low[1]
    if low[1] > low[0]:
        # "head of business development X": the name after the complement's lower-case
        # words, the first capitalized word after them.
        words = range(low[0] + 1, low[1])
        name_at = next((k for k in words if tokens[k].text[0].isupper()), low[1])
        if any(tokens[k].text[0].isupper() for k in range(low[0] + 1, name_at)):
            return None
    run = _name_at(article, sentence, name_at)
    if run is None or len(run.tokens) < 2:
        return None
    following = tokens[run.last] if run.last < len(tokens) else None
    if following is not None and not (following.text in _DELIMITERS or following.text[0].islower()):
        return None
    return _text(article, tokens, i, name_at), run


def _ends_body(tokens: list[Token], i: int) -> bool:
    """ "Director Ye Min of the Bureau of Trade Promotion attended": words right after a
    body's "of" or "for" end its name, and are no one's name."""
    return (
        i >= 2
        and tokens[i - 1].lower in ("of", "for")
        and tokens[i - 2].text[0].isupper()
        and tokens[i - 2].lower in ORGANIZATION_HEADS
    )


def _ends_named_title(tokens: list[Token], k: int) -> bool:
    """After "Title Name": the end of the mention, or the verb the person is the subject
    of ("... Affairs Gu Xiaoyan briefed the guests", "... Development Azman Yusof told")."""
    if _ends_mention(tokens, k):
        return True
    word = tokens[k]
    return word.text[0].islower() and (
        word.lower in _SPEECH_VERBS
        or word.lower in ("told", "is", "was", "will", "has", "also", "showed", "presented")
        or word.lower.endswith("ed")
    )


def _titled_name_in(article: Article, sentence: Sentence, i: int, span: tuple[int, int]) -> bool:
    """Whether the title's words from token i end in a person's name."""
    words_end, complement_end = span
    if complement_end == words_end:
        return _name_at(article, sentence, words_end) is not None
    return _row_name(article, sentence, span) is not None


def _row_name(article: Article, sentence: Sentence, span: tuple[int, int]) -> Run | None:
    """ "Deputy Director of the Zhuhai Development Commission Ye Qiming and Ms. X": the
    name right after a body's head at the end of a title's complement, with the next
    of a row of officials ("and", ", and") or a verb after it."""
    tokens = sentence.tokens
    if span[1] == span[0]:
        return None
    tail = _trailing_name(article, sentence, span[0], span[1])
    if tail is None:
        return None
    head = _word(tokens[tail.first - 1])
    if not head[0].isupper() or head.lower() not in (
        ORGANIZATION_HEADS.keys() | DEPARTMENT_WORDS | _PLACE_ENDS
    ):
        return None
    after = tokens[tail.last].lower if tail.last < len(tokens) else ""
    row = after == "and" or (
        after == "," and tail.last + 1 < len(tokens) and tokens[tail.last + 1].lower == "and"
    )
    # A verb the name is the subject of: one that ends no mention, or a verb of speech
    # or attendance ("... and Tourism Wei Lan accompanied the visit").
    verb = after in _SPEECH_VERBS or (
        after and not _ends_mention(tokens, tail.last) and _ends_named_title(tokens, tail.last)
    )
    return tail if row or verb else None


def _owned_office(tokens: list[Token], i: int, words_end: int) -> bool:
    """ "whose Rector, X,", "its President, X,": an office of whatever was just named,
    between commas before its holder's name."""
    return (
        i > 0
        and tokens[i - 1].lower in _OWNERS
        and words_end + 1 < len(tokens)
        and tokens[words_end].text == ","
    )


def _after_led_by(tokens: list[Token], i: int) -> bool:
    """ "a delegation led by Marek Wolny": whoever leads a delegation is a person, titled
    or not."""
    return i >= 2 and tokens[i - 1].lower == "by" and tokens[i - 2].lower in ("led", "headed")


def _place_prefix(tokens: list[Token], i: int) -> bool:
    """ "Tianjin Mayor Ma Shuhua": one capitalized word, a place, before the title."""
    if i == 0 or not _is_name_token(tokens[i - 1]) or possessive_base(tokens[i - 1].text):
        return False
    word = tokens[i - 1]
    return (
        word.lower not in NOT_NAMES
        and not is_title_word(word.text)
        and (
            i == 1
            or not _is_name_token(tokens[i - 2])
            or tokens[i - 2].lower in LEADING
            or _body_prefix(tokens, i - 1)
            or _place_tail(tokens, i - 1)
        )
    )


# "Walvis Bay Mayor X", "Cape Town Mayor X": a place of two words, the second its kind.
_PLACE_TAILS = frozenset(["bay", "town", "city", "island", "beach", "harbour", "harbor", "falls"])


def _place_tail(tokens: list[Token], i: int) -> bool:
    return (
        i >= 1
        and tokens[i].lower in _PLACE_TAILS
        and _is_name_token(tokens[i - 1])
        and tokens[i - 1].lower not in NOT_NAMES
        and (i == 1 or not _is_name_token(tokens[i - 2]) or tokens[i - 2].lower in LEADING)
    )


# Bodies whose office a title before a name can be: "City Council Member X".
_BODIES = frozenset(
    ["assembly", "council", "parliament", "senate", "congress", "board", "legislature"]
)


def _body_prefix(tokens: list[Token], i: int) -> bool:
    """Whether token i, itself a place-like prefix of a title, is a body with one more
    capitalized word before it ("County Assembly", "City Council")."""
    return (
        tokens[i].lower in _BODIES
        and i >= 1
        and _is_name_token(tokens[i - 1])
        and possessive_base(tokens[i - 1].text) is None
        and (i == 1 or not _is_name_token(tokens[i - 2]) or tokens[i - 2].lower in LEADING)
    )


def _is_name_token(token: Token) -> bool:
    """A capitalized word that could be part of a name ("The", "There" cannot)."""
    return token.text[0].isupper() and token.text[0].isalpha() and token.lower not in NOT_NAMES


def _title_after(
    article: Article, tokens: list[Token], k: int
) -> tuple[str | None, str | None, int]:
    """ ", Mayor of Turin," or "(Mayor of Rotterdam)" after a name: the title, the
    organization it names, and the token where the title ends (k when there is none).
    "its Head of ...", "the company's CEO": the determiner is not part of the title."""
    none: tuple[str | None, str | None, int] = (None, None, k)
    if k + 1 >= len(tokens) or tokens[k].text not in (",", "("):
        return none
    start = k + 1
    if tokens[start].lower in ("the", "its", "their", "his", "her", "a", "an"):
        start += 1
    if (
        start + 1 < len(tokens)
        and tokens[start - 1].lower == "the"
        and tokens[start].text[0].islower()
        and possessive_base(tokens[start].text)
    ):
        start += 1  # "the company's"
    owner = None
    ends = start
    while ends < min(len(tokens) - 1, start + 4) and _is_name_token(tokens[ends]):
        if possessive_base(tokens[ends].text):
            break
        ends += 1
    if (
        start == k + 1
        and ends + 1 < len(tokens)
        and _is_name_token(tokens[ends])
        and possessive_base(tokens[ends].text)
        and is_title_word(tokens[ends + 1].text)
    ):
        # "X, Chile's Minister of Mining,", "X, Andes Copper's CEO,": the owner is no
        # part of the title, and is the person's organization unless it is a country.
        base = article.text[tokens[start].start : tokens[ends].end - 2]
        owner = None if is_place_word(base) else base
        start = ends + 1
    # "X, research director for Y,": the department nouns before the office are its own.
    span = title_span(tokens, _department_words(tokens, start), capitalized=False) or (
        _unknown_office(tokens, start)
    )
    if span is None:
        return none
    sentence = article.sentence_at(tokens[k].start)
    if sentence is not None and _row_name(article, sentence, span) is not None:
        return none  # the title of the next person in a row of officials
    end = span[1]
    # "Deputy Secretary of the CPC Qingdao Municipal Committee and Mayor of Qingdao"
    if end + 1 < len(tokens) and tokens[end].lower == "and":
        second = title_span(tokens, end + 1, capitalized=True)
        if (
            second is not None
            and _ends_mention(tokens, second[1])
            and tokens[second[1]].lower != "and"
        ):
            end = second[1]
    end = _listed_body_end(article, tokens, span[0], end)
    closing = ")" if tokens[k].text == "(" else None
    if closing and end < len(tokens) and tokens[end].text == ",":
        # "X (chairman of the management board, Steppe Link Logistics JSC)": the body
        # whose office it is, after a comma inside the brackets.
        body = _bracketed_body(tokens, end + 1)
        if body is not None:
            title = _text(article, tokens, start, end)
            return title, _text(article, tokens, end + 1, body), body
    if closing and (end >= len(tokens) or tokens[end].text != ")"):
        return none
    if not closing and not _ends_mention(tokens, end):
        return none
    title_end = end
    if end < len(tokens) and tokens[end].text == "." and "." in tokens[end - 1].text:
        # "chief executive of Hrubý Strojírny a.s.": the full stop that ends the
        # sentence also ends the legal form's abbreviation.
        title_end += 1
    if (
        title_end == span[0] + 3
        and [t.lower for t in tokens[span[0] : span[0] + 2]] == ["of", "the"]
        and tokens[span[0] + 2].lower in _BODIES_NAMED_BEFORE
    ):
        # "Zhou Qian, president of the college,": the college is named elsewhere and
        # goes in the organization; the office is "president".
        title_end = span[0]
    title = _text(article, tokens, start, title_end)
    return title, _organization_in(article, title) or owner, end


def _listed_body_end(article: Article, tokens: list[Token], first: int, end: int) -> int:
    """Where a title ends whose body's name lists fields with commas ("President of the
    Chamber of Industry, Commerce and Tourism of Santa Cruz"), else `end`."""
    if end >= len(tokens) or tokens[end].text != ",":
        return end
    start = tokens[first].start
    for body in LISTED_BODY.finditer(article.text, start, tokens[end].start + 200):
        if body.start() < tokens[end].start < body.end():
            last = next((j for j in range(end, len(tokens)) if tokens[j].end == body.end()), None)
            if last is not None and _ends_mention(tokens, last + 1):
                return last + 1
    return end


def _bracketed_body(tokens: list[Token], i: int) -> int | None:
    """The closing bracket after a name from token i on, capitalized words and their
    connectors only (a legal form's full stops too), or None."""
    k = i
    while k < len(tokens) and k - i < 12:
        token = tokens[k]
        if token.text == ")":
            return k if k > i and tokens[i].text[0].isupper() else None
        if not (
            token.text[0].isupper()
            or token.lower in NAME_CONNECTORS
            or (token.text == "." and tokens[k - 1].text in _ABBREVIATED_FORMS)
            or (token.text == "," and tokens[k - 1].text in _ABBREVIATED_FORMS)
        ):
            return None
        k += 1
    return None


def _unknown_office(tokens: list[Token], i: int) -> tuple[int, int] | None:
    """ "X, Bailiff of the Jersey Region,": after a name and its comma, one capitalized
    word this lexicon does not know, then "of" a place or body that ends in a word that
    says so (Region, Province, Council, ...), read as a title."""
    if i + 3 >= len(tokens):
        return None
    word = tokens[i]
    if not (
        _is_name_token(word)
        and word.text[1:].islower()
        and possessive_base(word.text) is None
        and word.lower not in ORGANIZATION_HEADS
        and word.lower not in EVENT_HEADS
        and not is_month(word.text)
        and not is_place_word(word.text)
        and tokens[i + 1].lower == "of"
    ):
        return None
    k = i + 2
    if tokens[k].lower == "the":
        k += 1
    last_word = None
    while k < len(tokens) and (
        (tokens[k].text[0].isupper() and tokens[k].text[0].isalpha())
        or tokens[k].lower in NAME_CONNECTORS
    ):
        if tokens[k].text[0].isupper():
            last_word = k
        k += 1
    if last_word is None or last_word + 1 != k:
        return None
    head = tokens[last_word].lower
    if head not in _PLACE_ENDS and head not in ORGANIZATION_HEADS and head not in _BODIES:
        return None
    return i + 1, k


def _title_before(article: Article, tokens: list[Token], i: int) -> tuple[str | None, str | None]:
    """ "CEO Mr. X" or "the chairman of the board, Mr. X": a title just before an honorific."""
    for start in range(max(0, i - 14), i):
        span = title_span(tokens, start, capitalized=False)
        if span is None:
            continue
        end = span[1]
        gap = [token.text for token in tokens[end:i]]
        if start == 1 and gap == [] and _place_prefix(tokens, start):
            # "Lao Consul General in Kunming Mr. X": the word that opens the sentence says
            # whose office it is.
            start = 0
        before = tokens[start - 1] if start else None
        # A title after a comma belongs to whoever comes before it ("Mr. X, CEO, Mr. Y").
        if gap in ([], [","]) and (
            before is None
            or not (
                _is_name_token(before)
                or (before.text in (",", "(") and start >= 2 and _is_name_token(tokens[start - 2]))
            )
        ):
            title = _text(article, tokens, start, end)
            return title, _organization_in(article, title)
    return None, None


def _trailing_name(article: Article, sentence: Sentence, first: int, last: int) -> Run | None:
    """In "Senior Vice President of Communications and Investment Relations Mafaron", the
    name at the end of what reads as the title's complement."""
    tokens = sentence.tokens
    k = last
    while k > first and tokens[k - 1].text[0].isupper():
        word = _word(tokens[k - 1]).lower()
        if (
            word in DEPARTMENT_WORDS
            or word in ORGANIZATION_HEADS
            or word in _PLACE_ENDS
            or is_title_word(word)
        ):
            break
        k -= 1
    if k in (last, first):
        return None
    if tokens[k - 1].lower in ("port", "fort") and k - 2 >= first and tokens[k - 2].lower == "of":
        return None  # "Lord Mayor of Port Louis": a city's name, not a port and a person
    if not tokens[k - 1].text[0].isupper():
        # "Governor of Giza Ahmed El-Rashidy": a place, then the name; "Mayor of Turin"
        # alone is only a title. The place is one word, or more where the article
        # writes those words elsewhere too ("Mayor of New York ...").
        if tokens[k - 1].lower not in ("of", "for", "to", "in") or last - k < 3:
            return None
        cut = k + 1
        while cut < last - 2 and _written_elsewhere(article, sentence, tokens[k : cut + 1]):
            cut += 1
        if last - cut > 3:
            return None
        k = cut
    run = Run(sentence, k, last)
    return run if looks_like_person(run) else None


def _written_elsewhere(article: Article, sentence: Sentence, words: list[Token]) -> bool:
    phrase = article.text[words[0].start : words[-1].end]
    return any(phrase in other.text for other in article.sentences if other is not sentence)


def _possessor(article: Article, sentence: Sentence, i: int) -> str | None:
    """ "Valeo Group's" just before token i: the organization that possesses the title."""
    if i == 0:
        return None
    tokens = sentence.tokens
    if tokens[i - 1].text in ("'", "’") and i >= 2:
        end = i - 1
        base_end = tokens[i - 2].end
    elif possessive_base(tokens[i - 1].text):
        end = i
        base_end = tokens[i - 1].end - 2
    else:
        return None
    for run in capitalized_runs(sentence):
        if run.first < end <= run.last or (run.last == end):
            # "Kuala Lumpur-based Cendana Data Sdn Bhd's": where it is based is no part.
            owner = re.sub(r"^.*-based\s+", "", article.text[run.start : base_end])
            # "Thailand's Deputy Minister": a country's office, not an organization's.
            return None if is_place_word(owner) else owner
    return None


def _organization_in(article: Article, title: str) -> str | None:
    """The organization a title names ("Vice President of the Lombardy Region",
    "Director of International Relations of Curitiba City Hall"): the shortest part
    after an "of" or "at" that still holds a word that makes it an organization."""
    best = None
    for match in re.finditer(r"\b(?:of|at)\s+(?:the\s+)?", title):
        rest = title[match.end() :]
        # "... of the CPC Qingdao Municipal Committee and Mayor of Qingdao": a second office.
        second = re.search(r"\s+and\s+(\S+)", rest)
        if second and is_title_word(second.group(1)):
            rest = rest[: second.start()]
        words = rest.replace(",", " ").split()
        if (
            words
            and words[0][0].isupper()
            # "of Technology" in "University of Technology" is its field, not a name.
            and not all(word.lower() in FIELD_WORDS | NAME_CONNECTORS for word in words)
            # "President of the Management Board of X": the board is X's, X the body.
            and not re.match(r"(?:Management|Supervisory|Executive)\s+Board\b", rest)
            and (
                any(word.lower().strip(".") in ORGANIZATION_HEADS for word in words)
                or is_company_like(words)
            )
        ):
            best = rest
    if best is None:
        # "Vice President of Hanjin Shipping": what a company officer is of is a company,
        # unless it is a place or a department ("President of Kenya", "of Marketing").
        office = re.match(r"^(.*)\s+of\s+(?:the\s+)?([A-Z][^,]*)$", title)
        heads = [w.lower() for w in office.group(1).split() if is_title_head(w)] if office else []
        if office and heads and heads[0] in _OFFICERS:
            rest = office.group(2)
            words = rest.split()
            if (
                all(
                    word[0].isupper() or word.lower() in NAME_CONNECTORS | PARTICLES
                    for word in words
                )
                and not is_place_word(rest)
                and not all(word.lower() in DEPARTMENT_WORDS for word in words)
            ):
                best = rest
    return best


def group_people(article: Article, mentions: list[Mention]) -> list[Person]:
    """One person per name; shorter or differently spaced mentions of a known name
    become aliases, and surnames mentioned alone are found as aliases too."""
    people: list[Person] = []
    ordered = sorted(mentions, key=lambda mention: -len(mention.name.split()))
    for mention in ordered:
        person = _match(people, mention.name) or _given_name_match(article, people, mention)
        sharing = [p for p in people if fold(mention.name) in _forms(p.name)]
        if person is None and len(sharing) > 1:
            # "Mayor Xu" of Xu Jianhong, Mayor, and Xu Lan: the title tells them apart;
            # where it does not, the mention is no one new.
            person = _by_title(sharing, mention.title)
            if person is None:
                continue
        if person is None:
            people.append(Person(mention.name, [mention]))
        else:
            person.mentions.append(mention)
            _add_alias(person, mention.name, mention.sentence)
    _find_surnames(article, people)
    for person in people:
        person.mentions.sort(key=lambda mention: mention.start)
    people.sort(key=lambda person: person.mentions[0].start)
    return people


def _by_title(people: list[Person], title: str | None) -> Person | None:
    if not title:
        return None
    titled = [p for p in people if p.title and fold(title) in fold(p.title)]
    return titled[0] if len(titled) == 1 else None


def _forms(name: str) -> set[str]:
    words = name.split()
    forms = {fold(" ".join(words[k:])) for k in range(1, len(words))}
    if len(words) == 2:
        forms.add(fold(words[0]))  # a Chinese family name, written first
    # "Ana Ibarra Solís" is "Ibarra" too: of two surnames, the first is the one used alone.
    forms.update(fold(word) for word in words[1:-1] if word.lower() not in PARTICLES)
    return {form for form in forms if len(form) > 1}


def _match(people: list[Person], name: str) -> Person | None:
    key = fold(name)
    exact = [person for person in people if fold(person.name) == key]
    if exact:
        return exact[0]
    partial = [person for person in people if key in _forms(person.name)]
    return partial[0] if len(partial) == 1 else None


# Indonesian forms of address take the given name, which comes first: "Pak Hendra" is
# Hendra Wicaksono.
_GIVEN_NAME_ADDRESS = re.compile(r"\b(?:Pak|Bapak|Ibu|Bu)\s+$")


def _given_name_match(article: Article, people: list[Person], mention: Mention) -> Person | None:
    if " " in mention.name or not _GIVEN_NAME_ADDRESS.search(article.text[: mention.start]):
        return None
    key = fold(mention.name)
    found = [p for p in people if len(p.name.split()) > 1 and fold(p.name.split()[0]) == key]
    return found[0] if len(found) == 1 else None


def _add_alias(person: Person, name: str, sentence: Sentence) -> None:
    if name == person.name or name in person.aliases:
        return
    if fold(name) == fold(person.name):
        reason = f'"{name}" is "{person.name}" spelt another way; taken to be the same person.'
    else:
        reason = f'"{name}" is part of "{person.name}"; taken to be the same person.'
    person.aliases.append(name)
    person.alias_reasons.append(reason)


def _find_surnames(article: Article, people: list[Person]) -> None:
    for sentence in article.sentences:
        for run in capitalized_runs(sentence):
            name = run.text(article.text)
            name = possessive_base(name) or name
            if any(m.start <= run.start < m.end for p in people for m in p.mentions):
                continue
            candidates = [
                p for p in people if fold(name) in _forms(p.name) or fold(name) == fold(p.name)
            ]
            if len(candidates) != 1 or not looks_like_person(run):
                continue
            person = candidates[0]
            person.mentions.append(Mention(name, run.start, run.end, sentence))
            _add_alias(person, name, sentence)


def _where_or_whose(article: Article, person: Person, organizations: dict[int, list[str]]) -> bool:
    """ "toured the X University, where President Y ...", "visited X, whose Rector, Y,":
    the organization just named is the officer's (inferred). Whether one was found."""
    for mention in person.mentions:
        before = article.text[mention.sentence.start : mention.start]
        for name in organizations.get(mention.sentence.index, []):
            at = before.rfind(name)
            rest = before[at + len(name) :] if at >= 0 else ""
            if at >= 0 and re.fullmatch(r",\s+(?:where|whose)\s+(?:[A-Z][\w'’-]*\s*)+,?\s*", rest):
                mention.organization = name
                mention.organization_reason = (
                    f'The article names {person.name} as "{person.title}" right after '
                    f'"{name}, {rest.split()[1]}"; taken to be theirs.'
                )
                return True
    return False


def infer_organizations(
    article: Article, people: list[Person], organizations: dict[int, list[str]]
) -> None:
    """Someone with no organization in their title: the organization just named before
    "where" or "whose"; for a company officer, else the one organization named in the
    same sentence, if there is exactly one (`organizations` maps a sentence index
    to the organizations named in it)."""
    for person in people:
        if person.organization is not None or person.title is None:
            continue
        if _where_or_whose(article, person, organizations):
            continue
        words = {word.lower().strip(".,") for word in person.title.split()}
        if not words & CORPORATE_HEADS:
            continue
        for mention in person.mentions:
            named = organizations.get(mention.sentence.index, [])
            if len(named) == 1:
                mention.organization = named[0]
                mention.organization_reason = (
                    f'The article names {person.name} as "{person.title}" in the same sentence '
                    f"as {named[0]}, the only organization it names there; taken to be theirs."
                )
                break
