"""A resize that is no longer the terminal's size, still queued on a screen, is dropped.

Textual's screen lays itself out at each resize event's size and then, its size having
changed, posts itself a resize of that size. With two sizes in the queue and other
messages between them (so that Textual does not fold them into one), the two go round
for ever: the screen never idle, every screen under it laid out at each size in turn.
The pilot monkey found that loop at 80 keys/s after tiny resizes, and the tmux monkey
the app busy for ten minutes and drawing nothing. Here the loop is set up directly:
the event loop gets a turn between a screen's messages, as under a real terminal's
timing, and a stale size and the current one are queued on every open screen."""

from __future__ import annotations

import asyncio

import pytest
from textual import events, messages
from textual.geometry import Size
from textual.message import Message
from textual.message_pump import MessagePump
from ui_helpers import wait_for, wait_loaded

from tui.reading.bundled import paths_or_bundled
from tui.ui.app import create_app
from tui.ui.screens.help import HelpScreen


async def test_a_stale_resize_on_a_screen_is_dropped(monkeypatch: pytest.MonkeyPatch) -> None:
    taken = MessagePump._get_message

    async def with_a_turn_between(pump: MessagePump) -> Message:
        message = await taken(pump)
        await asyncio.sleep(0)
        return message

    monkeypatch.setattr(MessagePump, "_get_message", with_a_turn_between)
    app = create_app(paths_or_bundled([]), watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen), "the help")
        screens = list(app.screen_stack)
        stale, current = Size(100, 20), Size(120, 40)
        for screen in screens:
            screen.post_message(events.Resize(stale, stale))
            screen.post_message(messages.Update(screen))
            screen.post_message(events.Resize(current, current))
            screen.post_message(messages.Update(screen))
        await wait_for(
            pilot,
            lambda: all(screen._message_queue.empty() for screen in screens),
            "the screens to settle",
        )
        assert all(screen.size == current for screen in screens)
