"""Patterns of the tuning articles t62-t67 (first written as the blind held-out h31-h36),
in other words than theirs."""

from __future__ import annotations

from typing import Any

from drafting_helpers import drafted, everyone, names, person

from tui.drafting.dates import find_dates
from tui.drafting.sentences import read_article


def test_an_owners_lower_case_office_between_commas_is_the_next_names_title() -> None:
    briefing = drafted(
        "A delegation led by Mayor Zhang Wei visited Lyon. Lumière Optique's chief "
        "executive, Paul Morel, said orders had doubled. The bank's deputy governor, "
        "Claire Dubois, said the city would help. Rhône's regional prefect for economic "
        "affairs, Marc Lefort."
    )
    assert everyone(briefing) == ["Claire Dubois", "Marc Lefort", "Paul Morel", "Zhang Wei"]
    assert person(briefing, "Paul Morel")["title"] == "chief executive"
    assert person(briefing, "Claire Dubois")["title"] == "deputy governor"
    assert person(briefing, "Marc Lefort")["title"] == "regional prefect for economic affairs"


def test_a_delegation_headed_by_a_citys_lower_case_office_and_a_name_has_that_lead() -> None:
    briefing = drafted(
        "Headed by Nanjing's vice mayor, Liu Peng, the 20-member group visited Lyon. "
        "Paul Morel, chairman of Lumière Optique SA, said orders had doubled."
    )
    lead = briefing["delegation"]["lead"]
    assert (lead["name"], lead["title"]) == ("Liu Peng", "vice mayor")


def test_a_body_after_a_comma_inside_brackets_is_the_persons_organization() -> None:
    briefing = drafted(
        "A delegation led by Mayor Zhang Wei visited Lyon. Paul Morel (head of sales, "
        "Lumière Optique SA) said orders had doubled."
    )
    morel = person(briefing, "Paul Morel")
    assert morel["title"] == "head of sales"
    assert morel["organization"] == "lumiere-optique-sa"


def test_who_travels_with_the_delegation_is_a_member_and_only_the_last_of_a_row() -> None:
    briefing = drafted(
        "A delegation led by Mayor Zhang Wei visited Lyon. Vice Mayor Wu Lan and Chen Bo, "
        "director of the Nanjing Municipal Bureau of Commerce, are travelling with the "
        "delegation. The deal was signed by Paul Morel, chairman of Lumière Optique SA, "
        "and Gao Yu, chairman of Nanjing Optics Co., Ltd., who travelled with the group."
    )
    members = names(briefing["delegation"]["members"])
    assert sorted(members) == ["Chen Bo", "Gao Yu", "Wu Lan"]
    assert "Paul Morel" in names(briefing["counterparts"])


def themes(briefing: dict[str, Any]) -> list[str]:
    return names(briefing["themes"])


def test_deals_signed_covering_fields_list_them_and_a_serial_commas_last_item_is_whole() -> None:
    briefing = drafted(
        "Mayor Zhang Wei visited Lyon. Nine projects worth 1.2 billion yuan were signed, "
        "covering robotics, precision optics, and testing and certification."
    )
    assert themes(briefing) == ["robotics", "precision optics", "testing and certification"]


def test_joining_hands_to_upgrade_fields_lists_them() -> None:
    briefing = drafted(
        "Mayor Zhang Wei visited Lyon. The prefect said Lyon is ready to join hands with "
        "Nanjing to upgrade river shipping, smart grids and wine tourism."
    )
    assert themes(briefing) == ["river shipping", "smart grids", "wine tourism"]


def test_who_said_so_after_a_list_is_no_field() -> None:
    briefing = drafted(
        "Mayor Zhang Wei visited Lyon. Talks will focus on wine exports, river shipping "
        "and green hydrogen, French officials said."
    )
    assert themes(briefing) == ["wine exports", "river shipping", "green hydrogen"]


def test_where_exports_go_stays_in_the_field() -> None:
    briefing = drafted(
        "Mayor Zhang Wei visited Lyon. Talks concentrated on three areas: optics, river "
        "shipping and cheese exports to China. Both sides agreed to work in tourism to "
        "attract visitors."
    )
    assert themes(briefing) == ["optics", "river shipping", "cheese exports to China", "tourism"]


def test_everything_from_one_field_to_others_lists_them_all() -> None:
    briefing = drafted(
        "Mayor Zhang Wei visited Lyon. Morel said Lyon saw room for cooperation in "
        "everything from river shipping to precision optics and wine tourism."
    )
    assert themes(briefing) == ["river shipping", "precision optics", "wine tourism"]


def test_bullets_after_a_line_that_announces_areas_are_one_field_each() -> None:
    briefing = drafted(
        "Mayor Zhang Wei visited Lyon. Morel said the two cities could work together in "
        "three areas:\n\n- silk and textile design\n- river cruises\n- wine tourism\n\n"
        "Deals signed:\n\n- a plant for Lyon Optique SA in Nanjing"
    )
    assert themes(briefing) == ["silk and textile design", "river cruises", "wine tourism"]


def stated(text: str) -> list[tuple[str, int | None, tuple[int, int] | None]]:
    article = read_article(f"A Visit\n\n{text}\n")
    return [(d.as_stated, d.year, d.first) for d in find_dates(article)]


def test_a_weekday_and_its_comma_before_a_date_are_part_of_the_date_as_stated() -> None:
    assert stated("On Friday, 9 June 2028, the guests arrived in Lyon.") == [
        ("On Friday, 9 June 2028", 2028, (6, 9))
    ]
    assert stated("The talks opened on Sunday, April 2.") == [("on Sunday, April 2", None, (4, 2))]


def test_the_part_of_a_day_named_only_by_reference_stays_words() -> None:
    assert stated("On the evening of the same day, the two mayors dined together.") == [
        ("On the evening of the same day", None, None)
    ]
    assert stated("The forum opened on the afternoon of the 3rd.") == [
        ("on the afternoon of the 3rd", None, None)
    ]
    assert stated("Earlier on Friday, the guests toured the port.") == [
        ("Earlier on Friday", None, None)
    ]
