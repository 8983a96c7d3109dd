"""Organizations and places named in an article.

An organization is a run of capitalized words whose last word says so ("Group",
"Bureau", "Embassy", ...), an organization's possessive before a title, or a name in
a list of what the delegation visited or of the enterprises a sentence names. A place
is a country, or a name the text puts where places go ("in Turin", "Milan and Turin,
Italy", "Mayor of Bordeaux", a dateline)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tui.drafting.lexicon import EVENT_HEADS, HONORIFICS, ORGANIZATION_HEADS, STOP_WORDS
from tui.drafting.names import (
    COMPANY_SUFFIXES,
    FIELD_WORDS,
    LOWER_LEGAL_FORMS,
    WEEKDAYS,
    Run,
    capitalized_runs,
    fold,
    is_place_word,
    is_title_word,
    possessive_base,
    run_kind,
)
from tui.drafting.sentences import Article, Sentence, Token

# Words after which a list of organizations follows.
_LIST_TRIGGERS = re.compile(
    r"\b(?:visited|visit(?:s)? to|toured|including|such as|organi[sz]ed by|hosted by|"
    r"sponsored by|co-hosted by|headquarters of|office of|branch of|subsidiary of|"
    r"factory of|plant of|campus of|came to|went to|called at|stopped at)\s+$|"
    # "a briefing organized by the Swiss-Chinese Business Circle", "a tea estate run by X",
    # "met engineers of X": who organizes, runs or employs is a body.
    r"\b(?:organi[sz]ed|hosted|sponsored|run|operated|owned)\s+by\s+the\s+$|"
    r"\b(?:run|operated|owned)\s+by\s+$|"
    r"\b(?:engineers|executives|officials|staff|managers|representatives)\s+of\s+(?:the\s+)?$|"
    # "toured the valve maker Nordvalve"
    r"\bthe\s+(?:[a-z-]+\s+){0,2}(?:maker|manufacturer|producer|exporter|recycler|supplier)\s+$"
)
# "the Stellantis design centre", "the Codelco copper corporation"
_FACILITIES = re.compile(
    r"^\s+(?:[a-z&][\w&-]*\s+){0,2}?"
    r"(?:centre|center|headquarters|plant|factory|campus|office|branch|laboratory|lab|"
    r"base|showroom|facility|site|subsidiary|company|corporation|group|firm|bank|"
    r"museum|university|hospital)\b(?!\s+of\b)"
)
# "Ateliers Ourthe, a local maker of rolling-mill parts": what makes or sells is a firm.
_MAKER_AFTER = re.compile(
    r"^\s*,\s+(?:a|an)\s+(?:[a-z-]+\s+){0,3}?(?:maker|manufacturer|producer|supplier|exporter|"
    r"importer|developer|operator|distributor)s?\s+of\b"
)
# "operated by Chengdu-based Rongxing Air Cargo": what is based somewhere is a firm.
_BASED = re.compile(r"[A-Z][\w'’-]*-based\s+$")
_PLACE_BEFORE = frozenset(["in", "to", "at", "from", "near"])
# "Lake Taihu", "the Yellow Sea", "the Pearl River Delta": a body of water or a region
# named by its first or last word, wherever it stands.
_NATURE_FIRST = frozenset(["Lake", "Mount"])
# "the Kedah plant of X", "the Rayong factory of X": where a company's site is.
_SITE_OF = re.compile(r"^\s+(?:plant|factory|facility|campus|branch|site|office)\s+of\b")
_AREA_AFTER = re.compile(
    r"^\s+(?:industrial|economic|development|business|high-tech|free trade)\s+"
    r"(?:area|zone|park|district|belt)\b"
)
_BOARD_OF = re.compile(r"^(?:Management|Supervisory|Executive)\s+Board(?:\s+of\s+(?:the\s+)?|$)")
_REGION_HEADS = "Province|Region|State|Prefecture|County|District|Regency"
# A foreign city's bodies ("Lagos Chamber of Commerce"); a Chinese city's "Municipal"
# ones name the city the article is about, which its places need not hold.
_BODIES_OF_A_CITY = "Chamber|City|Metropolitan|Port"
# "leaves for Qingdao", "left Zhaoqing for Shenzhen": where a journey goes.
_LEAVES_FOR = re.compile(
    r"\b(?:leave|leaves|left|leaving|depart|departs|departed|head|heads|headed|set off|"
    r"sets off|set out|flew|flies)\s+(?:[A-Z][\w'’-]*\s+){0,2}for\s+$"
)
# The last word of a place's name wherever it stands ("the Lanzhou New Area",
# "the Changzhou National Hi-tech District").
_PLACE_HEADS = frozenset(
    [
        "Province",
        "Prefecture",
        "State",
        "Oblast",
        "Governorate",
        "District",
        "Area",
        "Regency",
        "Voivodeship",
        "Canton",
        "Sea",
        "Delta",
        "Corridor",
        "Canal",
    ]
)


@dataclass
class Organization:
    name: str
    kind: str | None  # from the words of its name; None when they say nothing
    sentences: list[Sentence] = field(default_factory=list)
    kind_reason: str | None = None
    aliases: list[str] = field(default_factory=list)
    alias_reasons: list[str] = field(default_factory=list)


@dataclass
class Place:
    name: str
    sentences: list[Sentence] = field(default_factory=list)


@dataclass
class Names:
    organizations: list[Organization]
    places: list[Place]
    events: list[tuple[Run, str]]  # named events and their kind
    by_sentence: dict[int, list[str]]  # organizations named in each sentence


def find_names(
    article: Article,
    people: set[str],
    extra_organizations: list[str],
    offices: frozenset[str] = frozenset(),
) -> Names:
    """`people` holds the folded names of the people found; `extra_organizations` the
    organizations their titles name; `offices` the lower-cased words of offices the
    lexicon does not know that their titles hold ("landrat")."""
    organizations: dict[str, Organization] = {}
    places: dict[str, Place] = {}
    events: list[tuple[Run, str]] = []
    by_sentence: dict[int, list[str]] = {}
    text = article.text

    def add_organization(name: str, sentence: Sentence) -> None:
        # "the Management Board of Mleczarnia Supraśl": a company's board, the company.
        name = _BOARD_OF.sub("", name.strip())
        # "and Executive Director Mr. Branko Vuksanović": a form of address opens a
        # person's name, it never ends a body's.
        if not name or fold(name) in people or name.split()[-1].lower() in HONORIFICS:
            return
        if _no_body(name):
            return
        key = fold(name)
        organization = organizations.get(key)
        if organization is None:
            kind, reason = _kind(name)
            organization = organizations[key] = Organization(name, kind, kind_reason=reason)
        if sentence not in organization.sentences:
            organization.sentences.append(sentence)
        named = by_sentence.setdefault(sentence.index, [])
        if organization.name not in named:
            named.append(organization.name)

    def add_place(name: str, sentence: Sentence) -> None:
        # "Tavush Province of Armenia": the province, and the country it is in.
        within = re.match(rf"^(.+? (?:{_REGION_HEADS})) of (?:the )?(.+)$", name)
        if within and is_place_word(within.group(2)):
            add_place(within.group(1), sentence)
            add_place(within.group(2), sentence)
            return
        key = fold(name)
        if not key or key in people or key in organizations or _people_adjective(name):
            return
        place = places.setdefault(key, Place(name))
        if sentence not in place.sentences:
            place.sentences.append(sentence)

    extra = {fold(name): name for name in extra_organizations}
    # Places first: "visited London and Manchester in the United Kingdom" says that
    # London is a place before "visited" could make it an organization.
    for sentence in article.sentences:
        for based in _based_places(sentence, text):
            add_place(based, sentence)
        runs = _runs(sentence, text, people, offices)
        for index, run in enumerate(runs):
            name = run.text(text)
            name = possessive_base(name) or name
            if (
                run_kind(run, text) == "name"
                and fold(name) not in people
                and _place_context(text, sentence, runs, index)
            ):
                add_place(name, sentence)
    for sentence in article.sentences:
        runs = _runs(sentence, text, people, offices)
        for index, run in enumerate(runs):
            name = run.text(text)
            name = possessive_base(name) or name
            kind = run_kind(run, text)
            before = text[sentence.start : run.start]
            after = text[run.end : sentence.end]
            if name.lower() in HONORIFICS:
                continue
            if sentence.index == 0 and run.first == 0 and _dateline(after):
                # "CHANGZHOU, Nov. 6 --": the city, in capitals, not an acronym.
                add_place(name.title() if name.isupper() else name, sentence)
                continue
            if kind == "event":
                events.append((run, EVENT_HEADS[run.head]))
            elif kind == "organization" or fold(name) in extra:
                region = re.match(r"^(.+?) (?:Region|Province|State|Prefecture|County)$", name)
                if region and " of " not in name:
                    # "Baranya County" is a place, and its government too.
                    add_place(name.removeprefix("the "), sentence)
                add_organization(name, sentence)
                if region:
                    add_place(region.group(1), sentence)
            elif kind == "place":
                add_place(name.removeprefix("the "), sentence)
            elif kind == "name" and fold(name) not in people:
                if (
                    fold(name) in places
                    or _place_context(text, sentence, runs, index)
                    or _beside_place(text, runs, index, places)
                ):
                    add_place(name, sentence)
                elif (
                    _LIST_TRIGGERS.search(before)
                    or _BASED.search(before)
                    or _listed_after_trigger(text, sentence, run)
                    or (_FACILITIES.match(after) and not _demonym(name))
                    or _MAKER_AFTER.match(after)
                    or _beside_organization(text, runs, index)
                ):
                    add_organization(name, sentence)
    for place in list(places.values()):
        # "Luang Prabang Province", and "Luang Prabang" on its own elsewhere: both places
        # ("Rhein-Erft District" and "cooperation with Rhein-Erft" too).
        region = re.match(rf"^(.+?) (?:{_REGION_HEADS})$", place.name)
        alone = region and re.compile(rf"\b{re.escape(region.group(1))}\b(?! (?:{_REGION_HEADS}))")
        if region and alone:
            for sentence in article.sentences:
                if alone.search(sentence.text):
                    add_place(region.group(1), sentence)
    for organization in list(organizations.values()):
        # "the Lagos Chamber of Commerce", then "cooperation with Lagos": the city whose
        # chamber or government it is, on its own elsewhere.
        city = re.match(rf"^([A-Z][\w'’-]+) (?:{_BODIES_OF_A_CITY})\b", organization.name)
        alone = city and re.compile(rf"\b{re.escape(city.group(1))}\b(?![\w'’-]| [A-Z])")
        if city and alone and fold(city.group(1)) not in people and not _demonym(city.group(1)):
            for sentence in article.sentences:
                if alone.search(sentence.text):
                    add_place(city.group(1), sentence)
    kept = _outside_longer(text, list(organizations.values()), list(extra.values()))
    for named in by_sentence.values():
        named[:] = [name for name in named if any(o.name == name for o in kept)]
    return Names(kept, list(places.values()), events, by_sentence)


def _outside_longer(
    text: str, organizations: list[Organization], titled: list[str]
) -> list[Organization]:
    """Without the names that occur only inside a longer one: "Luang Prabang Department
    of Information" is part of "... of Information, Culture and Tourism" (`titled` are
    the organizations people's titles name)."""

    def spans(name: str) -> list[tuple[int, int]]:
        return [(m.start(), m.end()) for m in re.finditer(re.escape(name), text)]

    longer = [span for name in [o.name for o in organizations] + titled for span in spans(name)]
    kept = []
    for organization in organizations:
        own = spans(organization.name)
        inside = [
            (a, b) for a, b in own if any(c <= a and b <= d and (c, d) != (a, b) for c, d in longer)
        ]
        if not own or len(inside) < len(own):
            kept.append(organization)
    return kept


