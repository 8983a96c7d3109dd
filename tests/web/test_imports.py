"""The terminal app starts without the web server's modules."""

import json
import subprocess
import sys


def test_briefings_imports_nothing_of_the_web_server() -> None:
    code = (
        "import json, sys, tui.cli.main, tui.ui.app; "
        "print(json.dumps(sorted(m for m in sys.modules "
        "if m.split('.')[0] in ('textual_serve', 'aiohttp', 'jinja2') or m.startswith('tui.web'))))"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert json.loads(output) == []


def test_serve_is_a_command_with_help() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tui", "serve", "--help"], capture_output=True, text=True
    )
    assert done.returncode == 0
    assert "--max-sessions" in done.stdout and "token" in done.stdout
