"""The app served to a real browser: what the page shows, the keys, the token, one app
process per tab, the cap, and Ctrl+C. See conftest.py for the server and the guard."""

from __future__ import annotations

import re
import signal
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest
from web_helpers import (  # the fixtures too, so that pytest finds them here
    Browser,
    Served,
    browser_fixture,  # noqa: F401
    chromium_fixture,  # noqa: F401
    serve_fixture,  # noqa: F401
    wait_until,
)

Serve = Callable[..., Served]

# The screen as xterm.js holds it (xterm_hook.js keeps the page's terminal).
SCREEN = """() => {
  const terminal = window.__terminals[0];
  if (!terminal) return "";
  const buffer = terminal.buffer.active, lines = [];
  for (let row = 0; row < terminal.rows; row++) {
    lines.push(buffer.getLine(buffer.viewportY + row).translateToString(true));
  }
  return lines.join("\\n");
}"""
SHOWS = "(text) => (" + SCREEN + ")().includes(text)"
TITLE = "Chen Zhichang Leads Nanjing Delegation on a Study Visit in France"


def screen(page: object) -> str:
    return str(page.evaluate(SCREEN))  # type: ignore[attr-defined]


def wait_shows(page: object, text: str, timeout: float = 30) -> None:
    try:
        page.wait_for_function(SHOWS, arg=text, timeout=timeout * 1000)  # type: ignore[attr-defined]
    except Exception as error:
        raise AssertionError(
            f"the page never showed {text!r}; it shows:\n{screen(page)}"
        ) from error


def open_app(browser: Browser, url: str) -> object:
    page = browser.context.new_page()  # type: ignore[attr-defined]
    response = page.goto(url)
    assert response is not None and response.status == 200
    wait_shows(page, TITLE)
    # Keys go to xterm's input, as after a click on the page.
    page.focus(".xterm-helper-textarea")
    return page


def status(url: str, headers: dict[str, str] | None = None) -> int:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code


def test_the_page_shows_the_briefing_and_the_keys_work(
    serve: Serve, browser: Browser, tmp_path: Path
) -> None:
    served = serve()
    page = open_app(browser, served.address)
    sockets: list[str] = []
    page.on("websocket", lambda socket: sockets.append(socket.url))  # type: ignore[attr-defined]
    assert "Itinerary" in screen(page) and "Le Mingham" in screen(page)

    page.keyboard.press("ArrowDown")  # type: ignore[attr-defined]
    wait_shows(page, "Kind: symposium")  # the detail follows the selection
    page.keyboard.press("j")  # type: ignore[attr-defined]
    wait_shows(page, "Meeting with BNP Paribas chairman Le Mingham")

    page.keyboard.press("/")  # type: ignore[attr-defined]
    page.keyboard.type("lemingham")  # type: ignore[attr-defined]
    wait_shows(page, "matched alias “Lemingham”")
    page.wait_for_timeout(200)  # type: ignore[attr-defined]
    page.keyboard.press("Enter")  # type: ignore[attr-defined]
    wait_shows(page, "Title: chairman of the board")
    # The source, with the passages behind the counterpart.
    wait_shows(page, "Source: ")
    wait_shows(page, "passages highlighted")
    page.keyboard.press("s")  # type: ignore[attr-defined]
    wait_until(lambda: "passages highlighted" not in screen(page), "the source to hide")
    page.keyboard.press("s")  # type: ignore[attr-defined]
    wait_shows(page, "passages highlighted")

    shot = tmp_path / "briefings-in-chromium.png"
    page.screenshot(path=str(shot))  # type: ignore[attr-defined]
    assert shot.stat().st_size > 10_000
    print(f"screenshot: {shot}")

    # The palette's export arrives as a download.
    page.keyboard.press("Control+p")  # type: ignore[attr-defined]
    page.keyboard.type("export briefing")  # type: ignore[attr-defined]
    wait_shows(page, "Export briefing as Markdown")
    page.keyboard.press("Enter")  # type: ignore[attr-defined]
    wait_until(lambda: bool(browser.downloads), "the download", page=page)
    disposition, body = browser.downloads[0]
    assert "attachment" in disposition and "nanjing-france-study-visit.md" in disposition
    assert body.decode("utf-8").startswith(f"# {TITLE}")
    assert all(url.startswith(served.base.replace("http", "ws")) for url in sockets)


