"""Assemble a format-v1 briefing from an article: every entry marked `review: drafted`,
quoting the sentences or clauses it comes from, with what is derived in `inferred`."""

from __future__ import annotations

import re
from typing import Any

from tui.drafting.dates import DateMention, find_dates
from tui.drafting.itinerary import Event, Statement, build_itinerary
from tui.drafting.lexicon import EVENT_HEADS
from tui.drafting.names import fold, is_place_word, is_title_word, slug
from tui.drafting.organizations import find_names, find_relations, join_variants
from tui.drafting.people import Mention, Person, find_mentions, group_people, infer_organizations
from tui.drafting.sentences import Article, Sentence, read_article
from tui.drafting.themes import find_themes

DRAFTED = "drafted"
_MAX_QUOTES = 3

# "X and his delegation were received by Mayor Y": the hosts come after the verb.
_RECEIVED_BY = re.compile(
    r"\b(?:was|were|had been|have been|has been)\s+(?:warmly\s+)?"
    r"(?:received|met|welcomed|hosted)\s+"
    # "They were received on June 3 by Xiangyang's mayor"
    r"(?:on\s+(?:[A-Z][a-z]+\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+day)"
    r"(?:\s+(?:morning|afternoon|evening))?\s+)?by\b"
)
_INCOMING = re.compile(
    _RECEIVED_BY.pattern + "|"
    r"\b(?:met|meets|meeting|received|receives|hosted|hosts|welcomed|welcomes|"
    r"(?:held|had|holds)\s+talks)\s+(?:with\s+)?"
    r"(?:a|the)\s+(?:[\w'’-]+\s+){0,5}?delegations?\b|"
    # "a delegation from X", "a delegation of 30 entrepreneurs from X", "of officials,
    # researchers and business leaders from X"
    r"\b(?:delegations?|(?:business|trade)\s+missions?)\s+(?:of\s+(?:[\w'’-]+,?\s+){1,8}?)?from\b|"
    r"\bvisiting\s+(?:[\w'’-]+\s+){0,3}delegation\b|"
    # "the first visit to the city by a Moroccan governor": the city is visited.
    r"\bvisits?\s+to\s+(?:the|our)\s+city\s+by\b|"
    # "X held talks with Lenz and his delegation", "met with Mr. Y and the delegation"
    r"\b(?:met|meets|received|receives|hosted|welcomed|(?:held|had)\s+talks\s+with)\b"
    r"(?:[^.]|(?<=Mr|Ms|Dr)\.){0,200}?\b(?:his|her|their|and\s+the)\s+(?:delegation|party)\b"
)
# "Mayor X met the guests", "welcomed the overseas guests", "met with foreign visitors"
_MET_GUESTS = re.compile(
    r"\b(?:met|meets|received|receives|hosted|hosts|welcomed|welcomes|"
    r"(?:held|had|holds)\s+talks)\s+(?:with\s+)?"
    r"(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(?:guests|visitors)\b|"
    # "hosted a banquet in honour of the Moroccan guests": only a host honours its guests.
    r"\bin\s+hono(?:u)?r\s+of\s+the\s+(?:[\w'’-]+\s+){0,2}?(?:guests|visitors)\b"
)
_LED_BY = re.compile(r"\b(?:[Ll]ed|[Hh]eaded)\s+by\b")
_LEADS = re.compile(
    r"\b(?:led|leads|headed|heads)\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){0,3}?delegation\b"
)
_CITY_DELEGATION = re.compile(
    r"\b([A-Z][\w'’-]+)(?:\s+(?:municipal|city|government))?\s+delegation\b"
)
_MEMBER = re.compile(
    r"\b[Aa]ccompan(?:ied|ying)\b|\bmembers? of the delegation\b|\bdelegation members\b|"
    r"\b[Tt]he delegation (?:also )?included\b|\b(?:[Aa]lso )?in the delegation were\b|"
    r"\b(?:was|were) (?:also )?(?:in|part of) the delegation\b|"
    # "who travelled with the group", "are travelling with the delegation"
    r"\btravel(?:s|l?ed|l?ing)\s+with\s+the\s+(?:delegation|group)\b"
)
_WITH_VISITORS = re.compile(
    r"\b(?:accompanied|accompanying|joined|were part of|was part of|members? of)\s+the\s+"
    r"(?:visiting\s+)?(?:delegation|guests|visitors)\b|\b[Tt]he delegation (?:also )?included\b|"
    r"\btravel(?:s|l?ed|l?ing)\s+with\s+the\s+(?:visiting\s+)?(?:delegation|group|guests)\b"
)
_VISIT_TO = re.compile(r"\bvisit to ([A-Z][\w'’-]+)\b(?!['’]s)")
_HOST_CUE = re.compile(r"\b(?:attended the (?:meeting|talks)|(?:was|were) (?:also )?present)\b")


