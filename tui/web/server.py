"""The web server: textual-serve's, with a token on every request, a page that loads
nothing from elsewhere, a cap on app processes and a shutdown that leaves none behind."""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import signal
import sys
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from urllib.parse import urlsplit

from aiohttp import WSCloseCode, WSMsgType, web
from textual_serve.server import Server

from tui.web.session import Session
from tui.web.token import token_matches

log = logging.getLogger("tui.web")

PAGE = Path(__file__).parent / "page"
TOKEN_HEADER = "X-Briefings-Token"
# The page's own files and the websocket only, which also keeps textual.js from
# fetching the address a "ping" parameter would give it.
CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'none'",
        "script-src 'self'",
        # xterm.js sets styles on the elements it makes.
        "style-src 'self' 'unsafe-inline'",
        "font-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
    )
)
FORBIDDEN = (
    "Forbidden: open the address that `briefings serve` printed; it carries the access token.\n"
)
# Beyond these the app would lay out a screen no browser window has.
MAX_COLUMNS, MAX_ROWS = 1000, 500
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class BriefingsServer(Server):
    def __init__(
        self,
        app_argv: Sequence[str],
        *,
        host: str,
        port: int,
        token: str,
        max_sessions: int,
    ) -> None:
        super().__init__(" ".join(app_argv), host=host, port=port, title="Visit Briefings")
        self.app_argv = list(app_argv)
        self.token = token
        self.max_sessions = max_sessions
        self.sessions: set[Session] = set()
        self.websockets: set[web.WebSocketResponse] = set()
        self.index_html = (PAGE / "index.html").read_bytes()

    def cookie_name(self, port: int) -> str:
        # Browsers keep cookies per host, not per port: two servers on one machine
        # would otherwise overwrite each other's.
        return f"briefings-token-{port}"

    async def _make_app(self) -> web.Application:
        app = web.Application(middlewares=[self._guard])
        app.add_routes(
            [
                web.get("/", self.handle_index, name="index"),
                web.get("/ws", self.handle_websocket, name="websocket"),
                web.get("/download/{key}", self.handle_download, name="download"),
                web.static("/static", self.statics_path, name="static"),
                web.static("/page", PAGE, name="page"),
            ]
        )
        app.on_response_prepare.append(self._add_headers)
        app.on_shutdown.append(self.on_shutdown)
        return app

    @web.middleware
    async def _guard(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """403 for a request without the token, before anything else is done for it."""
        given = request.headers.get(TOKEN_HEADER) or request.cookies.get(
            self.cookie_name(self.port)
        )
        if request.path == "/" and "token" in request.query:
            given = request.query["token"]
        if not token_matches(given, self.token):
            raise web.HTTPForbidden(text=FORBIDDEN)
        origin = request.headers.get("Origin")
        if origin is not None and urlsplit(origin).netloc != request.host:
            # A page elsewhere that the browser would send the cookie from.
            raise web.HTTPForbidden(text="Forbidden: a request from another site.\n")
        return await handler(request)

    async def _add_headers(self, request: web.Request, response: web.StreamResponse) -> None:
        response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["Cache-Control"] = "no-store"

    def _full(self) -> bool:
        return len(self.sessions) >= self.max_sessions

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        if request.query_string:
            # The token leaves the address bar (and the history) for a cookie; other
            # parameters would steer textual.js, and have no use here.
            response = web.HTTPFound("./")
            if "token" in request.query:
                response.set_cookie(
                    self.cookie_name(self.port),
                    self.token,
                    httponly=True,
                    samesite="Strict",
                    secure=request.secure,
                )
            raise response
        if self._full():
            raise web.HTTPServiceUnavailable(text=self._full_message())
        return web.Response(body=self.index_html, content_type="text/html", charset="utf-8")

    def _full_message(self) -> str:
        return (
            f"All {self.max_sessions} sessions are in use: close a tab that shows the app, "
            "or try again later.\n"
        )

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        if self._full():
            raise web.HTTPServiceUnavailable(text=self._full_message())
        websocket = web.WebSocketResponse(heartbeat=15)
        session = Session(
            self.app_argv,
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=websocket.close,
            download_manager=self.download_manager,
        )
        # Counted before the first await, so that tabs opened at once cannot pass the cap.
        self.sessions.add(session)
        self.websockets.add(websocket)
        try:
            await websocket.prepare(request)
            await session.start(*_size(request.query, 80, 24))
            await self._relay(websocket, session)
        finally:
            self.websockets.discard(websocket)
            try:
                await session.stop()
            finally:
                self.sessions.discard(session)
        return websocket

    async def _relay(self, websocket: web.WebSocketResponse, session: Session) -> None:
        """The browser's keys, mouse and window size, to the app.

        textual-serve's own loop takes any message on trust: one it cannot read ends
        the server's handler with an exception, and a resize is passed on at any size."""
        async for message in websocket:
            if message.type != WSMsgType.TEXT:
                continue
            try:
                envelope = message.json()
            except ValueError:
                envelope = None
            # A list of a kind and, for most kinds, its data (focus and blur have none).
            if not (isinstance(envelope, list) and 1 <= len(envelope) <= 2):
                log.warning("ignored a websocket message that is not a list of one or two")
                continue
            kind, data = envelope[0], envelope[-1]
            if kind == "stdin" and isinstance(data, str):
                await session.send_bytes(data.encode("utf-8"))
            elif kind == "resize" and isinstance(data, dict):
                await session.set_terminal_size(*_size(data, 80, 24))
            elif kind == "ping":
                await websocket.send_json(["pong", data])
            elif kind == "blur":
                await session.blur()
            elif kind == "focus":
                await session.focus()

    async def on_startup(self, app: web.Application) -> None:
        pass  # textual-serve prints its logo and an address without the token here

    async def on_shutdown(self, app: web.Application) -> None:
        """Close every tab's connection; each handler then ends its app."""
        for websocket in list(self.websockets):
            await websocket.close(code=WSCloseCode.GOING_AWAY, message=b"server shutdown")
        await asyncio.gather(*(session.stop() for session in list(self.sessions)))

    async def serve_until(self, stop: asyncio.Event, ready: Callable[[str], None]) -> None:
        """Serve until `stop` is set; `ready` is given the address, with the token."""
        runner = web.AppRunner(await self._make_app(), handle_signals=False, shutdown_timeout=5)
        await runner.setup()
        try:
            await web.TCPSite(runner, self.host, self.port).start()
            self.port = runner.addresses[0][1]  # the one the system chose for port 0
            ready(self.address())
            await stop.wait()
        finally:
            await runner.cleanup()
            # Whatever the shutdown could not end politely.
            await asyncio.gather(*(session.stop() for session in list(self.sessions)))

    def address(self) -> str:
        host = self.host
        if ":" in host:
            host = f"[{host}]"
        return f"http://{host}:{self.port}/?token={self.token}"

    def serve(self, debug: bool = False) -> None:
        """Serve until Ctrl+C (or SIGTERM)."""
        logging.basicConfig(level=logging.WARNING, format="%(name)s: %(message)s")

        async def main() -> None:
            stop = asyncio.Event()
            loop = asyncio.get_running_loop()
            for signum in (signal.SIGINT, signal.SIGTERM):
                loop.add_signal_handler(signum, stop.set)
            await self.serve_until(stop, self._announce)

        asyncio.run(main())

    def _announce(self, address: str) -> None:
        print(f"Visit Briefings is served at {address}", flush=True)
        print("Open that address in a browser: it carries the access token.", flush=True)
        if not is_loopback(self.host):
            print(
                f"The server listens on {self.host}, so other machines can reach it: only "
                "with the token, but over plain HTTP (see the README for a reverse proxy).",
                flush=True,
            )
        print(f"At most {self.max_sessions} tabs at once. Ctrl+C stops the server.", flush=True)
        sys.stdout.flush()


def _size(values: object, columns: int, rows: int) -> tuple[int, int]:
    """A terminal size from a browser, within bounds."""

    def number(key: str, default: int, most: int) -> int:
        try:
            value = int(values.get(key, default))  # type: ignore[attr-defined]
        except (TypeError, ValueError):
            value = default
        return min(max(value, 1), most)

    return number("width", columns, MAX_COLUMNS), number("height", rows, MAX_ROWS)