def _runs(
    sentence: Sentence, text: str, people: set[str], offices: frozenset[str] = frozenset()
) -> list[Run]:
    """The sentence's runs of capitalized words, a person's name cut off the end of a
    run: "Governor of Giza Ahmed El-Rashidy" names the place Giza; and an office the
    lexicon does not know cut off the start: "Landrat of the Rhein-Erft District"."""
    runs: list[Run] = []
    tokens = sentence.tokens
    for run in capitalized_runs(sentence):
        run = _after_office_or_base(tokens, run)
        if run.last - run.first > 2 and tokens[run.first].lower in offices:
            first = run.first + 1
            while first < run.last - 1 and tokens[first].lower in ("of", "the"):
                first += 1
            run = Run(sentence, first, run.last)
        cut = next(
            (
                k
                for k in range(run.first + 1, run.last)
                if fold(text[sentence.tokens[k].start : run.end]) in people
            ),
            None,
        )
        if cut is not None:
            # The person's title goes with the name: "County Assembly President X".
            while cut > run.first and is_title_word(sentence.tokens[cut - 1].text):
                cut -= 1
            if cut == run.first:
                continue
            run = Run(sentence, run.first, cut)
        run = _after_holder(text, run, people)
        if runs and runs[-1].first <= run.first < runs[-1].last:
            continue  # the "Ltd" of a "Co., Ltd." already taken
        runs.append(_with_legal_form(sentence, run))
    return runs


