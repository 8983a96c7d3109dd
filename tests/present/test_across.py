"""Entity pages across visits and the visits overview, on the hand-made archive."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import BUNDLED

from tui.index.archive import Archive, Kind, Ref
from tui.present.across import page_of
from tui.present.overview import filtered, rows_of, sorted_rows
from tui.reading.loader import load_paths

ARCHIVE = Path(__file__).resolve().parent.parent / "data" / "archive"
NANJING = "nanjing-france-study-visit"


@pytest.fixture(scope="module")
def archive() -> Archive:
    return Archive(load_paths([BUNDLED, ARCHIVE]).briefings)


def test_an_organization_across_visits_answers_have_we_met_allianz(archive: Archive) -> None:
    page = page_of(archive, Ref(Kind.organization, "munich-2024", "allianz"))
    visits = [a.briefing.briefing for a in page.appearances]
    # Dated visits newest first (2024, 2023), then the one whose year is not stated.
    assert visits == ["munich-2024", "stockholm-2023", NANJING]
    munich = page.appearances[0]
    assert munich.date == "On March 5" and munich.visit_date == "From March 4 to 6, 2024"
    assert munich.outcomes == [
        "A memorandum of understanding on green insurance cooperation was signed."
    ]
    assert page.appearances[2].date.endswith("(year not stated)")
    assert page.met == "First and last met cannot be said: 1 of 3 visits does not state a year."
    assert [link.reason for link in page.linked] == [
        "same name",
        "same name as an alias: “Allianz”",
    ]
    people = [archive.label(ref) for ref, _ in page.people]
    assert sorted(people) == ["Katrin Voss", "Lena Brandt", "Oberg"]
    # Met on two visits, listed once with both.
    (oberg,) = [visits for ref, visits in page.people if archive.label(ref) == "Oberg"]
    assert sorted(oberg) == sorted(archive.briefings[bid].title for bid in ("munich-2024", NANJING))


def test_first_and_last_met_when_every_visit_states_a_year(archive: Archive) -> None:
    smaller = Archive(
        load_paths(
            [
                ARCHIVE / "briefings" / "munich-2024.yaml",
                ARCHIVE / "briefings" / "stockholm-2023.yaml",
            ]
        ).briefings
    )
    page = page_of(smaller, Ref(Kind.organization, "stockholm-2023", "allianz"))
    assert page.met == (
        "First met In September 2023 (Nanjing Delegation Studies Green Development in "
        "Stockholm); last met From March 4 to 6, 2024 (Hua Lindong Leads Nanjing "
        "Delegation to Munich)."
    )


def test_a_theme_lists_every_visit_it_came_up_in(archive: Archive) -> None:
    page = page_of(archive, Ref(Kind.theme, "lyon-trade", "automotive-parts"))
    assert {a.briefing.briefing for a in page.appearances} == {NANJING, "munich-2024", "lyon-trade"}
    assert page.appearances[0].briefing.briefing == "munich-2024"  # the only one with a year
    # A theme comes up; it is not met.
    assert (
        page.met
        == "When it first and last came up cannot be said: 2 of 3 visits do not state a year."
    )


def test_a_person_page_keeps_namesakes_apart(archive: Archive) -> None:
    page = page_of(archive, Ref(Kind.counterpart, NANJING, "oberg"))
    assert {a.briefing.briefing for a in page.appearances} == {NANJING, "munich-2024"}
    assert [(link.ref.briefing, link.reason) for link in page.namesakes] == [
        ("lyon-trade", "same name, another organization (Rhône Logistics)")
    ]


def test_relations_both_ways_on_the_page(archive: Archive) -> None:
    page = page_of(archive, Ref(Kind.organization, NANJING, "bank-of-nanjing"))
    assert page.relations == ["BNP Paribas strategic partner of Bank of Nanjing"]


def test_overview_rows_filter_and_sort(archive: Archive) -> None:
    rows = rows_of(archive, stale={"lyon-trade"})
    by_id = {row.ref.briefing: row for row in rows}
    assert by_id["munich-2024"].people == 3 and by_id["munich-2024"].events == 2
    assert by_id["lyon-trade"].stale and not by_id["munich-2024"].stale
    assert by_id["lyon-trade"].dates == "On June 12 and 13 (year not stated)"
    assert {row.ref.briefing for row in filtered(rows, "france")} == {NANJING, "lyon-trade"}
    assert {row.ref.briefing for row in filtered(rows, "allianz")} == {
        NANJING,
        "munich-2024",
        "stockholm-2023",
    }
    assert [row.ref.briefing for row in filtered(rows, "germany automotive")] == ["munich-2024"]
    assert [row.ref.briefing for row in filtered(rows, "rhone")] == ["lyon-trade"]
    newest = [row.ref.briefing for row in sorted_rows(rows, "dates", descending=True)]
    assert newest[:2] == ["munich-2024", "stockholm-2023"]  # then those with no year
    assert [row.people for row in sorted_rows(rows, "people")] == sorted(r.people for r in rows)


def test_overview_says_which_visits_are_drafts_and_which_are_stale(archive: Archive) -> None:
    # lyon-trade has two entries drafted, two reviewed; the others carry no review.
    by_id = {row.ref.briefing: row for row in rows_of(archive, stale={"munich-2024"})}
    assert (by_id["lyon-trade"].drafted, by_id["lyon-trade"].state) == (2, "2 to review")
    assert by_id["munich-2024"].state == "stale"
    assert by_id[NANJING].state == "" and by_id[NANJING].drafted == 0
    rows = list(by_id.values())
    assert [row.ref.briefing for row in filtered(rows, "to review")] == ["lyon-trade"]
    assert [row.ref.briefing for row in filtered(rows, "stale")] == ["munich-2024"]
    assert [row.ref.briefing for row in filtered(rows, "draft")] == ["lyon-trade"]
    assert sorted_rows(rows, "state", descending=True)[0].ref.briefing == "lyon-trade"


def test_state_of_a_reviewed_draft_and_a_stale_draft() -> None:
    from tui.present.overview import state_of

    assert state_of(0, 12, stale=False) == "reviewed"
    assert state_of(3, 12, stale=True) == "3 to review, stale"
    assert state_of(1_200, 1_500, stale=False) == "1,200 to review"
    assert state_of(0, 0, stale=False) == ""
