"""The briefing book: briefings as a document to print and bring to a meeting.

A cover (title, dates as stated, places, delegation), the itinerary with each event's
counterparts, what was said and the outcomes, then the people, the organizations (with
their relations both ways) and the themes. Under every fact stand the source passages it
rests on, as an indented quote, and what the author inferred is marked with the reason.

The book is written as CommonMark; the HTML book is that Markdown rendered by
markdown-it-py with raw HTML off, inside a page with its styles inline. Text from a
briefing is escaped only where Markdown would read it as markup, so that the Markdown
reads as plain text too.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable

from tui.format.model import Briefing, Counterpart, Event, Organization, Sourced, Theme
from tui.index.archive import Archive, Kind, Ref
from tui.present.describe import count, describe_date, person_line
from tui.present.printable import one_line, printable
from tui.reading.quotes import SourceText, fold_whitespace, sentences

# Characters that make inline markup anywhere: code, emphasis, links, autolinks, and
# the backslash itself. Escaping only these keeps "(year not stated)" as it is.
_INLINE = re.compile(r"([\\`*_\[\]<>])")
# "&amp;" and "&#42;" would be read as the characters they name.
_ENTITY = re.compile(r"&(?=#?\w+;)")
# What starts a block when it begins a line: a heading, a quote, a list item, a
# fence, a table or a setext underline.
_BLOCK_START = re.compile(r"^([#>+\-=|~])|^(\d+)([.)])")
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")


def inline(text: str) -> str:
    """Untrusted text on one line, as Markdown that renders as exactly that text."""
    return _ENTITY.sub(r"\\&", _INLINE.sub(r"\\\1", one_line(text)))


def line_start(text: str) -> str:
    """Like `inline`, for text that begins a line (a paragraph or a list item)."""
    return _BLOCK_START.sub(
        lambda m: f"\\{m.group(1)}" if m.group(1) else f"{m.group(2)}\\{m.group(3)}",
        inline(text),
    )


def paragraphs(text: str) -> list[str]:
    """The text's paragraphs (blank lines part them), each a Markdown paragraph."""
    return [line_start(part) for part in _PARAGRAPH_BREAK.split(text.strip()) if part.strip()]


def to_markdown(archive: Archive, notes: Callable[[str], str] | None = None) -> str:
    """All the archive's briefings as one book: with several, a table of contents first.

    `notes(briefing_id)`, when given, is Markdown of the user's notes, put after each
    briefing (tui.notes.transfer.briefing_notes)."""
    books = [briefing_markdown(archive, bid, notes) for bid in archive.briefings]
    if len(books) == 1:
        return books[0]
    titles = [archive.briefings[bid].title for bid in archive.briefings]
    contents = [
        "# Briefing book",
        "",
        count(len(books), "briefing"),
        "",
        "## Contents",
        "",
        *(f"{number}. {inline(title)}" for number, title in enumerate(titles, 1)),
        "",
    ]
    return "\n".join(contents) + "\n" + "\n".join(books)


def briefing_markdown(
    archive: Archive, briefing_id: str, notes: Callable[[str], str] | None = None
) -> str:
    book = _Book(archive, briefing_id).markdown()
    return book + notes(briefing_id) if notes is not None else book


def to_html(archive: Archive, notes: Callable[[str], str] | None = None) -> str:
    titles = [archive.briefings[bid].title for bid in archive.briefings]
    title = titles[0] if len(titles) == 1 else "Briefing book"
    return html_page(title, to_markdown(archive, notes))


def briefing_html(
    archive: Archive, briefing_id: str, notes: Callable[[str], str] | None = None
) -> str:
    title = archive.briefings[briefing_id].title
    return html_page(title, briefing_markdown(archive, briefing_id, notes))