def _after_holder(text: str, run: Run, people: set[str]) -> Run:
    """ "Director Ye Min of the Bureau of Trade": the body starts after its officer's
    name and "of"."""
    tokens = run.sentence.tokens
    for first in range(run.first, run.last):
        for last in range(first + 1, min(first + 5, run.last - 1)):
            if (
                tokens[last].lower == "of"
                and fold(text[tokens[first].start : tokens[last - 1].end]) in people
            ):
                start = last + 1
                while start < run.last - 1 and tokens[start].lower == "the":
                    start += 1
                return Run(run.sentence, start, run.last)
    return run


def _with_legal_form(sentence: Sentence, run: Run) -> Run:
    """ "Ningde Times Materials Co., Ltd.": the tokens "Co", ".", ",", "Ltd", "." are
    one name with the words before them."""
    tokens = sentence.tokens
    j = run.last
    words = [token.text for token in tokens[j : j + 4]]
    if tokens[j - 1].text == "Co" and words[:3] == [".", ",", "Ltd"]:
        j += 3
    elif words[:4] == [".", "de", "C.V", "."] and tokens[j - 1].text == "S.A":
        j += 3  # "Grupo Ferromex S.A. de C.V."
    elif tokens[j - 1].text in ("Co", "Ltd", "Inc", "Corp") and words[:1] == ["."]:
        j += 1
    elif words[:1] == ["."] and tokens[j - 1].text in COMPANY_SUFFIXES:
        if tokens[j - 1].text.isupper() and "." not in tokens[j - 1].text:
            return run  # "Norvik Tools AS.": no abbreviation, so the sentence's full stop
        # "Vexo Viajes S.L.": its full stop is next
    elif (form := _lower_legal_form(tokens, j)) is not None:
        j += form
    elif (form := _lower_legal_form(tokens, j - 1)) is not None:
        j += form - 1  # "Agromax Polska Sp. z o.o.": "Sp" ends the capitalized run
    else:
        return run
    if j < len(tokens) and tokens[j].text == ".":
        j += 1
    return Run(sentence, run.first, j)


