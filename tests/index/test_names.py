"""Folding names the way people type them."""

import pytest
from conftest import MINIMAL_YAML

from tui.index.archive import Archive
from tui.index.names import fold
from tui.reading.loader import load_paths


@pytest.mark.parametrize(
    ("name", "folded"),
    [
        ("Diplé", "diple"),
        ("Jean-Paul  O’Brien", "jean paul o brien"),
        ("Łukasz Wiśniewski", "lukasz wisniewski"),
        ("Ørsted", "orsted"),
        ("Þóra Æsa", "thora aesa"),
        ("Straße", "strasse"),
        ("张伟", "张伟"),
        ("   ", ""),
    ],
)
def test_fold(name: str, folded: str) -> None:
    assert fold(name) == folded


def test_a_letter_without_accent_key_is_found_typed_plainly(write_briefing) -> None:
    path = write_briefing(MINIMAL_YAML.replace("name: Wang Wei", "name: Łukasz Ørsted"))
    archive = Archive(load_paths([path]).briefings)
    (best, *_) = archive.search_names("lukasz orsted")
    assert archive.label(best.ref) == "Łukasz Ørsted"
    assert best.score == 100
