"""Patterns of the tuning articles t68-t73 (first written as the blind held-out h37-h42)
and of what t62-t67 still missed, in other words than theirs."""

from __future__ import annotations

from drafting_helpers import drafted, everyone, names, person

from tui.drafting.dates import find_dates
from tui.drafting.sentences import read_article


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


def themes_of(body: str) -> list[str]:
    return names(drafted("A delegation led by Mayor Zhang Wei visited Lyon. " + body)["themes"])


def test_fields_after_cooperated_for_years_in_end_at_a_clause_of_its_own() -> None:
    assert themes_of(
        "Zhang said the cities have cooperated for years in river shipping, "
        "food safety and nursing, and that many firms had plants in both."
    ) == ["river shipping", "food safety", "nursing"]


def test_fields_cooperation_is_to_reach_and_that_give_momentum() -> None:
    assert themes_of(
        "Zhang hoped to expand cooperation into silk weaving and film production. "
        "Morel said the exhibition gave new momentum for textile design."
    ) == ["silk weaving", "film production", "textile design"]


def test_fields_of_shared_data_and_of_a_joint_body_or_study() -> None:
    assert themes_of(
        "The two ports would begin by sharing data on tide forecasting and dredging. "
        "Morel proposed a joint laboratory with a Lyon university for battery recycling. "
        "Doctors of both cities discussed a joint study on hearing loss."
    ) == ["tide forecasting", "dredging", "battery recycling", "hearing loss"]


def test_fields_an_agreement_is_on_but_not_friendly_exchanges_or_a_thing_named() -> None:
    assert themes_of(
        "The universities signed an agreement on joint glacier research, signed on "
        "behalf of Lyon by its rector. The cities signed a memorandum on friendly "
        "exchanges. A framework agreement on a new ferry service was signed. The ports "
        "signed an MoU on building a cold-chain hub, in which Lyon Froid will invest."
    ) == ["glacier research", "cold-chain hub"]


def test_a_list_of_fields_before_were_other_areas() -> None:
    assert themes_of(
        "Morel said cheese and cider were other areas where she wanted trade to grow."
    ) == ["cheese", "cider"]


def organizations_of(body: str) -> list[str]:
    briefing = drafted("A delegation led by Mayor Zhang Wei arrived in Medan. " + body)
    return names(briefing["organizations"])


def test_indonesian_and_malay_university_heads_come_first() -> None:
    briefing = drafted(
        "A delegation led by Mayor Zhang Wei arrived in Medan. The delegation toured "
        "Universitas Sumatera Utara. Dr. Sari Lubis, Dean of the Faculty of Law at "
        "Universitas Sumatera Utara, said so. Universiti Malaya and Politeknik Negeri "
        "Medan will train students."
    )
    assert names(briefing["organizations"]) == [
        "Universitas Sumatera Utara",
        "Universiti Malaya",
        "Politeknik Negeri Medan",
    ]
    lubis = person(briefing, "Sari Lubis")
    assert lubis["title"] == "Dean of the Faculty of Law at Universitas Sumatera Utara"
    assert lubis["organization"] == "universitas-sumatera-utara"


def test_a_consulate_general_keeps_its_seat() -> None:
    assert organizations_of(
        "The forum was organised by the Brazilian Consulate-General in Shanghai."
    ) == ["Brazilian Consulate-General in Shanghai"]


def test_a_college_of_two_fields_named_before_another_body() -> None:
    assert organizations_of(
        "Lyon Vocational and Technical College and Politeknik Negeri Medan will train students."
    ) == ["Lyon Vocational and Technical College", "Politeknik Negeri Medan"]


def test_a_delegation_from_the_city_led_by_x_paying_a_visit_abroad_is_outgoing() -> None:
    briefing = drafted(
        "In late May, a trade delegation from Lanzhou, headed by Vice Mayor Zhao Lin, "
        "paid a five-day visit to Kyrgyzstan. The delegation was received by Mr. Almaz "
        "Toktogulov, Mayor of Bishkek."
    )
    assert briefing["direction"] == "outgoing"
    lead = briefing["delegation"]["lead"]
    assert (lead["name"], lead["title"]) == ("Zhao Lin", "Vice Mayor")
    assert names(briefing["counterparts"]) == ["Almaz Toktogulov"]


def test_an_uzbek_khokim_of_a_region_before_the_name() -> None:
    briefing = drafted(
        "A delegation led by Mayor Zhang Wei went abroad. It was welcomed by Khokim of "
        "Bukhara Region Aziz Karimov."
    )
    assert person(briefing, "Aziz Karimov")["title"] == "Khokim of Bukhara Region"


def test_a_range_of_days_each_with_its_weekday_is_one_date() -> None:
    found = find_dates(
        read_article(
            "A Visit\n\nFrom Monday, June 2 to Saturday, June 7, 2025, a delegation led by "
            "Mayor Zhang Wei toured Chile.\n"
        )
    )
    assert [(d.as_stated, d.year, d.first, d.last) for d in found] == [
        ("From Monday, June 2 to Saturday, June 7, 2025", 2025, (6, 2), (6, 7))
    ]


def test_the_days_around_the_meeting_day_named_next_are_the_visits() -> None:
    briefing = drafted(
        "Vice Mayor Li Na met a delegation from Lyon on Tuesday, May 6. The delegation, "
        "which was in Wuhan from May 5 to 8, included thirty people."
    )
    assert briefing["dates"]["as_stated"] == "from May 5 to 8"


def test_a_day_at_the_end_of_a_leg_named_next_stays_the_visits_date() -> None:
    briefing = drafted(
        "Mayor Zhang Wei wrapped up a visit to Chile and Peru on May 9. The delegation was "
        "in Santiago from May 4 to 6 and in Lima from May 7 to 9."
    )
    assert briefing["dates"]["as_stated"] == "on May 9"


def test_legal_forms_of_turkey_the_balkans_iceland_and_denmark() -> None:
    assert organizations_of(
        "Zhang met Ege Liman İşletmeleri A.Ş., Lava Fiskur hf., Sava Kabel d.o.o., "
        "Krka Alati d.d. and Morava Tekstil a.d. on Monday."
    ) == [
        "Ege Liman İşletmeleri A.Ş.",
        "Lava Fiskur hf.",
        "Sava Kabel d.o.o.",
        "Krka Alati d.d.",
        "Morava Tekstil a.d.",
    ]


def test_a_title_after_a_name_runs_on_to_a_company_or_mission_it_is_at() -> None:
    briefing = drafted(
        "A delegation led by Mayor Zhang Wei arrived in Aarhus. Jens Holm, head of "
        "sales at Fjord Pumper A/S, said orders grew. Ana Ruiz, Counsellor for Trade "
        "at the Chilean Embassy in China, said so too. Zhang called on Chinese "
        "Ambassador to Denmark Wang Hai at the Chinese Embassy in Denmark."
    )
    holm = person(briefing, "Jens Holm")
    assert (holm["title"], holm["organization"]) == (
        "head of sales at Fjord Pumper A/S",
        "fjord-pumper-a-s",
    )
    assert person(briefing, "Ana Ruiz")["title"] == (
        "Counsellor for Trade at the Chilean Embassy in China"
    )
    assert person(briefing, "Wang Hai")["title"] == "Chinese Ambassador to Denmark"
