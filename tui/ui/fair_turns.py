"""A screen busy with its own messages still lets the rest of the app run.

Textual's message queue hands out the next message without giving the event loop a
turn while the queue is not empty. A screen whose handling of a message posts another
to itself (a layout that resizes, resizes that lay out again, refreshes deferred while
repaints are held) then runs alone: the app's own queue (keys, timers) and every
widget's wait. The tmux monkey found the app stuck that way after tiny resizes: busy
for as long as it was watched, the screen on top taking a resize and a deferred
refresh per turn, repaints held (Textual's batch count above zero, so nothing reached
the terminal), and the typed keys waiting in the app's queue.

Mixed in first among a screen's bases, this gives the loop a turn after every message,
as it gets whenever the queue runs empty: the app and the widgets keep up, and
whatever holds the repaints gets to end.
"""

from __future__ import annotations

import asyncio

from textual.message import Message
from textual.message_pump import MessagePump


class TakesTurns(MessagePump):
    async def _get_message(self) -> Message:
        message = await super()._get_message()
        await asyncio.sleep(0)
        return message