def _after_office_or_base(tokens: list[Token], run: Run) -> Run:
    """ "Turkish Consul General in Shanghai": the place after an office's "in", "to" or
    "at" is a run of its own; so is the company after "Kuala Lumpur-based", whose
    place `_based_places` reads."""
    for k in range(run.first, run.last - 1):
        if tokens[k].text.endswith("-based"):
            return Run(run.sentence, k + 1, run.last)
    k = run.first
    if k < run.last and _demonym(tokens[k].text):
        k += 1
    office = k
    while k < run.last and is_title_word(tokens[k].text):
        k += 1
    if office < k < run.last - 1 and tokens[k].lower in ("in", "to", "at"):
        return Run(run.sentence, k + 1, run.last)
    return run


def _based_places(sentence: Sentence, text: str) -> list[str]:
    """ "Kuala Lumpur-based Cendana Data": where a company is based is a place."""
    tokens = sentence.tokens
    found = []
    for k, token in enumerate(tokens):
        if token.text.endswith("-based") and token.text[0].isupper():
            first = k
            while first > 0 and _is_cap_word(tokens[first - 1]):
                first -= 1
            found.append(text[tokens[first].start : token.end - len("-based")])
    return found


def _is_cap_word(token: Token) -> bool:
    return token.text[0].isupper() and token.text[0].isalpha() and token.lower not in STOP_WORDS


def _lower_legal_form(tokens: list[Token], j: int) -> int | None:
    """How many tokens from j make a legal form in lower case ("a.s", "Sp . z o.o")."""
    words = [token.text for token in tokens[j : j + 4]]
    for form in LOWER_LEGAL_FORMS:
        if tuple(words[: len(form)]) == form:
            return len(form)
    return None