# Printed on white: no backgrounds, no colours a printer would waste ink on; each section
# on a new page. The content security policy forbids fetching anything, should a future
# change ever let a URL through.
_STYLE = """
@page { margin: 18mm 16mm; }
html { background: #fff; color: #000; }
body { font: 11pt/1.45 Georgia, "DejaVu Serif", serif; max-width: 46em; margin: 2em auto;
       padding: 0 1em; background: #fff; color: #000; }
h1 { font-size: 1.9em; margin: 0 0 .4em; break-before: page; }
h1:first-of-type { break-before: auto; }
h2 { font-size: 1.4em; border-bottom: 1px solid #999; padding-bottom: .2em;
     margin-top: 0; break-before: page; }
h3 { font-size: 1.1em; margin: 1.4em 0 .3em; break-after: avoid; }
p { margin: .35em 0; }
blockquote { margin: .3em 0 .8em 1.2em; padding-left: .8em; border-left: 3px solid #bbb;
             color: #333; font-size: .92em; font-style: italic; break-inside: avoid; }
blockquote p { margin: .2em 0; }
ul, ol { padding-left: 1.4em; }
li { margin: .25em 0; }
em { color: #000; }
hr { border: 0; border-top: 1px solid #999; }
@media print { body { margin: 0; max-width: none; } a { color: #000; text-decoration: none; } }
"""


def html_page(title: str, markdown: str) -> str:
    """One self-contained HTML page of the Markdown: styles inline, nothing to fetch."""
    # Imported here: only the HTML export needs it.
    from markdown_it import MarkdownIt

    body = MarkdownIt("commonmark", {"html": False}).render(markdown)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(one_line(title))}</title>\n"
        f"<style>{_STYLE}</style>\n</head>\n<body>\n<main>\n{body}</main>\n</body>\n</html>\n"
    )


