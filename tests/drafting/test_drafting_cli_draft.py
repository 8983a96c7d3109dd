from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tui.cli.draft import MAX_ARTICLE_BYTES
from tui.cli.main import main

ARTICLE = (
    "Mayor Li Wei Visits Ulm\n\nFrom 3 to 5 May, Mayor Li Wei led a Ningbo "
    "delegation to Ulm, Germany.\n"
)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "texts" / "ulm.txt"
    path.parent.mkdir()
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_without_out_it_prints_the_yaml(
    article: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(article.parent.parent)
    assert main(["draft", str(article)]) == 0
    data = yaml.safe_load(capsys.readouterr().out)
    assert data["id"] == "ulm"
    assert data["source"]["path"] == "texts/ulm.txt"
    assert data["dates"] == {
        "as_stated": "From 3 to 5 May",
        "start": {"month": 5, "day": 3},
        "end": {"month": 5, "day": 5},
    }


def test_out_and_id_and_a_path_relative_to_the_output(article: Path, tmp_path: Path) -> None:
    out = tmp_path / "briefings" / "sub" / "ulm.yaml"
    assert main(["draft", str(article), "--out", str(out), "--id", "ulm-2025"]) == 0
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert data["id"] == "ulm-2025"
    assert data["source"]["path"] == "../../texts/ulm.txt"
    assert main(["validate", str(out)]) == 0


def test_it_refuses_to_overwrite_without_force(
    article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "ulm.yaml"
    out.write_text("mine\n", encoding="utf-8")
    assert main(["draft", str(article), "--out", str(out)]) == 1
    assert "exists; pass --force" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "mine\n"
    assert main(["draft", str(article), "--out", str(out), "--force"]) == 0
    assert "review: drafted" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the article is empty"),
        (b"  \n\n\t\n", "the article is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "not UTF-8"),
        (b"Title\n\nsome \x00 binary", "not plain text"),
        (b"A" * (MAX_ARTICLE_BYTES + 1), "over the limit"),
    ],
)
def test_it_refuses_what_is_not_an_article(
    tmp_path: Path, content: bytes, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    out = tmp_path / "out.yaml"
    assert main(["draft", str(path), "--out", str(out)]) == 1
    error = capsys.readouterr().err
    assert message in error and str(path) in error
    assert not out.exists()


def test_it_refuses_a_missing_file_a_folder_and_a_bad_id(
    tmp_path: Path, article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["draft", str(tmp_path / "nope.txt")]) == 1
    assert "no such file" in capsys.readouterr().err
    assert main(["draft", str(tmp_path)]) == 1
    assert "not a regular file" in capsys.readouterr().err
    assert main(["draft", str(article), "--id", "Not An Id"]) == 1
    assert "--id" in capsys.readouterr().err


def test_draft_is_in_the_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "briefings draft ARTICLE.txt" in capsys.readouterr().out
