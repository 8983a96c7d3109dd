import pytest
from drafting_helpers import drafted, names


@pytest.mark.parametrize(
    ("body", "themes"),
    [
        (
            "They hoped to deepen cooperation in fashion design, advanced manufacturing, "
            "biomedicine and cultural tourism.",
            ["fashion design", "advanced manufacturing", "biomedicine", "cultural tourism"],
        ),
        (
            "We focus on key areas such as scientific and technological innovation, "
            "strategic emerging industries, green development, etc., to grow.",
            [
                "scientific and technological innovation",
                "strategic emerging industries",
                "green development",
            ],
        ),
        (
            "Lo Presti hopes to expand exchanges with Suzhou in automotive engineering "
            "and university education.",
            ["automotive engineering", "university education"],
        ),
        (
            "The region welcomes investment from Hangzhou in port infrastructure and agriculture.",
            ["port infrastructure", "agriculture"],
        ),
        ("They signed a letter on cooperation in urban green spaces.", ["urban green spaces"]),
        (
            "They will invest in rail transit equipment and industrial automation in Qingdao.",
            ["rail transit equipment", "industrial automation"],
        ),
        (
            "They will work with Tianjin on port construction and the digital economy.",
            ["port construction", "digital economy"],
        ),
        ("They will increase investment cooperation in the field of biomedicine.", ["biomedicine"]),
    ],
)
def test_fields_as_the_article_lists_them(body: str, themes: list[str]) -> None:
    assert names(drafted(body)["themes"]) == themes


def test_a_place_after_in_is_not_a_field() -> None:
    assert (
        names(drafted("He expects more enterprises to invest in Nanjing, and more.")["themes"])
        == []
    )
