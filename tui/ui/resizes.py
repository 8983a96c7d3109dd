"""A screen lays itself out at the terminal's size, never at a size it no longer has.

Textual's screen lays itself out at each resize event's size and then, its size having
changed, posts itself a resize of that size. When the terminal is resized again before
a screen gets to the first event (tiny sizes on a busy machine do it), a stale size
and the current one are both queued, with other messages between them, and go round for
ever: the screen is never idle and every screen under it is laid out at each size in
turn. The tmux monkey found the app so, busy and drawing nothing for as long as it was
watched. The app always sends its screens the terminal's latest size, so an event of
any other size can be dropped.
"""

from __future__ import annotations

from typing import cast

from textual import events
from textual.screen import Screen


class DropsStaleResizes:
    """Mixed in first among a screen's bases (not a screen itself, so Textual still
    takes styles and bindings from the class that follows it)."""

    async def _on_resize(self, event: events.Resize) -> None:
        if event.size != cast(Screen[object], self).app.size:
            # Handlers run from the subclass up: Screen's own is skipped.
            event.prevent_default()
            event.stop()