def draft(
    text: str, *, briefing_id: str | None = None, source_path: str = "article.txt"
) -> dict[str, Any]:
    """A briefing as plain data, ready to write as YAML. Raises ValueError when the
    article has no text."""
    article = read_article(text)
    people = group_people(article, find_mentions(article))
    keys = {fold(name) for person in people for name in (person.name, *person.aliases)}
    # "Landrat of the X District": an office the lexicon does not know.
    offices = frozenset(
        words[0].lower()
        for words in (p.title.split() for p in people if p.title)
        if len(words) > 2 and words[1] == "of" and not is_title_word(words[0])
    )
    names = find_names(
        article, keys, [p.organization[0] for p in people if p.organization], offices
    )
    infer_organizations(article, people, names.by_sentence)
    for person in people:
        stated = person.organization
        if stated and fold(stated[0]) not in {fold(o.name) for o in names.organizations}:
            # An organization only a title names.
            sentence = person.mentions[0].sentence
            names.organizations.append(_organization(stated[0], sentence))
    titled = frozenset(fold(p.organization[0]) for p in people if p.organization)
    names.organizations = join_variants(article, names.organizations, titled)
    relations = find_relations(article, names.organizations)
    dates = find_dates(article)
    reported = next((d for d in dates if _is_dateline(article, d)), None)
    reported = reported or next((d for d in dates if _said_on(article, d)), None)
    dates = [d for d in dates if d is not reported]
    proper = (
        keys | {fold(o.name) for o in names.organizations} | {fold(p.name) for p in names.places}
    )
    themes = find_themes(article, proper)

    delegation_sentence = next(
        (s for s in article.sentences if re.search(r"\bdelegations?\b", s.text)), None
    )
    verbs = _incoming_verbs(article)
    incoming = not _goes_abroad(article) and (
        any(verbs.search(s.text) for s in article.sentences) or bool(_held_at_home(article))
    )
    lead, visitor_lead = _leads(article, people, delegation_sentence, incoming, verbs)
    home = _home(article, delegation_sentence, lead, incoming)
    members = [p for p in people if p is not lead and _is_member(p, home, incoming, visitor_lead)]
    counterparts = [p for p in people if p is not lead and p not in members]
    trip_date = _trip_date(dates, delegation_sentence)
    events = build_itinerary(
        article, names, counterparts, dates, trip_date, themes, visitor_lead, people
    )

    ids: dict[str, str] = {}
    used: set[str] = set()

    def new_id(kind: str, name: str) -> str:
        base = slug(name) or kind
        candidate, n = base, 2
        while candidate in used:
            candidate = f"{base}-{n}"
            n += 1
        used.add(candidate)
        ids[f"{kind}:{fold(name)}"] = candidate
        return candidate

    organizations = []
    for organization in names.organizations:
        entry: dict[str, Any] = {"id": new_id("org", organization.name), "name": organization.name}
        for alias in organization.aliases:
            ids[f"org:{fold(alias)}"] = entry["id"]
        if organization.aliases:
            entry["aliases"] = list(organization.aliases)
        if organization.kind:
            entry["kind"] = organization.kind
        entry["review"] = DRAFTED
        entry["quotes"] = _quotes(article, organization.sentences, organization.name)
        inferred: dict[str, str] = {}
        if organization.kind_reason:
            inferred["kind"] = organization.kind_reason
        if organization.alias_reasons:
            inferred["aliases"] = " ".join(organization.alias_reasons)
        if inferred:
            entry["inferred"] = inferred
        organizations.append(entry)

    def org_id(name: str) -> str | None:
        return ids.get(f"org:{fold(name)}")

    for relation in relations:
        source = next(o for o in organizations if o["id"] == org_id(relation.source))
        target = org_id(relation.target)
        if target is not None and target != source["id"]:
            source.setdefault("relations", []).append(
                {"kind": relation.kind, "target": target, "quotes": [relation.quote]}
            )

    counterpart_entries = [
        _counterpart(article, p, new_id("person", p.name), org_id) for p in counterparts
    ]
    theme_entries: list[dict[str, Any]] = []
    for mention in themes:
        key = f"theme:{fold(mention.name)}"
        if key in ids:
            entry = next(t for t in theme_entries if t["id"] == ids[key])
            if mention.clause not in entry["quotes"] and len(entry["quotes"]) < _MAX_QUOTES:
                entry["quotes"].append(mention.clause)
            continue
        theme_entries.append(
            {
                "id": new_id("theme", mention.name),
                "name": mention.name,
                "review": DRAFTED,
                "quotes": [mention.clause],
            }
        )
    person_ids = {
        id(p): entry["id"] for p, entry in zip(counterparts, counterpart_entries, strict=True)
    }
    itinerary = [_event(e, new_id("event", e.title), person_ids, org_id, ids) for e in events]

    title = article.title.text
    lead_sentence = delegation_sentence or (lead.mentions[0].sentence if lead else None)
    briefing_quotes = [title]
    if lead_sentence is not None and lead_sentence.text.strip() not in briefing_quotes:
        briefing_quotes.append(
            article.clause(lead_sentence, lead_sentence.start, lead_sentence.start + 1, longest=400)
        )
    direction = "incoming" if incoming else "outgoing"
    briefing: dict[str, Any] = {
        "format": 1,
        "id": briefing_id or slug(title) or "drafted-briefing",
        "title": title,
        "summary": _summary(direction, lead_sentence),
        "direction": direction,
        "review": DRAFTED,
        "quotes": briefing_quotes,
        "inferred": {"direction": _direction_reason(article, incoming)},
        "source": {"title": title, "path": source_path},
    }
    briefing["dates"], date_reason = _briefing_dates(article, trip_date, dates)
    if date_reason:
        briefing["inferred"]["dates"] = date_reason
    if reported is not None:
        briefing["reported"] = reported.stated_date()
    # The city's own country is where the visit is seen from, a place of the visit only
    # where the journey goes there ("The delegation returns to China on Saturday").
    travelled_to = {event.place for event in events}
    briefing["places"] = [
        place.name for place in names.places if place.name != "China" or place.name in travelled_to
    ]
    briefing["delegation"] = _delegation(
        article, lead, members, home, delegation_sentence, incoming
    )
    briefing["organizations"] = organizations
    briefing["counterparts"] = counterpart_entries
    briefing["themes"] = theme_entries
    briefing["itinerary"] = itinerary
    return briefing


