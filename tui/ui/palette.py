"""Command palette commands: go to any briefing, event, counterpart, organization or
theme by name."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape

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
        self.briefings_app.browse(ref)

    async def discover(self) -> Hits:
        for text, ref in self._entries():
            yield DiscoveryHit(Content(text), partial(self._open, ref), text=text)

    async def search(self, query: str) -> Hits:
        """Every entry of every loaded briefing, by its names only (tui.index.mixed):
        never by the palette's own words, or "oberg" would find every organization
        through "Organization"."""
        from tui.index.mixed import KIND_LABELS
        from tui.index.mixed import search as search_archive

        app = self.briefings_app
        archive = app.archive
        if archive is None:
            return
        seen: set[Ref] = set()
        for found in search_archive(archive, query, 20):
            seen.update(found.refs)
            label = archive.label(found.ref)
            if found.kind is Kind.briefing and len(found.refs) > 1:
                label = f"Visits to {found.matched.text}"
            text = f"{KIND_LABELS[found.kind]}: {one_line(label)}"
            briefings = found.briefings
            where = (
                archive.briefings[briefings[0]].title
                if len(briefings) == 1
                else f"in {len(briefings):,} visits"
            )
            via = (
                ""
                if found.matched.text == label
                else f"{found.matched.kind} “{found.matched.text}” · "
            )
            yield Hit(
                found.score / 100,
                Content(text),
                partial(app.go_to, found),
                text=text,
                help=escape(one_line(via + where)),
            )
        # The open briefing's entries also by a part of their name, however long the
        # name (name search leaves out names more than 8 times as long as the query).
        # Scored by rapidfuzz, not Textual's matcher: the matcher tries every way to
        # place the query's letters in a text, which takes minutes and gigabytes on a
        # long name ("Wolfeschlegelsteinhausenbergerdorff…"; MONKEY_SEED=641879).
        from rapidfuzz import fuzz

        from tui.index.names import fold
        from tui.index.search import SCORE_CUTOFF

        folded = fold(query)
        for text, entry in self._entries() if folded else []:
            if entry in seen:
                continue
            score = fuzz.partial_ratio(
                folded, fold(archive.label(entry)), score_cutoff=SCORE_CUTOFF
            )
            if score:
                yield Hit(score / 100, Content(text), partial(self._open, entry), text=text)
