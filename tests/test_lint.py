"""The code is lint-clean and formatted (ruff, configured in pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import ROOT

TARGETS = [name for name in ("tui", "tests", "benchmarks") if (ROOT / name).is_dir()]


@pytest.mark.parametrize(
    "command", [["check"], ["format", "--check"]], ids=["ruff check", "ruff format"]
)
def test_ruff(command: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "ruff", *command, "--no-cache", *TARGETS],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, (
        f"ruff {' '.join(command)} found problems "
        f"(fix with: ruff check --fix / ruff format):\n{done.stdout}{done.stderr}"
    )