def _place_context(text: str, sentence: Sentence, runs: list[Run], index: int) -> bool:
    """Whether the text puts the run where a place goes."""
    run = runs[index]
    before = text[sentence.start : run.start]
    after = text[run.end : sentence.end]
    previous_word = before.split()[-1].lower() if before.split() else ""
    country_after = re.match(r"^\s*,\s*(?:the\s+)?([A-Z][\w' -]+?)\b[,.;]?", after)
    if run.text(text).lower() in WEEKDAYS:
        return False
    tokens = sentence.tokens
    return bool(
        previous_word in _PLACE_BEFORE
        or _LEAVES_FOR.search(before)
        # "Samarkand Mayor Rustam Jurayev": one word, the place whose office follows.
        or (
            len(run.tokens) == 1
            and run.tokens[0].lower not in FIELD_WORDS  # "Mining Minister X"
            and not _demonym(run.tokens[0].text)  # "Chilean Senator X"
            and run.last < len(tokens)
            and tokens[run.last].text[0].isupper()
            and is_title_word(tokens[run.last].text)
        )
        or run.tokens[-1].text in _PLACE_HEADS
        or (len(run.tokens) > 1 and run.tokens[0].text in _NATURE_FIRST)
        or (before.endswith("the ") and _SITE_OF.match(after) is not None)
        # "the Chakan industrial area", "a new corridor east of Chakan".
        or (before.endswith("the ") and _AREA_AFTER.match(after) is not None)
        or re.search(r"\b(?:north|south|east|west)(?:-?(?:east|west))?\s+of\s+$", before)
        or (country_after and is_place_word(country_after.group(1)))
        or _ends_with_country(text, runs, index)
        or re.search(
            r"\b(?:Mayor|Governor|Premier|Commissioner|Minister for [\w ]+) of\s+$", before
        )
        # "the State of Nuevo León", "the Province of Alicante"
        or re.search(r"\b(?:State|Province|Region|Prefecture|County|Republic) of\s+$", before)
        or (sentence.index == 0 and run.first == 0 and _dateline(after))
        or (re.search(r"\b(?:and|,)\s*$", before) and _in_place_list(text, sentence, run))
    )


def _beside_place(text: str, runs: list[Run], index: int, places: dict[str, Place]) -> bool:
    """ "Changsha and Valencia have ...": a name paired by "and" with a known place."""
    for other in (index - 1, index + 1):
        if 0 <= other < len(runs):
            first, second = sorted((runs[index], runs[other]), key=lambda run: run.start)
            if text[first.end : second.start] == " and " and fold(runs[other].text(text)) in places:
                return True
    return False


def _no_body(name: str) -> bool:
    """ "Chamber members", "Enterprises from both cities", "18 million U.S. dollars",
    "Uruguayan": a head word alone, an abbreviation of a country, a currency or a
    people's adjective names no body."""
    return " " not in name and (
        (name.istitle() and name.lower() in ORGANIZATION_HEADS)
        or bool(re.fullmatch(r"(?:[A-Z]\.)+[A-Z]?", name))
        or name in _CURRENCIES
        or _demonym(name)
    )


_CURRENCIES = frozenset(["USD", "EUR", "RMB", "CNY", "GBP", "JPY", "CHF"])


def _people_adjective(name: str) -> bool:
    """ "the southwestern Chinese city", "Finnish firms": no place. Of the demonym
    endings, only those no place name of the genre has ("Dalian" and "Fujian" end as
    "Nigerian" does)."""
    return " " not in name and name.lower().endswith(("ese", "ish"))


def _demonym(name: str) -> bool:
    """ "Australian university leaders": a people's adjective, not a company's name."""
    return " " not in name and name.lower().endswith(("ian", "ean", "ese", "ish"))


def _beside_organization(text: str, runs: list[Run], index: int) -> bool:
    """ "InvestPenang and the Xiamen Investment Promotion Center signed": a name paired
    by "and" with an organization, as the subject of a verb, is one too."""
    before = text[runs[index].sentence.start : runs[index].start]
    if index > 0 and _between_pair(text, runs[index - 1], runs[index]):
        return True
    if index + 1 >= len(runs) or not re.search(r"(?:^|[,;]\s*|\bthe\s+)$", before):
        return False
    other = runs[index + 1]
    return bool(
        re.fullmatch(r"\s+and\s+(?:the\s+)?", text[runs[index].end : other.start])
        and run_kind(other, text) == "organization"
        and re.match(
            r"^\s+(?:also\s+)?(?:signed|agreed|will|have|has|jointly)\b", text[other.end :]
        )
    )


