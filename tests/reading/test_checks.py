"""Whole-briefing checks: references resolve, ids are unique, quotes are in the source
(whitespace aside), and `inferred` names real fields. Each finding carries the location
of the offending value; the loader tests check that it becomes the right line."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import BUNDLED_SOURCE, MINIMAL_SOURCE, MINIMAL_YAML, WriteBriefing, position

from tui.format.model import Briefing
from tui.reading.checks import Finding, check, did_you_mean, iter_sourced
from tui.reading.loader import BriefingError, load_briefing
from tui.reading.quotes import SourceText, fold_whitespace

SOURCE = SourceText(MINIMAL_SOURCE)


@pytest.fixture
def data() -> dict[str, Any]:
    return copy.deepcopy(yaml.safe_load(MINIMAL_YAML))


def findings(data: dict[str, Any], source: SourceText | None = SOURCE) -> list[Finding]:
    return check(Briefing.model_validate(data), source)


def test_the_minimal_briefing_has_no_findings(data: dict[str, Any]) -> None:
    assert findings(data) == []


# --- references --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("where", "kind", "good"),
    [
        (("itinerary", 0, "counterparts", 0), "counterpart", "wang-wei"),
        (("itinerary", 0, "organizations", 0), "organization", "acme-bank"),
        (("itinerary", 0, "themes", 0), "theme", "trade"),
        (("counterparts", 0, "organization"), "organization", "acme-bank"),
    ],
)
def test_a_reference_that_does_not_resolve(
    data: dict[str, Any], where: tuple[str | int, ...], kind: str, good: str
) -> None:
    parent = data
    for step in where[:-1]:
        parent = parent[step]
    parent[where[-1]] = good + "x"
    [finding] = findings(data)
    assert finding.loc == where
    assert f"no {kind} has the id '{good}x'" in finding.message
    assert f"did you mean '{good}'" in finding.message
    assert not finding.at_key


def test_a_relation_to_an_unknown_organization(data: dict[str, Any]) -> None:
    data["organizations"][0]["relations"] = [
        {"kind": "partner of", "target": "zzz-unrelated", "quotes": ["Acme Bank"]}
    ]
    [finding] = findings(data)
    assert finding.loc == ("organizations", 0, "relations", 0, "target")
    assert "no organization has the id 'zzz-unrelated'" in finding.message
    assert "did you mean" not in finding.message


def test_references_across_collections_do_not_count(data: dict[str, Any]) -> None:
    # "trade" is a theme, not a counterpart.
    data["itinerary"][0]["counterparts"] = ["wang-wei", "trade"]
    [finding] = findings(data)
    assert finding.loc == ("itinerary", 0, "counterparts", 1)
    assert "no counterpart has the id 'trade'" in finding.message


def test_every_dangling_reference_is_reported(data: dict[str, Any]) -> None:
    data["itinerary"][0]["counterparts"] = ["a", "wang-wei", "b"]
    data["itinerary"][0]["themes"] = ["c"]
    assert [f.loc for f in findings(data)] == [
        ("itinerary", 0, "counterparts", 0),
        ("itinerary", 0, "counterparts", 2),
        ("itinerary", 0, "themes", 0),
    ]


# --- unique ids --------------------------------------------------------------------


@pytest.mark.parametrize("collection", ["organizations", "counterparts", "themes", "itinerary"])
def test_duplicate_ids_in_a_collection(data: dict[str, Any], collection: str) -> None:
    first = data[collection][0]
    data[collection] += [copy.deepcopy(first), copy.deepcopy(first)]
    found = findings(data)
    assert [f.loc for f in found] == [(collection, 1, "id"), (collection, 2, "id")]
    for finding in found:
        assert f"duplicate id '{first['id']}'" in finding.message
        assert f"{collection}[0]" in finding.message


def test_the_same_id_in_different_collections_is_fine(data: dict[str, Any]) -> None:
    data["themes"][0]["id"] = "acme-bank"
    data["itinerary"][0]["themes"] = ["acme-bank"]
    data["itinerary"][0]["id"] = "wang-wei"
    assert findings(data) == []


# --- quotes ------------------------------------------------------------------------


def test_a_quote_wrapped_over_lines_is_found(data: dict[str, Any]) -> None:
    # The source breaks the line after "Acme Bank,"; the quote does not, and the
    # quote breaks where the source does not.
    data["themes"][0]["quotes"] = [
        "Mr. Wang Wei of Acme Bank, and they talked",
        "Mr. Wang\n  Wei of\tAcme   Bank,\nand they",
        "  she met Mr. Wang Wei  ",
    ]
    assert findings(data) == []


@pytest.mark.parametrize(
    ("quote", "passage", "line", "difference"),
    [
        # a letter changed
        ("Mr. Wang Wie", "Mr. Wang Wei", 2, "'Wie' where the source has 'Wei'"),
        # case matters
        ("mr. wang wei", "Mr. Wang Wei", 2, "'mr. wang wei' where the source has 'Mr. Wang Wei'"),
        # a space is not optional
        ("Mr.Wang Wei", "Mr. Wang Wei", 2, "'Mr.Wang' where the source has 'Mr. Wang'"),
        # a word added
        (
            "Mr. Wang Wei of the Acme Bank",
            "Mr. Wang Wei of Acme Bank",
            2,
            "'the', which the source does not have",
        ),
        # punctuation
        (
            "Ada Lovelace led a delegation to Paris!",
            "Ada Lovelace led a delegation to Paris.",
            1,
            "'Paris!' where the source has 'Paris.'",
        ),
        # over a line break and a full stop
        (
            "to Paris. On Monday she met Mr Wang",
            "to Paris. On Monday she met Mr. Wang",
            1,
            "'Mr' where the source has 'Mr.'",
        ),
    ],
)
def test_a_quote_that_differs_from_the_source(
    data: dict[str, Any], quote: str, passage: str, line: int, difference: str
) -> None:
    data["themes"][0]["quotes"].append(quote)
    [finding] = findings(data)
    assert finding.loc == ("themes", 0, "quotes", 1)
    assert finding.message == (
        f"quote not found in the source text; did you mean {passage!r} (source line {line})? "
        f"The quote has {difference}."
    )


def test_a_quote_like_nothing_in_the_source(data: dict[str, Any]) -> None:
    data["themes"][0]["quotes"].append("Zebras quarrel over xylophones")
    [finding] = findings(data)
    assert finding.message == "quote not found in the source text"


def test_the_closest_passage_of_a_long_source(data: dict[str, Any]) -> None:
    text = BUNDLED_SOURCE.read_text(encoding="utf-8")
    data["themes"][0]["quotes"] = ["the chairman of the bord, Mr. Le Mingham."]
    found = [f for f in findings(data, SourceText(text)) if f.loc == ("themes", 0, "quotes", 0)]
    [finding] = found
    # "Mr." ends no sentence: the passage runs on to the name.
    passage = "the chairman of the board, Mr. Le Mingham."
    line = next(n for n, words in enumerate(text.split("\n"), 1) if passage in words)
    assert f"did you mean {passage!r} (source line {line})?" in finding.message
    assert "'bord,' where the source has 'board,'" in finding.message


@pytest.mark.parametrize("source", [SOURCE, None], ids=["with a source", "without"])
@pytest.mark.parametrize("quote", [" ", "\n\t ", "\u3000"])
def test_a_blank_quote(data: dict[str, Any], quote: str, source: SourceText | None) -> None:
    # Whitespace folds to nothing, which every text "contains".
    data["counterparts"][0]["quotes"].append(quote)
    [finding] = findings(data, source)
    assert finding.loc == ("counterparts", 0, "quotes", 1)
    assert finding.message == "quote is blank"


def test_quotes_are_checked_everywhere(data: dict[str, Any]) -> None:
    data["quotes"] = ["not here"]
    data["delegation"]["lead"]["quotes"] = ["nor here"]
    data["itinerary"][0]["statements"] = [
        {"speaker": "Wang Wei", "text": "Something.", "quotes": ["Wang Wei", "nowhere"]}
    ]
    data["itinerary"][0]["outcomes"] = [{"text": "Trade.", "quotes": ["nothing"]}]
    assert [f.loc for f in findings(data)] == [
        ("quotes", 0),
        ("delegation", "lead", "quotes", 0),
        ("itinerary", 0, "statements", 0, "quotes", 1),
        ("itinerary", 0, "outcomes", 0, "quotes", 0),
    ]


def test_without_a_source_quotes_are_not_checked(data: dict[str, Any]) -> None:
    data["quotes"] = ["not in any source"]
    assert findings(data, source=None) == []


def test_the_span_of_a_wrapped_quote() -> None:
    quote = "Acme Bank, and they"
    start, end = SOURCE.span("Acme   Bank,\n and they") or (0, 0)
    assert fold_whitespace(MINIMAL_SOURCE[start:end]) == quote
    assert SOURCE.span("Acme Bank, and thy") is None


# --- inferred ----------------------------------------------------------------------


def test_inferred_naming_real_fields_is_fine(data: dict[str, Any]) -> None:
    data["counterparts"][0]["inferred"] = {"organization": "Guessed.", "title": "Guessed."}
    data["inferred"] = {"dates": "Guessed."}
    assert findings(data) == []


@pytest.mark.parametrize(
    ("name", "suggestion"),
    [("organisation", "organization"), ("quotes", None), ("inferred", None), ("zzz", None)],
)
def test_inferred_naming_something_else(
    data: dict[str, Any], name: str, suggestion: str | None
) -> None:
    data["counterparts"][0]["inferred"] = {name: "Guessed."}
    [finding] = findings(data)
    assert finding.loc == ("counterparts", 0, "inferred", name)
    assert finding.at_key
    assert f"'inferred' names {name!r}, which is not a field here" in finding.message
    if suggestion:
        assert f"did you mean {suggestion!r}" in finding.message
    else:
        assert "did you mean" not in finding.message


def test_did_you_mean() -> None:
    assert did_you_mean("titel", {"title", "summary"}) == " (did you mean 'title'?)"
    assert did_you_mean("qqqq", {"title", "summary"}) == ""
    assert did_you_mean("x", set()) == ""


def test_iter_sourced_visits_every_entry_with_its_location(data: dict[str, Any]) -> None:
    data["organizations"][0]["relations"] = [
        {"kind": "partner of", "target": "acme-bank", "quotes": ["Acme Bank"]}
    ]
    briefing = Briefing.model_validate(data)
    locations = [loc for loc, _ in iter_sourced(briefing)]
    assert locations[0] == ()
    assert set(locations) == {
        (),
        ("delegation",),
        ("delegation", "lead"),
        ("organizations", 0),
        ("organizations", 0, "relations", 0),
        ("counterparts", 0),
        ("themes", 0),
        ("itinerary", 0),
    }


# --- through the loader: the findings land on the right line --------------------------


def test_check_findings_are_placed_in_the_file(write_briefing: WriteBriefing) -> None:
    text = MINIMAL_YAML.replace("      - trade\n", "      - trad\n").replace(
        "      - they talked about trade", "      - they talked about trades"
    )
    path: Path = write_briefing(text)
    with pytest.raises(BriefingError) as caught:
        load_briefing(path)
    found = [(p.path, p.line, p.column, p.message) for p in caught.value.problems]
    line, column = position(text, "trad\n")
    assert (
        path,
        line,
        column,
        "itinerary[0].themes[0]: no theme has the id 'trad' (did you mean 'trade'?)",
    ) in found
    line, column = position(text, "they talked about trades")
    assert (
        path,
        line,
        column,
        "themes[0].quotes[0]: quote not found in the source text; did you mean "
        "'they talked about trade.' (source line 3)? The quote has 'trades' where the "
        "source has 'trade.'.",
    ) in found
    assert len(found) == 2


# --- speakers --------------------------------------------------------------------


def said(data: dict[str, Any], speaker: str, quote: str = "she met Mr. Wang Wei") -> None:
    data["itinerary"][0]["statements"] = [{"speaker": speaker, "text": "Hi.", "quotes": [quote]}]


@pytest.mark.parametrize("speaker", ["Ada Lovelace", "Wang Wei", "wang-wei", "Mr. Wang", "She"])
def test_speakers_that_resolve(data: dict[str, Any], speaker: str) -> None:
    # The lead, a counterpart of the event by name or id, or a group (here a person)
    # that the statement's quotes name, whatever the case of its first letter.
    data["counterparts"][0]["aliases"] = ["Mr. Wang"]
    said(data, speaker)
    assert findings(data) == []


def test_a_speaker_who_is_not_in_the_briefing(data: dict[str, Any]) -> None:
    said(data, "Wang Wie")
    [finding] = findings(data)
    assert finding.loc == ("itinerary", 0, "statements", 0, "speaker")
    assert finding.message == (
        "speaker 'Wang Wie' is not a person of this briefing (the delegation's lead or "
        "members, or a counterpart), nor words of the statement's quotes "
        "(did you mean 'Wang Wei'?)"
    )


def test_a_delegation_member_speaks(data: dict[str, Any]) -> None:
    said(data, "Grace Hopper")
    assert len(findings(data)) == 1
    data["delegation"]["members"] = [{"name": "Grace Hopper", "quotes": ["Ada Lovelace"]}]
    assert findings(data) == []


def test_a_counterpart_who_was_not_at_the_event(data: dict[str, Any]) -> None:
    data["itinerary"][0]["counterparts"] = []
    said(data, "Wang Wei")
    [finding] = findings(data)
    assert finding.loc == ("itinerary", 0, "statements", 0, "speaker")
    assert "'Wang Wei' is not among this event's counterparts (add 'wang-wei'" in finding.message


# --- dates -------------------------------------------------------------------------


def dated(data: dict[str, Any], **date: Any) -> None:
    data["dates"] = {"as_stated": "On Monday", **date}


def test_as_stated_must_be_in_the_source(data: dict[str, Any]) -> None:
    dated(data, as_stated="On  Tuesday")
    data["itinerary"][0]["date"] = {"as_stated": "On\n  Monday"}  # whitespace aside
    [finding] = findings(data)
    assert finding.loc == ("dates", "as_stated")
    assert finding.message.startswith(
        "as_stated not found in the source text; did you mean 'On Monday' (source line 2)?"
    )


@pytest.mark.parametrize(
    ("month", "day", "year", "message"),
    [
        (2, 30, None, "February has no day 30 (it has 29)"),
        (4, 31, None, "April has no day 31 (it has 30)"),
        (2, 29, 2023, "February 2023 has no day 29 (it has 28)"),
    ],
)
def test_days_that_do_not_exist(
    data: dict[str, Any], month: int, day: int, year: int | None, message: str
) -> None:
    source = SourceText(MINIMAL_SOURCE + "It was 2023.\n")
    dated(data, start={"month": month, "day": day}, **({"year": year} if year else {}))
    [finding] = findings(data, source)
    assert (finding.loc, finding.message) == (("dates", "start", "day"), message)


@pytest.mark.parametrize(("month", "day"), [(2, 29), (1, 31), (12, 31), (6, 30)])
def test_days_that_exist_in_some_year(data: dict[str, Any], month: int, day: int) -> None:
    dated(data, start={"month": month, "day": day})
    assert findings(data) == []


def test_an_event_date_is_checked_too(data: dict[str, Any]) -> None:
    data["itinerary"][0]["date"] = {"as_stated": "On Monday", "end": {"month": 11, "day": 31}}
    assert [(f.loc, f.message) for f in findings(data)] == [
        (("itinerary", 0, "date", "end", "day"), "November has no day 31 (it has 30)"),
        (("itinerary", 0, "date", "end"), "an end without a start: a single day is 'start'"),
    ]


def test_a_range_that_ends_before_it_starts(data: dict[str, Any]) -> None:
    dated(data, start={"month": 11, "day": 18}, end={"month": 11, "day": 16})
    [finding] = findings(data)
    assert finding.loc == ("dates", "end")
    assert finding.message == "ends (16 November) before it starts (18 November)"
    dated(data, start={"month": 11, "day": 16}, end={"month": 11, "day": 16})
    assert findings(data) == []


@pytest.mark.parametrize(
    ("text", "rule"),
    [("", "the source states no year"), ("In 2019 and 1999.", "it states only 1999, 2019")],
)
def test_a_year_the_source_does_not_state(data: dict[str, Any], text: str, rule: str) -> None:
    source = SourceText(MINIMAL_SOURCE + text)
    dated(data, year=2020)
    [finding] = findings(data, source)
    assert finding.loc == ("dates", "year")
    assert finding.message == (
        f"2020 is not in the source text ({rule}); a year is given only when the source states it"
    )


@pytest.mark.parametrize("text", ["In 2020.", "Paris, 2020-11-16", "(2020)"])
def test_a_year_the_source_states(data: dict[str, Any], text: str) -> None:
    dated(data, year=2020)
    assert findings(data, SourceText(MINIMAL_SOURCE + text)) == []
    # Not as part of a longer number.
    assert len(findings(data, SourceText(MINIMAL_SOURCE + "20201 people"))) == 1


def test_date_findings_are_placed_in_the_file(write_briefing: WriteBriefing) -> None:
    text = MINIMAL_YAML.replace(
        "  as_stated: On Monday\n",
        "  as_stated: On Monday\n  year: 2024\n  start: {month: 2, day: 30}\n",
    )
    path: Path = write_briefing(text)
    with pytest.raises(BriefingError) as caught:
        load_briefing(path)
    found = [(p.line, p.column, p.message) for p in caught.value.problems]
    assert found == [
        (
            *position(text, "2024"),
            "dates.year: 2024 is not in the source text (the source states no year); "
            "a year is given only when the source states it",
        ),
        (*position(text, "30}"), "dates.start.day: February 2024 has no day 30 (it has 29)"),
    ]
