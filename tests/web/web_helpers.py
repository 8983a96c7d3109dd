"""The browser tests' server, browser and helpers (imported by test_browser.py; not a
conftest.py, which would shadow tests/conftest.py for `from conftest import`).

Browser tests: `briefings serve` on a free loopback port, driven by Playwright in
Debian's Chromium (never Playwright's own browser download).

Skipped where /usr/bin/chromium is missing, except in CI (CI=true), where that fails.
Every page is routed through a guard that aborts any request to a host other than
the loopback one and records it; a test that saw one fails.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOOPBACK = {"127.0.0.1", "localhost", "[::1]", "::1"}
XTERM_HOOK = Path(__file__).with_name("xterm_hook.js")


@pytest.fixture(name="serve")
def serve_fixture(tmp_path: Path) -> Iterator[Callable[..., Served]]:
    """serve(*args): `briefings serve --port 0 *args`; at the end, Ctrl+C must stop it
    cleanly (exit 0) with no app process left."""
    started: list[Served] = []

    def start(*args: str) -> Served:
        token = f"test-token-{os.getpid()}-{len(started)}-abcdefgh"
        process = subprocess.Popen(
            [sys.executable, "-m", "tui", "serve", "--host", "127.0.0.1", "--port", "0", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env={
                **os.environ,
                "VISIT_BRIEFINGS_TOKEN": token,
                "VISIT_BRIEFINGS_CACHE_DIR": str(tmp_path / "cache"),
            },
        )
        assert process.stdout is not None
        line = process.stdout.readline()
        found = re.search(r"http://127\.0\.0\.1:\d+/\?token=\S+", line)
        assert found, f"the server printed no address: {line!r}"
        served = Served(process, found.group(), token)
        started.append(served)
        return served

    yield start
    for served in started:
        served.apps()
        served.process.send_signal(signal.SIGINT)
        code = served.process.wait(timeout=20)
        output = served.process.stdout.read() if served.process.stdout else ""
        assert code == 0, f"the server did not stop cleanly on Ctrl+C:\n{output}"
        assert not [pid for pid in served.seen if alive(pid)], "apps outlived the server"


# Module-scoped, not session: while Playwright's sync API runs, its event loop is the
# thread's running loop, and every asyncio test (the app's pilot tests) would fail.
@pytest.fixture(scope="module", name="_chromium")
def chromium_fixture() -> Iterator[object]:
    missing = [] if CHROMIUM.exists() else [f"{CHROMIUM} (apt-get install chromium)"]
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing.append("the playwright package (pip install -e '.[test]')")
    if missing:
        reason = f"browser tests need {' and '.join(missing)}"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}; in CI they must run", pytrace=False)
        pytest.skip(reason)

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture(name="browser")
def browser_fixture(_chromium: object) -> Iterator[Browser]:
    from playwright.sync_api import Route

    context = _chromium.new_context(viewport={"width": 1280, "height": 800})  # type: ignore[attr-defined]
    context.add_init_script(path=str(XTERM_HOOK))
    outside: list[str] = []
    downloads: list[tuple[str, bytes]] = []

    def guard(route: Route) -> None:
        url = route.request.url
        parts = urlsplit(url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.hostname not in LOOPBACK:
            outside.append(url)
            route.abort()
        elif parts.path.startswith("/download/"):
            # Chromium turns the response into a download that Playwright does not
            # report for a window opened by script: read it here, then pass it on.
            response = route.fetch()
            downloads.append((response.headers.get("content-disposition", ""), response.body()))
            route.fulfill(response=response)
        else:
            route.continue_()

    context.route("**/*", guard)
    yield Browser(context, outside, downloads)
    context.close()
    assert not outside, f"the page asked for addresses off this machine: {outside}"


def children(pid: int) -> set[int]:
    """The live processes whose parent is `pid` (the server's app processes)."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        # fields[0] is the state, fields[1] the parent; a zombie has ended.
        if int(fields[1]) == pid and fields[0] != "Z":
            found.add(int(stat.parent.name))
    return found


def wait_until(
    condition: Callable[[], bool], what: str, seconds: float = 20, page: object = None
) -> None:
    """Poll `condition`; with a page, wait in it, so that Playwright's handlers run."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        if page is not None:
            page.wait_for_timeout(50)  # type: ignore[attr-defined]
        else:
            time.sleep(0.05)


@dataclass
class Served:
    process: subprocess.Popen[str]
    address: str  # with the token
    token: str
    base: str = field(init=False)

    def __post_init__(self) -> None:
        self.base = self.address.split("?", 1)[0]

    seen: set[int] = field(default_factory=set)

    def apps(self) -> set[int]:
        """The app processes running now (each one is remembered for the end)."""
        now = children(self.process.pid)
        self.seen |= now
        return now


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


@dataclass
class Browser:
    """A fresh browser context whose every request is checked to stay on loopback."""

    context: object
    outside: list[str]
    downloads: list[tuple[str, bytes]]
