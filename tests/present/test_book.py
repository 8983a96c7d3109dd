"""The briefing book: every section and every source passage, Markdown that reads as
plain text, and HTML rendered from it that escapes whatever a briefing holds."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import BUNDLED, MINIMAL_YAML, WriteBriefing

from tui.index.archive import Archive
from tui.present.book import inline, line_start, to_html, to_markdown
from tui.reading.checks import iter_sourced
from tui.reading.loader import load_briefing, load_paths
from tui.reading.quotes import fold_whitespace


@pytest.fixture(scope="module")
def bundled() -> Archive:
    return Archive([load_briefing(BUNDLED)])


class _Text(HTMLParser):
    """The text of an HTML page by element, and the tags it uses."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.by_tag: dict[str, list[str]] = {}
        self._open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self._open.append(tag)
        self.by_tag.setdefault(tag, []).append("")

    def handle_endtag(self, tag: str) -> None:
        if self._open and self._open[-1] == tag:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        for tag in set(self._open):
            self.by_tag[tag][-1] += data


def parsed(page: str) -> _Text:
    parser = _Text()
    parser.feed(page)
    return parser


def section(markdown: str, heading: str) -> str:
    """The Markdown from a `## heading` to the next."""
    start = markdown.index(f"\n## {heading}\n")
    end = markdown.find("\n## ", start + 1)
    return markdown[start : end if end > 0 else None]


# --- what the book holds ---------------------------------------------------------------


def test_the_cover(bundled: Archive) -> None:
    markdown = to_markdown(bundled)
    assert markdown.startswith(
        "# Chen Zhichang Leads Nanjing Delegation on a Study Visit in France\n\n"
        "Mayor Chen Zhichang led a Nanjing delegation to France from November 16 to 18"
    )
    cover = markdown[: markdown.index("\n## ")]
    assert "**Dates:** From November 16 to 18, local time (year not stated)\n" in cover
    # The date's own passage, the sentence of the source that states it.
    assert (
        "**Dates:** From November 16 to 18, local time (year not stated)\n\n"
        "> “From November 16 to 18, local time, Mayor Chen Zhichang led a Nanjing delegation "
        "to visit France.”\n"
    ) in cover
    assert "**Places:** France, Paris, Strasbourg\n" in cover
    assert "**Delegation:** Nanjing delegation\n\n> “Mayor Chen Zhichang led" in cover
    assert "**Led by:** Chen Zhichang, Mayor\n" in cover
    assert "**Members:** none named\n" in cover


def test_the_itinerary(bundled: Archive) -> None:
    briefing = bundled.loaded("nanjing-france-study-visit").briefing
    itinerary = section(to_markdown(bundled), "Itinerary")
    for number, event in enumerate(briefing.itinerary, 1):
        assert f"\n### {number}. {event.title}\n" in itinerary
        for statement in event.statements:
            assert f"- **{statement.speaker}:** {fold_whitespace(statement.text)}\n" in itinerary
        for outcome in event.outcomes:
            assert f"- {fold_whitespace(outcome.text)}\n" in itinerary
    assert "**Met:**\n\n- Le Mingham, chairman of the board, BNP Paribas\n" in itinerary
    assert "*meeting* · headquarters of BNP Paribas · day not stated\n" in itinerary
    # An inferred place is marked as such, and the reason given.
    assert "*visit* · Strasbourg *(inferred)* · day not stated" in itinerary
    assert "- *place:* The article says the delegation paid a visit" in itinerary


def test_the_people(bundled: Archive) -> None:
    people = section(to_markdown(bundled), "People")
    assert (
        "### Le Mingham\n\n"
        "**Aliases:** Lemingham *(inferred)*  \n"
        "**Title:** chairman of the board  \n"
        "**Organization:** BNP Paribas *(inferred)*  \n"
        "**Meetings:** 3. Meeting with BNP Paribas chairman Le Mingham\n"
    ) in people
    assert "**Meetings:** 6. Visit to the Chinese Ambassador to France, Lu Shano\n" in people
    briefing = bundled.loaded("nanjing-france-study-visit").briefing
    assert people.count("\n### ") == len(briefing.counterparts)


def test_organizations_with_relations_both_ways(bundled: Archive) -> None:
    organizations = section(to_markdown(bundled), "Organizations")
    relation = "- BNP Paribas *strategic partner of* Bank of Nanjing\n"
    bnp = organizations[organizations.index("### BNP Paribas\n") :]
    bnp = bnp[: bnp.index("\n### ")]
    bank = organizations[organizations.index("### Bank of Nanjing\n") :]
    bank = bank[: bank.index("\n### ")]
    for entry in (bnp, bank):
        assert relation in entry
        assert "  > “He said that BNP Paribas is an important strategic partner" in entry
    assert "**Kind:** bank *(inferred)*" in bnp
    assert "**People:** Le Mingham" in bnp
    assert "**Aliases:** Kayent Group *(inferred)*" in organizations


def test_the_themes(bundled: Archive) -> None:
    themes = section(to_markdown(bundled), "Themes")
    assert "### Biomedicine\n\nInvestment by French biomedicine enterprises" in themes
    assert "**Came up at:** 2. Symposium of French biomedical enterprises  \n" in themes
    assert "**With:** French biomedical enterprises\n" in themes


def test_every_passage_and_every_reason_is_in_the_book(bundled: Archive) -> None:
    briefing = bundled.loaded("nanjing-france-study-visit").briefing
    markdown = to_markdown(bundled)
    for _, entry in iter_sourced(briefing):
        for quote in entry.quotes:
            assert f"> “{fold_whitespace(quote)}”\n" in markdown, quote
        for field, reason in entry.inferred.items():
            assert f"- *{field}:* {fold_whitespace(reason)}\n" in markdown


