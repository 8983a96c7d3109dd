"""One browser tab's app process."""

from __future__ import annotations

import asyncio
import shlex
from collections.abc import Sequence

from textual_serve.app_service import AppService

from tui.web.token import TOKEN_ENV

# How long an app has to quit when its tab closes before it is killed.
QUIT_GRACE = 5.0


class Session(AppService):
    """textual-serve's app service, with three changes: the app is started without a
    shell (textual-serve runs a command line through `sh -c`, so a path with a space or a
    quote would break it), in a session of its own (Ctrl+C in the server's terminal
    would otherwise reach every app at once, before the server can end them in order),
    and an app that does not quit when asked is killed (textual-serve waits forever)."""

    def __init__(self, argv: Sequence[str], **kwargs: object) -> None:
        super().__init__(shlex.join(argv), **kwargs)  # type: ignore[arg-type]
        self.argv = list(argv)
        self.process: asyncio.subprocess.Process | None = None

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        environment = super()._build_environment(width, height)
        environment.pop(TOKEN_ENV, None)  # the app has no use for the server's secret
        return environment

    async def _open_app_process(
        self, width: int = 80, height: int = 24
    ) -> asyncio.subprocess.Process:
        self.process = await asyncio.create_subprocess_exec(
            *self.argv,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=self._build_environment(width, height),
            start_new_session=True,
        )
        self._process = self.process
        self._stdin = self.process.stdin
        return self.process

    async def stop(self) -> None:
        """Ask the app to quit; kill it if it has not within the grace period."""
        try:
            await asyncio.wait_for(super().stop(), QUIT_GRACE)
        except TimeoutError:
            pass
        finally:
            process = self.process
            if process is not None:
                if process.returncode is None:
                    process.kill()
                await process.wait()