def _between_pair(text: str, first: Run, second: Run) -> bool:
    """ "an agreement between the China Railway Xi'an Group and Kazakhstan Temir Zholy":
    the partner of an organization in "between A and B" is one too."""
    before = text[first.sentence.start : first.start]
    return bool(
        re.search(r"\bbetween\s+(?:the\s+)?$", before)
        and re.fullmatch(r"\s+and\s+(?:the\s+)?", text[first.end : second.start])
        and run_kind(first, text) == "organization"
        and not re.match(r"^\s*(?:,\s*)?[A-Z]", text[second.end : second.sentence.end])
    )


def _ends_with_country(text: str, runs: list[Run], index: int) -> bool:
    """ "Milan and Turin, Italy": the list the run is in ends with ", COUNTRY"."""
    for k in range(index + 1, len(runs)):
        between = text[runs[k - 1].end : runs[k].start]
        if not re.fullmatch(r"\s*(?:,|,?\s*and|\s+in)\s*(?:the\s+)?", between):
            return False
        if is_place_word(runs[k].text(text)):
            return "," in between or " in" in between
    return False


def _dateline(after: str) -> bool:
    return bool(
        re.match(
            r"^\s*,\s*(?:[A-Z][a-z]{2,8}\.? \d{1,2}|\d{1,2} [A-Z][a-z]{2,8}|\d{4}-\d\d-\d\d)",
            after,
        )
    )


def _in_place_list(text: str, sentence: Sentence, run: Run) -> bool:
    """ "Milan and Turin, Italy": a name in a list that ends with a country."""
    after = text[run.end : sentence.end]
    return bool(re.match(r"^\s*,\s*(?:the\s+)?[A-Z]", after)) and any(
        is_place_word(word) for word in re.findall(r"^\s*,\s*((?:the\s+)?[A-Z][\w]+)", after)
    )


def _listed_after_trigger(text: str, sentence: Sentence, run: Run) -> bool:
    """A name in a list ("visited A, B and the C") whose first item follows a trigger."""
    before = text[sentence.start : run.start]
    for match in _TRIGGER_ANYWHERE.finditer(before):
        between = before[match.end() :]
        # Only list separators and capitalized names between the trigger and the run.
        if re.fullmatch(
            r"(?:\s*(?:the\s+)?[A-Z][\w'’&.\- ]*?(?:\s*,\s*and|\s*,|\s+and)\s*(?:the\s+)?)+",
            between,
        ):
            return True
    return False


_TRIGGER_ANYWHERE = re.compile(
    r"\b(?:visited|toured|including|such as|organi[sz]ed by|hosted by|headquarters of)\s+"
)


# The most telling kind wins: "Allianz Insurance Group" is an insurer.
_KIND_ORDER = (
    "diplomatic-mission",
    "bank",
    "insurer",
    "university",
    "research",
    "association",
    "government",
    "company",
)


def _kind(name: str) -> tuple[str | None, str | None]:
    words = [word.strip(".,()").lower() for word in name.split()]
    found = {
        ORGANIZATION_HEADS[word]: word for word in reversed(words) if word in ORGANIZATION_HEADS
    }
    for kind in _KIND_ORDER:
        if kind in found:
            return kind, f'Taken from its name ("{found[kind]}").'
    return None, None


@dataclass(frozen=True)
class Relation:
    source: str  # the organization's name
    kind: str  # as the article words it: "important strategic partner of"
    target: str
    quote: str


_RELATION = (
    r"(?:'s|’s)?\s*(?:,\s*|\s+(?:is|was|has been|remains|became)\s+)"
    r"(?:(?:an?|the|one of the|a long-standing)\s+)?"
    r"((?:[a-z][\w-]*\s+){0,3}?"
    r"(?:partners?|subsidiary|shareholder|member|branch|affiliate|unit|division|supplier|"
    r"customer|client|parent company|investor|owner)\s+(?:of|in|to))\s+(?:the\s+)?"
)


def find_relations(article: Article, organizations: list[Organization]) -> list[Relation]:
    """ "BNP Paribas is an important strategic partner of Bank of Nanjing", "X, a
    subsidiary of Y": one organization said to stand to another in the same sentence."""
    found: list[Relation] = []
    for sentence in article.sentences:
        here = [o for o in organizations if o.name in sentence.text]
        for source in here:
            for target in here:
                if target is source:
                    continue
                match = re.search(
                    re.escape(source.name) + _RELATION + re.escape(target.name), sentence.text
                )
                if match is None:
                    continue
                start = sentence.start + match.start()
                quote = article.clause(sentence, start, sentence.start + match.end())
                found.append(Relation(source.name, match.group(1), target.name, quote))
    return found


