"""Where the briefings that ship with the package are."""

from pathlib import Path

_PACKAGE = Path(__file__).parent.parent


def bundled_briefings() -> Path:
    # An installed wheel carries them inside the package; a source checkout (and an
    # editable install) has them at the top of the repository.
    installed = _PACKAGE / "bundled" / "briefings"
    return installed if installed.is_dir() else _PACKAGE.parent / "briefings"


def paths_or_bundled(values: list[str]) -> list[Path]:
    """The paths given on the command line, or the bundled briefings when none are."""
    return [Path(value) for value in values] or [bundled_briefings()]
