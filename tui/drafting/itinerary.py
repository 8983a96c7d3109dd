"""The itinerary: one event per forum, meeting, visit or signing the article reports,
with its place and date where stated (or carried from the start of the paragraph, and
then marked inferred), who took part, which organizations and themes came up, and what
was signed."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from tui.drafting.dates import DateMention
from tui.drafting.lexicon import EVENT_HEADS
from tui.drafting.names import fold
from tui.drafting.organizations import Names, Place
from tui.drafting.people import Person
from tui.drafting.sentences import Article, Sentence
from tui.drafting.themes import ThemeMention

_MEETING = re.compile(
    # "opened with a meeting between Tan and X": X is met as much as in "met X".
    r"\b(?:met|meets|meeting with|meeting between|held talks|had talks|talks with|called on|"
    r"exchanges? with|"
    r"discussion(?:s)? (?:and exchanges? )?with|received|receives|hosted|conferred with|"
    # "the visitors were welcomed at our headquarters by X": X met them.
    r"paid a courtesy call on|sat down with|(?:was|were)\s+(?:warmly\s+)?welcomed)\b"
)
_MET_DELEGATION = re.compile(
    r"\b(?:met|meets|received|receives|hosted|welcomed|(?:held|had|holds)\s+talks)\s+(?:with\s+)?"
    r"(?:the|a|his|her|their)\s+"
    r"(?:[\w'’-]+\s+){0,3}?(?:delegation|guests|visitors)\b|"
    # "They were received on June 3 by Xiangyang's mayor"
    r"\b(?:They|The\s+(?:visitors|guests|delegation|delegates|group))\s+(?:was|were)\s+"
    r"(?:warmly\s+)?(?:received|met|welcomed|hosted)\b"
)
_VISIT = re.compile(
    r"\b(?:visited|visits|toured|(?:will|is to|are to)\s+(?:also\s+)?(?:visit|tour)|"
    r"paid (?:a )?visits? to|came to|went to|inspected|stopped at|called at|"
    # "had been shown around X", "accompanied the delegation to a plant", "spent the whole
    # day at the port": where the visitors went.
    r"(?:was|were|been)\s+shown\s+(?:a)?round|"
    r"accompanied\s+the\s+(?:delegation|guests|visitors)\s+to|"
    # "She spent Thursday afternoon in the Liangjiang New Area".
    r"spent\s+(?:the\s+)?(?:whole\s+|entire\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+)?"
    r"(?:day|morning|afternoon|evening)\s+(?:at|in))\b"
)
_SIGNED = re.compile(r"\b(?:signed|inked|reached (?:an? )?[\w\s-]*agreements?)\b")
_UNNAMED_EVENT = re.compile(
    r"\b(?:[Aa]|[Aa]n|[Tt]he)\s+((?:(?!the\b|a\b|an\b|same\b)[\w-]+\s+){0,5}?"
    r"(?:forum|conference|symposium|seminar|summit|meeting|ceremony|fair|expo|exhibition|"
    # "hosted a welcome banquet", "a business matchmaking session": events of their own.
    r"roundtable|dialogue|workshop|reception|banquet|luncheon|dinner|session)\b"
    # "a seminar on port logistics with X": the subject ends where a preposition begins.
    r"(?:\s+(?:of|on|for)\s+"
    r"(?:(?!(?:with|in|at|by|from|same|that|this|next|last|it|\w+day)\b)[\w-]+"
    r"(?:\s+|$|(?=[.,;:]))){1,4})?)",
)
_EVENT_WORD = re.compile(
    r"(?:forum|conference|symposium|seminar|summit|meeting|ceremony|fair|expo|exhibition|"
    r"roundtable|dialogue|workshop|reception|banquet|luncheon|dinner|session)"
)


@dataclass
class Event:
    title: str
    kind: str
    quotes: list[str] = field(default_factory=list)
    place: str | None = None
    date: DateMention | None = None
    inferred: dict[str, str] = field(default_factory=dict)
    counterparts: list[Person] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    outcomes: list[str] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    paragraph: int = -1
    key: str = ""

    def quote(self, text: str) -> None:
        if text and text not in self.quotes:
            self.quotes.append(text)


@dataclass(frozen=True)
class Statement:
    speaker: str
    text: str
    quote: str
    speaker_reason: str | None = None  # set when "He said" is taken to be someone


# "Wen Zhiqiang said (that) ...", "Ferraro, Vice President of X, noted ...": a named
# speaker, an optional title between commas, then a verb of speech.
_SAID = re.compile(
    r"^\s*(?:,[^,]{1,120},\s*)?(?:also\s+)?"
    r"(?:said|says|noted|stressed|added|stated|emphasi[sz]ed|pointed out|remarked|told [\w ]+?)"
    r"\s+(?:that\s+)?(?=\S)"
)
_HOPED = re.compile(
    r"^\s*(?:,[^,]{1,120},\s*)?(?:hoped|hopes|expressed|welcomed|thanked|called for|proposed)\b"
)


def statement_in(article: Article, sentence: Sentence, speakers: list[Person]) -> Statement | None:
    """What a named person is reported as saying in the sentence, in its own words."""
    for person in speakers:
        for mention in person.mentions:
            if mention.sentence is not sentence:
                continue
            after = article.text[mention.end : sentence.end]
            said = _SAID.match(after)
            hoped = None if said else _HOPED.match(after)
            if said is not None:
                start = mention.end + said.end()
            elif hoped is not None:
                start = mention.end + hoped.end() - len(hoped.group().split()[-1])
            else:
                continue
            words = article.text[start : sentence.end].strip().rstrip(".").strip()
            if len(words.split()) < 3:
                continue
            quote = sentence.text.strip()
            if len(quote) > 300:
                quote = words
            return Statement(person.name, words, quote)
    return _pronoun_statement(article, sentence, speakers)


_PRONOUN_SAID = re.compile(r"^\s*(?:He|She)\s+")
# Before the subject of a sentence: an opening clause, then the words of a title.
_SUBJECT_PLACE = re.compile(r"^\s*(?:[^,]*,\s*)?(?:(?:[A-Z][\w'’.-]*|of|the)\s+)*$")


def _pronoun_statement(
    article: Article, sentence: Sentence, speakers: list[Person]
) -> Statement | None:
    """ "She said ...": the person the sentence before is about, if it opens with them."""
    pronoun = _PRONOUN_SAID.match(sentence.text)
    if pronoun is None or sentence.index == 0:
        return None
    said = _SAID.match(sentence.text[pronoun.end() :])
    previous = article.sentences[sentence.index - 1]
    if said is None or previous.paragraph != sentence.paragraph:
        return None
    subjects = [
        (mention.start, person)
        for person in speakers
        for mention in person.mentions
        if mention.sentence is previous
        and _SUBJECT_PLACE.match(article.text[previous.start : mention.start])
    ]
    if not subjects:
        return None
    _, person = min(subjects, key=lambda found: found[0])
    start = sentence.start + pronoun.end() + said.end()
    words = article.text[start : sentence.end].strip().rstrip(".").strip()
    if len(words.split()) < 3:
        return None
    quote = sentence.text.strip() if len(sentence.text.strip()) <= 300 else words
    reason = (
        f'The article says "{pronoun.group().strip()}" right after a sentence about '
        f"{person.name}; taken to be them."
    )
    return Statement(person.name, words, quote, reason)


@dataclass
class _Context:
    place: str | None = None
    place_quote: str | None = None
    date: DateMention | None = None


def build_itinerary(
    article: Article,
    names: Names,
    counterparts: list[Person],
    dates: list[DateMention],
    trip_date: DateMention | None,
    themes: list[ThemeMention],
    visitor_lead: Person | None = None,
    speakers: list[Person] | None = None,
) -> list[Event]:
    """`speakers` are everyone named (the city's side too), whose words become the
    statements of the event the sentence belongs to."""
    events: list[Event] = []
    by_key: dict[str, Event] = {}
    context = _Context()
    paragraph = -1
    text = article.text

    def event_for(key: str, title: str, kind: str, sentence: Sentence) -> Event:
        event = by_key.get(key)
        if event is None:
            event = Event(title, kind, paragraph=sentence.paragraph, key=key)
            by_key[key] = event
            events.append(event)
        return event

    for sentence in article.sentences:
        if sentence.paragraph != paragraph:
            paragraph = sentence.paragraph
            context = _Context()
        clause = sentence.text.strip()
        place = _place_in(sentence, names.places)
        # The visit's days are not one event's, but a day the visit opened on may be.
        date = next(
            (
                d
                for d in dates
                if d.sentence is sentence
                and (d is not trip_date or (d.last is None and sentence.index > 0))
            ),
            None,
        )
        here: list[Event] = []
        recalled: list[Event] = []  # events of earlier sentences whose people this one names

        for run, kind in names.events:
            if run.sentence is sentence:
                name = run.text(text)
                event = event_for(fold(name), name, kind, sentence)
                event.quote(article.clause(sentence, run.start, run.end))
                here.append(event)
        for match in _UNNAMED_EVENT.finditer(sentence.text):
            # "a dinner for the": a title does not end in a word that leads to the next.
            phrase = re.sub(
                r"(?:\s+(?:the|a|an|of|on|for|and|to|its|their|his|her))+$",
                "",
                match.group(1).strip(),
            )
            words = phrase.split()
            head = _EVENT_WORD.search(phrase)
            if head is None or fold(phrase) in by_key:
                continue
            if len(words) == 1 or sentence.text[match.end() :].lstrip().startswith("with"):
                # "At the forum": the forum already reported, if there is one.
                previous = [e for e in events if head.group() in e.title.lower()]
                if previous:
                    here.append(previous[-1])
                    previous[-1].quote(
                        article.clause(
                            sentence, sentence.start + match.start(), sentence.start + match.end()
                        )
                    )
                    continue
                # "at a dinner hosted by the mayor", none before it: an event of its own (a
                # meeting or a session is reported by whom it was with, or not at all).
                indefinite = match.group().split()[0].lower() in ("a", "an")
                if not indefinite or head.group() in ("meeting", "session"):
                    continue
            kind = EVENT_HEADS.get(head.group(), "other")
            event = event_for(fold(phrase), phrase, kind, sentence)
            # "hosted a welcome banquet that evening": the day said right after it.
            said_after = sentence.text[match.end() :]
            right_after = next(
                (
                    d
                    for d in dates
                    if d.sentence is sentence
                    and d.start >= sentence.start + match.end()
                    and not said_after[: d.start - sentence.start - match.end()].strip()
                ),
                None,
            )
            if event.date is None and right_after is not None:
                event.date = right_after
            event.quote(
                article.clause(
                    sentence, sentence.start + match.start(1), sentence.start + match.end(1)
                )
            )
            here.append(event)

        met = [p for p in counterparts if any(m.sentence is sentence for m in p.mentions)]
        meeting = _MEETING.search(sentence.text)
        held_by = meeting and (
            meeting.group().endswith("welcomed")
            or re.match(r"\s+by\b", sentence.text[meeting.end() :])
        )
        if meeting and here and held_by:
            # "welcomed at a banquet hosted by X": the banquet is what was held, not a
            # meeting, and whoever the sentence names took part in it.
            meeting = None
            for event in here:
                event.counterparts.extend(p for p in met if p not in event.counterparts)
        unnamed = meeting and not met and visitor_lead and _MET_DELEGATION.search(sentence.text)
        if unnamed and visitor_lead is not None:
            # "Mayor X met the delegation on October 16": the delegation's lead is met.
            met = [visitor_lead]
            meetings = [e for e in events if e.kind == "meeting" and visitor_lead in e.counterparts]
            if not meetings:
                event_for(
                    "meeting:" + fold(visitor_lead.name),
                    f"Meeting with {visitor_lead.name}'s delegation",
                    "meeting",
                    sentence,
                ).counterparts.append(visitor_lead)
            target = meetings[0] if meetings else events[-1]
            target.inferred.setdefault(
                "counterparts",
                f"The article says the delegation was met; {visitor_lead.name} leads it.",
            )
        if meeting and met:
            after = sentence.start + meeting.start()
            guests = [
                p
                for p in met
                if any(m.sentence is sentence and m.start >= after for m in p.mentions)
            ]
            guests = guests or met
            key = "meeting:" + ",".join(sorted(fold(p.name) for p in guests))
            # A meeting with the same people on another day the article states is another.
            existing = [
                e
                for e in events
                if e.kind == "meeting"
                and set(map(id, guests)) <= set(map(id, e.counterparts))
                and (date is None or e.date is None or e.date.as_stated == date.as_stated)
            ]
            if existing:
                event = existing[0]
            else:
                if key in by_key and date is not None:
                    key += ":" + fold(date.as_stated)
                event = event_for(
                    key, "Meeting with " + _and([p.name for p in guests]), "meeting", sentence
                )
            for person in guests:
                if person not in event.counterparts:
                    event.counterparts.append(person)
            event.quote(
                clause if len(clause) <= 220 else article.clause(sentence, after, after + 1)
            )
            here.append(event)
        elif met:
            # "Ferraro said ...": what a counterpart says belongs to the meeting with them.
            for event in events:
                if any(p in event.counterparts for p in met):
                    here.append(event)
                    recalled.append(event)
                    event.quote(
                        clause
                        if len(clause) <= 220
                        else article.clause(
                            sentence, met[0].mentions[0].start, met[0].mentions[0].end
                        )
                    )
                    break

        if meeting and not met and not unnamed:
            # "met the board of the Jordan Chamber of Industry": an organization is met.
            bodies = _organizations_after(text, sentence, names, meeting.end())
            if bodies:
                event = event_for(
                    "meeting:" + ",".join(fold(b) for b in bodies),
                    "Meeting with " + _and(bodies),
                    "meeting",
                    sentence,
                )
                event.organizations.extend(b for b in bodies if b not in event.organizations)
                start = sentence.start + meeting.start()
                event.quote(article.clause(sentence, start, start + 1))
                here.append(event)

        visit = _VISIT.search(sentence.text)
        if visit:
            after = sentence.start + visit.end()
            stop = _next_verb(sentence, visit.end())
            visited = _organizations_after(text, sentence, names, visit.end())
            if visited:
                event = event_for(
                    "visit:" + ",".join(fold(v) for v in visited),
                    "Visit to " + _and(visited),
                    "visit",
                    sentence,
                )
                event.organizations.extend(v for v in visited if v not in event.organizations)
                event.quote(article.clause(sentence, after, after + 1))
                here.append(event)
            else:
                # "visited the Chinese Ambassador to France, Mr. Lu Shano, and ..."
                hosts = [
                    p
                    for p in met
                    if any(m.sentence is sentence and after <= m.start < stop for m in p.mentions)
                    and not any(p in e.counterparts for e in here)
                ]
                for person in hosts:
                    event = event_for(
                        "visit:" + fold(person.name), f"Visit to {person.name}", "visit", sentence
                    )
                    if person not in event.counterparts:
                        event.counterparts.append(person)
                    mention = next(m for m in person.mentions if m.sentence is sentence)
                    event.quote(article.clause(sentence, mention.start, mention.end))
                    here.append(event)

        travelled = _travel_legs(article, sentence, names.places, dates, event_for)
        travelled += _arrival_or_departure(article, sentence, dates, event_for)
        _end_of_stay(article, sentence, dates, event_for)
        if not travelled and all(e in recalled for e in here):
            # "On Friday, Nowak and Lis toured the old town": a day of its own, whoever
            # was met before.
            activity = (
                _day_activity(article, sentence, dates, event_for)
                or _briefing(article, sentence, dates, met, event_for)
                or _visit_at(article, sentence, dates, names, event_for)
                or _stay(
                    article,
                    sentence,
                    [d for d in dates if d is not trip_date],
                    names.places,
                    event_for,
                )
            )
            for event in activity:
                event.counterparts.extend(p for p in met if p not in event.counterparts)
            here = activity or here
        # "It arrived on Monday and was received that afternoon by X": the meeting's day
        # is the one the arrival did not take.
        rest = [d for d in dates if d.sentence is sentence and d not in travelled]
        if travelled and rest and date is not None and date in travelled:
            date = rest[0]

        # Clauses between commas, but "Co., Ltd." is one name.
        clause_part = r"(?:[^,;]|,(?=\s*Ltd\b))*"
        for found in re.finditer(
            clause_part + r"\b(?:signed|inked)\b" + clause_part, sentence.text
        ):
            outcome = (
                re.sub(r"^\s*(?:and|while|where|at which|after which)\s+", "", found.group())
                .strip()
                .rstrip(".")
            )
            if not outcome:
                continue
            if date is not None and all(e.date is not None and e.date is not date for e in here):
                # "... was signed on Sept. 5": a signing on a day of its own is an event,
                # also when those who signed met on another day.
                signing = event_for("signing:" + fold(outcome), "Signing", "signing", sentence)
                signing.quote(outcome)
                here.append(signing)
            recent = [e for e in events if e.paragraph == sentence.paragraph]
            found_target = here[-1] if here else (recent[-1] if recent else None)
            signings = [e for e in events if e.kind == "signing"]
            if found_target is None and signings:
                found_target = signings[-1]
                found_target.inferred.setdefault(
                    "outcomes",
                    "Some of what was signed is reported in a later paragraph that names no "
                    "event; taken to be signed at this one.",
                )
            if found_target is None:
                found_target = event_for("signing:" + fold(outcome), "Signing", "signing", sentence)
                found_target.quote(outcome)
            found_target.outcomes.append(outcome)

        said = statement_in(article, sentence, speakers or counterparts)
        if said is not None:
            recent = [e for e in events if e.paragraph == sentence.paragraph]
            spoken_at = [e for e in here if said.speaker in (p.name for p in e.counterparts)]
            candidates = spoken_at or here or recent
            said_at = candidates[-1] if candidates else None
            if said_at is None and events:
                said_at = events[-1]
                said_at.inferred.setdefault(
                    "statements",
                    "Said in a paragraph that reports no event of its own; taken to be said "
                    "at the event reported just before.",
                )
            if said_at is not None and said not in said_at.statements:
                said_at.statements.append(said)
                speaker = next(p for p in (speakers or counterparts) if p.name == said.speaker)
                taking_part = {id(p) for p in said_at.counterparts}
                if any(p is speaker for p in counterparts) and id(speaker) not in taking_part:
                    # Who speaks at an event took part in it.
                    said_at.counterparts.append(speaker)
        for event in here:
            event.paragraph = sentence.paragraph  # the paragraph that last reported it
        recent = [e for e in events if e.paragraph == sentence.paragraph]
        for event in here or recent[-1:]:
            carried = not here
            for theme in themes:
                if theme.sentence is sentence and theme.name not in event.themes:
                    event.themes.append(theme.name)
                    if carried:
                        event.inferred.setdefault(
                            "themes",
                            "Fields named later in the same paragraph as the event, not in the "
                            "sentence that reports it.",
                        )
            if carried:
                continue
            # A sentence that reports several events does not say whose organizations are whose.
            for organization in names.by_sentence.get(sentence.index, []) if len(here) == 1 else []:
                if organization not in event.organizations and event.kind != "meeting":
                    event.organizations.append(organization)
            for person in event.counterparts:
                theirs = person.organization
                if theirs and theirs[0] not in event.organizations:
                    event.organizations.append(theirs[0])
            if event.place is None:
                if place is not None:
                    event.place = place
                elif context.place is not None:
                    event.place = context.place
                    event.inferred["place"] = (
                        f"The paragraph places what it reports in {context.place} "
                        f'("{context.place_quote}"); this event is taken to be there too.'
                    )
            if event.date is None:
                if date is not None:
                    event.date = date
                elif context.date is not None:
                    event.date = context.date
                    event.inferred["date"] = (
                        f'The paragraph opens with "{context.date.as_stated}"; this event is '
                        "taken to be on that day too."
                    )
        if place is not None:
            context.place, context.place_quote = place, clause if len(clause) < 120 else place
        if date is not None:
            context.date = date
    _dates_of_stays(article, events, dates, trip_date)
    # "returned from Denmark on Thursday", told first: the way back ends the journey.
    events.sort(key=lambda event: event.key.startswith("back:") or event.title == "Return home")
    return events


# "leaves for Qingdao on Wednesday", "returns to Germany in early November", "then
# travelled to Lima": a leg of the journey, to a place the article names.
# "left Xiamen for Fuzhou" (where from, then where to), "arrived in Krakow".
_TRAVEL = re.compile(
    r"\b(?:(?:leaves|left|leave|leaving|departs|departed|heads|headed|flies|flew|fly|travels|"
    r"travel(?:l)?ed|returns|returned|return|continues|continued|moves on|moved on|proceeds|"
    # "travelled north to Clark", "drove west to Poti": the heading is no destination.
    r"proceeded|drove|drives)\s+(?:on\s+|(?:north|south|east|west)(?:wards?)?\s+)?(?:for|to)|(?:leaves|left|departs|departed)\s+"
    r"(?:[A-Z][\w'’-]*\s+){1,2}for|(?:arrives|arrived|arriving|landed|lands)\s+(?:in|at)|"
    # "Tomorrow the guests will travel to Yongding", "returned from Denmark on Thursday".
    r"(?:will|would|to|then)\s+travel\s+to|(?:is|are)\s+due\s+(?:in|at)|"
    r"(?P<back>(?:returned|returns|came\s+back|comes\s+back)\s+(?:home\s+)?from)|"
    # "returned home on Saturday", "before flying home from Prague": the way home.
    r"(?:returned|returns|came\s+back|comes\s+back)(?=\s+home\b(?!\s+from))|"
    r"(?:flying|flew|flies)(?=\s+home\b))"
    r"\s+(?:the\s+)?"
)


def _travel_legs(
    article: Article,
    sentence: Sentence,
    places: list[Place],
    dates: list[DateMention],
    event_for: Callable[[str, str, str, Sentence], Event],
) -> list[DateMention]:
    """One event of kind "other" per leg, with the date its own clause gives (a sentence
    can hold two legs, so the sentence's first date is not taken for both); the dates
    the legs took."""
    legs = list(_TRAVEL.finditer(sentence.text))
    used: list[DateMention] = []
    for index, leg in enumerate(legs):
        rest = sentence.text[leg.end() :]
        destination = next(
            (p.name for p in places if re.match(rf"{re.escape(p.name)}\b", rest)), None
        )
        home = destination is None and re.match(r"home\b", rest)
        if destination is None and not home:
            continue
        start = sentence.start + leg.start()
        # The first leg's date can open the sentence ("The next day, the mission travelled").
        begin = start if index else sentence.start
        end = sentence.start + (
            legs[index + 1].start() if index + 1 < len(legs) else len(sentence.text)
        )
        here = [d for d in dates if d.sentence is sentence and begin <= d.start < end]
        # "arrived on 16 June and left for Guangzhou on 18 June": the leg's own date first.
        date = next((d for d in here if d.start >= start), here[0] if here else None)
        # "due to leave for home on Friday": the way back, to no place the text names.
        where = destination or "home"
        key = "travel:" + fold(where) + (":" + fold(date.as_stated) if date else "")
        if leg.group("back"):
            title, key = f"Return from {where}", "back:" + key
        else:
            title = "Return home" if home else f"Travel to {where}"
        event = event_for(key, title, "other", sentence)
        if not leg.group("back"):
            event.place = event.place or destination
        if event.date is None and date is not None:
            event.date = date
        if date is not None:
            used.append(date)
        event.quote(article.clause(sentence, start, start + len(leg.group()) + len(where)))
    return used


# "arrived in our city yesterday", "It arrived on Monday", "Before leaving on Wednesday":
# the journey's ends, to or from no place the article names, on a day the clause gives.
_ARRIVED_OR_LEFT = re.compile(
    # "concluded its visit on 23 October": the last day.
    r"\b(?P<end>(?:concluded|ended|completed|wrapped\s+up)\s+(?:its|their|the)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:visit|trip|tour|stay))\s+$|"
    r"\b(?P<verb>arrived|arrives|arriving|left|leaving|leave|leaves|departed|departing|"
    # "Its four-day visit to the Pearl River Delta began on March 17 in Guangzhou"
    r"(?:visit|tour|trip|stay)\b[^.,;]{0,60}?\b(?:began|started))"
    r"(?:\s+(?:(?:in|at)\s+)?(?:our|this|the)\s+(?:[A-Za-z][\w'’-]*\s+){0,3}?"
    r"(?:city|town|capital|region|country|province))?\s+$|"
    # "The delegation left Zhangye on 10 October": a named place left, for nowhere said.
    r"\b(?P<named>left|departed\s+from|departed)\s+(?:[A-Z][\w'’-]*\s+){1,3}$"
)


def _arrival_or_departure(
    article: Article,
    sentence: Sentence,
    dates: list[DateMention],
    event_for: Callable[[str, str, str, Sentence], Event],
) -> list[DateMention]:
    used: list[DateMention] = []
    for date in (d for d in dates if d.sentence is sentence):
        before = article.text[max(sentence.start, date.start - 80) : date.start]
        verb = _ARRIVED_OR_LEFT.search(before)
        if verb is None:
            continue
        word = verb.group("verb") or verb.group("named") or ""
        if verb.group("end"):
            title = "End of the visit"
        elif word.startswith(("visit", "tour", "trip", "stay")):
            title = "Start of the visit"
        else:
            title = "Arrival" if word.startswith("arriv") else "Departure"
        event = event_for(f"{title.lower()}:{fold(date.as_stated)}", title, "other", sentence)
        if event.date is None:
            event.date = date
        used.append(date)
        start = date.start - len(verb.group())
        event.quote(article.clause(sentence, start, date.end))
    return used


# "On the last day, Gao and officials agreed on a work plan", "The following day, the
# delegation toured the city's historic sites": a sentence that opens with a day reports
# what was done on it, also where it names no event, company or counterpart.
_DAY_ACTIVITY = re.compile(
    r"\b(?:(?P<tour>toured|visited|explored)|(?P<talks>discussed)|(?P<review>reviewed)|"
    r"(?P<agreement>agreed\s+on)|(?P<attended>attended)|"
    r"(?:travel(?:l)?ed|crossed|went|drove|(?:was|were)\s+(?:bused|driven|taken|spent))"
    r"\b[^,;]*?\b(?:to|at|in)(?=\s))\s+"
)
_ACTIVITY_TITLES = {
    "tour": "Tour of {}",
    "talks": "Talks on {}",
    "review": "Review of {}",
    "agreement": "Agreement on {}",
    "attended": "{}",
}
# Where the object of the day's verb ends: the next clause, or the next thing done.
_OBJECT_END = re.compile(
    r"\s*(?:[,;:]|(?<!\bCo)(?<!\bLtd)(?<!\bInc)\.(?:\s|$)|$)|\s+(?:and|before|after|where|which|that|who|with|to|"
    r"accompanied|organi[sz]ed|hosted|including|while|during)\b"
)
_TRAILING_WORDS = r"(?:\s+(?:the|a|an|of|on|for|and|to|its|their|his|her|in|at))+$"


def _opening_date(
    article: Article, sentence: Sentence, dates: list[DateMention]
) -> DateMention | None:
    """The day the sentence opens with ("The next day, ..."), if it opens with one."""
    opening = next((d for d in dates if d.sentence is sentence), None)
    if opening is None or article.text[sentence.start : opening.start].strip():
        return None
    return opening


def _day_activity(
    article: Article,
    sentence: Sentence,
    dates: list[DateMention],
    event_for: Callable[[str, str, str, Sentence], Event],
) -> list[Event]:
    opening = _opening_date(article, sentence, dates)
    if opening is None:
        return []
    verb = _DAY_ACTIVITY.search(sentence.text, opening.end - sentence.start)
    if verb is None:
        return []
    end = _OBJECT_END.search(sentence.text, verb.end())
    stop = end.start() if end else len(sentence.text)
    words = sentence.text[verb.end() : stop].split()[:10]
    thing = re.sub(_TRAILING_WORDS, "", " ".join(words))
    if not thing:
        return []
    kind = verb.lastgroup or "visit"
    if kind == "attended":
        thing = re.sub(r"^(?:the|a|an)\s+", "", thing)
    title = _ACTIVITY_TITLES.get(kind, "Visit to {}").format(thing)
    event = event_for(f"day:{fold(title)}", title[0].upper() + title[1:], "other", sentence)
    event.quote(article.clause(sentence, sentence.start + verb.start(), sentence.start + stop))
    return [event]


# "A day later, in Winterthur, Prof. Lukas Imhof explained how ...": what a counterpart
# told the delegation on a day of its own.
_BRIEFED = re.compile(r"^[^.]{0,80}?\b(?:explained|briefed|presented|introduced|showed)\b")


def _briefing(
    article: Article,
    sentence: Sentence,
    dates: list[DateMention],
    met: list[Person],
    event_for: Callable[[str, str, str, Sentence], Event],
) -> list[Event]:
    opening = _opening_date(article, sentence, dates)
    if opening is None or not met:
        return []
    speaker = met[0]
    mention = next(m for m in speaker.mentions if m.sentence is sentence)
    verb = _BRIEFED.match(article.text[mention.end : sentence.end])
    if verb is None:
        return []
    event = event_for(
        "briefing:" + fold(speaker.name), f"Briefing by {speaker.name}", "other", sentence
    )
    event.quote(article.clause(sentence, mention.start, mention.end + verb.end()))
    return [event]


# "came in Brno, Czechia, on the last two days of the tour": the days spent there.
_STAY_IN = re.compile(
    r"\bin\s+(?P<place>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)(?:,\s+[A-Z][\w'’-]*)?,?\s+$"
)


# "The next day, at the Kampot Logistics Park, its COO said ...": a day spent at a
# place or a body the article names.
_AT_NAMED = re.compile(
    r",?\s*at\s+(?:the\s+)?(?P<name>[A-Z][\w'’.&-]*(?:\s+(?:[A-Z][\w'’.&-]*|of|and|for|the))*)\s*,"
)


def _visit_at(
    article: Article,
    sentence: Sentence,
    dates: list[DateMention],
    names: Names,
    event_for: Callable[[str, str, str, Sentence], Event],
) -> list[Event]:
    opening = _opening_date(article, sentence, dates)
    if opening is None:
        return []
    at = _AT_NAMED.match(article.text, opening.end, sentence.end)
    if at is None:
        return []
    name = at.group("name")
    bodies = {fold(o.name) for o in names.organizations}
    places = {fold(p.name) for p in names.places}
    if fold(name) not in bodies | places:
        return []
    event = event_for("visit:" + fold(name), f"Visit to {name}", "visit", sentence)
    if fold(name) in bodies and name not in event.organizations:
        event.organizations.append(name)
    if fold(name) in places:
        event.place = event.place or name
    event.quote(article.clause(sentence, at.start("name"), at.end("name")))
    return [event]


def _stay(
    article: Article,
    sentence: Sentence,
    dates: list[DateMention],
    places: list[Place],
    event_for: Callable[[str, str, str, Sentence], Event],
) -> list[Event]:
    """A day said right after a place the sentence names, where no event is reported:
    a stay there, so that the day is in the itinerary where the article puts it."""
    known = {place.name for place in places}
    stays: list[Event] = []
    for date in (d for d in dates if d.sentence is sentence):
        stay = _STAY_IN.search(article.text[sentence.start : date.start])
        if stay is None or stay.group("place") not in known:
            continue
        name = stay.group("place")
        event = event_for(
            f"stay:{fold(name)}:{fold(date.as_stated)}", f"Stay in {name}", "other", sentence
        )
        event.place = name
        if event.date is None:
            event.date = date
        event.quote(article.clause(sentence, sentence.start + stay.start(), date.end))
        stays.append(event)
    return stays


# "The forum, co-hosted by X, runs through Thursday", "The visit runs until Thursday";
# "The visit ended on April 11 at X": its last day.
_RUNS_UNTIL = re.compile(
    # "The expo is co-hosted by X and closes on Saturday": what it is, then when it ends.
    r"^\s*(?P<subject>[A-Z][^,]*?)(?:\s*,[^,]*,|\s+(?:is|was)\s+[^,]*?\s+and)?\s+"
    r"(?:(?:runs|lasts|continues|will\s+run|will\s+last|will\s+continue)\s+"
    r"(?=(?:through|until|till|to)\b)|"
    r"(?:ended|ends|concluded|concludes|closed|closes|will\s+end|will\s+conclude|"
    r"will\s+close)\s+(?=on\b))"
)


def _end_of_stay(
    article: Article,
    sentence: Sentence,
    dates: list[DateMention],
    event_for: Callable[[str, str, str, Sentence], Event],
) -> None:
    """How long a visit or a forum runs is an event of kind "other" at its end, with
    the date as the article words it; otherwise the date would belong to no event."""
    runs = _RUNS_UNTIL.match(sentence.text)
    if runs is None:
        return
    at = sentence.start + runs.end()
    date = next((d for d in dates if d.sentence is sentence and d.start == at), None)
    if date is None:
        return
    subject = runs.group("subject")
    subject = subject[0].lower() + subject[1:] if subject.startswith("The ") else subject
    event = event_for("end:" + fold(subject), f"End of {subject}", "other", sentence)
    if event.date is None:
        event.date = date
    event.quote(article.clause(sentence, sentence.start, date.end))


def _dates_of_stays(
    article: Article, events: list[Event], dates: list[DateMention], trip: DateMention | None
) -> None:
    """ "The delegation was in Santiago from Dec. 4 to 6": an event in Santiago whose own
    sentence gives no date is taken to be within those days."""
    for date in dates:
        if date is trip:
            continue
        before = article.text[date.sentence.start : date.start]
        stay = re.search(r"\bin\s+(?:the\s+)?([A-Z][\w'’ -]*?)\s*,?\s*$", before)
        if stay is None:
            continue
        for event in events:
            if event.date is None and event.place == stay.group(1):
                event.date = date
                event.inferred["date"] = (
                    f'The article says "in {stay.group(1)} {date.as_stated}"; this event in '
                    f"{stay.group(1)} is taken to be within those days."
                )


def _place_in(sentence: Sentence, places: list[Place]) -> str | None:
    """A place the sentence puts something in ("In Turin, ...", "held in Paris"); not one
    someone only speaks of ("waiting for "a partner in West Africa"")."""
    # The sentence's words outside quotation marks, of the same length.
    unquoted = re.sub(r"[\"“][^\"”]*[\"”]", lambda m: " " * len(m.group()), sentence.text)
    for place in places:
        if sentence in place.sentences and re.search(
            rf"\b(?:[Ii]n|[Aa]t|arrived in)\s+(?:the\s+)?{re.escape(place.name)}\b", unquoted
        ):
            return place.name
    return None


def _organizations_after(text: str, sentence: Sentence, names: Names, position: int) -> list[str]:
    """The organizations named after a verb at `position`, up to the next thing done."""
    after = sentence.start + position
    stop = _next_verb(sentence, position)
    return [
        o.name
        for o in names.organizations
        if sentence in o.sentences and after <= _offset(text, sentence, o.name, after) < stop
    ]


def _offset(text: str, sentence: Sentence, name: str, after: int) -> int:
    found = text.find(name, after, sentence.end)
    return found if found >= 0 else -1


def _next_verb(sentence: Sentence, position: int) -> int:
    match = re.search(
        r"\b(?:and|then)\s+(?:met|attended|held|signed|called|paid|had)\b", sentence.text[position:]
    )
    return sentence.start + position + match.start() if match else sentence.end


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
