"""The briefing format's shapes (tui.format.model), on their own, without files."""

from __future__ import annotations

import copy
from typing import Any

import pytest
import yaml
from conftest import BUNDLED, MINIMAL_YAML
from pydantic import ValidationError

from tui.format.model import (
    FORMAT_VERSION,
    Briefing,
    Counterpart,
    EventKind,
    MonthDay,
    OrganizationKind,
    StatedDate,
)


@pytest.fixture
def data() -> dict[str, Any]:
    return copy.deepcopy(yaml.safe_load(MINIMAL_YAML))


def error_locations(data: dict[str, Any]) -> list[tuple[str | int, ...]]:
    with pytest.raises(ValidationError) as caught:
        Briefing.model_validate(data)
    return [tuple(error["loc"]) for error in caught.value.errors()]


def test_the_minimal_briefing_is_valid(data: dict[str, Any]) -> None:
    briefing = Briefing.model_validate(data)
    assert briefing.format == FORMAT_VERSION == 1
    counterpart = briefing.counterparts[0]
    assert (counterpart.aliases, counterpart.inferred, counterpart.title) == ([], {}, None)
    assert briefing.itinerary[0].kind is EventKind.meeting
    assert briefing.organizations[0].kind is OrganizationKind.other
    assert briefing.itinerary[0].date is None and briefing.places == []


def test_the_bundled_briefing_round_trips_through_json() -> None:
    briefing = Briefing.model_validate(yaml.safe_load(BUNDLED.read_text(encoding="utf-8")))
    assert Briefing.model_validate_json(briefing.model_dump_json()) == briefing
    assert Briefing.model_validate(briefing.model_dump(mode="json")) == briefing


def test_models_are_frozen(data: dict[str, Any]) -> None:
    briefing = Briefing.model_validate(data)
    with pytest.raises(ValidationError):
        briefing.title = "changed"  # type: ignore[misc]
    with pytest.raises(ValidationError):
        briefing.counterparts[0].name = "changed"  # type: ignore[misc]


def test_unknown_fields_are_refused_everywhere(data: dict[str, Any]) -> None:
    data["titel"] = "x"
    data["delegation"]["lead"]["rank"] = "x"
    data["itinerary"][0]["when"] = "x"
    assert set(error_locations(data)) == {
        ("titel",),
        ("delegation", "lead", "rank"),
        ("itinerary", 0, "when"),
    }


@pytest.mark.parametrize("good", ["a", "bnp-paribas", "2024-visit", "x" * 80])
def test_good_ids(data: dict[str, Any], good: str) -> None:
    data["id"] = good
    assert Briefing.model_validate(data).id == good


@pytest.mark.parametrize(
    "bad", ["", "-start", "Upper", "with space", "under_score", "é", "x" * 81, "a\n"]
)
def test_bad_ids(data: dict[str, Any], bad: str) -> None:
    data["themes"][0]["id"] = bad
    assert error_locations(data) == [("themes", 0, "id")]


def test_text_is_stripped_and_must_not_be_blank(data: dict[str, Any]) -> None:
    data["title"] = "  A title  "
    assert Briefing.model_validate(data).title == "A title"
    data["title"] = " \n "
    assert error_locations(data) == [("title",)]


def test_every_entry_needs_a_quote(data: dict[str, Any]) -> None:
    data["themes"][0]["quotes"] = []
    del data["organizations"][0]["quotes"]
    assert set(error_locations(data)) == {("themes", 0, "quotes"), ("organizations", 0, "quotes")}


def test_an_empty_quote_is_refused(data: dict[str, Any]) -> None:
    data["quotes"] = [""]
    assert error_locations(data) == [("quotes", 0)]


def test_the_format_version_is_checked(data: dict[str, Any]) -> None:
    data["format"] = 2
    assert error_locations(data) == [("format",)]
    del data["format"]
    assert error_locations(data) == [("format",)]


@pytest.mark.parametrize(
    ("date", "valid"),
    [
        ({"as_stated": "November 16 to 18"}, True),
        ({"as_stated": "16 November 2024", "year": 2024, "start": {"month": 11, "day": 16}}, True),
        ({"as_stated": "x", "year": 999}, False),
        ({"as_stated": "x", "year": 10000}, False),
        ({"as_stated": "x", "start": {"month": 0, "day": 1}}, False),
        ({"as_stated": "x", "start": {"month": 1, "day": 32}}, False),
        ({"as_stated": "x", "start": {"month": 1}}, False),
        ({"as_stated": ""}, False),
        ({"year": 2024}, False),
    ],
)
def test_stated_dates(date: dict[str, Any], valid: bool) -> None:
    if valid:
        assert StatedDate.model_validate(date).as_stated == date["as_stated"]
    else:
        with pytest.raises(ValidationError):
            StatedDate.model_validate(date)


def test_month_day_bounds() -> None:
    assert MonthDay(month=12, day=31) == MonthDay.model_validate({"month": 12, "day": 31})
    with pytest.raises(ValidationError):
        MonthDay(month=13, day=1)


@pytest.mark.parametrize("kind", [kind.value for kind in EventKind])
def test_event_kinds(data: dict[str, Any], kind: str) -> None:
    data["itinerary"][0]["kind"] = kind
    assert Briefing.model_validate(data).itinerary[0].kind.value == kind


def test_organization_kinds_are_written_with_hyphens(data: dict[str, Any]) -> None:
    data["organizations"][0]["kind"] = "diplomatic-mission"
    briefing = Briefing.model_validate(data)
    assert briefing.organizations[0].kind is OrganizationKind.diplomatic_mission
    data["organizations"][0]["kind"] = "diplomatic_mission"
    assert error_locations(data) == [("organizations", 0, "kind")]


def test_inferred_maps_field_names_to_reasons(data: dict[str, Any]) -> None:
    data["counterparts"][0]["inferred"] = {"organization": "  From the context.  "}
    counterpart = Briefing.model_validate(data).counterparts[0]
    assert counterpart.inferred == {"organization": "From the context."}
    data["counterparts"][0]["inferred"] = {"organization": ""}
    assert error_locations(data) == [("counterparts", 0, "inferred", "organization")]


def test_a_counterpart_needs_only_an_id_a_name_and_a_quote() -> None:
    counterpart = Counterpart(id="x", name="X", quotes=["X"])
    assert counterpart.organization is None and counterpart.original_script is None
    with pytest.raises(ValidationError):
        Counterpart.model_validate({"id": "x", "quotes": ["X"]})
