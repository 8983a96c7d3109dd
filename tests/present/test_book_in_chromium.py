"""The HTML book printed to PDF by headless Chromium (Debian's `chromium`), read back
with pdftotext (poppler-utils): it must print as a book with every quote in it.

Without the tools the test is skipped locally and fails in CI (CI=true), where
.ci/run installs them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from conftest import BUNDLED

from tui.index.archive import Archive
from tui.present.book import to_html
from tui.reading.checks import iter_sourced
from tui.reading.loader import load_briefing
from tui.reading.quotes import fold_whitespace


def _tool(name: str, package: str) -> str:
    found = shutil.which(name) or (
        f"/usr/bin/{name}" if Path(f"/usr/bin/{name}").exists() else None
    )
    if found is None:
        reason = f"{name} is not installed (apt-get install {package})"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}; .ci/run installs it")
        pytest.skip(reason)
    return found


def _print_to_pdf(page: Path, pdf: Path, profile: Path) -> None:
    chromium = _tool("chromium", "chromium")
    done = subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0 and pdf.exists(), done.stderr[-2000:]


def _words(text: str) -> str:
    # NFKC undoes the ligatures (ﬁ) a PDF's text may carry; line and page breaks fold.
    return fold_whitespace(unicodedata.normalize("NFKC", text))


def test_the_printed_book_holds_every_quote(tmp_path: Path) -> None:
    pdftotext = _tool("pdftotext", "poppler-utils")
    loaded = load_briefing(BUNDLED)
    page = tmp_path / "book.html"
    page.write_text(to_html(Archive([loaded])), encoding="utf-8")
    pdf = tmp_path / "book.pdf"
    _print_to_pdf(page, pdf, tmp_path / "profile")

    text = subprocess.run(
        [pdftotext, "-enc", "UTF-8", str(pdf), "-"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    words = _words(text)
    briefing = loaded.briefing
    assert words.startswith(_words(briefing.title))
    for heading in ("Itinerary", "People", "Organizations", "Themes"):
        assert heading in words
    missing = [
        quote
        for _, entry in iter_sourced(briefing)
        for quote in entry.quotes
        if _words(quote) not in words
    ]
    assert not missing, missing
    # Each section starts a page: the cover, then four sections at least.
    pages = text.split("\f")
    starts = [p.split("\n", 1)[0].strip() for p in pages]
    for heading in ("Itinerary", "People", "Organizations", "Themes"):
        assert heading in starts, starts
