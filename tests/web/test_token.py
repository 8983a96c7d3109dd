"""The web server's token: from the environment or random, and compared in full."""

from __future__ import annotations

import pytest

from tui.web.token import TOKEN_ENV, TokenError, server_token, token_matches


def test_a_new_token_each_start_unless_the_environment_sets_one() -> None:
    first, second = server_token({}), server_token({})
    assert first != second and len(first) >= 40
    assert server_token({TOKEN_ENV: "a-team-secret-of-24-chars"}) == "a-team-secret-of-24-chars"


@pytest.mark.parametrize("bad", ["", "short", "has space in it, sixteen+", "ünïcode-token-1234567"])
def test_a_weak_or_unusable_token_from_the_environment_is_refused(bad: str) -> None:
    with pytest.raises(TokenError, match=TOKEN_ENV):
        server_token({TOKEN_ENV: bad})


def test_only_the_whole_token_matches() -> None:
    token = "abcdefghijklmnopqrstuvwxyz"
    assert token_matches(token, token)
    for given in (None, "", token[:-1], token + "x", token.upper(), "\udcff" + token):
        assert not token_matches(given, token)