def test_without_the_token_403_and_no_app_with_it_the_app(serve: Serve, browser: Browser) -> None:
    served = serve()
    ws = served.base + "ws"
    upgrade = {
        "Connection": "Upgrade",
        "Upgrade": "websocket",
        "Sec-WebSocket-Version": "13",
        "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
    }
    assert status(served.base) == 403
    assert status(served.base + "?token=" + served.token[:-1] + "x") == 403
    assert status(served.base + "static/js/textual.js") == 403
    assert status(ws, upgrade) == 403
    assert status(ws + "?token=" + served.token, upgrade) == 403  # a query token only on /
    page = browser.context.new_page()  # type: ignore[attr-defined]
    response = page.goto(served.base)
    assert response is not None and response.status == 403
    assert "token" in page.content()
    time.sleep(1)
    assert served.apps() == set(), "an app started for a request without the token"

    # The header does as well as the cookie, but a page on another site cannot use it.
    header = {"X-Briefings-Token": served.token}
    assert status(served.base, header) == 200
    assert status(ws, {**upgrade, **header, "Origin": "http://elsewhere.example"}) == 403
    assert served.apps() == set()

    page = open_app(browser, served.address)
    assert page.url == served.base  # type: ignore[attr-defined]  # the token left the address
    wait_until(lambda: len(served.apps()) == 1, "one app process")
    [app] = served.apps()

    # Ctrl+C with a tab open: the server ends the app and itself.
    served.process.send_signal(signal.SIGINT)
    assert served.process.wait(timeout=20) == 0
    wait_until(lambda: not Path(f"/proc/{app}/stat").exists(), "the app to end", seconds=5)


def test_a_process_per_tab_up_to_the_cap_and_none_after_the_tabs_close(
    serve: Serve, browser: Browser
) -> None:
    served = serve("--max-sessions", "3")
    pages = [open_app(browser, served.address)]
    pages += [open_app(browser, served.base) for _ in range(2)]  # the cookie does it
    wait_until(lambda: len(served.apps()) == 3, "three app processes")
    running = served.apps()

    extra = browser.context.new_page()  # type: ignore[attr-defined]
    response = extra.goto(served.base)
    assert response is not None and response.status == 503
    assert "3 sessions" in extra.content()
    assert served.apps() == running

    pages[0].close()  # type: ignore[attr-defined]
    wait_until(lambda: len(served.apps()) == 2, "a closed tab's app to end")
    for page in pages[1:]:
        page.close()  # type: ignore[attr-defined]
    wait_until(lambda: served.apps() == set(), "every app to end")
    assert all(not Path(f"/proc/{pid}/stat").exists() for pid in running)


URL = re.compile(r"(?:https?|wss?):/{2}|url\(\s*['\"]?/{2}|@import")


def test_the_page_names_no_other_host(serve: Serve) -> None:
    """Our files name no address with a host; textual-serve's stylesheet only in comments
    (its textual.js names a host nowhere it would fetch: the guard above checks that)."""
    served = serve()
    for path in ("", "page/page.css", "page/page.js", "static/css/xterm.css"):
        request = urllib.request.Request(
            served.base + path, headers={"X-Briefings-Token": served.token}
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            text = re.sub(r"/\*.*?\*/", "", response.read().decode("utf-8"), flags=re.DOTALL)
            policy = response.headers["Content-Security-Policy"]
        assert not URL.search(text), (path, URL.search(text))
        assert "default-src 'none'" in policy and "connect-src 'self'" in policy


def test_no_query_reaches_textual_js(serve: Serve) -> None:
    """textual.js fetches the address in a `ping` parameter: the page is served only
    without parameters (the others are redirected to it, the token set as a cookie)."""
    served = serve()
    opener = urllib.request.build_opener(_NoRedirect)
    header = {"X-Briefings-Token": served.token}
    for query in ("?ping=http://elsewhere.example/", f"?token={served.token}&delay=1"):
        with pytest.raises(urllib.error.HTTPError) as redirect:
            opener.open(urllib.request.Request(served.base + query, headers=header), timeout=10)
        assert redirect.value.code == 302 and redirect.value.headers["Location"] == "./"


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None
