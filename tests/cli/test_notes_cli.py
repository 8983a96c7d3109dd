"""`briefings notes ...`: notes from the shell, on entries checked against the briefings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import MINIMAL_YAML, WriteBriefing

from tui.cli.main import main
from tui.notes.store import default_path

BID = "nanjing-france-study-visit"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["notes", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_note_added_on_an_entry_is_listed_with_it(capsys):
    code, out, _ = run(capsys, "add", f"{BID}/le-mingham", "Ask about the loan", "--due", "+3d")
    assert code == 0
    assert out.startswith(f"note 1 on counterpart 'Le Mingham' ({BID}/le-mingham)\n")
    assert "follow-up due " in out
    run(capsys, "add", BID, "On the whole visit")
    code, out, _ = run(capsys, "list", f"{BID}/le-mingham", "--json")
    (listed,) = json.loads(out)
    assert (listed["text"], listed["kind"], listed["standing"]) == (
        "Ask about the loan",
        "counterpart",
        "attached",
    )
    assert listed["follow_up"] and listed["due"]
    code, out, _ = run(capsys, "list")
    assert "Ask about the loan" in out and "On the whole visit" in out
    code, out, _ = run(capsys, "list", "--follow-ups")
    assert "Ask about the loan" in out and "On the whole visit" not in out


@pytest.mark.parametrize(
    ("entry", "said"),
    [
        (f"{BID}/le-minghm", "no entry 'le-minghm' in briefing"),
        ("nanjing-france-visit", f"did you mean {BID}?"),
        (f"{BID}/planet:le-mingham", "'planet' is not a kind of entry"),
    ],
)
def test_an_unknown_entry_is_refused_with_a_did_you_mean(capsys, entry: str, said: str):
    code, out, err = run(capsys, "add", entry, "text")
    assert code == 1 and out == ""
    assert said in err
    if "minghm" in entry:
        assert "did you mean le-mingham" in err
    assert not default_path().exists() or run(capsys, "list", "--json")[1] == "[]\n"


def test_a_date_that_could_be_read_two_ways_is_refused(capsys):
    code, _, err = run(capsys, "add", BID, "text", "--due", "05/12/2026")
    assert code == 1
    assert "2026-12-05" in err


def test_an_id_two_kinds_share_asks_which(capsys, write_briefing: WriteBriefing):
    shared = MINIMAL_YAML.replace("  - id: trade\n", "  - id: bank-meeting\n").replace(
        "      - trade\n", "      - bank-meeting\n"
    )
    path = write_briefing(shared)
    code, _, err = run(capsys, "add", "minimal/bank-meeting", "x", "--briefings", str(path))
    assert code == 1
    assert "minimal/event:bank-meeting or minimal/theme:bank-meeting" in err
    code, out, _ = run(capsys, "add", "minimal/theme:bank-meeting", "x", "--briefings", str(path))
    assert code == 0 and "on theme 'Trade'" in out


def test_export_import_and_backup(capsys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    run(capsys, "add", f"{BID}/le-mingham", "first")
    run(capsys, "add", f"{BID}/oberg", "second", "--follow-up")
    code, exported, _ = run(capsys, "export", "--format", "json")
    assert code == 0
    (tmp_path / "notes.json").write_text(exported)
    assert (
        run(capsys, "import", str(tmp_path / "notes.json"))[1]
        == "0 added or updated, 2 already here\n"
    )

    code, out, _ = run(capsys, "backup", str(tmp_path / "backup.sqlite3"))
    assert code == 0 and "2 notes" in out
    monkeypatch.setenv("VISIT_BRIEFINGS_DATA_DIR", str(tmp_path / "fresh"))
    assert run(capsys, "list", "--json")[1] == "[]\n"
    assert (
        run(capsys, "import", str(tmp_path / "notes.json"))[1]
        == "2 added or updated, 0 already here\n"
    )
    assert [n["text"] for n in json.loads(run(capsys, "list", "--json")[1])] == ["first", "second"]
    markdown = run(capsys, "export")[1]
    assert "### Le Mingham (counterpart le-mingham)" in markdown and "> second" in markdown


def test_delete_restore_and_done(capsys):
    run(capsys, "add", BID, "a follow-up", "--follow-up")
    assert run(capsys, "delete", "1")[0] == 0
    assert run(capsys, "list", "--json")[1] == "[]\n"
    assert run(capsys, "restore", "1")[0] == 0
    assert run(capsys, "done", "1")[0] == 0
    assert run(capsys, "list", "--follow-ups", "--json")[1] == "[]\n"
    assert run(capsys, "done", "7")[:2] == (1, "")


def test_search_finds_note_text(capsys):
    run(capsys, "add", f"{BID}/le-mingham", "Remember the Strasbourg invitation")
    out = run(capsys, "search", "strasb", "--json")[1]
    assert [n["entry"] for n in json.loads(out)] == ["le-mingham"]
    assert run(capsys, "search", "nothing")[2] == "no note matches\n"


def test_a_damaged_notes_file_is_named_and_left_alone(capsys):
    path = default_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("not a database")
    code, out, err = run(capsys, "add", BID, "text")
    assert code == 2 and out == ""
    assert str(path) in err and "backup" in err
    assert path.read_text() == "not a database"


def test_the_markdown_book_carries_notes_only_when_asked(capsys, write_briefing: WriteBriefing):
    path = write_briefing()
    briefings = ("--briefings", str(path))
    run(capsys, "add", "minimal/wang-wei", "Owes us a reply <script>", *briefings)
    run(capsys, "add", "minimal/trade", "Tariffs", *briefings)
    without = main(["export", str(path)]), capsys.readouterr().out
    assert without[0] == 0 and "Your notes" not in without[1]

    # The theme goes from the briefing: its note stays in the book, marked orphaned.
    write_briefing(
        MINIMAL_YAML.split("themes:\n  - id: trade")[0]
        + "itinerary:"
        + MINIMAL_YAML.split("itinerary:")[1].replace("    themes:\n      - trade\n", "")
    )
    assert main(["export", str(path), "--with-notes"]) == 0
    book = capsys.readouterr().out
    notes = book.split("## Your notes\n")[1]
    assert "*Written by you, not from the source.*" in notes
    assert notes.index("### Wang Wei (counterpart wang-wei)") < notes.index("### Trade (theme")
    assert "> Owes us a reply \\<script\\>" in notes
    assert "*Orphaned: this entry is no longer in the briefing.*" in notes.split("### Trade")[1]
