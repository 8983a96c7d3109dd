"""The `briefings` command: the app by default, and validate / search / export / schema."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from tui import __version__
from tui.reading.bundled import paths_or_bundled

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
    if not args or args[0] not in COMMANDS:
        return _open_app(args)
    # Imported here, not above: the app's start-up needs none of what they need.
    from tui.cli import subcommands

    command: Callable[[list[str]], int] = getattr(subcommands, args[0])
    return command(args[1:])


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

    app = create_app(paths_or_bundled(args.paths), watch=not args.no_watch)
    app.run()
    # After an unhandled exception Textual has printed its traceback and set a non-zero
    # return code: a script can tell a crash from a quit.
    return app.return_code or 0
