"""Keys typed while a screen opens reach that screen.

Textual hands each key to the focused widget's queue as it arrives, and runs bindings
when the key comes back up to the app. So the keys typed right after one that opens a
screen ("/lemingham" in one read) are still on their way up through the screen below
when the new screen is pushed, and by the time they arrive that screen's bindings no
longer apply; and keys that reach the new screen before it is mounted find nothing
focused. Either way nothing handles them.

The app holds every key that arrives while the screen on top is still opening, and
sends them on, in the order typed, once that screen says it is ready and the keys still
on their way up through the screen below have come back. A screen that is no longer on
top, and a box that takes typing on it, give the keys they still get back to the app.
Those were typed before any key the app has held since (it handed them down first), so
they go first. The same happens within a screen when a key moves the focus to a text
box: the letters typed after it were sent to the widget that had the focus, and come
back up unhandled; the box gets them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from textual import events
from textual.app import App
from textual.dom import NoScreen
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input


class LateKeysPassed(Message):
    """The keys that were on their way up through a screen when another opened on top
    have all come back to the app."""

    def __init__(self, serial: int) -> None:
        super().__init__()
        self.serial = serial


class ScreenReady(Message):
    """A screen is mounted and has its focus: the keys held for it can go."""

    def __init__(self, screen: Screen[object]) -> None:
        super().__init__()
        self.screen = screen


def escape_and_key(key: events.Key) -> tuple[events.Key, events.Key] | None:
    """Escape and the letter after it, when the terminal's parser made one alt key of
    them: it does so whenever they arrive in one read, as they do from a busy app's
    terminal or a fast typist ("escape" then "v", back and to the overview), and no
    binding of ours takes alt, so both keys would be lost. (Textual reads Escape and a
    digit as a macOS Option character, "™" for 2, which a user may also type: those
    are left as they are.)"""
    character = key.character
    if key.is_forwarded or character is None or len(character) != 1 or not character.isalpha():
        return None
    if key.key not in (f"alt+{character}", f"alt+shift+{character.lower()}"):
        return None
    return events.Key("escape", "\x1b"), events.Key(character, character)


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
        app = node.app
        if isinstance(app, HoldsTypeahead):
            app.take_late_key(event)
        else:
            app.post_message(retyped(event))


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

    # Keys come back up from the screen below within a few frames; should one of the
    # widgets they pass go away first, the keys held are not kept waiting longer.
    LATE_KEYS_WAIT = 0.5

    def __init__(self) -> None:
        super().__init__()
        self._late_keys: list[events.Key] = []  # given back by screens below: typed first
        self._held_keys: list[events.Key] = []  # from the terminal while holding
        self._ready_screen: Screen[object] | None = None
        self._waiting_for: int | None = None  # the LateKeysPassed awaited, by serial
        self._serial = 0

    # Keys that go through while the app waits for its content, when none is held: a
    # long first read can be left (a "q" after "/" is the search's, and waits).
    PASS_WHILE_WAITING: frozenset[str] = frozenset(["ctrl+c", "ctrl+q"])

    def waits_for_content(self) -> bool:
        """Whether keys wait for what the app is still reading before its bindings can
        act on them ("/" typed before there is an archive to search)."""
        return False

    def content_arrived(self) -> None:
        """What the keys waited for is there: they go on, in the order typed."""
        if self._waiting_for is not None:
            return  # a screen is opening: its keys, and these, go when it is open
        self._serial += 1
        self._waiting_for = self._serial
        self.post_message(LateKeysPassed(self._serial))

    def _holding(self) -> bool:
        if not self.screen_stack:
            return False
        if self._waiting_for is not None or self.waits_for_content():
            return True
        return isinstance(self.screen, Typeahead) and self.screen is not self._ready_screen

    def take_late_key(self, key: events.Key) -> None:
        """A key that reached a screen no longer on top, or a box on one."""
        if self._holding():
            self._late_keys.append(key)
        else:
            self.post_message(retyped(key))

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and (keys := escape_and_key(event)) is not None:
            for key in keys:
                await self.on_event(key)
            return
        if (
            isinstance(event, events.Key)
            and self._holding()
            and not (
                event.key in self.PASS_WHILE_WAITING
                and self.waits_for_content()
                and not self._held_keys
            )
        ):
            # A key the app handed down before it began holding comes back forwarded.
            (self._late_keys if event.is_forwarded else self._held_keys).append(event)
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

    def on_screen_ready(self, message: ScreenReady) -> None:
        if not self.screen_stack or message.screen is not self.screen:
            # From a screen closed before it told (a click opened it and another event
            # closed it at once): taken for the screen on top, it would hold every key
            # from then on. The screen on top tells its own.
            return
        below, self._ready_screen = self._ready_screen, message.screen
        if self._waiting_for is not None:
            return
        self._serial += 1
        self._waiting_for = serial = self._serial

        def passed() -> None:
            self.post_message(LateKeysPassed(serial))

        self._after_keys_in_flight(below, passed)
        self.set_timer(self.LATE_KEYS_WAIT, passed)

    def _after_keys_in_flight(
        self, screen: Screen[object] | None, then: Callable[[], None]
    ) -> None:
        """Call `then` once the keys already queued on the way up from the screen's
        focused widget (through each of its containers, to the screen) have passed."""
        if screen is None or screen is self.screen or not screen.is_attached:
            then()
            return
        node: Widget | None = screen.focused or screen
        path: list[Widget] = []
        while node is not None:
            path.append(node)
            node = None if node is screen else cast("Widget | None", node.parent)

        def after(index: int) -> None:
            if index == len(path):
                then()
            else:
                path[index].call_later(after, index + 1)

        after(0)

    async def on_late_keys_passed(self, message: LateKeysPassed) -> None:
        if message.serial != self._waiting_for:
            return
        self._waiting_for = None
        if self._holding():  # another screen opened meanwhile: its ScreenReady goes on
            return
        keys = self._late_keys + self._held_keys
        self._late_keys, self._held_keys = [], []
        for key in keys:
            await self.on_event(retyped(key))
