"""Fields of cooperation, as the article lists them: "cooperation in A, B and C",
"exchanges with X in A and B", "key areas such as A, B, etc.", "in the field of A"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.drafting.names import fold
from tui.drafting.sentences import Article, Sentence

# "discussed joint work on A": the list is the one after "work on", which its own trigger finds.
_NESTED = (
    r"(?!(?:[a-z-]+\s+){0,2}(?:cooperation|collaboration|work|courses|training|exchanges|"
    r"research|study|studies)\s+(?:in|on)\b)"
)
# "discussed Chinese-language teaching": a field may open with a people's or language's
# name joined to a lower-case word; a capital alone opens a name.
_FIELD_START = r"(?=[a-z]|[A-Z][a-z]+-[a-z])"
_TRIGGERS = [
    re.compile(
        r"\b(?:cooperat(?:e|es|ed|ing|ion)|collaborat(?:e|ed|ing|ion)|exchanges?|partnerships?|"
        r"investments?|invest|investing|invested|work|working|partners?|partnering|investors|trade|ties|"
        r"research|opportunities|programmes?|programs?|projects?|laborator(?:y|ies)|labs?|"
        r"ventures?|learn|learning|(?:pair|team)(?:s|ed|ing)?\s+up|"
        # "joint training in A", "internships in A", "train technicians in A": what is taught.
        r"training|internships?|courses?|train(?:s|ed)?\s+[a-z]+)"
        r"(?:\s+(?:closely|further|actively|deeply|more|extensively|together|jointly)){0,2}"
        # "have cooperated for years in A and B"
        r"(?:\s+for\s+(?:many\s+|several\s+)?(?:years|decades))?"
        # "with Foshan manufacturers": the partners may end in a common noun.
        r"(?:\s+(?:with|from|between|of)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:and\s+)?[A-Z][\w'’-]*)*"
        r"(?:\s+[a-z]+s)?)?"
        # "training for Kenyan engineers in A": who is trained, then in what; the pattern
        # ignores case, so the nationality's capital is asked for in so many words.
        r"(?:\s+for\s+(?-i:[A-Z][\w'’-]*\s+[a-z]+s))?"
        r"\s+(?:in|on)\s+(?:(?:the\s+|key\s+)?(?:fields?|areas?|sectors?|domains?)\s+"
        r"(?:of|such\s+as|like|including)\s+)?(?=[a-z])",
        re.IGNORECASE,
    ),
    # Lower-case only: "Federation of Industries of the State of X" is a name.
    re.compile(
        r"\b(?:areas|fields|sectors|industries|domains)\s+(?:such\s+as|like|including|of)\s+"
    ),
    re.compile(r"\bin\s+the\s+fields?\s+of\s+", re.IGNORECASE),
    # "to expand markets for A", "boost exports of A": what is to be sold is a field.
    re.compile(
        r"\b(?:expand|widen|open|develop|explore|boost|increase|promote)\s+"
        r"(?:(?:new|export|overseas|foreign)\s+)?"
        r"(?:markets?|exports?|sales)\s+(?:for|of)\s+(?=[a-z])",
        re.IGNORECASE,
    ),
    # "share its experience in A, B and C"
    # "saw great potential in A and B", "help with A": what a side offers or wants.
    re.compile(
        # "a strong base in A and B": what a city is good at.
        r"\b(?:experience|expertise|strengths?|know-how|potential|ambitions?|base|edge|industries)"
        r"\s+in\s+"
        r"(?=[a-z])|"
        # "learn from Beihai's experience with A and B"
        r"\b(?:experience|expertise)\s+with\s+(?=[a-z])|"
        # "would welcome companies, particularly in A and B": where they are wanted.
        r",\s+(?:particularly|especially|notably|mostly|mainly|chiefly)\s+in\s+(?=[a-z])|"
        r"\bhelp\s+with\s+(?=[a-z])",
        re.IGNORECASE,
    ),
    # "named A, B and C as fields where ...": the list comes before what it is.
    re.compile(
        r"\b(?:named|identified|listed|cited|singled\s+out)\s+(?=[a-z][^.;]*?\s+as\s+"
        r"(?:[a-z]+\s+){0,2}(?:fields|areas|sectors|priorities)\b)"
    ),
    # "suggested joint training of A", "proposed regular youth exchanges"; "proposed joint
    # research in A" lists its fields after "in".
    re.compile(
        r"\b(?:suggested|proposed|hoped\s+for)\s+(?:joint|regular|closer)\s+(?=[a-z])"
        r"(?![a-z]+\s+(?:in|on)\b)"
    ),
    # "would encourage more A and B", "asked about A": what a side wants more of.
    re.compile(
        r"\bencourag(?:e|es|ed|ing)\s+more\s+(?=[a-z])"
        r"(?!(?:companies|enterprises|firms|businesses|investors|visitors|tourists|people)\b)|"
        r"\basked\s+about\s+(?=[a-z])"
    ),
    # "is now turning towards A, B and C": where a city's industry is heading.
    re.compile(r"\bturning\s+(?:to|towards)\s+(?=[a-z])"),
    # "give priority to A, B and C", "a hub for A and B", "its plans for A and B".
    re.compile(
        r"\b(?:give|gave|giving|given)\s+priority\s+to\s+(?=[a-z])|"
        r"\b(?:hub|plans)\s+for\s+(?=[a-z])|"
        # "a base of engineering machinery, textiles and coal chemical industry"
        r"\ba\s+base\s+of\s+(?=[a-z])|"
        # "Their talk turned to vocational education"
        r"\b(?:talks?|discussions?|conversation)\s+turned\s+to\s+(?=[a-z])"
    ),
    # "in fields where Belarus is strong: A, B and C", "listed the areas they would work on
    # first: A and B", "identified five areas for joint work: A, B".
    re.compile(r"\b(?:areas|fields|sectors|priorities)\b[^.;:\"“”]{1,60}:\s*(?=[a-z])"),
    # "The two sides talked about A and B", "a memorandum, which lists A, B and C".
    re.compile(
        r"\btalk(?:s|ed|ing)?\s+about\s+(?=[a-z])|,\s+which\s+(?:lists|covers|names)\s+(?=[a-z])"
    ),
    # "the talks ranged from A and B to C".
    re.compile(r"\b(?:talks|discussions|cooperation|exchanges)\s+(?:ranged|ranging)\s+(?=from\s)"),
    # "explore A and B together".
    re.compile(r"\bexplore\s+(?=[a-z][^.;]*?\s+together\b)"),
    # "exchanged views on A, B and C", "talks focusing on A and B": the fields talked of.
    re.compile(
        r"\b(?:exchang(?:e|ed|ing)\s+(?:views|opinions|ideas)|compared\s+notes|focus(?:ed|es|ing)?|"
        r"talks|discussions|negotiations|"
        r"centred|centered)\s+"
        r"on\s+(?=[a-z])",
        re.IGNORECASE,
    ),
    # "focus on four areas: A, B and C": the fields after the count and its colon.
    re.compile(
        r"\b(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:[a-z]+\s+)?"
        r"(?:areas|fields|sectors|priorities)(?:\s+of\s+cooperation)?\s*:\s*(?=[a-z])",
        re.IGNORECASE,
    ),
    # "held talks with X, covering A and B": what the talks were about; "17 projects were
    # signed, covering A, B and C": what the deals are in.
    re.compile(
        r"\b(?:talks|discussions|meetings?|projects|agreements|deals|contracts|"
        r"memorand(?:um|a)(?:\s+of\s+understanding)?|MoUs?|letters?\s+of\s+intent)\b"
        r"(?:[^.;:]|(?<=\d)\.(?=\d)){0,100}?,"
        # "Six projects were signed at the meeting, involving A, B and C"
        r"\s+(?:covering|spanning|ranging\s+across|involving(?!\s+(?:a|an)\s))\s+(?=[a-z])|"
        # "a working mechanism covering A and B"
        r"\b(?:mechanism|platform|framework|programme|program)\s+covering\s+(?=[a-z])"
    ),
    # "looked forward to exchanges with Wuhu covering A, B and C".
    re.compile(
        r"\b(?:exchanges|cooperation|collaboration|partnerships?|talks|discussions)"
        # "a partnership with Argentine provinces covering A": the partners may end in a noun.
        r"(?:\s+with\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*(?:\s+[a-z]+s)?)?"
        r"\s+covering\s+(?=[a-z])"
    ),
    # "The two sides discussed A and B", "to discuss with X A": what a meeting was about.
    re.compile(
        r"\bdiscuss(?:ed|es|ing)?\s+(?:with\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*\s+)?"
        + _FIELD_START
        # "discussed a new route": a thing, not a field.
        + r"(?!with\s|(?:a|an)\s)"
        + _NESTED
    ),
    # "encouraged Ganzhou companies to look at A and B": where they are pointed to invest.
    re.compile(r"\b(?:encourag|urg|invit)\w*\s+[^.;]*?\bto\s+look\s+(?:at|into)\s+(?=[a-z])"),
    # "expand cooperation into A and B": the fields it is to reach; "new momentum for A".
    re.compile(
        r"\b(?:cooperation|collaboration|partnership|ties)\s+into\s+(?=[a-z])|"
        r"\b(?:momentum|impetus)\s+for\s+(?=[a-z])"
    ),
    # "share data on A and B": what the sides are to learn from each other.
    re.compile(
        r"\bshar(?:e|es|ed|ing)\s+(?:[a-z]+\s+){0,2}"
        r"(?:data|information|experience|expertise|knowledge|practices)\s+(?:on|in|about)\s+"
        r"(?=[a-z])"
    ),
    # "a joint study on A", "a joint laboratory with a Chengdu university for A", "a joint
    # research centre for A": what a joint body or work is for.
    re.compile(
        r"\bjoint\s+(?:[a-z]+\s+){0,2}(?:laborator(?:y|ies)|labs?|cent(?:re|er)s?|institutes?|"
        r"stud(?:y|ies)|platforms?)"
        r"(?:\s+with\s+(?:a|an|the)\s+[A-Z][\w'’-]*(?:\s+[a-z]+)?)?\s+(?:for|on|in)\s+(?=[a-z])"
    ),
    # "an agreement between A and B on joint research", "a memorandum on language teaching",
    # "an MoU on building a green corridor": what was signed is about a field; "on a new
    # service" names a thing, not a field.
    re.compile(
        r"\b(?:agreements?|memorand(?:um|a)|MoUs?|letters?\s+of\s+intent)"
        r"(?:\s+of\s+understanding)?"
        # "with X Co., Ltd. on A": a company's name may hold full stops.
        r"(?:\s+(?:between|with)\s+(?:[^.;]|\.(?=,|\s+[a-z]))*?)?\s+on\s+(?:joint\s+)?"
        # "on the supply of A" is a field; "on a new service" names a thing.
        + _FIELD_START
        + r"(?!(?:a|an)\s|the\s(?![a-z]+\s+of\s))"
        + _NESTED
    ),
    # "said A and B were other areas where ...": the list comes before what it is.
    re.compile(
        r"\b(?:said|added|noted)\s+(?:that\s+)?(?=[a-z][^.;]*?\s+(?:were|are)\s+"
        r"(?:[a-z]+\s+){0,2}(?:areas|fields|sectors|priorities)\b)"
    ),
    # "join hands with Kunming to upgrade A, B and C": what the two sides would do together.
    re.compile(
        r"\bjoin(?:s|ed|ing)?\s+hands(?:\s+with\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)?"
        r"\s+(?:to|in)\s+(?:(?:upgrade|develop|promote|expand|boost|build|deepen|strengthen|"
        r"advance|grow|improve)\s+)?(?=[a-z])"
    ),
]
# Where a list of fields ends.
_LIST_END = re.compile(
    r"(?:[.;:!?()]|\s+in\s+(?=[A-Z])|\s+together\b|"
    # "for water heaters" at a list's end is part of its last field; "for the city" is not.
    # "equipment for the natural gas industry": which industry is part of the field.
    r",?\s+for\b(?!\s+the\s+(?:[\w-]+\s+){0,3}(?:industry|sector)\b)"
    r"(?!\s+(?!(?:the|a|an|its|their|his|her|both|mutual|each|all)\b)[a-z][\w-]*"
    r"(?:\s+[a-z][\w-]*)?\s*(?:[.;,]|\s+and\s|$))|"
    # "technical training for local workers": who is trained is not part of the field,
    # but "vocational education for cellar workers" says which training.
    r",?\s+for\s+(?=(?:(?:local|young|rural|skilled|new|more|senior|junior|migrant)\s+)?(?:workers|students|technicians|teachers|engineers|doctors|"
    r"nurses|staff|officials|farmers|people|professionals)\b)|"
    # "agricultural exports to China": where the goods go is part of the field.
    r",?\s+(?:(?<!exports\s)to|to(?!\s+[A-Z])|so|which|that|who|where|while|with|by|through|from|at|"
    # "A, as well as B": one more field.
    r"(?<!\bwell\s)as(?!\s+well\s+as\b)|"
    r"based|during|when|among|between|under|after|before|since|along|near|around|across)\b(?!-)|"
    # "A and B, two of Quzhou's pillar industries": what they are, not more fields.
    r",\s+(?:two|three|both|all)\s+(?:of\b|fields|areas|sectors|industries)|,?\s+and\s+also\b|,\s+according\s+to\b|"
    # "an MoU on hydrogen-based direct reduction there"
    r",?\s+(?:there|here)\b|"
    # "experience in A and the B could help": a verb after the list.
    r"\s+(?:could|would|should|can|will|may|might|must)\b|"
    r"\s+(?:were|are)\s+(?=(?:[a-z]+\s+){0,2}(?:areas|fields|sectors|priorities)\b)|"
    # "A and B was pushed to a new level", ", let the two cities ...": a clause of its own;
    # "know-how in A and B was exactly what ...": a list of fields holds no verb.
    r"\s+(?:was|were|is|are|has|have|had)\s+(?=[a-z]+(?:ed|en)\b)|\s+(?:was|were|is|are)\s|"
    r"\s+(?:has|have|had)\s+(?=[a-z])|"
    r",\s+(?:let|letting|making|allowing|enabling)\b|,?\s+and\s+then\b|"
    r",?\s+and\s+(?:to|the\s+two|he|she|they|we|it|that|said|hoped|agreed|signed|will|would)\b|"
    # ", in which X will ...", ", signed on behalf of X": what follows is about the deal.
    r",\s+in\s+which\b|,\s+[a-z]+ed\s+(?:by|on|at|in|with|for)\b|"
    # "markets for A and explore B", "in A, and Fjeld encouraged ...": a second clause.
    r"\s+and\s+(?:explore|seek|look|expand|promote|attract|deepen|strengthen|build|open)\b|"
    r",\s+and\s+[A-Z][\w'’-]*\s+[a-z]+(?:ed|s)\b|"
    r",\s*(?:etc\.?|and\s+so\s+on)|\s+etc\.?|"
    # "A and B, including short courses for teachers": an example, not one more field.
    r",\s+including\b|"
    # "A and joint courses in B": the second list is found by its own trigger.
    r"\s+and\s+(?=(?:[a-z-]+\s+)?(?:courses|training|work|research|cooperation)\s+(?:in|on)\b)|"
    # "A, B and C, Chilean officials said": who said so is no field.
    r",\s+(?:(?:the|a|an)\s+)?(?:[A-Z][\w'’-]*\s+)*(?:[a-z]+\s+)?[a-z]+\s+(?:said|say|says|added|noted)\b|"
    # ", and invited Zhengzhou companies": a verb in the past, then its object.
    r",\s+and\s+[a-z]+ed\s+(?=[A-Z]|(?:the|a|an|to|that|its|their|his|her)\b)|"
    r",\s+and\s+(?:welcomed|invited|agreed|proposed|expressed|noted|stressed|pledged|called|"
    r"signed|said|added|introduced|visited|hoped|thanked|announced|suggested)\b|"
    # ", and welcomes more investors", ", and invites firms": a verb in the present.
    r",\s+and\s+(?:welcomes|invites|encourages|hopes|plans|wants|expects|calls|urges|supports|"
    r"says|looks|seeks|aims|intends|offers)\b|"
    r",\s+and\s+[a-z]+s\s+(?=(?:the|a|an|more|its|their|his|her|all|local|foreign|overseas)\b))"
)
# "cooperation in everything from A to B and C": the first field of the list is before "to".
_RANGE = re.compile(
    r"(?:(?:everything|anything|areas|fields|sectors)\s+(?:ranging\s+)?)?from\s+"
    r"([a-z][^,.;:]*?)\s+to\s+(?=[a-z])"
)
# "Dalian's hydrogen industry": the place that owns the field is not part of it.
_OWNER = re.compile(r"^[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*(?:'s|’s)\s+(?=[a-z])")
# "agricultural technology, especially water-saving irrigation": a field of its own.
_ASIDE = re.compile(r"^(?:especially|particularly|notably|mainly|chiefly)\s+")
_DROP_START = re.compile(
    r"^(?:(?:developing|building|promoting|advancing)\s+)?"
    r"(?:the|a|an|other|more|various|many|all|such|these|those|its|their)\s+",
    re.I,
)
# What "exchanged views on" and its kin can open with that is no field: "exchanged views
# on deepening cooperation", "focused on how to ...", "on issues of common concern".
_NOT_A_LIST = re.compile(
    r"(?:deepening|strengthening|expanding|enhancing|boosting|promoting|improving|exploring|"
    r"implementing|further|how|what|ways|issues|matters|topics|measures|plans|"
    # "an agreement on establishing friendly relations", "a letter on cooperation in A".
    r"establishing|setting|jointly|friendly|cooperation|collaboration|"
    # "focus on key areas such as A and B": the list is after "such as".
    r"(?:(?:key|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+)?"
    r"(?:areas|fields|sectors|industries|domains))\b",
    re.IGNORECASE,
)
_NOT_FIELDS = frozenset(
    ["more fields", "other fields", "all fields", "many fields", "various fields"]
)
# Verbs that follow a list's last comma and are not one more field ("..., and strive to").
_VERBS = frozenset(
    [
        "strive",
        "work",
        "achieve",
        "promote",
        "continue",
        "explore",
        "expand",
        "deepen",
        "push",
        "make",
        "build",
        "strengthen",
        "seek",
        "help",
        "jointly",
        "further",
        "actively",
        "enhance",
        "improve",
    ]
)


@dataclass(frozen=True)
class ThemeMention:
    name: str
    start: int
    end: int
    sentence: Sentence
    clause: str  # the verbatim passage of the list


def find_themes(article: Article, proper_names: set[str]) -> list[ThemeMention]:
    """`proper_names` holds folded names of people, places and organizations, which are
    not fields."""
    found: list[ThemeMention] = []
    announced = False
    for sentence in article.sentences:
        bullet = _BULLET.match(sentence.text)
        if announced and bullet:
            found.extend(_bulleted(sentence, bullet, proper_names))
            continue
        announced = bool(_ANNOUNCES_LIST.search(sentence.text))
        found.extend(_themes_in(article, sentence, proper_names))
    return found


# "... sees room to grow in four areas:" and then one field a line, each a bullet.
_ANNOUNCES_LIST = re.compile(
    r"\b(?:areas|fields|sectors|priorities|industries)(?:\s+of\s+cooperation)?\s*:\s*$"
)
_BULLET = re.compile(r"^[-–•*]\s+(?=[a-z])")


def _bulleted(
    sentence: Sentence, bullet: re.Match[str], proper_names: set[str]
) -> list[ThemeMention]:
    """A bullet after a line that announces fields: the bullet is one field, its "and"
    included ("motorcycle and auto parts")."""
    item = sentence.text[bullet.end() :].rstrip(" .;,")
    name = _DROP_START.sub("", item)
    if not _is_field(name, proper_names):
        return []
    start = sentence.start + bullet.end() + len(item) - len(name)
    return [ThemeMention(name, start, start + len(name), sentence, sentence.text)]


def _themes_in(article: Article, sentence: Sentence, proper_names: set[str]) -> list[ThemeMention]:
    text = sentence.text
    found: list[ThemeMention] = []
    seen_starts: set[int] = set()
    for trigger in _TRIGGERS:
        for match in trigger.finditer(text):
            if match.end() in seen_starts:
                continue
            seen_starts.add(match.end())
            list_start = match.end()
            rest = text[list_start:]
            ranged = _RANGE.match(rest)
            first: list[tuple[int, str]] = []
            if ranged:
                first = [(ranged.start(1) + at, item) for at, item in _items(ranged.group(1))]
                list_start += ranged.end()
                rest = text[list_start:]
            spans = _spans(rest, list_start - match.end())
            last_at, last_span = spans[-1]
            clause = text[match.start() : match.end() + last_at + len(last_span)].strip()
            items = first + [
                (at + shift, item) for shift, span in spans for at, item in _items(span)
            ]
            if len(spans) > 1 and not _ORDINAL.match(rest):
                # Items between semicolons are whole: "and" within one is its own.
                items = first + [
                    (shift + _lead(span), span[_lead(span) :].strip()) for shift, span in spans
                ]
            for position, (offset, item) in enumerate(items):
                name = _DROP_START.sub("", _ASIDE.sub("", item))
                if position == 0:
                    name = _OWNER.sub("", name)
                if len(name.split()) > 6 or (
                    position == 0 and (_is_proper(name, proper_names) or _NOT_A_LIST.match(name))
                ):
                    break  # not a list of fields, or no longer one
                if not _is_field(name, proper_names):
                    continue
                start = sentence.start + match.end() + offset + (len(item) - len(name))
                found.append(ThemeMention(name, start, start + len(name), sentence, clause))
    return found


# "in three areas: first, A and B; second, C; and third, D": a list in numbered parts.
_ORDINAL = re.compile(r"(?:and\s+)?(?:first|second|third|fourth|fifth|finally|lastly),\s+")


# "agrifood trade; cold-chain logistics; and food-processing equipment": a list whose
# items a semicolon separates, each a few lower-case words.
_SEMICOLON_ITEM = re.compile(
    r"\s+(?:and\s+)?(?!(?:the|a|an|it|its|they|their|he|she|we|this|that)\b)"
    r"[a-z][\w-]*(?:\s+[a-z][\w-]*){0,4}\s*[;.]"
)


def _spans(rest: str, shift: int) -> list[tuple[int, str]]:
    """The stretches of `rest` that hold the list, with their offsets plus `shift`: one,
    or a numbered part each."""
    spans = []
    while True:
        ordinal = _ORDINAL.match(rest)
        if ordinal:
            shift, rest = shift + ordinal.end(), rest[ordinal.end() :]
        end = _LIST_END.search(rest)
        spans.append((shift, rest[: end.start()] if end else rest))
        after = rest[end.end() :] if end else ""
        numbered = ordinal and _ORDINAL.match(after.lstrip())
        if not (end and end.group() == ";" and (numbered or _SEMICOLON_ITEM.match(after))):
            return spans
        skip = end.end() + len(after) - len(after.lstrip())
        shift, rest = shift + skip, rest[skip:]


def _items(span: str) -> list[tuple[int, str]]:
    """The items of "A, B and C" with their offsets: commas first; "and"/"or" splits only
    the last item (so "scientific and technological innovation, ..." stays whole)."""
    pieces: list[tuple[int, str]] = []
    parts = [(m.start(), m.group()) for m in re.finditer(r"[^,]+", span)]
    for index, (offset, part) in enumerate(parts):
        chunks = [(0, part)]
        # "A and B, as well as C": an "as well as" ends a list as its last "and" does.
        # "A, B and C, and actively explore ...": a clause after a serial comma ends it too.
        following = parts[index + 1][1] if index + 1 < len(parts) else ""
        last = (
            index == len(parts) - 1
            or bool(re.match(r"\s*as\s+well\s+as\s", following))
            or bool(_CLAUSE_AFTER.match(following))
        )
        # "A, B, and C and D": after a serial comma the last item is whole.
        serial = bool(index and re.match(r"\s+and\s", part))
        # "A, ice and snow sports and the B": the list's own "and" is the one before "the".
        cut = re.search(r"\sand\s+(?=(?:the|a|an|its|their)\s)", part)
        if last and index and not serial and cut and part.count(" and ") > 1:
            chunks = [(0, part[: cut.start()]), (cut.start(), part[cut.start() :])]
        elif last and not serial:
            chunks = [
                (m.start(), m.group())
                # "Arctic and cold-climate engineering": a capitalized word alone is a
                # name, not a field, so it qualifies what follows.
                for m in re.finditer(
                    r"(?:\b[A-Z][\w-]*\s+and\s+(?=[a-z]))?(?:(?!\s(?:and|or|as\s+well\s+as)\s).)+",
                    part,
                )
            ]
        for at, chunk in chunks:
            cleaned = chunk[_lead(chunk) + len(chunk) - len(chunk.lstrip()) :].rstrip()
            if cleaned:
                pieces.append(
                    (offset + at + len(chunk) - len(chunk.lstrip()) + _lead(chunk), cleaned)
                )
    return pieces


_CLAUSE_AFTER = re.compile(
    r"\s+and\s+(?:\w+ly\s+)?(?:to\s+)?(?:explore|expand|promote|strengthen|deepen|develop|"
    r"work|build|carry|push|seek|step\s+up)\b"
)


# "and", "or", "as well as in" opening an item.
_JOINER = re.compile(r"\s*((?:and|or|as\s+well\s+as(?:\s+(?:in|on))?)\s+)")


def _lead(chunk: str) -> int:
    match = _JOINER.match(chunk)
    return len(match.group(1)) if match else 0


def _is_proper(name: str, proper_names: set[str]) -> bool:
    return fold(name) in proper_names or all(word[0].isupper() for word in name.split())


def _is_field(name: str, proper_names: set[str]) -> bool:
    words = name.split()
    if not 1 <= len(words) <= 6 or not name[0].isalpha():
        return False
    if name.lower() in _NOT_FIELDS or fold(name) in proper_names or name.lower() in _VERBS:
        return False
    if len(words) > 1 and words[0][0].isupper() and words[-1][0].isupper():
        return False  # "State of Sao Paulo": a name
    if all(word[0].isupper() for word in words):
        # A proper name ("Paris", "Bank of Nanjing"), unless it is a capitalized field.
        return len(words) > 1 and words[1][0].islower()
    return not re.search(r"\d", name)
