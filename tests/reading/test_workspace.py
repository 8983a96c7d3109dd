"""The workspace without a terminal: batched loading, and refresh after edits on disk
(the last good version stays, marked stale, until the next good save)."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from hostile import BROKEN_LINE, BROKEN_YAML, OTHER_YAML, SOURCE, small_folder, small_yaml

import tui.reading.workspace
from tui.index.archive import Archive
from tui.reading.loader import Problem, ProblemKind
from tui.reading.workspace import Workspace


class Opened:
    """A workspace and the archive it feeds, kept in step the way the app keeps them."""

    def __init__(self, *paths: Path) -> None:
        self.workspace = Workspace(paths)
        self.archive = Archive()
        for batch in self.workspace.load():
            self.archive.add(batch.briefings)

    def refresh(self, changed: list[Path]) -> list[Problem]:
        change = self.workspace.refresh(changed)
        self.archive.update(change.briefings, change.removed, self.workspace.stale)
        return change.problems

    def __getattr__(self, name: str) -> object:
        return getattr(self.workspace, name)


def loaded(opened: Opened) -> dict[str, str]:
    """Briefing id -> title, of what the archive shows; the workspace agrees on ids."""
    titles = {bid: outline.title for bid, outline in opened.archive.briefings.items()}
    assert set(opened.workspace.ids.values()) == set(titles)
    return titles


def opened(*paths: Path) -> Opened:
    return Opened(*paths)


def test_batches_report_progress_and_problems(tmp_path, monkeypatch):
    monkeypatch.setattr(tui.reading.workspace, "BATCH_SIZE", 2)
    files = [(f"b{n}.yaml", small_yaml(f"b{n}", f"Visit {n}")) for n in range(5)]
    folder = small_folder(tmp_path, *files, ("broken.yaml", BROKEN_YAML))
    workspace = Workspace([folder])
    batches = list(workspace.load())
    # The first file comes alone: it is what the screen shows first.
    assert [(batch.done, batch.total) for batch in batches] == [(1, 6), (3, 6), (5, 6), (6, 6)]
    assert sum(len(batch.briefings) for batch in batches) == 5
    problems = [problem for batch in batches for problem in batch.problems]
    assert [(p.path.name, p.line) for p in problems] == [("broken.yaml", BROKEN_LINE)]
    assert len(workspace.ids) == 5
    assert workspace.problems == problems
    assert workspace.stale == set()


def test_an_empty_or_missing_path_yields_one_batch_with_its_problem(tmp_path):
    workspace = Workspace([tmp_path / "nowhere"])
    batches = list(workspace.load())
    assert len(batches) == 1
    assert [p.message for p in batches[0].problems] == ["no such file or folder"]
    assert workspace.ids == {}


def test_refresh_after_an_edit_reloads(tmp_path):
    folder = small_folder(tmp_path)
    workspace = opened(folder)
    path = folder / "small.yaml"
    path.write_text(small_yaml(title="Edited"), encoding="utf-8")
    assert workspace.refresh([path]) == []
    assert loaded(workspace) == {"small": "Edited"}
    assert workspace.stale == set()


def test_a_broken_save_keeps_the_last_good_version_marked_stale(tmp_path):
    folder = small_folder(tmp_path)
    workspace = opened(folder)
    path = folder / "small.yaml"
    path.write_text(BROKEN_YAML, encoding="utf-8")
    problems = workspace.refresh([path])
    assert [(p.path, p.line) for p in problems] == [(path.resolve(), BROKEN_LINE)]
    assert loaded(workspace) == {"small": "A small visit"}
    assert workspace.stale == {"small"}
    assert [str(p) for p in workspace.problems] == [str(p) for p in problems]
    assert re.match(rf"{re.escape(str(path.resolve()))}:{BROKEN_LINE}:\d+: ", str(problems[0]))

    # The next good save replaces it and clears the mark.
    path.write_text(small_yaml(title="Fixed"), encoding="utf-8")
    assert workspace.refresh([path]) == []
    assert loaded(workspace) == {"small": "Fixed"}
    assert workspace.stale == set()
    assert workspace.problems == []


@pytest.mark.parametrize(
    "save",
    [
        pytest.param(lambda text: text[: len(text) // 2], id="half-written"),
        pytest.param(lambda text: text.replace("kind: meeting", "kind: party"), id="invalid"),
        pytest.param(lambda text: text.replace("- Mr. Wang Wei\n", "- Mrs. Wang\n"), id="quote"),
        pytest.param(lambda text: "", id="empty"),
    ],
)
def test_other_bad_saves_also_keep_the_last_good_version(tmp_path, save):
    folder = small_folder(tmp_path)
    workspace = opened(folder)
    path = folder / "small.yaml"
    path.write_text(save(small_yaml(title="Changed")), encoding="utf-8")
    problems = workspace.refresh([path])
    assert problems
    assert all(p.path == path.resolve() and p.line is not None for p in problems)
    assert loaded(workspace) == {"small": "A small visit"}
    assert workspace.stale == {"small"}


def test_a_new_file_in_an_opened_folder_appears_and_a_deleted_one_disappears(tmp_path):
    folder = small_folder(tmp_path)
    workspace = opened(folder)
    new = folder / "lyon.yml"
    new.write_text(OTHER_YAML, encoding="utf-8")
    assert workspace.refresh([new]) == []
    assert set(loaded(workspace)) == {"small", "lyon-visit"}

    new.unlink()
    assert workspace.refresh([new]) == []
    assert set(loaded(workspace)) == {"small"}


def test_a_deleted_broken_file_takes_its_problems_with_it(tmp_path):
    folder = small_folder(tmp_path, ("small.yaml", small_yaml()), ("broken.yaml", BROKEN_YAML))
    workspace = opened(folder)
    assert len(workspace.problems) == 1
    (folder / "broken.yaml").unlink()
    workspace.refresh([folder / "broken.yaml"])
    assert workspace.problems == []
    # A deleted stale file: its last good version goes too, problems and all.
    path = folder / "small.yaml"
    path.write_text(BROKEN_YAML, encoding="utf-8")
    workspace.refresh([path])
    path.unlink()
    workspace.refresh([path])
    assert loaded(workspace) == {} and workspace.problems == [] and workspace.stale == set()


def test_files_outside_the_opened_paths_or_not_briefings_are_ignored(tmp_path):
    folder = small_folder(tmp_path)
    workspace = opened(folder / "small.yaml")
    stranger = folder / "other.yaml"
    stranger.write_text(OTHER_YAML, encoding="utf-8")
    notes = folder / "notes.txt"
    notes.write_text("not a briefing", encoding="utf-8")
    assert workspace.refresh([stranger, notes]) == []
    assert set(loaded(workspace)) == {"small"}
    assert not workspace.covers(stranger)
    assert workspace.covers(folder / "small.yaml")


def test_a_changed_source_text_rechecks_its_briefings(tmp_path):
    folder = small_folder(tmp_path, ("small.yaml", small_yaml()), ("lyon.yaml", OTHER_YAML))
    workspace = opened(folder)
    source = tmp_path / "seeds" / "visits.txt"
    assert source.parent.resolve() in workspace.watch_roots()

    source.write_text(SOURCE.replace("Ms. Zoë", "Ms. Zoe"), encoding="utf-8")
    problems = workspace.refresh([source])
    # Only the briefing quoting the changed words is affected; both were re-checked.
    assert [p.message.partition(";")[0] for p in problems] == [
        "counterparts[1].quotes[0]: quote not found in the source text"
    ]
    assert problems[0].path.name == "small.yaml" and problems[0].line is not None
    assert workspace.stale == {"small"}
    assert set(loaded(workspace)) == {"small", "lyon-visit"}

    source.write_text(SOURCE, encoding="utf-8")
    assert workspace.refresh([source]) == []
    assert workspace.stale == set()


def test_two_files_claiming_one_briefing_id(tmp_path):
    folder = small_folder(
        tmp_path,
        ("a.yaml", small_yaml(title="First")),
        ("b.yaml", small_yaml(title="Second")),
    )
    workspace = opened(folder)
    assert loaded(workspace) == {"small": "First"}
    [problem] = workspace.problems
    assert problem.path.name == "b.yaml" and problem.line == 2
    assert "already used by" in problem.message and "a.yaml" in problem.message

    # The second file is edited, still claiming the id: still refused, the first stays.
    b = folder / "b.yaml"
    b.write_text(small_yaml(title="Second, edited"), encoding="utf-8")
    assert [p.path.name for p in workspace.refresh([b])] == ["b.yaml"]
    assert loaded(workspace) == {"small": "First"}
    assert workspace.stale == set()

    # The second file takes its own id: both load, no problem left.
    b.write_text(small_yaml("small-two", "Second"), encoding="utf-8")
    assert workspace.refresh([b]) == []
    assert loaded(workspace) == {"small": "First", "small-two": "Second"}
    assert workspace.problems == []


def test_a_file_taking_another_files_id_keeps_its_own_last_good_version(tmp_path):
    folder = small_folder(
        tmp_path, ("a.yaml", small_yaml(title="First")), ("b.yaml", small_yaml("two", "Two"))
    )
    workspace = opened(folder)
    b = folder / "b.yaml"
    b.write_text(small_yaml(title="Thief"), encoding="utf-8")
    [problem] = workspace.refresh([b])
    assert "already used by" in problem.message
    assert loaded(workspace) == {"small": "First", "two": "Two"}
    assert workspace.stale == {"two"}


def test_when_the_first_claimant_goes_the_second_file_loads(tmp_path):
    folder = small_folder(
        tmp_path,
        ("a.yaml", small_yaml(title="First")),
        ("b.yaml", small_yaml(title="Second")),
    )
    workspace = opened(folder)
    (folder / "a.yaml").unlink()
    workspace.refresh([folder / "a.yaml"])
    # The id is free now: the file that was refused for it is what there is.
    assert loaded(workspace) == {"small": "Second"}
    assert workspace.problems == []


def test_when_the_first_claimant_changes_its_id_the_second_file_loads(tmp_path):
    folder = small_folder(
        tmp_path,
        ("a.yaml", small_yaml(title="First")),
        ("b.yaml", small_yaml(title="Second")),
    )
    workspace = opened(folder)
    a = folder / "a.yaml"
    a.write_text(small_yaml("renamed", "First"), encoding="utf-8")
    workspace.refresh([a])
    assert loaded(workspace) == {"renamed": "First", "small": "Second"}
    assert workspace.problems == []


def test_a_refused_file_is_known_by_its_problems_kind_not_its_wording(tmp_path, monkeypatch):
    folder = small_folder(
        tmp_path,
        ("a.yaml", small_yaml(title="First")),
        ("b.yaml", small_yaml(title="Second")),
    )
    workspace = opened(folder)
    [problem] = workspace.problems
    assert (problem.kind, problem.briefing_id) == (ProblemKind.ID_TAKEN, "small")
    # Whatever the message says (a translation, a rewording), the refused file gets its
    # turn when the id is freed.
    reworded = {
        path: [replace(p, message="…") for p in found]
        for path, found in workspace._problems.items()
    }
    monkeypatch.setattr(workspace.workspace, "_problems", reworded)
    (folder / "a.yaml").unlink()
    assert workspace.refresh([folder / "a.yaml"]) == []
    assert loaded(workspace) == {"small": "Second"}


@pytest.mark.parametrize("new_name", ["0-first.yaml", "z-last.yaml"])
def test_a_renamed_file_is_not_refused_for_its_own_id(tmp_path, new_name):
    # Renaming b.yaml to a name that sorts first: the new name is reloaded before the
    # old one is forgotten, and once said "the id is already used by b.yaml".
    folder = small_folder(tmp_path, ("b.yaml", small_yaml(title="Kept")))
    workspace = opened(folder)
    (folder / "b.yaml").rename(folder / new_name)
    assert workspace.refresh([folder / new_name, folder / "b.yaml"]) == []
    assert workspace.refresh([folder / "b.yaml", folder / new_name]) == []
    assert loaded(workspace) == {"small": "Kept"}
    assert [path.name for path in workspace.ids] == [new_name]
    assert workspace.problems == []
