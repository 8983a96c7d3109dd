"""The `briefings` command: the app by default, and validate / search / export / schema."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from tui import __version__
from tui.archive import Archive, Kind, Ref
from tui.bundled import bundled_briefings
from tui.describe import count, person_line
from tui.export import json_text, to_json, to_markdown, to_yaml
from tui.loader import load_paths
from tui.model import Counterpart
from tui.printable import printable
from tui.schema import schema_text

COMMANDS = ("validate", "search", "export", "schema")

_EPILOG = """commands:
  briefings [PATH ...]            open the app (default: the bundled briefings)
  briefings validate [PATH ...]   check briefing files; exit 1 on any problem
  briefings search QUERY [PATH ...] [--json] [--limit N]
                                  find counterparts by name
  briefings export [PATH ...] --format json|yaml|markdown
                                  print briefings as JSON or Markdown
  briefings schema                print the JSON Schema of the briefing format

PATH is a briefing file or a folder of them (*.yaml, *.yml, searched recursively)."""


def run() -> None:
    sys.exit(main())


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    command = args[0] if args and args[0] in COMMANDS else None
    handlers = {
        "validate": _validate,
        "search": _search,
        "export": _export,
        "schema": _schema,
        None: _open_app,
    }
    return handlers[command](args[1:] if command else args)


def _paths(values: list[str]) -> list[Path]:
    return [Path(value) for value in values] or [bundled_briefings()]


def _parser(prog: str, description: str) -> argparse.ArgumentParser:
    return argparse.ArgumentParser(prog=prog, description=description)


def _open_app(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="briefings",
        description="Browse briefings of official visits in the terminal.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="briefing files or folders")
    parser.add_argument(
        "--no-watch", action="store_true", help="do not reload briefings that change on disk"
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    args = parser.parse_intermixed_args(argv)

    from tui.ui.app import create_app  # Textual is imported only when the app opens.

    create_app(_paths(args.paths), watch=not args.no_watch).run()
    return 0


def _validate(argv: list[str]) -> int:
    parser = _parser("briefings validate", "Check briefing files and report every problem.")
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or folders")
    args = parser.parse_intermixed_args(argv)

    result = load_paths(_paths(args.paths))
    for problem in result.problems:
        print(printable(str(problem)))
    files_with_problems = len({problem.path for problem in result.problems})
    print(
        f"{len(result.briefings)} valid, {files_with_problems} with problems "
        f"({count(len(result.problems), 'problem')})"
    )
    return 1 if result.problems or not result.briefings else 0


def _search(argv: list[str]) -> int:
    parser = _parser("briefings search", "Find counterparts by name, typos and all.")
    parser.add_argument("query", help="a name, or part of one")
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or folders")
    parser.add_argument("--json", action="store_true", help="print a JSON list")
    parser.add_argument("--limit", type=int, default=10, help="at most this many (default 10)")
    args = parser.parse_intermixed_args(argv)

    archive, code = _load_archive(args.paths)
    found = []
    for match in archive.search_names(args.query, args.limit):
        counterpart = archive.get(match.key)
        assert isinstance(counterpart, Counterpart)
        organization = _organization_name(archive, match.key, counterpart)
        found.append(
            {
                "name": counterpart.name,
                "title": counterpart.title,
                "organization": organization,
                "briefing": match.key.briefing,
                "id": counterpart.id,
                "score": round(match.score, 1),
                "matched": match.matched.text,
                "matched_as": match.matched.kind,
            }
        )
    if args.json:
        print(json_text(found))
    for item in [] if args.json else found:
        via = "" if item["matched"] == item["name"] else f" (as {item['matched']!r})"
        line = person_line(item["name"], item["title"], item["organization"])
        print(printable(f"{item['score']:5.1f}  {line}  [{item['briefing']}]{via}"))
    if not found and not args.json:
        print("no counterpart matches", file=sys.stderr)
    return code


def _organization_name(archive: Archive, ref: Ref, counterpart: Counterpart) -> str | None:
    if counterpart.organization is None:
        return None
    return archive.label(Ref(Kind.organization, ref.briefing, counterpart.organization))


def _export(argv: list[str]) -> int:
    parser = _parser(
        "briefings export", "Print briefings as JSON, as YAML or as a Markdown document."
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or folders")
    parser.add_argument("--format", choices=("json", "yaml", "markdown"), default="markdown")
    args = parser.parse_intermixed_args(argv)

    archive, code = _load_archive(args.paths)
    formats = {"json": to_json, "yaml": to_yaml, "markdown": to_markdown}
    print(formats[args.format](archive), end="\n")
    return code


def _schema(argv: list[str]) -> int:
    _parser("briefings schema", "Print the JSON Schema of the briefing format.").parse_args(argv)
    print(schema_text(), end="")
    return 0


def _load_archive(paths: list[str]) -> tuple[Archive, int]:
    """The briefings that load; problems go to standard error and make the exit code 1."""
    result = load_paths(_paths(paths))
    for problem in result.problems:
        print(printable(str(problem)), file=sys.stderr)
    return Archive(result.briefings), 1 if result.problems else 0
