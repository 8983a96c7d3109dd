"""Whole-briefing checks: references resolve, ids are unique, quotes are in the source
(whitespace aside), and `inferred` names real fields. Each finding carries the location
of the offending value; the loader tests check that it becomes the right line."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import MINIMAL_SOURCE, MINIMAL_YAML, WriteBriefing, position

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
    "quote",
    [
        "Mr. Wang Wie",  # a letter changed
        "mr. wang wei",  # case matters
        "Mr.Wang Wei",  # a space is not optional
        "Mr. Wang Wei of the Acme Bank",  # a word added
        "Ada Lovelace led a delegation to Paris!",  # punctuation
    ],
)
def test_a_quote_that_differs_from_the_source(data: dict[str, Any], quote: str) -> None:
    data["themes"][0]["quotes"].append(quote)
    [finding] = findings(data)
    assert finding.loc == ("themes", 0, "quotes", 1)
    assert finding.message == "quote not found in the source text"


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
        "themes[0].quotes[0]: quote not found in the source text",
    ) in found
    assert len(found) == 2
