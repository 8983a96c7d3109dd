"""Patterns of the dates the tuning articles t104-t133 give and the drafts missed, in
other words than theirs."""

from __future__ import annotations

import pytest
from drafting_helpers import drafted


@pytest.mark.parametrize(
    "dateline",
    ["ODENSE, Denmark, Nov. 3 (Xinhua) --", "PUERTO MONTT, Chile, Nov. 3, 2025 (Xinhua) --"],
)
def test_a_dateline_with_its_country_is_the_report_s_date(dateline: str) -> None:
    briefing = drafted(
        f"{dateline} A delegation from Ganzhou wrapped up a two-day visit here on Monday. "
        "Ganzhou Mayor Li Qiang met Mayor Anna Holm."
    )
    assert briefing["reported"]["as_stated"] == dateline.split(", ", 2)[2].split(" (")[0]
    assert briefing["dates"]["as_stated"] == "on Monday"


def test_a_page_updated_on_a_day_was_reported_that_day() -> None:
    briefing = drafted(
        "By Wu Lan in Ganzhou | Ganzhou Daily | Updated: 2025-11-03\n\n"
        "A delegation from Odense ended a visit to Ganzhou on Monday. "
        "Ganzhou Mayor Li Qiang met Mayor Anna Holm of Odense."
    )
    assert briefing["reported"]["as_stated"] == "2025-11-03"
    assert briefing["dates"]["as_stated"] == "on Monday"


def test_the_day_an_office_said_it_is_the_report_s_date() -> None:
    briefing = drafted(
        "By Wu Lan | Ganzhou Daily\n\nA delegation from Ganzhou has come home with six "
        "agreements from a visit to Chile from Nov 2 to 6, the city's commerce bureau said "
        "on Saturday. "
        "Ganzhou Mayor Li Qiang met Mayor Anna Holm of Valdivia."
    )
    assert briefing["reported"]["as_stated"] == "on Saturday"
    assert briefing["dates"]["as_stated"] == "from Nov 2 to 6"


def test_a_day_someone_said_something_on_is_not_the_report_s() -> None:
    briefing = drafted(
        "Ganzhou Mayor Li Qiang met Mayor Anna Holm of Valdivia, who said on Saturday that "
        "trade would grow."
    )
    assert "reported" not in briefing