def test_the_bundled_book_needs_no_escapes(bundled: Archive) -> None:
    # Nothing in it reads as markup, so nothing is escaped: it reads as plain text.
    assert "\\" not in to_markdown(bundled)


# --- Markdown that renders as the text it holds -------------------------------------------

AWKWARD = [
    "A *minimal* visit [draft]",
    "# not a heading",
    "1. not a list",
    "2) nor this",
    "- nor this",
    "> nor a quote",
    "<script>alert(1)</script>",
    "[click](javascript:alert(1))",
    "![image](http://evil.example/x.png)",
    "<http://evil.example>",
    "&amp; and &#42; stay as written",
    "snake_case_name and __dunder__",
    "`code` and ``more``",
    "back\\slash \\*",
    "~~~",
    "R&D (year not stated)",
]


@pytest.mark.parametrize("text", AWKWARD)
def test_titles_render_as_written(write_briefing: WriteBriefing, text: str) -> None:
    quoted = text.replace("\\", "\\\\").replace('"', '\\"')
    path = write_briefing(MINIMAL_YAML.replace("title: A minimal visit", f'title: "{quoted}"'))
    page = parsed(to_html(Archive([load_briefing(path)])))
    assert page.by_tag["h1"] == [text]
    assert page.by_tag["title"] == [text]
    assert not {"script", "a", "img", "code", "pre", "ol", "ul", "h2"} & set(
        page.tags[: page.tags.index("h1") + 2]
    )
    assert "script" not in page.tags and "img" not in page.tags and "a" not in page.tags


def test_escaping_is_only_where_markdown_needs_it() -> None:
    assert inline("From November 16 to 18 (year not stated)!") == (
        "From November 16 to 18 (year not stated)!"
    )
    assert inline("R&D, #1, a-b, 1. x") == "R&D, #1, a-b, 1. x"
    assert line_start("1. x") == "1\\. x"
    assert line_start("# x") == "\\# x"
    assert inline("&amp;") == "\\&amp;"


def test_paragraphs_stay_separate(write_briefing: WriteBriefing) -> None:
    summary = "summary: |\n  First paragraph,\n  on two lines.\n\n  Second paragraph.\n"
    text = MINIMAL_YAML.replace("summary: Ada Lovelace led a delegation to Paris.\n", summary)
    archive = Archive([load_briefing(write_briefing(text))])
    assert "\n\nFirst paragraph, on two lines.\n\nSecond paragraph.\n\n" in to_markdown(archive)
    page = parsed(to_html(archive))
    assert page.by_tag["p"][:2] == ["First paragraph, on two lines.", "Second paragraph."]


def test_an_empty_briefing_says_what_it_lacks(write_briefing: WriteBriefing) -> None:
    text = MINIMAL_YAML[: MINIMAL_YAML.index("organizations:")]
    markdown = to_markdown(Archive([load_briefing(write_briefing(text))]))
    for words in (
        "No event recorded.",
        "No counterpart named.",
        "No organization named.",
        "No theme recorded.",
    ):
        assert f"\n{words}\n" in markdown


# --- the HTML page ----------------------------------------------------------------------


def test_the_html_page_is_self_contained_and_prints_on_white(bundled: Archive) -> None:
    page = to_html(bundled)
    assert page.startswith("<!DOCTYPE html>\n")
    assert "default-src 'none'" in page  # nothing may be fetched
    assert not re.search(r"\b(src|href)=|<link|@import|url\(", page)
    style = page[page.index("<style>") : page.index("</style>")]
    assert "@page" in style and "break-before: page" in style and "@media print" in style
    # Every background is white.
    assert set(re.findall(r"background:\s*([^;]+);", style)) == {"#fff"}
    text = parsed(page)
    assert text.by_tag["h2"] == ["Itinerary", "People", "Organizations", "Themes"]
    briefing = bundled.loaded("nanjing-france-study-visit").briefing
    blockquotes = " ".join(text.by_tag["blockquote"])
    for _, entry in iter_sourced(briefing):
        for quote in entry.quotes:
            assert fold_whitespace(quote) in fold_whitespace(blockquotes)


def test_several_briefings_make_one_book_with_contents(write_briefing: WriteBriefing) -> None:
    write_briefing()
    second = MINIMAL_YAML.replace("id: minimal", "id: second").replace(
        "title: A minimal visit", "title: A second visit"
    )
    write_briefing(second, name="second.yaml")
    archive = Archive(load_paths([write_briefing().parent]).briefings)
    markdown = to_markdown(archive)
    assert markdown.startswith(
        "# Briefing book\n\n2 briefings\n\n## Contents\n\n1. A minimal visit\n2. A second visit\n"
    )
    assert markdown.count("\n# A minimal visit\n") == 1
    assert markdown.count("\n# A second visit\n") == 1
    page = parsed(to_html(archive))
    assert page.by_tag["h1"] == ["Briefing book", "A minimal visit", "A second visit"]
    assert page.by_tag["title"] == ["Briefing book"]


def test_one_briefing_has_no_contents(bundled: Archive) -> None:
    assert "Contents" not in to_markdown(bundled)


def test_the_book_of_a_hostile_file_has_no_markup_from_it(tmp_path: Path) -> None:
    from hostile import hostile_folder

    path = hostile_folder(tmp_path)
    page = to_html(Archive([load_briefing(path)]))
    tags = set(parsed(page).tags)
    assert tags <= {
        "html", "head", "meta", "title", "style", "body", "main", "h1", "h2", "h3", "p",
        "blockquote", "ul", "li", "em", "strong", "br",
    }  # fmt: skip