def _organization(name: str, sentence: Sentence) -> Any:
    from tui.drafting.organizations import Organization, _kind

    kind, reason = _kind(name)
    return Organization(name, kind, [sentence], reason)


def _quotes(article: Article, sentences: list[Sentence], name: str) -> list[str]:
    quotes: list[str] = []
    for sentence in sentences[:_MAX_QUOTES]:
        at = article.text.find(name, sentence.start, sentence.end)
        at = sentence.start if at < 0 else at
        quote = article.clause(sentence, at, at + len(name))
        if quote not in quotes:
            quotes.append(quote)
    return quotes or [name]


def _person_quotes(article: Article, person: Person) -> list[str]:
    quotes: list[str] = []
    for mention in person.mentions:
        quote = article.clause(mention.sentence, mention.start, mention.end)
        if quote not in quotes:
            quotes.append(quote)
        if len(quotes) == _MAX_QUOTES:
            break
    return quotes


def _counterpart(article: Article, person: Person, person_id: str, org_id: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": person_id, "name": person.name}
    if person.aliases:
        entry["aliases"] = list(person.aliases)
    if person.title:
        entry["title"] = person.title
    inferred: dict[str, str] = {}
    organization = person.organization
    if organization and org_id(organization[0]):
        entry["organization"] = org_id(organization[0])
        if organization[1]:
            inferred["organization"] = organization[1]
    entry["review"] = DRAFTED
    entry["quotes"] = _person_quotes(article, person)
    if person.aliases:
        inferred["aliases"] = " ".join(person.alias_reasons)
    if inferred:
        entry["inferred"] = inferred
    return entry


def _event(
    event: Event, event_id: str, person_ids: dict[int, str], org_id: Any, ids: dict[str, str]
) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": event_id, "title": event.title, "kind": event.kind}
    if event.place:
        entry["place"] = event.place
    if event.date is not None:
        entry["date"] = event.date.stated_date()
    entry["review"] = DRAFTED
    entry["quotes"] = event.quotes[:_MAX_QUOTES] or [event.title]
    inferred = dict(event.inferred)
    counterparts = [person_ids[id(p)] for p in event.counterparts if id(p) in person_ids]
    organizations = [org_id(name) for name in event.organizations if org_id(name)]
    themes = [ids[f"theme:{fold(name)}"] for name in event.themes if f"theme:{fold(name)}" in ids]
    if counterparts:
        entry["counterparts"] = counterparts
    if organizations:
        entry["organizations"] = list(dict.fromkeys(organizations))
    if themes:
        entry["themes"] = list(dict.fromkeys(themes))
    else:
        inferred.pop("themes", None)
    if event.statements:
        entry["statements"] = [_statement(said) for said in event.statements]
    if event.outcomes:
        entry["outcomes"] = [{"text": outcome, "quotes": [outcome]} for outcome in event.outcomes]
    if inferred:
        entry["inferred"] = inferred
    return entry


def _statement(said: Statement) -> dict[str, Any]:
    entry: dict[str, Any] = {"speaker": said.speaker, "text": said.text, "quotes": [said.quote]}
    if said.speaker_reason:
        entry["inferred"] = {"speaker": said.speaker_reason}
    return entry


_NOT_A_CITY = (
    r"(?:On|From|In|At|By|Last|This|Since|Until|Early|Late|Earlier|Later|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)


def _dateline_city(article: Article) -> str | None:
    """ "Wuhan, May 21 --" or "CHANGZHOU, Nov. 6 --": the city, as a name is written."""
    first = article.sentences[0].text if article.sentences else ""
    dateline = re.match(r"^\s*([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?),\s", first)
    # "On Tuesday, March 4, X received ...": an opening date, not a dateline.
    if dateline is None or re.match(_NOT_A_CITY, dateline.group(1)):
        return None
    city = dateline.group(1)
    return city.title() if city.isupper() else city


def _incoming_verbs(article: Article) -> re.Pattern[str]:
    """The words that make a visit incoming; with a dateline, also a call paid on its
    city's people ("paid a courtesy call on Dalian Mayor X"); and, when the city sends no
    delegation of its own anywhere, who met or welcomed "the guests"."""
    patterns = [_INCOMING.pattern]
    city = _dateline_city(article)
    if city is not None:
        patterns.insert(0, _called_on(city))
    if not _sends_delegation(article):
        patterns.append(_MET_GUESTS.pattern)
    return re.compile("|".join(patterns))


def _goes_abroad(article: Article) -> str | None:
    """ "Mayor X led a Suzhou delegation to Chile": a delegation led to another country
    is the city's own, whoever "met the delegation" there. The words that say so ("led
    a delegation to China" is a visitor's)."""
    # "SZEGED, Hungary, Oct. 14 (Xinhua) --": reported from another country.
    dateline = re.match(
        r"^\s*[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*,\s+([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*),\s",
        _first_text(article),
    )
    if dateline and is_place_word(dateline.group(1)) and dateline.group(1) != "China":
        return dateline.group()
    for sentence in article.sentences:
        chinese = _CHINESE_DELEGATION.search(sentence.text)
        if chinese and not _INCOMING_VERB_BEFORE.search(sentence.text[: chinese.start()]):
            return chinese.group()
        for lead in _LEADS.finditer(sentence.text):
            to = re.match(
                r"\s+to\s+(?:visit\s+)?(?:the\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)",
                sentence.text[lead.end() :],
            )
            if to and is_place_word(to.group(1)) and to.group(1) != "China":
                return lead.group() + to.group()
        # "a delegation from Xi'an, headed by X, paid a visit to Kazakhstan": led there;
        # "a delegation of the X Municipal Government concluded a visit to Norway": a
        # delegation that comes from nowhere the sentence names is the city's own.
        text = sentence.text
        # "Twenty-three enterprises from Shangrao spent a busy week in Tanzania"
        travellers = re.search(r"\b(?:delegations?|mission|enterprises|companies)\b", text)
        # "A delegation from Shiyan ... wrapped up a five-day visit to India": from a city
        # that is no country, it may be the city's own, as where it went says.
        origin = re.search(r"\bdelegations?\b[^.]{0,80}?\bfrom\s+(?:the\s+)?([A-Z][\w'’-]*)?", text)
        if travellers and (
            _LED_BY.search(text)
            or origin is None
            or not (origin.group(1) is None or is_place_word(origin.group(1)))
            or not re.search(r"\bdelegations?\b", text)
        ):
            # "The delegation was in the southern African country from Nov 4 to 9"
            in_country = _IN_A_COUNTRY.search(text)
            if in_country:
                return in_country.group()
            for went in _WENT_TO.finditer(sentence.text):
                # "a visit to the Antofagasta Region of Chile", "to Lyon and Grenoble, France"
                country = re.match(
                    r"(?:\s+and\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)?(?:\s+of|,)\s+"
                    r"(?:the\s+)?([A-Z][\w'’-]*)",
                    sentence.text[went.end() :],
                )
                where = [went.group(1), *([country.group(1)] if country else [])]
                if any(is_place_word(place) and place != "China" for place in where):
                    return went.group()
    return None


# "a delegation of the Cangzhou Municipal People's Government led by X", "the delegation
# was led by X, Secretary of the CPC Lishui Municipal Committee": a Chinese city's own.
_CHINESE_DELEGATION = re.compile(
    r"\bdelegation\b[^.]{0,80}?\b(?:[Ll]ed|[Hh]eaded)\s+by\s+(?:[A-Z][\w'’-]*\s+){0,3}"
    r"[A-Z][\w'’-]*,\s+[^,.;]{0,40}?\b(?:CPC|Municipal People's Government)\b|"
    r"\bdelegation\s+of\s+the\s+[A-Z][\w'’-]*\s+Municipal People's Government\b|"
    # "Led by X, Secretary of the CPC Zigong Municipal Committee, the delegation visited"
    r"\b[Ll]ed\s+by\s+(?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*,\s+[^,.;]{0,40}?\bCPC\b[^.]{0,80}?"
    r"\bdelegation\b|"
    # "A delegation from the city of Hengyang in central China's Hunan Province", "from
    # Zhangzhou, a coastal city in China's Fujian province": from a city of China.
    r"\bdelegation\s+from\s+(?:the\s+city\s+of\s+)?[A-Z][\w'’-]*(?:,\s+an?\s+[^,.;]{0,40}?\s+|\s+)"
    r"in\s+(?:[a-z]+\s+)?China\b"
)
_INCOMING_VERB_BEFORE = re.compile(
    r"\b(?:met|meets|received|receives|hosted|hosts|welcomed|welcomes|talks\s+with)\b"
)


def _first_text(article: Article) -> str:
    return article.sentences[0].text if article.sentences else ""


_IN_A_COUNTRY = re.compile(r"\b(?:was|were|stayed)\s+in\s+the\s+(?:[\w'’-]+\s+){0,3}country\b")
_WENT_TO = re.compile(
    # "returned home after a six-day visit to France", "was in Uganda and Rwanda"
    r"\b(?:visited|toured|(?:a|an)\s+(?:[\w'’-]+\s+){0,3}?visit\s+to|"
    r"travell?ed\s+to|arrived\s+in|landed\s+(?:in|at)|(?:was|were)\s+in|returned\s+from|"
    r"spent\s+(?:[\w'’-]+\s+){1,4}?in)\s+"
    r"(?:the\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)"
)


def _sends_delegation(article: Article) -> bool:
    """ "Mayor X led a delegation to ...": the city's own delegation travels. A host can
    welcome "the guests" of a conference it holds abroad, as the seed's mayor does."""
    return any(
        _LEADS.search(s.text) or re.search(r"delegations?\s+to", s.text) for s in article.sentences
    )


def _called_on(city: str) -> str:
    return (
        r"\b(?:paid\s+an?\s+(?:courtesy\s+)?(?:call|visit)\s+on|called\s+on)\s+"
        r"(?:the\s+)?(?=" + re.escape(city) + r"\b)"
    )


def _hosts_after(verb: str) -> bool:
    """ "were received by X", "paid a courtesy call on X": the host comes after."""
    return bool(_RECEIVED_BY.match(verb) or re.match(r"(?:paid|called)\b", verb))


def _leads(
    article: Article,
    people: list[Person],
    sentence: Sentence | None,
    incoming: bool,
    verbs: re.Pattern[str] = _INCOMING,
) -> tuple[Person | None, Person | None]:
    """The city's lead and, for an incoming visit, the visitors' lead."""

    def mentioned_in(s: Sentence) -> list[tuple[int, Person]]:
        return sorted((m.start, p) for p in people for m in p.mentions if m.sentence is s)

    first_host: tuple[Person | None, Person | None] | None = None
    for s in article.sentences:
        if incoming and not verbs.search(s.text):
            continue
        # "The mission was headed by X": a business mission is a delegation too.
        if not incoming and not re.search(r"\b(?:delegations?|mission)\b", s.text):
            continue
        found = mentioned_in(s)
        led_by = _LED_BY.search(s.text)
        leads = _LEADS.search(s.text)
        if incoming:
            verb = verbs.search(s.text)
            assert verb is not None
            at = s.start + verb.start()
            hosts = [p for start, p in found if start < at]
            visitors = [p for start, p in found if start > at]
            if _hosts_after(verb.group()):
                hosts, visitors = visitors[:1], hosts
            elif hosts:
                hosts = hosts[: _subject_start(article, s, hosts) + 1]
            if hosts:
                found_host = hosts[-1], visitors[0] if visitors else _led_by(people, hosts[-1])
                if _company_or_school(hosts[-1].title):
                    # "Wang, President of Huangshan University, met the guests": a host,
                    # but the city's own leader, if one receives them later, leads.
                    first_host = first_host or found_host
                    continue
                return found_host
        elif led_by:
            at = s.start + led_by.end()
            after = [p for start, p in found if start >= at]
            if after:
                return after[0], None
        elif leads:
            at = s.start + leads.start()
            before = [p for start, p in found if start < at]
            if before:
                return before[-1], None
    if first_host is not None:
        return first_host
    return (people[0] if people else None), None


def _company_or_school(title: str | None) -> bool:
    return bool(title and _COMPANY_TITLE.search(title))


def _subject_start(article: Article, sentence: Sentence, hosts: list[Person]) -> int:
    """ "Party Secretary X and Mayor Y met the guests": of the hosts named before the
    verb, the index of the first of those joined to the last by "and" (a subject of
    two, led by the first)."""

    def span(person: Person) -> tuple[int, int]:
        mention = next(m for m in person.mentions if m.sentence is sentence)
        return mention.start, mention.end

    index = len(hosts) - 1
    while index > 0:
        between = article.text[span(hosts[index - 1])[1] : span(hosts[index])[0]]
        if not re.fullmatch(r"\s+and\s+(?:[A-Z][\w'’-]*\s+){0,4}", between):
            break
        index -= 1
    return index


def _led_by(people: list[Person], host: Person) -> Person | None:
    """The visiting delegation's lead: the first person named after "led by", else the
    first named with "and his delegation"."""
    for person in people:
        for mention in person.mentions:
            after = mention.sentence.text[mention.end - mention.sentence.start :]
            if person is not host and re.match(
                r"^(?:,[^,]{1,120},)?\s+and\s+(?:his|her|their)\s+delegation\b", after
            ):
                return person
    for person in people:
        for mention in person.mentions:
            before = mention.sentence.text[: mention.start - mention.sentence.start]
            if person is not host and re.search(
                # "led by Mayor Tom Ode", "headed by County Assembly President X"
                r"\b(?:led|headed)\s+by\s+(?:(?:[A-Z][\w'’.-]*|of|the|for|and|its|their)\s+){0,8}$",
                before,
            ):
                return person
    return None


def _home(
    article: Article, sentence: Sentence | None, lead: Person | None, incoming: bool
) -> str | None:
    if incoming:
        dateline = _dateline_city(article)
        if dateline:
            return dateline
        # "paid a three-day visit to Quanzhou": where the visitors came is the city.
        visited = _VISIT_TO.search(sentence.text) if sentence is not None else None
        if visited and not is_place_word(visited.group(1)):
            return visited.group(1)
    elif sentence is not None:
        city = _CITY_DELEGATION.search(sentence.text)
        if city and city.group(1).lower() not in ("a", "the", "municipal", "city"):
            return city.group(1)
    if lead is not None and lead.title:
        place = re.search(r"\bof (?:the )?(?:CPC )?([A-Z][\w'’-]+)", lead.title)
        if place:
            return place.group(1)
        # "Taiyuan Mayor": the city whose office it is, written before it.
        first = lead.title.split()[0]
        if len(lead.title.split()) > 1 and first[0].isupper() and not is_title_word(first):
            return first
    return None


def _is_member(
    person: Person, home: str | None, incoming: bool, visitor_lead: Person | None
) -> bool:
    if person is visitor_lead:
        return False
    if (
        home
        and person.title
        and fold(home) in fold(person.title)
        # "Lao Consul General in Kunming": a foreign mission in the city, not its own.
        and not re.search(r"\bin\s+" + re.escape(home) + r"\b", person.title)
        # "general manager of Zhangjiajie Tourism Group": a company the city's name opens
        # is not its government, which hosts.
        and not (incoming and _COMPANY_TITLE.search(person.title))
    ):
        return True
    if home and incoming and _of_home(person, home):
        return True
    for mention in person.mentions:
        text = mention.sentence.text
        if not incoming:
            if any(_member_cue_of(mention, cue) for cue in _MEMBER.finditer(text)):
                # "accompanied by X, Deputy Administrator of the Panama Canal Authority":
                # whose office another country names escorts the delegation there.
                return not _names_a_country(person.title)

        elif _WITH_VISITORS.search(text):
            # In an incoming visit "the delegation" is the visitors', but a city's officer
            # who "accompanied the delegation" escorted it.
            return bool(re.search(r"\baccompan(?:ied|ying)\b", text)) and _city_office(person.title)
        elif _HOST_CUE.search(text) and _bare_title(person.title):
            # Who attended the meeting is of the hosts, unless their title says they
            # are of somewhere else ("Vice President of Hanjin Shipping").
            return True
    # "Vice Mayor X", with no city named: the article's own city's officer; a visitor's
    # title says where they are from.
    return incoming and _city_office(person.title)


_COMPANY_TITLE = re.compile(
    r"\b(?:Group|Co\.|Company|Corporation|Ltd\.?|Limited|Inc\.|Bank|University|College)\b"
)


def _names_a_country(title: str | None) -> bool:
    words = re.findall(r"[A-Z][\w'’-]*", title or "")
    return any(is_place_word(word) and word != "China" for word in words)


def _of_home(person: Person, home: str) -> bool:
    """ "Kashgar's deputy mayor for commerce, X": an office the host city owns."""
    if not person.title:
        return False
    owned = rf"\b{re.escape(home)}['’]s\s+{re.escape(person.title)},?\s+$"
    return any(
        re.search(owned, m.sentence.text[: m.start - m.sentence.start]) for m in person.mentions
    )


def _member_cue_of(mention: Mention, cue: re.Match[str]) -> bool:
    """ "A, director of X, and B, chairman of Y, who travelled with the delegation": a
    cue in a clause that opens with "who" is of the person just before it only."""
    text = mention.sentence.text
    if not re.search(r",\s+who\s+(?:also\s+)?$", text[: cue.start()]):
        return True
    end = mention.end - mention.sentence.start
    return 0 <= end <= cue.start() and not re.search(r",\s+and\s+", text[end : cue.start()])


# The offices of a city's government that an article writes without naming the city.
_CITY_HEADS = frozenset(["mayor", "vice-mayor", "secretary-general"])


def _city_office(title: str | None) -> bool:
    if title is None or not _bare_title(title):
        return False
    words = [word.lower() for word in title.split()]
    return words[-1] in _CITY_HEADS or words[-2:] == ["party", "secretary"]


def _bare_title(title: str | None) -> bool:
    return title is None or all(is_title_word(word) for word in title.split())


def _trip_date(dates: list[DateMention], sentence: Sentence | None) -> DateMention | None:
    """The visit's dates: those of the article's first sentence, else of the sentence that
    introduces the delegation, else its first range of days."""
    ranges = [d for d in dates if d.last is not None]
    found = None
    first = [d for d in dates if d.sentence.index == 0]
    # "spent five days in Argentina from Sept 15, ...": a day or year of the calendar in
    # the opening sentences, where the first gives none and no range of days is given.
    opening = [
        d for d in dates if d.sentence.index < 3 and (d.first or d.year) is not None and not ranges
    ]
    if first:
        found = next((d for d in first if d.last is not None), first[0])
    elif opening:
        found = opening[0]
    elif sentence is not None:
        in_sentence = [d for d in dates if d.sentence is sentence]
        ranged = [d for d in in_sentence if d.last is not None]
        if ranged or in_sentence:
            found = (ranged or in_sentence)[0]
    if found is not None and found.first is None and ranges:
        # "returned home on Sunday", "this week": no day of the calendar, where a range of
        # days the article gives is the visit's.
        return ranges[0]
    if found is not None and found.first is not None and found.last is None:
        # "met the delegation on Thursday, Oct. 16. The delegation, which was in Tianjin
        # from Oct. 15 to 17, ...": the days around the meeting's are the visit's (a day
        # at a range's end may be that leg's end: "wrapped up the visit on Dec. 9").
        around = [
            d
            for d in ranges
            if d.sentence.index == found.sentence.index + 1
            and d.first is not None
            and d.last is not None
            and d.first < found.first < d.last
        ]
        if around:
            return around[0]
    return found or (ranges[0] if ranges else None)


def _is_dateline(article: Article, date: DateMention) -> bool:
    """ "Wuhan, May 21 (Changjiang Daily) --": the article's own date, not the visit's."""
    sentence = date.sentence
    before = article.text[sentence.start : date.start]
    # "Published: 2024-10-14": a news page's own date, wherever its header puts it.
    # "Source: Zhangjiajie Municipal People's Government    Date: 2025-04-12".
    if re.search(r"\b(?:(?:Published|Posted|Released|Updated)(?:\s+on)?:?|Date:)\s*$", before):
        return True
    # "SZEGED, Hungary, Oct. 14 (Xinhua) --": the city, then perhaps its country.
    if sentence.index != 0:
        return False
    if re.fullmatch(r"[A-Z][\w'’ -]*,\s*", before):
        return True
    # A country between commas, where a sentence could as well name a title: the words
    # after the date say that it opens the report.
    after = article.text[date.end : sentence.end]
    return bool(
        re.fullmatch(r"[A-Z][\w'’ -]*,\s*[A-Z][\w'’ -]*,\s*", before)
        and re.match(r"\s*(?:\([^)]*\)\s*)?(?:--|—|–)", after)
    )


def _said_on(article: Article, date: DateMention) -> bool:
    """ "..., the city's foreign affairs office said on Friday.": the day of the report,
    where one of the opening sentences (after a byline, a lead paragraph) ends with who
    gave it."""
    sentence = date.sentence
    before = article.text[sentence.start : date.start]
    after = article.text[date.end : sentence.end]
    return (
        sentence.index < 3
        and bool(re.search(r",[^,]*\b(?:said|announced|reported)\s+$", before))
        and not after.strip(" .")
    )


def _briefing_dates(
    article: Article, trip: DateMention | None, dates: list[DateMention]
) -> tuple[dict[str, Any], str | None]:
    if trip is not None:
        date = trip.stated_date()
        before = article.text[trip.sentence.start : trip.start]
        if trip.last is None and re.search(
            r"\b(?:wrapped up|concluded|ended|completed|wound up)\b", before
        ):
            # The day it ended is not its first: the format has no end without a start.
            date.pop("start", None)
            return date, (
                f'The article gives the day the visit ended ("{trip.as_stated}"), not the '
                "day it began; month and day are left to those words."
            )
        return date, None
    if dates:
        return dates[0].stated_date(), (
            f'The article gives no dates for the visit as a whole; "{dates[0].as_stated}" is '
            "the first date it gives."
        )
    # The format wants words of the source even here: those of the first sentence.
    first = article.sentences[0] if article.sentences else article.title
    words = article.clause(first, first.start, first.start + 1, longest=80)
    return {"as_stated": words}, (
        "The article states no date: these are the words of its first sentence, which "
        "give none. Write the dates here if another source gives them."
    )


def _delegation(
    article: Article,
    lead: Person | None,
    members: list[Person],
    home: str | None,
    sentence: Sentence | None,
    incoming: bool,
) -> dict[str, Any]:
    inferred: dict[str, str] = {}
    name_match = None if incoming or sentence is None else _CITY_DELEGATION.search(sentence.text)
    if name_match and name_match.group(1).lower() not in ("a", "the"):
        name = article.text[sentence.start + name_match.start() : sentence.start + name_match.end()]  # type: ignore[union-attr]
    elif incoming:
        name = f"{home} hosts" if home else "the hosts"
        inferred["name"] = (
            "The visit is incoming: the city's side is its hosts, which the article names "
            "no delegation of."
        )
    else:
        name = f"{home} delegation" if home else "delegation"
        if home:
            inferred["name"] = (
                f'The article says only "delegation"; {home} is taken from the lead\'s title.'
            )
    quotes: list[str] = []
    if sentence is not None:
        quotes.append(article.clause(sentence, sentence.start, sentence.start + 1, longest=400))
    if lead is not None:
        lead_entry: dict[str, Any] = {"name": lead.name}
        if lead.title:
            lead_entry["title"] = lead.title
        lead_entry["quotes"] = _person_quotes(article, lead)
        if lead.aliases:
            lead_entry["inferred"] = {}
    else:
        lead_entry = {
            "name": "not named",
            "quotes": [article.title.text],
            "inferred": {
                "name": "The drafter found no leader in the article: write the lead here."
            },
        }
    if not quotes:
        quotes = list(lead_entry["quotes"])
    entry: dict[str, Any] = {"name": name, "review": DRAFTED, "quotes": quotes}
    if inferred:
        entry["inferred"] = inferred
    entry["lead"] = lead_entry
    if lead_entry.get("inferred") == {}:
        del lead_entry["inferred"]
    entry["members"] = [_member(article, p) for p in members]
    return entry


def _member(article: Article, person: Person) -> dict[str, Any]:
    entry: dict[str, Any] = {"name": person.name}
    if person.title:
        entry["title"] = person.title
    entry["quotes"] = _person_quotes(article, person)
    return entry


def _summary(direction: str, sentence: Sentence | None) -> str:
    opening = (
        "An outgoing visit (the city's delegation abroad)"
        if direction == "outgoing"
        else ("An incoming visit (the city hosts a delegation)")
    )
    said = f': "{" ".join(sentence.text.split())}"' if sentence is not None else "."
    return f"Drafted, not yet reviewed. {opening}{said}"


def _held_at_home(article: Article) -> str | None:
    """ "Ningde, Oct. 22 -- A signing ceremony ... was held in Ningde": with no
    delegation of the city's going anywhere, the city is the host. The words that say so."""
    city = _dateline_city(article)
    if city is None or _sends_delegation(article):
        return None
    verb = r"(?:was\s+held|held|opened|took place|kicked off|convened)"
    held = re.compile(
        rf"\b{verb}\s+in\s+{re.escape(city)}\b|"
        # "The Changzhou Smart Manufacturing ... Conference was held on Wednesday"
        rf"\b{re.escape(city)}\s+(?:[A-Z][\w'’-]*\s+){{0,6}}(?:{_EVENT_NAMES})\s+{verb}\b"
    )
    return next((m.group() for s in article.sentences if (m := held.search(s.text))), None)


_EVENT_NAMES = "|".join(head.capitalize() for head in EVENT_HEADS if head != "talks")


def _direction_reason(article: Article, incoming: bool) -> str:
    if incoming:
        verbs = _incoming_verbs(article)
        for sentence in article.sentences:
            match = verbs.search(sentence.text)
            if match:
                return f'The article says "{match.group()}": the city hosts the delegation.'
        held = _held_at_home(article)
        if held:
            return (
                f'The article says "{held}", the city of its dateline, and sends no '
                "delegation of the city anywhere: the city is the host."
            )
    abroad = _goes_abroad(article)
    if abroad:
        return f'The article says "{abroad}": the city\'s own delegation travels abroad.'
    return (
        "The article reports the city's own delegation travelling; it names no visiting delegation."
    )
