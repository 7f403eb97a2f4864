"""A stream ends with its session, on any process: logout, a reused refresh token, a password
change from another session, a lock and a suspension, each made through one API process,
end within a second a stream served by the other; a stream of a session that lives on stays
open."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.api.stream.stream_client import Stream, open_stream
from tests.support.builders import TEST_JWT_SECRET
from tests.support.server import ServerProcess, running_server

pytestmark = pytest.mark.serial

PASSWORD = "violet-needle-harbour"
WITHIN = 1.0  # seconds from the answer of the call that ended the session


@pytest.fixture
def servers(database_url: str, tmp_path: Path) -> Iterator[tuple[ServerProcess, ServerProcess]]:
    secret = TEST_JWT_SECRET
    with (
        running_server(
            database_url, tmp_path / "a", workers=1, forked=True, INKSLOT_JWT_SECRET=secret
        ) as a,
        running_server(
            database_url, tmp_path / "b", workers=1, forked=True, INKSLOT_JWT_SECRET=secret
        ) as b,
    ):
        yield a, b


def _call(server: ServerProcess, path: str, body: Any = None, token: str | None = None) -> Any:
    headers = {} if token is None else {"authorization": f"Bearer {token}"}
    response = httpx.post(server.base_url + path, json=body, headers=headers, timeout=30)
    assert response.status_code < 500, response.text
    return response.json() if response.content else None


def _register(server: ServerProcess, email: str) -> dict[str, Any]:
    body = {"email": email, "password": PASSWORD, "name": "Ada", "role": "customer"}
    signed: dict[str, Any] = _call(server, "/api/v1/auth/register", body)
    return signed


def _admin(server: ServerProcess) -> str:
    made = server.cli("create-admin", "--email", "root@example.com", stdin=PASSWORD + "\n")
    assert made.returncode == 0, made.stderr
    body = {"email": "root@example.com", "password": PASSWORD}
    return str(_call(server, "/api/v1/auth/login", body)["tokens"]["accessToken"])


def _ends_within(stream: Stream, end_session: Callable[[], None]) -> float:
    end_session()
    ended = time.monotonic()
    with pytest.raises(EOFError):  # httpx's read timeout (3 s) fails it when it stays open
        stream.next_message()
    return time.monotonic() - ended


def test_a_stream_ends_within_a_second_of_its_session_on_whichever_process(
    servers: tuple[ServerProcess, ServerProcess],
) -> None:
    a, b = servers
    admin = _admin(a)
    users = {
        kind: _register(a, f"{kind}@example.com")
        for kind in ("logout", "reuse", "password", "lock", "suspend", "other")
    }
    changer = _call(
        a, "/api/v1/auth/login", {"email": "password@example.com", "password": PASSWORD}
    )
    until = (datetime.now(UTC) + timedelta(days=1)).isoformat()

    def refresh_twice() -> None:
        spent = users["reuse"]["tokens"]["refreshToken"]
        _call(a, "/api/v1/auth/refresh", {"refreshToken": spent})
        reused = _call(a, "/api/v1/auth/refresh", {"refreshToken": spent})
        assert reused["code"] == "refresh_token_reused"

    endings: dict[str, Callable[[], None]] = {
        "logout": lambda: _call(
            a, "/api/v1/auth/logout", {"refreshToken": users["logout"]["tokens"]["refreshToken"]}
        ),
        "reuse": refresh_twice,
        "password": lambda: _call(
            a,
            "/api/v1/me/password",
            {"currentPassword": PASSWORD, "newPassword": "amber-quill-lantern"},
            changer["tokens"]["accessToken"],
        ),
        "lock": lambda: _call(
            a, f"/api/v1/admin/users/{users['lock']['user']['id']}/lock", {"until": until}, admin
        ),
        "suspend": lambda: _call(
            a, f"/api/v1/admin/users/{users['suspend']['user']['id']}/suspend", None, admin
        ),
    }
    with ExitStack() as open_streams:
        streams = {
            kind: open_streams.enter_context(
                open_stream(b.base_url, token=user["tokens"]["accessToken"], wait=3)
            )
            for kind, user in users.items()
        }
        kept = open_streams.enter_context(
            open_stream(b.base_url, token=changer["tokens"]["accessToken"], wait=1.5)
        )
        took = {kind: _ends_within(streams[kind], end) for kind, end in endings.items()}
        assert all(seconds < WITHIN for seconds in took.values()), took
        for still_open in (kept, streams["other"]):  # sessions that live on keep their streams
            with pytest.raises(httpx.ReadTimeout):
                still_open.next_message()