class _Book:
    """One briefing's pages of the book."""

    def __init__(self, archive: Archive, briefing_id: str) -> None:
        self.archive = archive
        self.bid = briefing_id
        loaded = archive.loaded(briefing_id)
        self.briefing: Briefing = loaded.briefing
        self.source: SourceText | None = loaded.source
        self.lines: list[str] = []

    def markdown(self) -> str:
        self._cover()
        self._itinerary()
        self._people()
        self._organizations()
        self._themes()
        return printable("\n".join(self.lines).rstrip("\n")) + "\n"

    # Writing.

    def add(self, *lines: str) -> None:
        self.lines += [*lines, ""]

    def passages(self, quotes: Iterable[str], indent: str = "") -> None:
        """The source passages behind a fact, as an indented quote."""
        quoted = list(dict.fromkeys(fold_whitespace(quote) for quote in quotes))
        lines: list[str] = []
        for quote in quoted:
            if lines:
                lines.append(f"{indent}>")
            lines.append(f"{indent}> “{inline(quote)}”")
        if lines:
            self.add(*lines)

    def inferred(self, entry: Sourced, indent: str = "") -> None:
        if not entry.inferred:
            return
        self.add(f"{indent}*Inferred, not stated by the source:*")
        self.add(
            *(
                f"{indent}- *{inline(field)}:* {inline(reason)}"
                for field, reason in entry.inferred.items()
            )
        )

    def mark(self, entry: Sourced, field: str) -> str:
        return " *(inferred)*" if field in entry.inferred else ""

    def fact(self, label: str, value: str, entry: Sourced | None = None, field: str = "") -> str:
        marked = self.mark(entry, field) if entry is not None else ""
        return f"**{inline(label)}:** {inline(value)}{marked}"

    def name(self, kind: Kind, item: str) -> str:
        return self.archive.label(Ref(kind, self.bid, item))

    def events(self, field: str, item: str) -> str:
        """The events of this briefing whose `field` lists the item, by number.

        Only this briefing's: each briefing of a book is read on its own, and looking
        up the same person in every other briefing would make a large book quadratic."""
        return "; ".join(
            f"{number}. {one_line(event.title)}"
            for number, event in enumerate(self.briefing.itinerary, 1)
            if item in getattr(event, field)
        )

    # Sections.

    def _cover(self) -> None:
        briefing = self.briefing
        self.add(f"# {line_start(briefing.title)}")
        for paragraph in paragraphs(briefing.summary):
            self.add(paragraph)
        self.passages(briefing.quotes)
        self.add(self.fact("Dates", describe_date(briefing.dates), briefing, "dates"))
        self.passages(self._stated(briefing.dates.as_stated))
        self.add(
            self.fact("Places", ", ".join(briefing.places) or "not stated", briefing, "places")
        )
        delegation = briefing.delegation
        lead = delegation.lead
        self.add(self.fact("Delegation", delegation.name, delegation, "name"))
        self.passages(delegation.quotes)
        self.add(self.fact("Led by", person_line(lead.name, lead.title), lead, "title"))
        self.passages(lead.quotes)
        self.inferred(lead)
        if delegation.members:
            self.add("**Members:**")
            for member in delegation.members:
                self.add(f"- {line_start(person_line(member.name, member.title))}")
                self.passages(member.quotes, "  ")
                self.inferred(member, "  ")
        else:
            self.add(self.fact("Members", "none named"))
        self.inferred(delegation)
        self.add(self.fact("Source", briefing.source.title))
        self.inferred(briefing)

    def _stated(self, words: str) -> list[str]:
        """The sentence of the source that holds the words (they are checked to be in it)."""
        if self.source is None:
            return []
        span = self.source.span(words)
        if span is None:
            return []
        for start, end in sentences(self.source.text):
            if start <= span[0] < end:
                return [self.source.text[start : max(end, span[1])]]
        return []

    def _itinerary(self) -> None:
        self.add("## Itinerary")
        if not self.briefing.itinerary:
            self.add("No event recorded.")
        for number, event in enumerate(self.briefing.itinerary, 1):
            self._event(number, event)

    def _event(self, number: int, event: Event) -> None:
        self.add(f"### {number}. {inline(event.title)}")
        place = event.place or "place not stated"
        self.add(
            f"*{event.kind.value}*{self.mark(event, 'kind')} · {inline(place)}"
            f"{self.mark(event, 'place')} · {inline(describe_date(event.date))}"
            f"{self.mark(event, 'date')}"
        )
        if event.aliases:
            self.add(self.fact("Also called", "; ".join(event.aliases), event, "aliases"))
        self.passages(event.quotes)
        if event.counterparts:
            self.add(f"**Met:**{self.mark(event, 'counterparts')}")
            self.add(*(f"- {line_start(self._person_line(c))}" for c in event.counterparts))
        if event.organizations:
            names = ", ".join(self.name(Kind.organization, o) for o in event.organizations)
            self.add(self.fact("Organizations", names, event, "organizations"))
        if event.themes:
            names = ", ".join(self.name(Kind.theme, t) for t in event.themes)
            self.add(self.fact("Themes", names, event, "themes"))
        if event.statements:
            self.add(f"**What was said:**{self.mark(event, 'statements')}")
            for statement in event.statements:
                self.add(
                    f"- **{inline(statement.speaker)}:**{self.mark(statement, 'speaker')} "
                    f"{inline(statement.text)}"
                )
                self.passages(statement.quotes, "  ")
                self.inferred(statement, "  ")
        if event.outcomes:
            self.add(f"**Outcomes:**{self.mark(event, 'outcomes')}")
            for outcome in event.outcomes:
                self.add(f"- {line_start(outcome.text)}{self.mark(outcome, 'text')}")
                self.passages(outcome.quotes, "  ")
                self.inferred(outcome, "  ")
        self.inferred(event)

    def _person_line(self, counterpart_id: str) -> str:
        counterpart = self.archive.get(Ref(Kind.counterpart, self.bid, counterpart_id))
        assert isinstance(counterpart, Counterpart)
        organization = (
            self.name(Kind.organization, counterpart.organization)
            if counterpart.organization
            else None
        )
        return person_line(counterpart.name, counterpart.title, organization)

    def _people(self) -> None:
        self.add("## People")
        if not self.briefing.counterparts:
            self.add("No counterpart named.")
        for person in self.briefing.counterparts:
            self._person(person)

    def _person(self, person: Counterpart) -> None:
        self.add(f"### {inline(person.name)}")
        facts = []
        if person.aliases:
            facts.append(self.fact("Aliases", "; ".join(person.aliases), person, "aliases"))
        if person.original_script:
            script = person.original_script
            facts.append(self.fact("Original script", script, person, "original_script"))
        facts.append(self.fact("Title", person.title or "not stated", person, "title"))
        organization = (
            self.name(Kind.organization, person.organization) if person.organization else None
        )
        facts.append(
            self.fact("Organization", organization or "not stated", person, "organization")
        )
        meetings = self.events("counterparts", person.id)
        facts.append(self.fact("Meetings", meetings or "none recorded"))
        self.add(*_hard_breaks(facts))
        self.passages(person.quotes)
        self.inferred(person)

    def _organizations(self) -> None:
        self.add("## Organizations")
        if not self.briefing.organizations:
            self.add("No organization named.")
        for organization in self.briefing.organizations:
            self._organization(organization)

    def _organization(self, organization: Organization) -> None:
        ref = Ref(Kind.organization, self.bid, organization.id)
        self.add(f"### {inline(organization.name)}")
        facts = [self.fact("Kind", organization.kind.value, organization, "kind")]
        for label, field in (("Sector", "sector"), ("Country", "country")):
            value = getattr(organization, field)
            if value:
                facts.append(self.fact(label, value, organization, field))
        if organization.aliases:
            aliases = "; ".join(organization.aliases)
            facts.append(self.fact("Aliases", aliases, organization, "aliases"))
        people = [self.archive.label(member) for member in self.archive.members(ref)]
        if people:
            facts.append(self.fact("People", ", ".join(people)))
        events = self.events("organizations", organization.id)
        if events:
            facts.append(self.fact("Events", events))
        self.add(*_hard_breaks(facts))
        self.passages(organization.quotes)
        relations = [
            (other, relation)
            for other in self.briefing.organizations
            for relation in other.relations
            if other.id == organization.id or relation.target == organization.id
        ]
        if relations:
            self.add("**Relations:**")
            for other, relation in relations:
                target = self.name(Kind.organization, relation.target)
                self.add(
                    f"- {line_start(other.name)} *{inline(relation.kind)}*"
                    f"{self.mark(relation, 'kind')} {inline(target)}"
                )
                self.passages(relation.quotes, "  ")
                self.inferred(relation, "  ")
        self.inferred(organization)

    def _themes(self) -> None:
        self.add("## Themes")
        if not self.briefing.themes:
            self.add("No theme recorded.")
        for theme in self.briefing.themes:
            self._theme(theme)

    def _theme(self, theme: Theme) -> None:
        ref = Ref(Kind.theme, self.bid, theme.id)
        self.add(f"### {inline(theme.name)}")
        if theme.description:
            for paragraph in paragraphs(theme.description):
                self.add(paragraph + self.mark(theme, "description"))
        facts = [self.fact("Came up at", self.events("themes", theme.id) or "no event recorded")]
        organizations = [self.archive.label(o) for o in self.archive.organizations_with_theme(ref)]
        if organizations:
            facts.append(self.fact("With", ", ".join(organizations)))
        self.add(*_hard_breaks(facts))
        self.passages(theme.quotes)
        self.inferred(theme)


def _hard_breaks(lines: list[str]) -> list[str]:
    """Lines of one paragraph, each on a line of its own when rendered."""
    return [line + "  " for line in lines[:-1]] + lines[-1:]
