"""`briefings serve`: the app in a web browser, one app process per tab."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

DEFAULT_PORT = 8000
# Each tab is a whole app process with its own copy of the archive.
DEFAULT_MAX_SESSIONS = 8


def serve(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="briefings serve",
        description=(
            "Serve the app to web browsers. Every request needs the access token: the "
            "printed address carries it (VISIT_BRIEFINGS_TOKEN sets it)."
        ),
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="briefing files or folders")
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)"
    )
    parser.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help=f"default {DEFAULT_PORT}; 0 for any free"
    )
    parser.add_argument(
        "--max-sessions",
        type=_positive,
        default=DEFAULT_MAX_SESSIONS,
        metavar="N",
        help=f"browser tabs (app processes) at once (default {DEFAULT_MAX_SESSIONS})",
    )
    args = parser.parse_intermixed_args(argv)

    # Imported here: the web server's modules are needed only now.
    from tui.web.server import BriefingsServer
    from tui.web.token import TokenError, server_token

    try:
        token = server_token(os.environ)
    except TokenError as error:
        print(f"briefings serve: {error}", file=sys.stderr)
        return 2
    # Absolute, since the apps need not start where the server did; none means the
    # app opens the bundled briefings, as in the terminal.
    app_argv = [sys.executable, "-m", "tui", *(str(Path(p).resolve()) for p in args.paths)]
    server = BriefingsServer(
        app_argv, host=args.host, port=args.port, token=token, max_sessions=args.max_sessions
    )
    try:
        server.serve()
    except OSError as error:
        print(
            f"briefings serve: cannot listen on {args.host}:{args.port}: {error}", file=sys.stderr
        )
        return 1
    return 0


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value
