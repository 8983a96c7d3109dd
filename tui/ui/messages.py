"""Messages the app sends its screens."""

from __future__ import annotations

from textual.message import Message


class ArchiveChanged(Message):
    """Files changed on disk and the archive now says what they say.

    Sent to every screen on the stack, so that each shows the new content where it is."""

    def __init__(self, stale: set[str]) -> None:
        super().__init__()
        # Briefings shown from their last good version: their files now have problems.
        self.stale = stale
