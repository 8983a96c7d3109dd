"""The package type-checks (mypy, configured in pyproject.toml: strict below the UI)."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_mypy() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-incremental", "--cache-dir", "/dev/null"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, f"mypy found problems:\n{done.stdout}{done.stderr}"
