"""Keys shared by the lists: vi-style moves next to the arrows, home and end."""

from textual.binding import Binding


def list_moves(top: str, bottom: str) -> list[Binding]:
    """j/k/g/G for a list whose actions to jump to the ends are named `top`, `bottom`."""
    return [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", top, "Top", show=False),
        Binding("G", bottom, "Bottom", show=False),
    ]
