"""Whatever is at a path (a symbolic link that loops, a named pipe, a device, a folder
that cannot be read, folders nested thousands deep, a name with a line break), loading
and live reload report it with the path and what it is, and go on with the rest.

Each pipe test guards against a hang: if the code under test does open the pipe for
reading, a helper opens it for writing after a while so the read ends, and the test
fails on the time taken instead of hanging the suite."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hostile import SOURCE_NAME, small_folder, small_yaml

import tui.reading.paths
from tui.reading.cache import BriefingCache
from tui.reading.loader import LoadResult, ProblemKind, load_paths
from tui.reading.workspace import Workspace

pipes = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")


def _unblock_readers(pipe: Path, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))
            return
        except OSError:  # nobody is reading (yet)
            time.sleep(0.02)


def fifo(path: Path) -> Path:
    os.mkfifo(path)
    threading.Thread(target=_unblock_readers, args=(path, 3.0), daemon=True).start()
    return path


def quickly_loaded(*paths: Path, cache: BriefingCache | None = None) -> LoadResult:
    started = time.perf_counter()
    result = load_paths(paths, cache=cache)
    assert time.perf_counter() - started < 2, "the loader waited on a pipe"
    return result


def messages(result: LoadResult) -> dict[str, str]:
    return {problem.path.name: problem.message for problem in result.problems}


def ids(result: LoadResult) -> list[str]:
    return [loaded.id for loaded in result.briefings]


# --- in an opened folder --------------------------------------------------------------


def test_a_symbolic_link_that_loops_is_reported_and_the_rest_loads(tmp_path: Path) -> None:
    folder = small_folder(tmp_path)
    (folder / "loop.yaml").symlink_to("loop.yaml")
    (folder / "loop.txt").symlink_to("loop.txt")  # not a briefing: nothing to say
    result = quickly_loaded(folder)
    assert ids(result) == ["small"]
    assert messages(result) == {"loop.yaml": "cannot read: a symbolic link that loops"}
    assert result.problems[0].kind is ProblemKind.PATH


@pipes
def test_a_named_pipe_and_a_device_in_a_folder_are_reported(tmp_path: Path) -> None:
    folder = small_folder(tmp_path)
    fifo(folder / "pipe.yaml")
    (folder / "null.yaml").symlink_to(os.devnull)
    result = quickly_loaded(folder)
    assert ids(result) == ["small"]
    assert messages(result) == {
        "null.yaml": "a character device, not a briefing file",
        "pipe.yaml": "a named pipe (FIFO), not a briefing file",
    }


def test_a_link_to_nothing_is_passed_over(tmp_path: Path) -> None:
    # Editors leave such links as lock files (Emacs: .#name.yaml) while a file is open.
    folder = small_folder(tmp_path)
    (folder / ".#small.yaml").symlink_to("user@host.1234")
    result = quickly_loaded(folder)
    assert ids(result) == ["small"] and result.problems == []


def test_a_folder_that_cannot_be_read_is_reported_and_the_rest_loads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = small_folder(tmp_path)
    locked = folder / "locked"
    locked.mkdir()
    (locked / "other.yaml").write_text(small_yaml("other"), encoding="utf-8")
    # Tests may run as root, whom no permission stops: the refusal is the kernel's
    # answer to scandir, given here for that one folder.
    scandir = os.scandir

    def refusing(path: os.PathLike[str]) -> Iterator[os.DirEntry[str]]:
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(tui.reading.paths.os, "scandir", refusing)
    result = quickly_loaded(folder)
    assert ids(result) == ["small"]
    assert messages(result) == {"locked": "cannot read the folder: Permission denied"}


def test_two_thousand_nested_folders(tmp_path: Path) -> None:
    folder = small_folder(tmp_path)
    nested = [folder]
    for _ in range(2000):  # Path.mkdir(parents=True) would recurse, once per level
        nested.append(nested[-1] / "d")
        nested[-1].mkdir()
    # Halfway down (the deepest paths are too long to open), its source 1,001 levels up.
    text = small_yaml("deep").replace("../seeds/", "../" * 1000 + "../seeds/")
    deep = nested[1000] / "deep.yaml"
    deep.write_text(text, encoding="utf-8")
    try:
        result = load_paths([folder], cache=None)
        assert sorted(ids(result)) == ["deep", "small"]
        # Where the temporary folder is deep itself, the deepest paths are longer than
        # the system opens: each says so.
        assert {p.message for p in result.problems} <= {
            "cannot read the folder: File name too long"
        }
        validate = subprocess.run(
            [sys.executable, "-m", "tui", "validate", str(folder)],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert "Traceback" not in validate.stderr, validate.stderr[-2000:]
        assert "2 valid" in validate.stdout
    finally:
        deep.unlink()
        for level in reversed(nested[1:]):  # shutil.rmtree recurses too
            level.rmdir()


# --- as a path opened ------------------------------------------------------------------


@pipes
@pytest.mark.parametrize(
    ("make", "what"),
    [
        (lambda path: path.symlink_to(path.name), "cannot read: a symbolic link that loops"),
        (fifo, "a named pipe (FIFO), not a briefing file or folder"),
        (
            lambda path: path.symlink_to(os.devnull),
            "a character device, not a briefing file or folder",
        ),
        (lambda path: None, "no such file or folder"),
    ],
    ids=["loop", "pipe", "device", "nothing"],
)
def test_an_opened_path_says_what_it_is(tmp_path: Path, make, what: str) -> None:
    folder = small_folder(tmp_path)
    odd = tmp_path / "odd.yaml"
    make(odd)
    result = quickly_loaded(odd, folder)
    assert ids(result) == ["small"]
    assert [(p.path, p.message) for p in result.problems] == [(odd, what)]


def test_dev_zero_is_a_device(tmp_path: Path) -> None:
    result = quickly_loaded(Path("/dev/zero"), small_folder(tmp_path))
    assert ids(result) == ["small"]
    assert messages(result) == {"zero": "a character device, not a briefing file or folder"}


def test_a_workspace_opened_on_a_symbolic_link_loop_loads_the_rest(tmp_path: Path) -> None:
    folder = small_folder(tmp_path)
    loop = tmp_path / "loop"
    loop.symlink_to("loop")
    workspace = Workspace([loop, folder])
    batches = list(workspace.load())
    assert [b.id for batch in batches for b in batch.briefings] == ["small"]
    assert [(p.path.name, p.message) for p in workspace.problems] == [
        ("loop", "cannot read: a symbolic link that loops")
    ]


# --- as a briefing's source text, as a cache entry ------------------------------------


@pipes
def test_a_cache_entry_replaced_by_a_named_pipe(tmp_path: Path) -> None:
    folder = small_folder(tmp_path)
    cache = BriefingCache(tmp_path / "cache")
    assert ids(quickly_loaded(folder, cache=cache)) == ["small"]
    (entry,) = (tmp_path / "cache").glob("*.entry")
    entry.unlink()
    fifo(entry)
    result = quickly_loaded(folder, cache=cache)
    assert ids(result) == ["small"] and result.problems == []


@pipes
def test_a_source_text_that_is_a_pipe_says_so(tmp_path: Path) -> None:
    folder = small_folder(tmp_path)
    (tmp_path / "seeds" / SOURCE_NAME).unlink()
    fifo(tmp_path / "seeds" / SOURCE_NAME)
    (problem,) = quickly_loaded(folder).problems
    assert problem.kind is ProblemKind.SOURCE
    assert problem.message.endswith(": a named pipe (FIFO), not a regular file")


# --- live reload ----------------------------------------------------------------------


def test_live_reload_survives_a_symbolic_link_loop(tmp_path: Path) -> None:
    folder = small_folder(tmp_path)
    workspace = Workspace([folder])
    list(workspace.load())
    (folder / "loop.txt").symlink_to("loop.txt")
    (folder / "loop.yaml").symlink_to("loop.yaml")
    change = workspace.refresh([folder / "loop.txt", folder / "loop.yaml"])
    assert [(p.path.name, p.message) for p in change.problems] == [
        ("loop.yaml", "cannot read: a symbolic link that loops")
    ]
    assert workspace.ids == {(folder / "small.yaml").resolve(): "small"}
    # And it goes on: the next save is picked up.
    (folder / "small.yaml").write_text(small_yaml(title="Edited"), encoding="utf-8")
    [reloaded] = workspace.refresh([folder / "small.yaml"]).briefings
    assert reloaded.record[1] == "Edited"  # the title


@pipes
def test_live_reload_reports_a_pipe_saved_in_a_files_place(tmp_path: Path) -> None:
    folder = small_folder(tmp_path)
    workspace = Workspace([folder])
    list(workspace.load())
    small = folder / "small.yaml"
    small.unlink()
    fifo(small)
    started = time.perf_counter()
    change = workspace.refresh([small])
    assert time.perf_counter() - started < 2, "the reload waited on a pipe"
    assert [p.message for p in change.problems] == [
        "a named pipe (FIFO), not a briefing file or folder"
    ]
    assert workspace.stale == {"small"}  # the last good version stays


# --- a name with a line break ---------------------------------------------------------


def test_a_file_name_with_a_line_break_keeps_a_problem_on_one_line(tmp_path: Path) -> None:
    folder = small_folder(tmp_path, ("bad\nname\x1b[2J.yaml", "id: [unclosed\n"))
    (problem,) = load_paths([folder]).problems
    assert problem.path.name == "bad\nname\x1b[2J.yaml"  # the path itself is untouched
    assert str(problem) == f"{folder}/bad\\nname\\x1b[2J.yaml:1:5: " + problem.message
    validate = subprocess.run(
        [sys.executable, "-m", "tui", "validate", str(folder)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    lines = validate.stdout.splitlines()
    assert lines[0].startswith(f"{folder}/bad\\nname\\x1b[2J.yaml:1:5: YAML: ")
    assert len(lines) == 2  # the problem, then the summary


def test_files_are_resolved_as_realpath_resolves_them(tmp_path: Path) -> None:
    real = tmp_path / "real"
    (real / "deeper").mkdir(parents=True)
    for name in ("a.yaml", "deeper/b.yaml", "target.yaml"):
        (real / name).write_text("x", encoding="utf-8")
    (tmp_path / "linked").symlink_to(real)  # a folder reached through a link
    (real / "link.yaml").symlink_to(real / "target.yaml")  # a file that is a link
    (real / "loop.yaml").symlink_to(real / "loop.yaml")
    (real / "dangling.yaml").symlink_to(real / "nothing.yaml")
    files = [
        tmp_path / "linked" / name
        for name in ("a.yaml", "deeper/b.yaml", "link.yaml", "loop.yaml", "dangling.yaml")
    ]
    expected = [Path(os.path.realpath(file)) for file in files]
    assert tui.reading.paths.resolved_files(files) == expected
    assert expected[0] == real / "a.yaml" and expected[2] == real / "target.yaml"


def test_the_files_of_a_folder_come_in_the_order_of_sorted_paths(tmp_path: Path) -> None:
    # By parts: "a/x" before "a-b/x", though "-" sorts before "/".
    for name in ("a-b/x.yaml", "a/x.yaml", "a/y.yml", "b.yaml", "a-b.yaml"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    files, problems = tui.reading.paths.briefing_files(tmp_path)
    assert problems == [] and files == sorted(files)
    assert [file.relative_to(tmp_path).as_posix() for file in files] == [
        "a/x.yaml", "a/y.yml", "a-b/x.yaml", "a-b.yaml", "b.yaml",
    ]  # fmt: skip
