"""The modal screens: name search, help, load problems and the briefing switcher."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.describe import count, describe_date, person_line
from tui.printable import one_line, printable
from tui.refs import Ref
from tui.ui.plain import plain_line

if TYPE_CHECKING:
    from tui.archive import Archive
    from tui.loader import Problem

# What the dialog shows at once in a 120x40 terminal (two lines a result). Each option
# is laid out on every keystroke, so a keystroke costs in proportion to this; a person
# not in the first ten is found faster by typing another letter than by scrolling.
SEARCH_LIMIT = 10


class SearchScreen(ModalScreen[Ref | None]):
    """Counterparts by name, across every loaded briefing, updated on each keystroke."""

    BINDINGS = [
        Binding("escape", "dismiss(None)", "Leave search"),
        Binding("enter", "choose", "Go to person", priority=True),
        Binding("down", "move(1)", "Next", show=False),
        Binding("up", "move(-1)", "Previous", show=False),
    ]

    def __init__(self, archive: Archive, query: str = "") -> None:
        super().__init__()
        self.archive = archive
        self.query_text = query
        self._refs: list[Ref] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="search-dialog"):
            yield Input(
                value=self.query_text,
                placeholder="A name, or part of one: typos and accents are fine",
                id="search-input",
            )
            yield Static(id="search-status")
            yield OptionList(id="search-results")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self._update(self.query_text)

    def archive_changed(self) -> None:
        """Files changed on disk: search again, with the same query."""
        self._update(self.query_text)

    def on_input_changed(self, event: Input.Changed) -> None:
        self._update(event.value)

    def _update(self, query: str) -> None:
        self.query_text = query
        matches = self.archive.search_names(query, SEARCH_LIMIT)
        results = self.query_one(OptionList)
        self._refs = [match.ref for match in matches]
        options = []
        for index, match in enumerate(matches):
            person = match.person
            why = f"{match.matched.kind} “{match.matched.text}”"
            briefing = self.archive.briefings[match.ref.briefing].title
            prompt = Content.assemble(
                (one_line(person_line(person.name, person.title, person.organization)), "bold"),
                "\n",
                (one_line(f"  matched {why} · {briefing}"), "$text-muted"),
            )
            options.append(Option(prompt, id=str(index)))
        results.set_options(options)
        if options:
            results.highlighted = 0
        status = self.query_one("#search-status", Static)
        if not query.strip():
            status.update(f"Type to search {len(self.archive.names):,} names.")
        elif not matches:
            status.update(plain_line(f"No counterpart matches “{query}”."))
        else:
            status.update(plain_line(f"{count(len(matches), 'match')} for “{query}”, best first."))

    def action_move(self, step: int) -> None:
        results = self.query_one(OptionList)
        if results.option_count:
            current = results.highlighted or 0
            results.highlighted = max(0, min(results.option_count - 1, current + step))

    def action_choose(self) -> None:
        highlighted = self.query_one(OptionList).highlighted
        if highlighted is not None and highlighted < len(self._refs):
            self.dismiss(self._refs[highlighted])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.dismiss(self._refs[int(event.option.id)])


class HelpScreen(ModalScreen[None]):
    """Every key, read from the bindings themselves, grouped where they apply."""

    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close help")]

    def __init__(self, groups: list[tuple[str, list[BindingType]]]) -> None:
        super().__init__()
        self.groups = groups

    def compose(self) -> ComposeResult:
        parts: list[Content | str | tuple[str, str]] = []
        for title, bindings in self.groups:
            parts += [(title, "bold underline"), "\n"]
            for binding in bindings:
                assert isinstance(binding, Binding)
                keys = ", ".join(_key_name(key) for key in binding.key.split(","))
                parts += [(f"  {keys:<20}", "bold $accent"), (binding.description, "bold")]
                if binding.tooltip:
                    parts.append(f" — {binding.tooltip}")
                parts.append("\n")
            parts.append("\n")
        with VerticalScroll(id="help-dialog"):
            yield Static(Content.assemble(*parts), id="help-text")
        yield Footer()


def _key_name(key: str) -> str:
    names = {"question_mark": "?", "slash": "/", "full_stop": "."}
    return names.get(key.strip(), key.strip())


class ErrorsScreen(ModalScreen[None]):
    """Files that failed to load, and why, as file:line:column: message."""

    BINDINGS = [Binding("escape,q", "dismiss", "Close")]

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__()
        self.problems = problems

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="errors-dialog"):
            yield Static(
                f"{count(len(self.problems), 'problem')} in "
                f"{count(len({p.path for p in self.problems}), 'file')}; the other files loaded.",
                id="errors-title",
            )
            text = "\n".join(printable(str(problem)) for problem in self.problems)
            yield Static(Content(text or "No problems."), id="errors-text")
        yield Footer()


class BriefingSwitcher(ModalScreen[str | None]):
    """Pick one of the loaded briefings."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Close")]

    def __init__(self, archive: Archive, current: str | None) -> None:
        super().__init__()
        self.archive = archive
        self.current = current

    def compose(self) -> ComposeResult:
        options = []
        for bid, briefing in self.archive.briefings.items():
            prompt = Content.assemble(
                (one_line(briefing.title), "bold"),
                "\n",
                (one_line(f"  {describe_date(briefing.dates)} · {briefing.path}"), "$text-muted"),
            )
            options.append(Option(prompt, id=bid))
        with Vertical(id="switcher-dialog"):
            yield Static(f"{count(len(options), 'briefing')} loaded", id="switcher-title")
            yield OptionList(*options, id="switcher-list")
        yield Footer()

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        if self.current is not None:
            options.highlighted = options.get_option_index(self.current)
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)


def help_groups(*owners: tuple[str, type]) -> list[tuple[str, list[BindingType]]]:
    """The BINDINGS of each class, titled: the help screen is built from these."""
    return [
        (title, [b for b in owner.BINDINGS if isinstance(b, Binding)]) for title, owner in owners
    ]
