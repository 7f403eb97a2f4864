"""Who the client is, as a real ``inkslot serve`` sees it: ``X-Forwarded-For`` is believed
only from ``INKSLOT_TRUSTED_PROXIES``, so a client cannot dodge the per-address limits by
inventing a new address per request, and, behind a trusted proxy, a stranger guessing from
one address does not lock the account's owner out."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.support.server import ServerProcess, running_server

pytestmark = pytest.mark.serial

PASSWORD = "violet-needle-harbour"


def _post(
    server: ServerProcess, path: str, body: dict[str, str], forwarded_for: str | None = None
) -> int:
    headers = {"content-type": "application/json"}
    if forwarded_for is not None:
        headers["x-forwarded-for"] = forwarded_for
    request = urllib.request.Request(server.base_url + path, json.dumps(body).encode(), headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code


def _login(server: ServerProcess, password: str, forwarded_for: str | None = None) -> int:
    body = {"email": "ada@example.com", "password": password}
    return _post(server, "/api/v1/auth/login", body, forwarded_for)


def test_a_new_forwarded_address_per_request_does_not_escape_the_limit(
    database_url: str, tmp_path: Path
) -> None:
    with running_server(
        database_url, tmp_path, workers=1, forked=True, INKSLOT_AUTH_RATE_LIMIT_PER_MINUTE="3"
    ) as server:
        statuses = [_login(server, "wrong-password!", f"203.0.113.{n}") for n in range(1, 6)]
        assert statuses == [401, 401, 401, 429, 429], server.log_tail()


def test_behind_a_trusted_proxy_a_stranger_locks_only_their_own_address(
    database_url: str, tmp_path: Path
) -> None:
    with running_server(
        database_url, tmp_path, workers=1, forked=True, INKSLOT_TRUSTED_PROXIES="127.0.0.1"
    ) as server:
        registration = {
            "email": "ada@example.com",
            "password": PASSWORD,
            "name": "Ada",
            "role": "customer",
        }
        assert _post(server, "/api/v1/auth/register", registration, "198.51.100.7") == 201
        stranger, owner = "203.0.113.9", "198.51.100.7"
        assert [_login(server, "guess-number-n", stranger) for _ in range(5)] == [401] * 5
        assert _login(server, PASSWORD, stranger) == 423
        assert _login(server, PASSWORD, owner) == 200, server.log_tail()
