"""The `briefings` command: the app by default, and validate / search / export / schema /
notes."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from tui import __version__
from tui.reading.bundled import paths_or_bundled

COMMANDS = ("validate", "search", "export", "schema", "draft", "notes", "serve")
# Commands with a module of their own; the others are in tui.cli.subcommands.
_OWN_MODULES = {"draft": "tui.cli.draft", "notes": "tui.cli.notes", "serve": "tui.cli.serve"}

_EPILOG = """commands:
  briefings [PATH ...]            open the app (default: the bundled briefings)
  briefings validate [PATH ...] [--strict]
                                  check briefing files; exit 1 on any problem
                                  (--strict: also on drafted entries not yet reviewed)
  briefings search QUERY [PATH ...] [--kind KIND] [--json] [--limit N]
                                  find people, organizations, themes, events and
                                  visits by name (@org, @person, ... narrow it);
                                  exit 1 when nothing matches
  briefings export [PATH ...] [--format markdown|html|json|yaml] [--out DIR]
                  [--with-notes]  print the briefing book (Markdown, or HTML to
                                  print), or the briefings as JSON or YAML;
                                  --out DIR: one file per briefing
  briefings schema [--write DIR]  print the JSON Schema of the briefing format, or
                                  write it into DIR beside your briefings
  briefings draft ARTICLE.txt [--out FILE] [--id ID] [--force]
                                  draft a briefing from a plain-text article
  briefings notes add|list|search|done|delete|restore|export|import|backup ...
                                  your notes and follow-ups (briefings notes -h)
  briefings serve [PATH ...] [--host HOST] [--port PORT] [--max-sessions N]
                                  serve the app to web browsers (with a token)

PATH is a briefing file or a folder of them (*.yaml, *.yml, searched recursively)."""


def run() -> None:
    sys.exit(main())


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] not in COMMANDS:
        return _open_app(args)
    # Imported here, not above: the app's start-up needs none of what they need.
    from importlib import import_module

    module = import_module(_OWN_MODULES.get(args[0], "tui.cli.subcommands"))
    try:
        code = int(getattr(module, args[0])(args[1:]))
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        # `briefings export | head`: the reader has gone. Stop without a traceback, as
        # other command-line tools do; what is still buffered would fail again when the
        # interpreter flushes it at exit, so from here on output goes nowhere.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 128 + 13  # as if killed by SIGPIPE, which shells report as 141


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

    _follow_the_terminal_size()

    app = create_app(paths_or_bundled(args.paths), watch=not args.no_watch)
    app.run()
    # After an unhandled exception Textual has printed its traceback and set a non-zero
    # return code: a script can tell a crash from a quit.
    return app.return_code or 0


def _follow_the_terminal_size() -> None:
    """In a terminal, forget COLUMNS and LINES: Textual asks `shutil.get_terminal_size`,
    which prefers them to the terminal itself, so with them exported (pytest-xdist
    exports 80x24 to its workers, some shells and scripts do too) the app stays at that
    size and ignores every resize. The web driver is told its size through them, and
    its output is a pipe, not a terminal: there they stay."""
    if sys.__stdout__ is not None and sys.__stdout__.isatty():
        for name in ("COLUMNS", "LINES"):
            os.environ.pop(name, None)
