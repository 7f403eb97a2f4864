"""A session ended through one API process is refused by every process within a second."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.support.server import ServerProcess, running_server

pytestmark = pytest.mark.serial

PASSWORD = "violet-needle-harbour"


def _post(server: ServerProcess, path: str, body: dict[str, str]) -> tuple[int, dict[str, object]]:
    request = urllib.request.Request(
        server.base_url + path, json.dumps(body).encode(), {"content-type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


def _me(server: ServerProcess, token: str) -> int:
    # A new connection each time, so both workers answer (uvicorn spreads them).
    request = urllib.request.Request(
        server.base_url + "/api/v1/me", headers={"authorization": f"Bearer {token}"}
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code


def test_logout_reaches_every_worker_within_a_second(database_url: str, tmp_path: Path) -> None:
    with running_server(database_url, tmp_path, workers=2) as server:
        status, session = _post(
            server,
            "/api/v1/auth/register",
            {"email": "ada@example.com", "password": PASSWORD, "name": "Ada", "role": "customer"},
        )
        assert status == 201
        tokens = session["tokens"]
        assert isinstance(tokens, dict)
        for _ in range(20):  # both workers now remember the session as live
            assert _me(server, tokens["accessToken"]) == 200
        assert (
            _post(server, "/api/v1/auth/logout", {"refreshToken": tokens["refreshToken"]})[0] == 204
        )
        ended = time.monotonic()
        last_accepted = ended
        while time.monotonic() - ended < 2.0:  # polling real processes for 2 s
            if _me(server, tokens["accessToken"]) == 200:
                last_accepted = time.monotonic()
        assert last_accepted - ended <= 1.0 + 0.2  # the ttl, and a request in flight
        assert _me(server, tokens["accessToken"]) == 401
