"""`briefings notes ...`: the user's notes from the shell (see tui.notes.store).

    briefings notes add ENTRY TEXT [--due DATE] [--follow-up]
    briefings notes list [ENTRY] [--follow-ups] [--json]
    briefings notes search QUERY [--limit N] [--json]
    briefings notes done|delete|restore NOTE_ID
    briefings notes export [--format markdown|json]
    briefings notes import FILE
    briefings notes backup FILE

ENTRY is BRIEFING_ID or BRIEFING_ID/ENTRY_ID, checked against the briefings loaded
(the bundled ones, or `--briefings PATH ...`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from tui.index.archive import Archive
from tui.notes.attach import attachment, describe_attachment, stamp_of
from tui.notes.dates import FORMS, DateError, describe_due, parse_due
from tui.notes.entries import EntryError, resolve_entry
from tui.notes.store import Note, NoteStore, NotesUnavailable
from tui.notes.transfer import NotesImportError, import_file, to_json, to_markdown
from tui.present.export import json_text
from tui.present.printable import printable
from tui.reading.bundled import paths_or_bundled
from tui.reading.loader import load_paths


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefings notes", description="Your notes and follow-ups on briefings' entries."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, description: str, briefings: bool = False) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=description, description=description)
        if briefings:
            sub.add_argument(
                "--briefings",
                nargs="+",
                action="extend",
                default=[],
                metavar="PATH",
                help="the briefings entries are checked against (default: the bundled ones)",
            )
        return sub

    add = command("add", "Write a note on an entry.", briefings=True)
    add.add_argument("entry", metavar="ENTRY", help="BRIEFING_ID or BRIEFING_ID/ENTRY_ID")
    add.add_argument("text", metavar="TEXT")
    add.add_argument("--due", metavar="DATE", help=f"makes it a follow-up due then ({FORMS})")
    add.add_argument("--follow-up", action="store_true", help="a follow-up without a date")

    listing = command("list", "List notes, on one entry or all.", briefings=True)
    listing.add_argument("entry", nargs="?", metavar="ENTRY")
    listing.add_argument("--follow-ups", action="store_true", help="open follow-ups, soonest first")
    listing.add_argument("--json", action="store_true")

    search = command("search", "Find notes by words in their text.", briefings=True)
    search.add_argument("query", metavar="QUERY")
    search.add_argument("--limit", type=int, default=10)
    search.add_argument("--json", action="store_true")

    for name, what in (
        ("done", "Mark a follow-up done."),
        ("delete", "Delete a note (restore brings it back)."),
        ("restore", "Bring back a deleted note."),
    ):
        command(name, what).add_argument("note", type=int, metavar="NOTE_ID")

    export = command("export", "Print every note, as Markdown to read or JSON to import.")
    export.add_argument("--format", choices=("markdown", "json"), default="markdown")
    command("import", "Add the notes of a JSON export (twice adds nothing).").add_argument(
        "file", type=Path, metavar="FILE"
    )
    command("backup", "Copy the notes file, consistently, while apps may be open.").add_argument(
        "file", type=Path, metavar="FILE"
    )
    return parser


def notes(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    try:
        store = NoteStore.open()
    except NotesUnavailable as error:
        print(printable(str(error)), file=sys.stderr)
        return 2
    with store:
        try:
            return _COMMANDS[args.command](store, args)
        except (EntryError, DateError, NotesImportError) as error:
            print(printable(str(error)), file=sys.stderr)
            return 1


def _archive(paths: list[str]) -> Archive:
    result = load_paths(paths_or_bundled(paths))
    for problem in result.problems:
        print(printable(str(problem)), file=sys.stderr)
    return Archive(result.briefings)


def _add(store: NoteStore, args: argparse.Namespace) -> int:
    archive = _archive(args.briefings)
    ref = resolve_entry(archive, args.entry)
    due = parse_due(args.due) if args.due else None
    note = store.add(ref, *stamp_of(archive, ref), args.text, follow_up=args.follow_up, due=due)
    print(printable(f"note {note.id} {describe_attachment(note, attachment(archive, note))}"))
    if due:
        print(f"follow-up due {describe_due(due)}")
    return 0


def _line(note: Note, archive: Archive) -> str:
    head = f"{note.id:>5}  {note.created:%Y-%m-%d %H:%M} UTC"
    if note.follow_up:
        status = "done" if note.done else "open"
        head += f"  follow-up {status}" + (f", due {describe_due(note.due)}" if note.due else "")
    where = describe_attachment(note, attachment(archive, note))
    body = "\n".join("       " + line for line in note.text.splitlines() or [""])
    return printable(f"{head}  {where}\n{body}")


def _as_json(note: Note, archive: Archive) -> dict[str, object]:
    return {
        "id": note.id,
        "uid": note.uid,
        "briefing": note.ref.briefing,
        "kind": note.ref.kind.value,
        "entry": note.ref.id,
        "entry_name": note.entry_name,
        "standing": attachment(archive, note).standing.value,
        "text": note.text,
        "created": note.created.isoformat(),
        "updated": note.updated.isoformat(),
        "follow_up": note.follow_up,
        "due": note.due.isoformat() if note.due else None,
        "done": note.done.isoformat() if note.done else None,
    }


def _show(found: list[Note], archive: Archive, as_json: bool, none: str) -> int:
    if as_json:
        print(json_text([_as_json(note, archive) for note in found]))
    elif found:
        print("\n".join(_line(note, archive) for note in found))
    else:
        print(none, file=sys.stderr)
    return 0


def _list(store: NoteStore, args: argparse.Namespace) -> int:
    archive = _archive(args.briefings)
    found = store.open_follow_ups() if args.follow_ups else store.all_notes()
    if args.entry:
        ref = resolve_entry(archive, args.entry)
        found = [note for note in found if note.ref == ref]
    return _show(found, archive, args.json, "no notes")


def _search(store: NoteStore, args: argparse.Namespace) -> int:
    if not store.full_text:
        print("(SQLite here has no FTS5: searching notes word by word)", file=sys.stderr)
    found = store.search(args.query, args.limit)
    return _show(found, _archive(args.briefings), args.json, "no note matches")


Command = Callable[[NoteStore, argparse.Namespace], int]


def _mark(change: Callable[[NoteStore, int], Note], said: str) -> Command:
    def mark(store: NoteStore, args: argparse.Namespace) -> int:
        try:
            note = change(store, args.note)
        except KeyError:
            print(f"no note {args.note}", file=sys.stderr)
            return 1
        print(f"note {note.id} {said}")
        return 0

    return mark


def _export(store: NoteStore, args: argparse.Namespace) -> int:
    if args.format == "json":
        print(to_json(store), end="")
    else:
        print(to_markdown(store.all_notes()), end="")
    return 0


def _import(store: NoteStore, args: argparse.Namespace) -> int:
    changed, same = import_file(store, args.file)
    print(f"{changed} added or updated, {same} already here")
    return 0


def _backup(store: NoteStore, args: argparse.Namespace) -> int:
    store.backup(args.file)
    print(f"backed up {len(store.all_notes(deleted=True))} notes to {args.file}")
    return 0


_COMMANDS: dict[str, Command] = {
    "add": _add,
    "list": _list,
    "search": _search,
    "done": _mark(NoteStore.set_done, "marked done"),
    "delete": _mark(NoteStore.delete, "deleted (undo: briefings notes restore ID)"),
    "restore": _mark(NoteStore.restore, "restored"),
    "export": _export,
    "import": _import,
    "backup": _backup,
}
