"""The `briefings` subcommands: validate, search, export and schema.

Kept apart from `tui.cli.main` so that opening the app imports none of this before its
first screen is drawn.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tui.format.schema import schema_text
from tui.index import mixed
from tui.index.archive import Archive, PersonOutline
from tui.index.mixed import KIND_NAMES
from tui.present.book import briefing_html, briefing_markdown, to_html, to_markdown
from tui.present.describe import count, person_line
from tui.present.export import briefing_json, briefing_yaml, json_text, to_json, to_yaml
from tui.present.printable import printable
from tui.reading.bundled import paths_or_bundled
from tui.reading.loader import LoadedBriefing, LoadedOutline, load_paths


def _parser(prog: str, description: str) -> argparse.ArgumentParser:
    return argparse.ArgumentParser(prog=prog, description=description)


def validate(argv: list[str]) -> int:
    parser = _parser("briefings validate", "Check briefing files and report every problem.")
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or folders")
    parser.add_argument(
        "--strict", action="store_true", help="also fail on drafted entries not yet reviewed"
    )
    args = parser.parse_intermixed_args(argv)

    result = load_paths(paths_or_bundled(args.paths))
    if args.strict:
        from tui.reading.review import unreviewed_problems

        for loaded in result.briefings:
            if isinstance(loaded, LoadedBriefing):
                result.problems.extend(unreviewed_problems(loaded))
    for problem in result.problems:
        print(printable(str(problem)))
    with_problems = {problem.path for problem in result.problems}
    # A draft that loads is still "with problems" under --strict, and counted once.
    valid = sum(loaded.path not in with_problems for loaded in result.briefings)
    print(
        f"{valid} valid, {len(with_problems)} with problems "
        f"({count(len(result.problems), 'problem')})"
    )
    return 1 if result.problems or not result.briefings else 0


def search(argv: list[str]) -> int:
    parser = _parser(
        "briefings search",
        "Find people, organizations, themes, events and visits by name, typos and all. "
        "Exit 1 when nothing matches (or a file has problems).",
    )
    parser.add_argument("query", help="a name, or part of one; @org, @person, ... narrow it")
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or folders")
    parser.add_argument("--kind", choices=tuple(KIND_NAMES), help="only entries of this kind")
    parser.add_argument("--json", action="store_true", help="print a JSON list")
    parser.add_argument("--limit", type=int, default=10, help="at most this many (default 10)")
    args = parser.parse_intermixed_args(argv)

    archive, code = _load_archive(args.paths)
    kinds = None if args.kind is None else [KIND_NAMES[args.kind]]
    found = [
        _found(archive, result) for result in mixed.search(archive, args.query, args.limit, kinds)
    ]
    if args.json:
        print(json_text(found))
    for item in [] if args.json else found:
        via = "" if item["matched"] == item["name"] else f" (as {item['matched']!r})"
        line = person_line(item["name"], item["title"], item["organization"])
        where = ", ".join(item["briefings"])
        print(printable(f"{item['score']:5.1f}  {item['label']}: {line}  [{where}]{via}"))
    return code or (0 if found else 1)


def _found(archive: Archive, result: mixed.Found) -> dict[str, Any]:
    item = result.item
    person = item if isinstance(item, PersonOutline) else None
    return {
        "kind": result.kind.value,
        "label": mixed.KIND_LABELS[result.kind],
        "name": archive.label(result.ref),
        "title": person.title if person else None,
        "organization": person.organization if person else None,
        "briefing": result.ref.briefing,
        "id": result.ref.id,
        "briefings": result.briefings,
        "refs": [{"briefing": ref.briefing, "id": ref.id} for ref in result.refs],
        "score": round(result.score, 1),
        "matched": result.matched.text,
        "matched_as": result.matched.kind,
    }


# The user's notes on a briefing, as Markdown for the end of its part of the book.
Notes = Callable[[str], str]

# Each format: the suffix of its files, the whole export, one briefing's file. Notes go
# in the book only; the data formats hold the briefing alone.
_FORMATS: dict[
    str,
    tuple[str, Callable[[Archive, Notes | None], str], Callable[[Archive, str, Notes | None], str]],
] = {
    "markdown": (".md", to_markdown, briefing_markdown),
    "html": (".html", to_html, briefing_html),
    "json": (".json", lambda archive, _: to_json(archive), lambda a, bid, _: briefing_json(a, bid)),
    "yaml": (".yaml", lambda archive, _: to_yaml(archive), lambda a, bid, _: briefing_yaml(a, bid)),
}


def export(argv: list[str]) -> int:
    parser = _parser(
        "briefings export",
        "Print briefings as a briefing book to print (Markdown or HTML) or as their data "
        "(JSON or YAML, which load back as briefing files).",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or folders")
    parser.add_argument(
        "--format",
        choices=tuple(_FORMATS),
        default="markdown",
        help="markdown (default): the briefing book as Markdown; html: the same book as "
        "one self-contained HTML page, ready to print; json: a list of briefings; "
        "yaml: one document per briefing",
    )
    parser.add_argument(
        "--out",
        metavar="DIR",
        type=Path,
        help="write one file per briefing into DIR (made if missing), named by the "
        "briefing's id, instead of printing one book with a table of contents",
    )
    parser.add_argument(
        "--with-notes",
        action="store_true",
        help="markdown and html: add your notes after each briefing",
    )
    args = parser.parse_intermixed_args(argv)

    result = load_paths(paths_or_bundled(args.paths))
    for problem in result.problems:
        print(printable(str(problem)), file=sys.stderr)
    archive = Archive(result.briefings)
    code = 1 if result.problems else 0
    if args.with_notes and args.format in ("markdown", "html"):
        return _book_with_notes(archive, code, args.format, args.out, result.briefings)
    return _export(archive, code, args.format, args.out, result.briefings, None)


def _export(
    archive: Archive,
    code: int,
    format: str,
    out: Path | None,
    read: list[LoadedBriefing | LoadedOutline],
    notes: Notes | None,
) -> int:
    suffix, whole, one = _FORMATS[format]
    if out is None:
        print(whole(archive, notes), end="\n" if format in ("json", "yaml") else "")
        return code
    inputs = {loaded.path.resolve() for loaded in read}
    try:
        out.mkdir(parents=True, exist_ok=True)
        for bid in archive.briefings:
            target = out / f"{bid}{suffix}"
            if target.resolve() in inputs:
                print(
                    printable(f"briefings export: not overwriting {target}, which was read"),
                    file=sys.stderr,
                )
                code = 1
                continue
            target.write_text(one(archive, bid, notes), encoding="utf-8")
            print(printable(str(target)))
    except OSError as error:
        print(
            printable(f"briefings export: cannot write to {out}: {error.strerror}"),
            file=sys.stderr,
        )
        return 1
    return code


def _book_with_notes(
    archive: Archive,
    code: int,
    format: str,
    out: Path | None,
    read: list[LoadedBriefing | LoadedOutline],
) -> int:
    from tui.notes.store import NoteStore, NotesUnavailable
    from tui.notes.transfer import briefing_notes

    try:
        store = NoteStore.open()
    except NotesUnavailable as error:
        print(printable(str(error)), file=sys.stderr)
        return 2
    with store:
        return _export(
            archive, code, format, out, read, lambda bid: briefing_notes(store, archive, bid)
        )


SCHEMA_NAME = "briefing.schema.json"


def schema(argv: list[str]) -> int:
    parser = _parser(
        "briefings schema",
        "Print the JSON Schema of the briefing format, or write it beside your briefings "
        "for editors to validate them as you type.",
    )
    parser.add_argument(
        "--write",
        metavar="DIR",
        type=Path,
        help=f"write the schema to DIR/{SCHEMA_NAME} instead of printing it",
    )
    args = parser.parse_args(argv)
    if args.write is None:
        print(schema_text(), end="")
        return 0
    if not args.write.is_dir():
        parser.error(f"--write: {args.write} is not a folder")
    target = args.write / SCHEMA_NAME
    try:
        target.write_text(schema_text(), encoding="utf-8")
    except OSError as error:
        print(
            printable(f"briefings schema: cannot write {target}: {error.strerror}"), file=sys.stderr
        )
        return 1
    print(printable(f"wrote {target}"))
    print(f"Start each briefing in {printable(str(args.write))} with this line:")
    print(f"# yaml-language-server: $schema=./{SCHEMA_NAME}")
    return 0


def _load_archive(paths: list[str]) -> tuple[Archive, int]:
    """The briefings that load; problems go to standard error and make the exit code 1."""
    result = load_paths(paths_or_bundled(paths))
    for problem in result.problems:
        print(printable(str(problem)), file=sys.stderr)
    return Archive(result.briefings), 1 if result.problems else 0
