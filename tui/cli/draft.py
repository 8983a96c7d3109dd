"""`briefings draft ARTICLE.txt`: a first draft of a briefing from a plain-text article."""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from pathlib import Path

import yaml

from tui.drafting.draft import draft as draft_briefing
from tui.drafting.names import slug
from tui.format.model import Briefing
from tui.reading.checks import check
from tui.reading.quotes import SourceText
from tui.reading.safe_yaml import MAX_FILE_BYTES, YamlProblem, read_text

# Articles are a page or two; the limit only stops a wrong file (a log, a dump) early.
MAX_ARTICLE_BYTES = 1024 * 1024
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
# Control characters other than tab, newline and carriage return: not an article.
_BINARY = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


class DraftRefused(Exception):
    pass


def draft(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="briefings draft",
        description=(
            "Draft a briefing from a plain-text article (UTF-8; its first non-empty line is "
            "the title). Every entry is marked 'review: drafted' until a person checks it."
        ),
    )
    parser.add_argument("article", metavar="ARTICLE.txt", help="the article, as plain text")
    parser.add_argument("--out", metavar="FILE", help="write the briefing here (default: print)")
    parser.add_argument("--id", help="the briefing's id (default: from the file's name)")
    parser.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    args = parser.parse_args(argv)
    try:
        text = _draft_text(
            Path(args.article), Path(args.out) if args.out else None, args.id, args.force
        )
    except DraftRefused as refusal:
        print(f"briefings draft: {refusal}", file=sys.stderr)
        return 1
    if args.out is None:
        print(text, end="")
    else:
        print(f"wrote {args.out}: every entry is marked drafted until reviewed", file=sys.stderr)
    return 0


def _draft_text(article: Path, out: Path | None, briefing_id: str | None, force: bool) -> str:
    text = read_article_text(article)
    if briefing_id is not None and not (_ID.match(briefing_id) and len(briefing_id) <= 80):
        raise DraftRefused(f"--id {briefing_id!r}: use lower-case letters, digits and hyphens")
    if out is not None and out.exists() and not force:
        raise DraftRefused(f"{out} exists; pass --force to overwrite it")
    if out is not None and out.exists() and not out.is_file():
        raise DraftRefused(f"{out} is not a regular file")
    base = (out.parent if out is not None else Path.cwd()).resolve()
    source_path = Path(os.path.relpath(article.resolve(), base)).as_posix()
    stem = (out or article).stem
    data = draft_briefing(
        text, briefing_id=briefing_id or slug(stem) or None, source_path=source_path
    )
    briefing = Briefing.model_validate(data)
    problems = check(briefing, SourceText(text))
    if problems:  # a bug of the drafter: never write a draft that does not load
        raise DraftRefused(
            "the draft failed its own checks: " + "; ".join(p.message for p in problems)
        )
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=96)
    document = (
        f"# Drafted by `briefings draft` from {article.name}. Every entry says\n"
        "# `review: drafted` until a person has checked it against the article.\n" + body
    )
    if out is not None:
        _write(out, document)
    return document


def read_article_text(path: Path) -> str:
    """The article's text, or DraftRefused with what is wrong with it."""
    if not path.exists():
        raise DraftRefused(f"{path}: no such file")
    if not path.is_file():
        raise DraftRefused(f"{path}: not a regular file")
    size = path.stat().st_size
    if size > MAX_ARTICLE_BYTES:
        raise DraftRefused(
            f"{path}: {size:,} bytes, over the limit of {MAX_ARTICLE_BYTES:,} for an article"
        )
    try:
        text = read_text(path)
    except OSError as error:
        raise DraftRefused(f"{path}: cannot read: {error.strerror}") from None
    except YamlProblem as problem:
        raise DraftRefused(f"{path}:{problem.line}:{problem.column}: {problem.message}") from None
    if len(text.encode("utf-8")) > min(MAX_ARTICLE_BYTES, MAX_FILE_BYTES):
        raise DraftRefused(f"{path}: over the limit of {MAX_ARTICLE_BYTES:,} bytes for an article")
    binary = _BINARY.search(text)
    if binary:
        line = text.count("\n", 0, binary.start()) + 1
        raise DraftRefused(f"{path}:{line}: not plain text (control character {binary.group()!r})")
    if not text.strip():
        raise DraftRefused(f"{path}: the article is empty")
    return text


def _write(out: Path, document: str) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(document)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, out)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
