"""Keys typed while a screen opens reach that screen.

Textual hands each key to the focused widget's queue as it arrives, and runs bindings
when the key comes back up to the app. So the keys typed right after one that opens a
screen ("/lemingham" in one read) are still on their way up through the screen below
when the new screen is pushed, and by the time they arrive that screen's bindings no
longer apply; and keys that reach the new screen before it is mounted find nothing
focused. Either way nothing handles them.

The app holds every key that arrives while the screen on top is still opening, and
sends them on, in the order typed, once that screen says it is ready. The same happens
within a screen when a key moves the focus to a text box: the letters typed after it
were sent to the widget that had the focus, and come back up unhandled; the box gets
them. A screen that is
no longer on top, and a box that takes typing on it, give the keys they still get back
to the app, as newly typed.
"""

from __future__ import annotations

from typing import cast

from textual import events
from textual.app import App
from textual.dom import NoScreen
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input


class ScreenReady(Message):
    """A screen is mounted and has its focus: the keys held for it can go."""

    def __init__(self, screen: Screen[object]) -> None:
        super().__init__()
        self.screen = screen


def retyped(key: events.Key) -> events.Key:
    """The key as the terminal sent it, to be routed again from the app."""
    return events.Key(key.key, key.character)


class PassesLateKeys:
    """Mixed in first among the bases of a screen, or of a widget that takes typing:
    keys it gets once its screen is no longer on top go back to the app, as if typed
    anew. (Not a widget itself, so Textual still takes styles and bindings from the
    class that follows it.)"""

    def on_key(self, event: events.Key) -> None:
        node = cast(Widget, self)
        try:
            on_top = node.screen.is_active
        except NoScreen:
            on_top = False
        if on_top:
            return
        event.stop()
        event.prevent_default()
        node.app.post_message(retyped(event))


class Typeahead(PassesLateKeys):
    """What every screen of this app does for typeahead: it passes on late keys, and
    tells the app when it is ready for keys (whenever it comes on top)."""

    def on_screen_resume(self) -> None:
        screen = cast("Screen[object]", self)
        screen.app.post_message(ScreenReady(screen))


class HoldsTypeahead(App[None]):
    """An app that holds keys while its top screen opens (see the module).

    The screen counts as open when the app has handled its ScreenReady, not when the
    screen has sent it: keys already queued for the app before that were typed while
    the screen was opening."""

    def __init__(self) -> None:
        super().__init__()
        self._held_keys: list[events.Key] = []
        self._ready_screen: Screen[object] | None = None

    def _top_screen_opening(self) -> bool:
        if not self.screen_stack:
            return False
        return isinstance(self.screen, Typeahead) and self.screen is not self._ready_screen

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and self._top_screen_opening():
            self._held_keys.append(event)
            return
        if isinstance(event, events.Key) and event.is_forwarded and event.is_printable:
            # Back up from the widget it was sent to while a box now has the focus: it
            # was typed before a key that moved the focus there had its binding run
            # ("f" then a word, on the visits overview). A box stops what it takes, so
            # this did not come from it; it is the box's.
            focused = self.focused
            if isinstance(focused, Input):
                focused.post_message(retyped(event))
                return
        await super().on_event(event)

    async def on_screen_ready(self, message: ScreenReady) -> None:
        if not self.screen_stack or message.screen is not self.screen:
            # From a screen closed before it told (a click opened it and another event
            # closed it at once): taken for the screen on top, it would hold every key
            # from then on. The screen on top tells its own.
            return
        self._ready_screen = message.screen
        if self._top_screen_opening():
            return
        held, self._held_keys = self._held_keys, []
        for key in held:
            await self.on_event(retyped(key))
