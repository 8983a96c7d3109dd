"""The secret that every request to the web server must carry."""

from __future__ import annotations

import hmac
import re
import secrets
from collections.abc import Mapping

TOKEN_ENV = "VISIT_BRIEFINGS_TOKEN"
# Long enough not to be guessed; URL-safe, so that it fits unchanged in an address,
# a cookie and a header.
_GOOD_TOKEN = re.compile(r"[A-Za-z0-9_-]{16,}")


class TokenError(ValueError):
    pass


def server_token(environ: Mapping[str, str]) -> str:
    """The token from the environment if one is set there, else a new random one."""
    given = environ.get(TOKEN_ENV)
    if given is None:
        return secrets.token_urlsafe(32)
    if not _GOOD_TOKEN.fullmatch(given):
        raise TokenError(
            f"{TOKEN_ENV} must be at least 16 characters of A-Z, a-z, 0-9, '-' and '_'"
        )
    return given


def token_matches(given: str | None, token: str) -> bool:
    """Whether a request's token is the server's, in time that does not depend on where
    the two first differ."""
    if given is None:
        return False
    return hmac.compare_digest(given.encode("utf-8", "surrogateescape"), token.encode())
