"""Notes against edited briefings (they follow their entry or are orphaned, never
lost), and exports that import back, once."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from conftest import MINIMAL_YAML

from tui.index.archive import Archive
from tui.index.refs import Kind, Ref
from tui.notes.attach import Standing, attachment, describe_attachment, stamp_of
from tui.notes.store import NoteStore
from tui.notes.transfer import NotesImportError, import_file, to_json, to_markdown
from tui.reading.loader import load_paths

WANG = Ref(Kind.counterpart, "minimal", "wang-wei")
MEETING = Ref(Kind.event, "minimal", "bank-meeting")


def _archive(path: Path) -> Archive:
    result = load_paths([path])
    assert not result.problems
    return Archive(result.briefings)


@pytest.fixture
def store(tmp_path: Path):
    with NoteStore.open(tmp_path / "notes.sqlite3") as opened:
        yield opened


def test_a_note_follows_its_entry_through_edits_and_is_orphaned_when_it_goes(
    write_briefing, store: NoteStore
):
    path = write_briefing()
    archive = _archive(path)
    note = store.add(WANG, *stamp_of(archive, WANG), "ask about the loan")
    assert attachment(archive, note).standing is Standing.attached

    renamed = MINIMAL_YAML.replace("name: Wang Wei", "name: Wei Wang").replace(
        "- Mr. Wang Wei\n", "- Mr. Wang Wei of Acme Bank\n"
    )
    write_briefing(renamed)
    where = attachment(_archive(path), note)
    assert (where.standing, where.renamed, where.requoted) == (Standing.attached, True, True)
    assert "renamed and re-quoted since" in describe_attachment(note, where)

    without_him = MINIMAL_YAML.split("counterparts:\n  - id: wang-wei")[0] + (
        MINIMAL_YAML.split("      - Mr. Wang Wei\n")[1].replace(
            "    counterparts:\n      - wang-wei\n", ""
        )
    )
    write_briefing(without_him)
    archive = _archive(path)
    assert WANG not in archive
    where = attachment(archive, note)
    assert where.standing is Standing.orphaned
    assert describe_attachment(note, where) == (
        "orphaned: was on counterpart 'Wang Wei' (minimal/wang-wei), no longer in the briefing"
    )
    assert [n.text for n in store.notes_on(WANG)] == ["ask about the loan"]

    write_briefing(MINIMAL_YAML)
    assert attachment(_archive(path), note).standing is Standing.attached


def test_a_note_on_a_briefing_not_open_is_not_orphaned(write_briefing, store: NoteStore):
    note = store.add(Ref(Kind.theme, "elsewhere", "trade"), "Trade", "d", "x")
    assert attachment(_archive(write_briefing()), note).standing is Standing.not_loaded


def _filled(store: NoteStore) -> None:
    first = store.add(WANG, "Wang Wei", "d1", "first text")
    store.edit(first.id, "second text")
    store.add(MEETING, "Meeting at Acme Bank", "d2", "follow up", due=date(2026, 12, 5))
    gone = store.add(MEETING, "Meeting at Acme Bank", "d2", "deleted one")
    store.delete(gone.id)


def _essence(store: NoteStore) -> list[tuple]:
    return [
        (
            n.uid,
            n.ref,
            n.entry_name,
            n.quote_digest,
            n.text,
            n.created,
            n.updated,
            n.due,
            n.follow_up,
            n.done,
            n.deleted,
            store.revisions(n.id),
        )
        for n in store.all_notes(deleted=True)
    ]


def test_an_export_imports_into_another_store_whole_and_only_once(tmp_path: Path, store):
    _filled(store)
    exported = tmp_path / "notes.json"
    exported.write_text(to_json(store))
    with NoteStore.open(tmp_path / "other.sqlite3") as other:
        assert import_file(other, exported) == (3, 0)
        assert _essence(other) == _essence(store)
        assert import_file(other, exported) == (0, 3)
        assert _essence(other) == _essence(store)
        assert [n.text for n in other.search("follow")] == ["follow up"]


def test_an_import_takes_a_later_edit_and_keeps_the_text_it_replaces(tmp_path: Path, store):
    note = store.add(WANG, "Wang Wei", "d", "before")
    exported = tmp_path / "notes.json"
    exported.write_text(to_json(store))
    with NoteStore.open(tmp_path / "other.sqlite3") as other:
        import_file(other, exported)
        store.edit(note.id, "after")
        exported.write_text(to_json(store))
        assert import_file(other, exported) == (1, 0)
        (mine,) = other.all_notes()
        assert mine.text == "after"
        assert [r.text for r in other.revisions(mine.id)] == ["before"]
        assert import_file(other, exported) == (0, 1)


@pytest.mark.parametrize(
    ("content", "said"),
    [
        ("not json", "not a notes export"),
        (json.dumps({"format": "something-else", "version": 1, "notes": []}), "format"),
        (json.dumps({"format": "visit-briefings-notes", "version": 1, "notes": [{}]}), "notes.0"),
    ],
)
def test_a_file_that_is_not_an_export_is_refused_by_name(tmp_path, store, content, said):
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    with pytest.raises(NotesImportError) as raised:
        import_file(store, bad)
    assert str(bad) in str(raised.value) and said in str(raised.value)
    assert store.all_notes(deleted=True) == []


def test_markdown_lists_notes_by_entry_without_deleted_ones_and_as_plain_text(store):
    _filled(store)
    store.add(WANG, "Wang Wei", "d1", "[link](http://x) <b>\x1b[31m")
    text = to_markdown(store.all_notes(deleted=True))
    assert "## minimal" in text
    assert "### Wang Wei (counterpart wang-wei)" in text
    assert "> second text" in text
    assert "follow-up (open, due Sat 5 Dec 2026)" in text
    assert "deleted one" not in text
    assert "\\[link\\]\\(http://x\\) \\<b\\>\ufffd\\[31m" in text
