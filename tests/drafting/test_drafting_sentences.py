from tui.drafting.sentences import read_article


def test_the_first_non_empty_line_is_the_title() -> None:
    article = read_article("\n\n  A Title  \n\nFirst sentence. Second one.\n")
    assert article.title.text == "A Title"
    assert [s.text for s in article.sentences] == ["First sentence.", "Second one."]


def test_abbreviations_and_initials_do_not_end_a_sentence() -> None:
    article = read_article("T\nMr. Le Mingham met Dr. J. Smith on Sept. 22. Then they left.")
    assert [s.text for s in article.sentences] == [
        "Mr. Le Mingham met Dr. J. Smith on Sept. 22.",
        "Then they left.",
    ]


def test_sentences_are_slices_of_the_text_in_their_paragraphs() -> None:
    text = "T\n  One. Two.\n\n  Three.\n"
    article = read_article(text)
    assert [(s.paragraph, text[s.start : s.end]) for s in article.sentences] == [
        (0, "One."),
        (0, "Two."),
        (1, "Three."),
    ]


def test_a_long_sentence_is_quoted_by_its_clause() -> None:
    clause = "had talks with Mr. Oberg"
    text = "T\n" + "A" * 150 + " went there, " + clause + ", and " + "b" * 150 + "."
    article = read_article(text)
    sentence = article.sentences[0]
    at = text.index("Oberg")
    assert article.clause(sentence, at, at + 5) == clause
