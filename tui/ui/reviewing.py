"""Reviewing drafts in the app: open the selected entry's line in the user's editor, and
mark it reviewed (tui.reading.review_write does the one write the app makes)."""

from __future__ import annotations

import os
import shlex
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

from tui.index.refs import Kind, Ref

if TYPE_CHECKING:
    from tui.index.archive import Archive
    from tui.reading.checks import Location

DRAFTED_MARK = "✎ "
COLLECTION = {
    Kind.briefing: None,
    Kind.event: "itinerary",
    Kind.counterpart: "counterparts",
    Kind.theme: "themes",
    Kind.organization: "organizations",
}


def editor_command(path: Path, line: int, environ: dict[str, str] | None = None) -> list[str]:
    """$VISUAL or $EDITOR (vi without either), opened at the line: `+LINE FILE` is what
    vi, vim, nano, emacs, micro and kakoune understand."""
    environ = dict(os.environ) if environ is None else environ
    editor = environ.get("VISUAL") or environ.get("EDITOR") or "vi"
    return [*shlex.split(editor), f"+{line}", str(path)]


def location(archive: Archive, ref: Ref) -> tuple[Path, Location]:
    from tui.reading.review_write import entry_location

    loaded = archive.loaded(ref.briefing)
    return loaded.path, entry_location(loaded.briefing, COLLECTION[ref.kind], ref.id)


def run_editor(command: list[str]) -> str | None:
    """Run the editor in the foreground; a problem starting it, in words."""
    try:
        subprocess.run(command, check=False)
    except OSError as error:
        return f"cannot start {command[0]}: {error.strerror or error}"
    return None
