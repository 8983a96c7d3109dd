"""Moves a widget makes itself (refilled, or following what another pane shows) are
not the user's, and must not report themselves as the user's moves do.

Textual's `prevent` would drop those reports, but it spreads: every message posted under
it carries it, and while a handler of one of those awaits, the same kind of message is
prevented in every other widget too (the stack of prevented kinds is shared by the
app's tasks). A list the user moved in then moved without its detail following, now
and then: after a reload, say, while the new detail's widgets mounted. This drops the
reports at the one widget, and only while it moves itself."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from textual.message import Message
from textual.widget import Widget


class OwnMoves(Widget):
    """A second base for a widget whose own moves post nothing of the `quiet` kinds
    (second: Textual names and styles a widget after its first base)."""

    _moving_itself = 0

    @contextmanager
    def moving_itself(self) -> Iterator[None]:
        self._moving_itself += 1
        try:
            yield
        finally:
            self._moving_itself -= 1

    def quiet(self, message: Message) -> bool:
        """Whether a message is one of the reports a move of its own does not send."""
        raise NotImplementedError

    def post_message(self, message: Message) -> bool:
        if self._moving_itself and self.quiet(message):
            return False
        return super().post_message(message)
