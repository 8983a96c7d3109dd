"""Drafting a short text and looking up what came out."""

from __future__ import annotations

from typing import Any

from tui.drafting.draft import draft


def drafted(body: str, title: str = "A Visit") -> dict[str, Any]:
    return draft(f"{title}\n\n{body}\n")


def person(briefing: dict[str, Any], name: str) -> dict[str, Any]:
    people = [*briefing["counterparts"], *briefing["delegation"]["members"]]
    people.append(briefing["delegation"]["lead"])
    found = [p for p in people if p["name"] == name]
    assert found, f"{name} not among {[p['name'] for p in people]}"
    return found[0]


def names(items: list[dict[str, Any]]) -> list[str]:
    return [item["name"] for item in items]


def everyone(briefing: dict[str, Any]) -> list[str]:
    """Every person drafted, the lead and members included, by name."""
    lead = briefing["delegation"]["lead"]
    people = [*briefing["counterparts"], *briefing["delegation"]["members"]]
    return sorted(names(people + ([lead] if lead else [])))


def themes(body: str) -> list[str]:
    """The themes drafted from a short text, by name."""
    return names(drafted(body).get("themes", []))


def organizations(body: str) -> list[str]:
    return names(drafted(body).get("organizations", []))


def event_dates(briefing: dict[str, Any]) -> dict[str, str | None]:
    """Each event's title and its date as stated."""
    return {e["title"]: (e.get("date") or {}).get("as_stated") for e in briefing["itinerary"]}
