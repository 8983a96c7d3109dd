"""Drafting any text never raises and never quotes what the text does not say."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.drafting.draft import draft
from tui.format.model import Briefing
from tui.reading.checks import check, iter_sourced
from tui.reading.quotes import SourceText

WORDS = [
    "Mayor",
    "Mr.",
    "Ms.",
    "Dr.",
    "Vice",
    "President",
    "of",
    "the",
    "Group",
    "Bank",
    "delegation",
    "led",
    "by",
    "met",
    "with",
    "visited",
    "cooperation",
    "in",
    "and",
    ",",
    ".",
    "(",
    ")",
    "'s",
    "On",
    "From",
    "March",
    "14",
    "to",
    "17",
    "2024",
    "Wuhan",
    "Li",
    "Wei",
    "Ferraro",
    "said",
    "signed",
    "forum",
    "Conference",
    "yesterday",
    "Embassy",
    "France",
    "such",
    "as",
    "etc.",
    "--",
    "é",
    # The words of the later rules: legal forms, sides, pronouns, relations, initials.
    "Co.,",
    "Ltd.",
    "PT",
    "Industrial",
    "Park",
    "Province",
    "Governor",
    "He",
    "She",
    "his",
    "were",
    "received",
    "partner",
    "subsidiary",
    "(ABC)",
    "ABC",
    "R.",
    "member",
    "its",
    "Head",
    "Hon.",
    "H.E.",
    "last",
    "week",
    "experience",
    "held",
    "vice-rector",
    "Secretary",
    "Office",
    "present",
    "\n",
    "\n\n",
    "  ",
]
article_like = st.lists(st.sampled_from(WORDS), min_size=1, max_size=80).map(" ".join)
any_text = st.text(min_size=1, max_size=400)


def _assert_sound(text: str) -> None:
    if not text.strip():
        return
    data = draft(text)
    briefing = Briefing.model_validate(data)
    source = SourceText(text)
    assert check(briefing, source) == []
    for _, item in iter_sourced(briefing):
        for quote in item.quotes:
            assert source.contains(quote), quote


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(article_like)
def test_article_like_text(text: str) -> None:
    _assert_sound("A Title\n" + text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_any_text(text: str) -> None:
    _assert_sound(text)
