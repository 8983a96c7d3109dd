"""What is at a path, said plainly; the briefing files in a folder; reading a file
only when it is a regular one.

Anything can be at a path a user opens or a watched folder gains: a symbolic link
that loops, a named pipe that would block a read forever, a device that never ends, a
folder nested thousands deep or one that cannot be read. None of them stops the rest
from loading: each becomes a problem that names the path and says what is there.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

from tui.reading.problems import Problem, ProblemKind

BRIEFING_SUFFIXES = (".yaml", ".yml")


class NotARegularFile(OSError):
    """Raised instead of reading a named pipe, a device, a socket or a folder."""

    def __init__(self, path: Path, mode: int) -> None:
        super().__init__(errno.EINVAL, f"{kind_of(mode)}, not a regular file", str(path))


def resolved(path: Path) -> Path:
    """The absolute path with symbolic links resolved as far as they go.

    Python 3.11's Path.resolve raises on a link that loops; one in a watched folder
    would stop live reload. A loop here stays as it is and is reported when read."""
    return Path(os.path.realpath(path))


def resolved_files(files: list[Path]) -> list[Path]:
    """`resolved` of each file, resolving each folder once: a file that is not a
    symbolic link is where its resolved folder says, which costs one system call
    instead of one per folder in its path (most of listing a large archive)."""
    folders: dict[str, str] = {}
    found = []
    for file in files:
        head, name = os.path.split(file)
        folder = folders.get(head)
        if folder is None:
            folder = folders[head] = os.path.realpath(head)
        path = os.path.join(folder, name)
        found.append(Path(os.path.realpath(path) if os.path.islink(path) else path))
    return found


def kind_of(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def cannot_read(path: Path, error: OSError) -> str:
    """Why a path cannot be read, from the error reading it raised."""
    if isinstance(error, NotARegularFile):
        return f"cannot read: {error.strerror}"
    if error.errno == errno.ELOOP:
        return "cannot read: a symbolic link that loops"
    if error.errno == errno.ENOENT:
        if os.path.islink(path):
            return "a symbolic link to a file that does not exist"
        return "no such file or folder"
    return f"cannot read: {error.strerror}"


def exists(path: Path) -> bool:
    """Whether there is anything at the path to read or to report: a symbolic link to
    nothing counts as nothing (editors make them as lock files), one that loops does not."""
    try:
        os.stat(path)
    except FileNotFoundError:
        return False
    except OSError:
        return True
    return True


def open_regular(path: Path) -> BinaryIO:
    """The file opened for reading, when it is a regular file.

    Checked on the opened file before anything is read: opening does not block on a
    named pipe (O_NONBLOCK) nor make a terminal device ours (O_NOCTTY), and what is
    opened is what is checked, even if the path changes meanwhile."""
    handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)
    try:
        mode = os.fstat(handle).st_mode
        if not stat.S_ISREG(mode):
            raise NotARegularFile(path, mode)
        return os.fdopen(handle, "rb")
    except BaseException:
        os.close(handle)
        raise


def briefing_files(path: Path) -> tuple[list[Path], list[Problem]]:
    """The briefing files at a path the user opened: the file itself, or every *.yaml
    and *.yml under the folder, and the problems found on the way.

    The walk keeps its own stack (folders nest deeper than Python recurses) and does
    not follow links to folders (they may loop back)."""
    try:
        mode = os.stat(path).st_mode
    except OSError as error:
        return [], [_path_problem(path, cannot_read(path, error))]
    if stat.S_ISREG(mode):
        return [path], []
    if not stat.S_ISDIR(mode):
        return [], [_path_problem(path, f"{kind_of(mode)}, not a briefing file or folder")]
    files: list[str] = []  # paths made at the end: a Path is slow to make
    problems: list[Problem] = []
    folders = [str(path)]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as entries:
                listed = list(entries)
        except OSError as error:
            why = f"cannot read the folder: {error.strerror}"
            problems.append(_path_problem(Path(folder), why))
            continue
        for entry in listed:
            try:
                if entry.is_dir(follow_symlinks=False):
                    folders.append(entry.path)
                elif entry.name.endswith(BRIEFING_SUFFIXES):
                    if entry.is_file():
                        files.append(entry.path)
                    elif exists(Path(entry.path)):
                        what = kind_of(entry.stat().st_mode)
                        problems.append(
                            _path_problem(Path(entry.path), f"{what}, not a briefing file")
                        )
            except OSError as error:
                problems.append(
                    _path_problem(Path(entry.path), cannot_read(Path(entry.path), error))
                )
    # In the order of sorted Paths: by their parts, not their characters.
    return [Path(file) for file in sorted(files, key=_parts)], problems


def _parts(path: str) -> list[str]:
    return path.split(os.sep)


def _path_problem(path: Path, message: str) -> Problem:
    return Problem(path, None, None, message, ProblemKind.PATH)
