"""Opening the app draws its first screen before the heavy modules load.

The loading worker imports pydantic, YAML and the search engine after the first frame;
a module-level import of any of them in the UI or the CLI would delay every start.
"""

import json
import subprocess
import sys

HEAVY = (
    "pydantic",
    "yaml",
    "numpy",
    "rapidfuzz",
    "tui.index.archive",
    "tui.reading.loader",
    "tui.format.model",
)


def test_the_app_and_the_cli_import_nothing_heavy_before_the_first_paint() -> None:
    code = (
        "import json, sys, tui.cli.main, tui.ui.app; "
        f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert json.loads(output) == []


def test_a_subcommand_still_has_what_it_needs() -> None:
    from tui.cli.main import main

    assert main(["schema"]) == 0