_SUFFIXES = re.compile(
    r"[\s,]+(?:Co\.?,?\s*Ltd\.?|Co\.|Ltd\.?|Inc\.?|Corp\.?|Corporation|Company|Group|"
    r"Limited|LLC|PLC|plc|AG|GmbH|S\.A\.|S\.p\.A\.)$"
)


def join_variants(
    article: Article, organizations: list[Organization], titled: frozenset[str] = frozenset()
) -> list[Organization]:
    """One organization for what the article spells more than one way: "X (ABC)" and
    "ABC", an acronym of a name's initials, a name with and without "Co., Ltd." or
    "Group", and the same words in another order ("Nanjing Bank", "Bank of Nanjing").
    The first spelling is the name, or the one a person's title names (`titled`, folded)
    when only the lists' order joins them; the others are aliases, each with its reason."""
    kept: list[Organization] = []
    for organization in organizations:
        main, reason, by_order = None, None, False
        for other in kept:
            reason = _variant_reason(article, other, organization)
            by_order = reason is None
            reason = reason or _same_place(organizations, other, organization)
            if reason is not None:
                main = other
                break
        if main is None or reason is None:
            kept.append(organization)
            continue
        alias = organization.name
        if by_order and fold(alias) in titled and fold(main.name) not in titled:
            main.name, alias = alias, main.name  # the spelling the people's titles use
        main.aliases.append(alias)
        main.alias_reasons.append(reason)
        for sentence in organization.sentences:
            if sentence not in main.sentences:
                main.sentences.append(sentence)
        if main.kind is None and organization.kind is not None:
            main.kind, main.kind_reason = organization.kind, organization.kind_reason
    return kept


def _same_place(organizations: list[Organization], a: Organization, b: Organization) -> str | None:
    """ "visited Valeo Group, Dassault Systèmes, and Kayent Group" and later "Valeo
    Group's ..., Dassault Systèmes' ..., and Kering Group's ...": two names, each written
    once, with the same initial and last word, after the same two organizations in two
    lists, are taken to be one spelt two ways."""
    if (
        len(a.sentences) != 1
        or len(b.sentences) != 1
        or a.sentences[0] is b.sentences[0]
        or a.name[0] != b.name[0]
        or a.name.split()[-1] != b.name.split()[-1]
        or len(a.name.split()) < 2
    ):
        return None
    before_a = _named_before(organizations, a)
    before_b = _named_before(organizations, b)
    if len(before_a) < 2 or before_a[-2:] != before_b[-2:]:
        return None
    first, second = before_a[-2:]
    return (
        f'"{a.name}" and "{b.name}" each come after {first} and {second} in two lists of '
        "the same organizations; taken to be one organization spelt two ways."
    )


def _named_before(organizations: list[Organization], organization: Organization) -> list[str]:
    """The organizations named before this one in its sentence, in order."""
    sentence = organization.sentences[0]
    at = sentence.text.find(organization.name)
    found = [
        (sentence.text.find(o.name), o.name)
        for o in organizations
        if o is not organization and sentence in o.sentences
    ]
    return [name for start, name in sorted(found) if 0 <= start < at]


def _variant_reason(article: Article, main: Organization, other: Organization) -> str | None:
    a, b = main.name, other.name
    if b.isupper() and len(b) >= 2:
        if re.search(re.escape(a) + r"\s*\(\s*" + re.escape(b) + r"\s*\)", article.text):
            return f'The article writes "{a} ({b})": the same organization.'
        if b == _initials(a):
            return f'"{b}" is made of the initials of "{a}"; taken to be the same organization.'
    if _SUFFIXES.sub("", a) == _SUFFIXES.sub("", b) and a != b:
        return f'"{b}" is "{a}" with or without its legal or group suffix; taken to be one.'
    words_a, words_b = _content_words(a), _content_words(b)
    if len(words_a) >= 2 and words_a == words_b:
        return f'"{b}" has the words of "{a}" in another order; taken to be the same organization.'
    return None


def _initials(name: str) -> str:
    return "".join(word[0] for word in name.split() if word[0].isupper())


def _content_words(name: str) -> frozenset[str]:
    return frozenset(word.lower() for word in re.findall(r"[\w'’-]+", name)) - {
        "of",
        "the",
        "and",
        "for",
        "in",
        "de",
        "di",
    }
