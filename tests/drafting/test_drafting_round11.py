"""Patterns of the tuning articles t68-t73 (first written as the blind held-out h37-h42)
and of what t62-t67 still missed, in other words than theirs."""

from __future__ import annotations

from typing import Any

from drafting_helpers import drafted, names, person


def everyone(briefing: dict[str, Any]) -> list[str]:
    lead = briefing["delegation"]["lead"]
    people = [*briefing["counterparts"], *briefing["delegation"]["members"]]
    return sorted(names(people + ([lead] if lead else [])))


def test_malay_forms_of_address_in_twos_are_no_part_of_the_name() -> None:
    briefing = drafted(
        "A delegation led by Mayor Zhang Wei visited Penang. Tan Sri Lim Boon Keat, "
        "chairman of Pulau Maju Berhad, said the port would grow. Datuk Seri Aminah "
        "Yusof, president of the Penang Chamber of Commerce, said so too. Tan Mei Ling, "
        "director of Kedah Steel Sdn Bhd, said orders had doubled."
    )
    assert everyone(briefing) == ["Aminah Yusof", "Lim Boon Keat", "Tan Mei Ling", "Zhang Wei"]
    assert person(briefing, "Lim Boon Keat")["title"] == "chairman of Pulau Maju Berhad"


def test_an_indonesian_form_of_address_with_the_given_name_is_the_same_person() -> None:
    briefing = drafted(
        "A delegation led by Mayor Zhang Wei visited Surabaya. Bapak Agus Salim Harahap, "
        "Deputy Governor of East Java, met the delegation. Pak Agus said the province "
        "welcomed investors. Dewi Anggraini Lubis, director of PT Sinar Baja Tbk, spoke "
        "next. Ibu Dewi said her company wanted partners."
    )
    assert everyone(briefing) == ["Agus Salim Harahap", "Dewi Anggraini Lubis", "Zhang Wei"]
    assert person(briefing, "Agus Salim Harahap")["title"] == "Deputy Governor of East Java"
    assert person(briefing, "Dewi Anggraini Lubis")["aliases"] == ["Dewi"]
    assert "Pak Agus said" in " ".join(person(briefing, "Agus Salim Harahap")["quotes"])
