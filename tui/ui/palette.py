"""Command palette commands: go to any briefing, event, counterpart, organization or
theme by name."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape

from tui.index.names import fold
from tui.index.refs import Kind, Ref
from tui.present.printable import one_line

if TYPE_CHECKING:
    from tui.ui.app import BriefingsApp

# Whole-archive entries are many; events, organizations and themes are offered for
# the open briefing, people through the name search across every briefing.
_KINDS = (Kind.event, Kind.organization, Kind.theme)


class GoToCommands(Provider):
    @property
    def briefings_app(self) -> BriefingsApp:
        return cast("BriefingsApp", self.app)

    def _entries(self) -> list[tuple[str, Ref]]:
        archive = self.briefings_app.archive
        screen = self.briefings_app.main_screen
        if archive is None:  # still starting
            return []
        entries = [
            (
                f"Briefing: {one_line(archive.label(Ref(Kind.briefing, bid, bid)))}",
                Ref(Kind.briefing, bid, bid),
            )
            for bid in archive.briefings
        ]
        if screen.briefing_id is not None:
            for kind in (*_KINDS, Kind.counterpart):
                entries += [
                    (f"{kind.value.capitalize()}: {one_line(archive.label(ref))}", ref)
                    for ref in archive.refs(kind, screen.briefing_id)
                ]
        return entries

    def _open(self, ref: Ref) -> None:
        self.briefings_app.main_screen.open(ref)

    async def discover(self) -> Hits:
        for text, ref in self._entries():
            yield DiscoveryHit(Content(text), partial(self._open, ref), text=text)

    async def search(self, query: str) -> Hits:
        # Scored by rapidfuzz, not Textual's matcher: the matcher tries every way to
        # place the query's letters in a text, which takes minutes and gigabytes on a
        # long name ("Wolfeschlegelsteinhausenbergerdorff…"; MONKEY_SEED=641879).
        from rapidfuzz import fuzz

        from tui.index.search import SCORE_CUTOFF

        folded = fold(query)
        seen: set[Ref] = set()
        for text, ref in self._entries() if folded else []:
            # Partial: an entry's text is "Kind: name", often much longer than what is
            # typed; token-sorted too, for words typed in another order.
            entry = fold(text)
            score = max(
                fuzz.partial_ratio(folded, entry, score_cutoff=SCORE_CUTOFF),
                fuzz.partial_token_sort_ratio(folded, entry, score_cutoff=SCORE_CUTOFF),
            )
            if score:
                seen.add(ref)
                yield Hit(score / 100, Content(text), partial(self._open, ref), text=text)
        archive = self.briefings_app.archive
        if archive is None:
            return
        for match in archive.search_names(query, 10):
            if match.ref not in seen:
                text = f"Counterpart: {one_line(match.person.name)}"
                help_text = one_line(archive.briefings[match.ref.briefing].title)
                yield Hit(
                    match.score / 100,
                    Content(text),
                    partial(self._open, match.ref),
                    text=text,
                    help=escape(help_text),
                )
