"""Patterns of the tuning articles t140-t145 (first written as the blind held-out
h109-h114), and of older misses they brought to light, in other words than theirs."""

from __future__ import annotations

from drafting_helpers import drafted, event_dates, person


def test_led_by_its_chairman_names_the_visitors_lead() -> None:
    briefing = drafted(
        "A trade delegation from the Penang Chamber of Commerce, led by its Chairman Tan "
        "Boon Hock, visited Zhuhai from 3 to 6 May. On 4 May, Zhuhai Vice Mayor Lu Wei held "
        "talks with the delegation."
    )
    assert event_dates(briefing)["Meeting with Tan Boon Hock's delegation"] == "On 4 May"


def test_a_banquet_hosted_by_someone_is_no_meeting_with_the_guests() -> None:
    briefing = drafted(
        "Mayor Lena Berg of Tromsø arrived with her delegation on 8 March and was welcomed "
        "that evening at a dinner hosted by Vice Mayor Xu Ping. On 9 March, Zhuhai Mayor "
        "Lu Wei met with Berg and her delegation."
    )
    dates = event_dates(briefing)
    assert dates["Meeting with Lena Berg"] == "On 9 March"
    assert "Lena Berg" in [
        person["name"]
        for event in briefing["itinerary"]
        if event["title"] == "dinner"
        for person in [p for p in briefing["counterparts"] if p["id"] in event["counterparts"]]
    ]


def test_a_meal_in_honour_of_the_guests_makes_the_city_the_host() -> None:
    briefing = drafted(
        "A delegation led by Mr. Omar Haddad, Governor of Tafilalt Province, visited Zhuhai "
        "on 2 June at the invitation of the municipal government. That evening, Mayor Lu "
        "Wei hosted a dinner in honour of the Moroccan guests."
    )
    assert briefing["direction"] == "incoming"


def test_a_visit_to_the_city_by_a_governor_is_incoming() -> None:
    briefing = drafted(
        "A delegation led by Mr. Omar Haddad, Governor of Tafilalt Province, came to Zhuhai "
        "on 2 June. It was the first visit to the city by a governor from that region. "
        "Mayor Lu Wei held talks with Haddad."
    )
    assert briefing["direction"] == "incoming"


def test_leaving_the_city_by_its_name_is_the_departure() -> None:
    dates = event_dates(
        drafted(
            "Mayor Lu Wei of Zhuhai met Omar Haddad, Governor of Tafilalt Province, on 2 "
            "June. The guests left Zhuhai on 4 June."
        )
    )
    assert dates["Departure"] == "on 4 June"


def test_the_days_said_after_a_place_are_a_stay_there() -> None:
    briefing = drafted(
        "Mayor Lu Wei of Zhuhai led a delegation to Austria and Slovenia. The best news "
        "came in Ljubljana, Slovenia, on the final day of the trip."
    )
    stays = [e for e in briefing["itinerary"] if e["title"] == "Stay in Ljubljana"]
    assert [(e["date"]["as_stated"], e["place"]) for e in stays] == [
        ("on the final day of the trip", "Ljubljana")
    ]


def test_a_word_that_starts_like_an_event_is_none() -> None:
    briefing = drafted(
        "Mayor Lu Wei of Zhuhai led a delegation to Kenya. On Monday, Peter Otieno, director "
        "of the Mombasa Free Trade Zone, said the zone would build a warehouse for Zhuhai "
        "exporters."
    )
    assert not [e for e in briefing["itinerary"] if "expo" in e["title"]]


def test_returning_home_on_a_day_is_the_way_home() -> None:
    dates = event_dates(
        drafted(
            "Zhuhai, May 9 -- A delegation led by Mayor Lu Wei returned home on Thursday "
            "after a week-long visit to Kenya."
        )
    )
    assert dates["Return home"] == "on Thursday"


def test_flying_home_from_a_city_is_the_way_home() -> None:
    dates = event_dates(
        drafted(
            "Mayor Lu Wei of Zhuhai led a delegation to Kenya. On Friday, before flying home "
            "from Mombasa, Lu met port officials."
        )
    )
    assert dates["Return home"] == "On Friday"


def test_an_expo_that_is_co_hosted_and_closes_on_a_day() -> None:
    dates = event_dates(
        drafted(
            "Mayor Lu Wei of Zhuhai opened the Zhuhai Marine Expo with Governor Omar Haddad. "
            "The expo is organised by the municipal government and closes on Sunday."
        )
    )
    assert dates["End of the expo"] == "on Sunday"


def test_a_day_spent_at_a_named_site() -> None:
    briefing = drafted(
        "Mayor Lu Wei of Zhuhai led a delegation to Kenya. The following day, at the "
        "Mombasa Free Trade Zone, its director Mr. Peter Otieno said the zone had room for "
        "Chinese factories."
    )
    assert event_dates(briefing)["Visit to Mombasa Free Trade Zone"] == "The following day"
    assert person(briefing, "Peter Otieno")
