"""What a named person is reported as saying becomes a statement of the event it was said
at, in the article's own words."""

from __future__ import annotations

from typing import Any

import pytest
from drafting_helpers import drafted


def _statements(briefing: dict[str, Any]) -> list[tuple[str, str]]:
    return [
        (s["speaker"], s["text"]) for e in briefing["itinerary"] for s in e.get("statements", [])
    ]


@pytest.mark.parametrize(
    ("said", "text"),
    [
        ("Berg said that Ulm hopes to trade more.", "Ulm hopes to trade more"),
        ("Berg said Ulm hopes to trade more.", "Ulm hopes to trade more"),
        ("Hans Berg, Mayor of Ulm, noted that the port is busy.", "the port is busy"),
        ("Berg hoped to expand exchanges in tourism.", "hoped to expand exchanges in tourism"),
    ],
)
def test_a_speaker_and_their_words(said: str, text: str) -> None:
    briefing = drafted(f"Mayor Wu Hong met Mr. Hans Berg, Mayor of Ulm, on May 2. {said}")
    assert _statements(briefing) == [("Hans Berg", text)]
    (meeting,) = briefing["itinerary"]
    (statement,) = meeting["statements"]
    assert text in statement["quotes"][0]


def test_the_city_s_own_lead_is_a_speaker_too() -> None:
    briefing = drafted(
        "Mayor Wu Hong met Mr. Hans Berg, Mayor of Ulm. Wu Hong said both cities gain."
    )
    assert _statements(briefing) == [("Wu Hong", "both cities gain")]


def test_words_said_in_a_later_paragraph_go_to_the_event_before_and_say_so() -> None:
    briefing = drafted(
        "Mayor Wu Hong met Mr. Hans Berg, Mayor of Ulm, on May 2.\n\n"
        "Wu Hong said the two cities share a long history."
    )
    (meeting,) = briefing["itinerary"]
    assert [s["speaker"] for s in meeting["statements"]] == ["Wu Hong"]
    assert "statements" in meeting["inferred"]


@pytest.mark.parametrize(
    "body",
    [
        "Mayor Wu Hong met Mr. Hans Berg, Mayor of Ulm. Berg said yes.",
        "Mayor Wu Hong said the city is open.",  # no event to have said it at
    ],
)
def test_no_statement_without_a_named_speaker_words_and_an_event(body: str) -> None:
    assert _statements(drafted(body)) == []
