"""Patterns of the tuning articles t104-t109 (first written as the blind held-out h73-h78),
in other words than theirs."""

from __future__ import annotations

from drafting_helpers import drafted, names, person, themes


def test_a_lord_mayor_of_port_louis_is_one_person() -> None:
    briefing = drafted(
        "A delegation from Port Moresby, headed by the Governor of Port Moresby, Mr. Kila Vele, "
        "arrived in Taizhou. Mr. Ma Lin, Mayor of Taizhou, met with Governor Vele and his party."
    )
    assert briefing["direction"] == "incoming"
    assert briefing["delegation"]["lead"]["name"] == "Ma Lin"
    assert "Moresby" not in names(briefing["counterparts"])
    assert person(briefing, "Kila Vele")["title"] == "Governor of Port Moresby"


def test_led_by_at_the_start_of_a_sentence_and_a_delegation_from_nowhere_named() -> None:
    briefing = drafted(
        "A delegation of the Taizhou Municipal People's Government has wrapped up a visit to "
        "Finland. Headed by Vice Mayor Ma Lin, the delegation travelled to Rovaniemi. In "
        "Rovaniemi, Ma was received by Mayor Aino Kallio."
    )
    assert briefing["direction"] == "outgoing"
    assert briefing["delegation"]["lead"]["name"] == "Ma Lin"
    assert "Aino Kallio" in names(briefing["counterparts"])


def test_the_staff_who_show_the_visitors_round_are_titled() -> None:
    briefing = drafted(
        "Mayor Ma Lin visited Rovaniemi Heat Oy. Project engineer Eero Lind showed the visitors "
        "a boiler, and senior process engineer Aila Niemi explained it. Mayor Ma also met "
        "Sami Koski, curator of the Arctic Museum, and Juha Salo, a researcher at the University "
        "of Lapland. Master craftsman Lauri Aho carved a bowl."
    )
    assert person(briefing, "Eero Lind")["title"] == "Project engineer"
    assert person(briefing, "Sami Koski")["title"] == "curator of the Arctic Museum"
    assert person(briefing, "Lauri Aho")["title"] == "Master craftsman"
    assert "Juha Salo" in names(briefing["counterparts"])


def test_a_surname_two_people_share_is_no_one_new() -> None:
    briefing = drafted(
        "A delegation led by Ma Lin, Mayor of Taizhou, visited Oulu. Ma Jun, director of the "
        "Taizhou Foreign Affairs Office, was in the delegation. Mayor Ma met the Oulu council. "
        "Ma said the visit was a success."
    )
    everyone = [briefing["delegation"]["lead"], *briefing["delegation"]["members"]]
    everyone += briefing["counterparts"]
    assert sorted(p["name"] for p in everyone) == ["Ma Jun", "Ma Lin"]
    assert "Mayor Ma met the Oulu council." in person(briefing, "Ma Lin")["quotes"]


def test_fields_given_priority_a_hub_for_and_plans_for() -> None:
    found = themes(
        "Ma said the two sides should give priority to wind power, forestry and the circular "
        "economy. Oulu had become a hub for mobile networks and medical devices. The guests "
        "learned about its plans for hydrogen steel and data centres."
    )
    assert {
        "wind power",
        "forestry",
        "circular economy",
        "mobile networks",
        "medical devices",
        "hydrogen steel",
        "data centres",
    } <= set(found)


def test_fields_in_numbered_parts() -> None:
    found = themes(
        "Ma proposed cooperation in three areas: first, forestry and paper; second, gaming, "
        "music and film; and third, winter sports."
    )
    assert {"forestry", "paper", "gaming", "music", "film", "winter sports"} <= set(found)
    assert "first" not in found


def test_training_for_a_trade_s_workers_keeps_the_trade() -> None:
    found = themes(
        "Ma proposed that the two cities cooperate on reindeer tourism, vocational training for "
        "sawmill workers and the protection of wooden churches. Oulu offered cooperation in "
        "technical training for young workers."
    )
    assert {
        "reindeer tourism",
        "vocational training for sawmill workers",
        "protection of wooden churches",
        "technical training",
    } <= set(found)


def test_leaving_one_city_for_another_and_leaving_for_home_are_legs_with_dates() -> None:
    briefing = drafted(
        "A delegation led by Mayor Ma Lin visited Oulu University on May 3. The delegation left "
        "Oulu for Tampere that evening. The group is due to leave for home on Sunday."
    )
    legs = {e["title"]: (e.get("date") or {}).get("as_stated") for e in briefing["itinerary"]}
    assert legs["Travel to Tampere"] == "that evening"
    assert legs["Return home"] == "on Sunday"
    assert "Tampere" in briefing["places"]


def test_the_office_not_the_academic_rank() -> None:
    briefing = drafted(
        "Mayor Ma Lin visited Oulu University. Its rector, Professor Jari Niemi, welcomed him. "
        "Vice President Professor Aino Lahti showed him the library."
    )
    assert person(briefing, "Jari Niemi")["title"] == "rector"
    assert person(briefing, "Aino Lahti")["title"] == "Vice President"
    assert person(drafted("Mayor Ma Lin met Professor Jari Niemi."), "Jari Niemi")["title"] == (
        "Professor"
    )


def test_what_someone_works_at_ends_their_title_whatever_its_words() -> None:
    briefing = drafted(
        "Mayor Ma Lin met Eero Lind, head of export projects at Business Oulu Region, and "
        "Aila Niemi, director for Greater China at Lapland Ventures, who spoke."
    )
    assert (
        person(briefing, "Eero Lind")["title"] == "head of export projects at Business Oulu Region"
    )
    assert (
        person(briefing, "Aila Niemi")["title"] == "director for Greater China at Lapland Ventures"
    )
