from drafting_helpers import drafted, names


def test_organizations_by_their_names_and_by_lists() -> None:
    briefing = drafted(
        "Mayor Li Wei visited Pirelli, Armani Group and the Politecnico di Milano. Wuhan hosts "
        "French enterprises, including Dongfeng Peugeot Citroën and Schneider Electric. They "
        "visited the Nairobi office of Alibaba Group and the Kenya branch of Hikvision."
    )
    assert names(briefing["organizations"]) == [
        "Pirelli",
        "Armani Group",
        "Politecnico di Milano",
        "Dongfeng Peugeot Citroën",
        "Schneider Electric",
        "Alibaba Group",
        "Hikvision",
    ]


def test_a_kind_from_the_words_of_a_name_is_inferred() -> None:
    briefing = drafted(
        "Mayor Li Wei visited Bank of Ulm, Allianz Insurance Group and the Chinese Embassy in "
        "France, and Pirelli."
    )
    kinds = {
        o["name"]: (o.get("kind"), o.get("inferred", {}).get("kind"))
        for o in briefing["organizations"]
    }
    assert kinds["Bank of Ulm"][0] == "bank"
    assert kinds["Allianz Insurance Group"][0] == "insurer"
    assert kinds["Chinese Embassy in France"][0] == "diplomatic-mission"
    assert all(reason and "name" in reason for kind, reason in kinds.values() if kind)
    assert kinds["Pirelli"] == (None, None)


def test_places_where_places_go() -> None:
    briefing = drafted(
        "Mayor Li Wei visited Milan and Turin, Italy. In Nairobi on July 24, he met "
        "Mr. Jon Bo, Mayor of Bordeaux. They went to London and Manchester in the United Kingdom."
    )
    assert set(briefing["places"]) >= {
        "Milan",
        "Turin",
        "Italy",
        "Nairobi",
        "Bordeaux",
        "London",
        "Manchester",
        "United Kingdom",
    }
    assert "Milan" not in names(briefing["organizations"])
