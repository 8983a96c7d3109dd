"""The footer of every screen: Textual's, without the keys it leaks, and made anew only
when its keys change."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Footer


class KeysFooter(Footer):
    """Textual's Footer makes its keys anew whenever the active bindings change (a new
    entry shown, a dialog opened), and each key watches the footer's `compact`. Those
    watches are dropped only when `compact` changes, which it never does here: every key
    ever made stayed alive, with its styles and caches (the monkey's memory grew by
    about 25 MB a minute). The keys gone are forgotten after each recompose.

    It also makes them anew for every change of the bindings, even when the keys it
    shows stay the same (a screen refreshes its bindings on every focus change, every
    entry shown): each new key is styled twice and laid out, which at start-up stood
    between the first frame and the first briefing. Now only a change of the keys shown,
    or of whether they are enabled, makes them anew."""

    # The keys last composed; None before the bindings are ready.
    _shown: tuple[tuple[Binding, bool, str], ...] | None = None

    def _keys(self) -> tuple[tuple[Binding, bool, str], ...]:
        """What compose would show: the bindings it reads, with their states."""
        palette = self.app.COMMAND_PALETTE_BINDING
        return tuple(
            (binding, enabled, tooltip)
            for key, (_, binding, enabled, tooltip) in self.screen.active_bindings.items()
            if binding.show or key == palette
        )

    async def recompose(self) -> None:
        if not self.is_attached or self._pruning:  # a closed screen's, called late
            return
        keys = self._keys() if self._bindings_ready else None
        if keys is not None and keys == self._shown:
            return
        self._shown = keys
        await super().recompose()
        # Textual keeps an object's watchers under this attribute (textual.reactive).
        watchers = getattr(self, "__watchers", {}).get("compact")
        if watchers:
            watchers[:] = [(node, callback) for node, callback in watchers if node.is_attached]
