"""The footer of every screen: Textual's, without the keys it leaks."""

from __future__ import annotations

from textual.widgets import Footer


class KeysFooter(Footer):
    """Textual's Footer makes its keys anew whenever the active bindings change (a new
    entry shown, a dialog opened), and each key watches the footer's `compact`. Those
    watches are dropped only when `compact` changes, which it never does here: every key
    ever made stayed alive, with its styles and caches (the monkey's memory grew by
    about 25 MB a minute). The keys gone are forgotten after each recompose."""

    async def recompose(self) -> None:
        await super().recompose()
        # Textual keeps an object's watchers under this attribute (textual.reactive).
        watchers = getattr(self, "__watchers", {}).get("compact")
        if watchers:
            watchers[:] = [(node, callback) for node, callback in watchers if node.is_attached]
