"""Operating the service with real processes: commands beside a running server, and a
database that goes away and comes back."""

from __future__ import annotations

import asyncio
import json
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psycopg
import pytest

from adapters.postgres import migrate
from adapters.postgres.database import Database
from adapters.postgres.embedded import UNSAFE_FAST_SETTINGS, EmbeddedPostgres
from entrypoints.database import LOCAL_DATABASE, ensure_database
from tests.support.builders import TEST_SECRETS
from tests.support.catalog import BookableArtist, add_bookable_artist
from tests.support.server import ServerProcess, running_server
from tests.support.storage import postgres_units

pytestmark = pytest.mark.serial

PASSWORD = "violet-needle-harbour"


def _call(
    server: ServerProcess, path: str, body: dict[str, str] | None = None, token: str = ""
) -> tuple[int, dict[str, object]]:
    data = json.dumps(body).encode() if body is not None else None
    headers = {"content-type": "application/json"}
    if token:
        headers["authorization"] = f"Bearer {token}"
    request = urllib.request.Request(server.base_url + path, data=data, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


def _poll(check: Callable[[], bool], within_s: float) -> float:
    """Seconds until ``check()`` held (polling real processes, not waiting for domain time)."""
    started = time.monotonic()
    while not check():
        assert time.monotonic() - started < within_s, f"not within {within_s} s"
        time.sleep(0.1)
    return time.monotonic() - started


def _login_without_password_refused(port: int) -> bool:
    """What ``psql -h 127.0.0.1 -p <port> -U postgres`` meets, typing no password."""
    try:
        psycopg.connect(f"postgresql://postgres@127.0.0.1:{port}/postgres").close()
    except psycopg.OperationalError as exc:
        return "password" in str(exc)
    return False


def test_operator_commands_leave_a_serving_database_running(server_tmp_path: Path) -> None:
    """`make run` in one terminal, `inkslot ...` in another: the commands reuse the embedded
    PostgreSQL the server started and leave it running; the server stops it at the end.
    Nobody logs in to that PostgreSQL without its password, which no log and no response
    shows."""
    tmp_path = server_tmp_path
    with running_server(None, tmp_path, workers=1) as server:
        port = int((tmp_path / "postgres" / "postmaster.pid").read_text().splitlines()[3])
        assert _login_without_password_refused(port)
        password = (tmp_path / "postgres.pgpass").read_text().strip().rsplit(":", 1)[1]
        status, health = _call(server, "/health/ready")
        assert status == 200 and password not in json.dumps(health)
        for command, stdin in (
            (("migrate",), ""),
            (("seed",), ""),
            (("expire-holds",), ""),
            (("jobs", "failed"), ""),
            (("jobs", "release-held"), ""),
            (("create-admin", "--email", "root@example.com"), PASSWORD + "\n"),
        ):
            done = server.cli(*command, stdin=stdin)
            assert done.returncode == 0, done.stderr
            assert password not in done.stdout + done.stderr
            status, _ = _call(server, "/health/ready")
            assert status == 200, (command, server.log_tail())
        status, session = _call(
            server, "/api/v1/auth/login", {"email": "root@example.com", "password": PASSWORD}
        )
        assert status == 200 and session["user"]["role"] == "admin"  # type: ignore[index]
    assert password not in server.log_path.read_text()
    assert not (tmp_path / "postgres" / "postmaster.pid").exists()  # stopped by its starter


def test_a_command_alone_stops_the_database_it_started(server_tmp_path: Path) -> None:
    tmp_path = server_tmp_path
    with running_server(None, tmp_path / "first", workers=1):
        pass
    from tests.support.cli import cli_env, inkslot

    done = inkslot("migrate", env=cli_env(INKSLOT_DATA_DIR=str(tmp_path / "first")))
    assert done.returncode == 0, done.stderr
    assert not (tmp_path / "first" / "postgres" / "postmaster.pid").exists()


@pytest.fixture
def own_database(server_tmp_path: Path) -> EmbeddedPostgres:
    """A PostgreSQL server of this test's own, so the test may stop and restart it."""
    postgres = EmbeddedPostgres(server_tmp_path / "pg", settings=UNSAFE_FAST_SETTINGS)
    postgres.start()
    ensure_database(postgres.url(), LOCAL_DATABASE)
    migrate.upgrade(postgres.url(LOCAL_DATABASE))
    return postgres


def test_the_api_recovers_by_itself_when_the_database_comes_back(
    own_database: EmbeddedPostgres, tmp_path: Path
) -> None:
    """Requests are refused (503) while it is away and served again within seconds of its
    return, and the job worker inside the processes works again too: a booking made after
    the return is told to its customer's inbox."""
    url = own_database.url(LOCAL_DATABASE)
    try:
        with running_server(url, tmp_path / "server", workers=2) as server:
            status, session = _call(
                server,
                "/api/v1/auth/register",
                {
                    "email": "ada@example.com",
                    "password": PASSWORD,
                    "name": "Ada",
                    "role": "customer",
                },
            )
            assert status == 201
            token = str(session["tokens"]["accessToken"])  # type: ignore[index]
            seen: list[int] = []

            def answers(expected: int) -> bool:
                statuses = [
                    _call(server, "/health/ready")[0],
                    _call(server, "/api/v1/me", token=token)[0],
                ]
                seen.extend(statuses)
                return all(s == expected for s in statuses)

            own_database.stop()
            _poll(lambda: answers(503), within_s=15)
            own_database.start()  # the same port: its data directory remembers it
            recovered = _poll(lambda: answers(200), within_s=15)
            assert set(seen) <= {200, 503}, (seen, server.log_tail())
            assert recovered < 15
            _book(server, token, asyncio.run(_an_artist(url)))
            _poll(lambda: _inbox_size(server, token) > 0, within_s=30)
    finally:
        own_database.stop()


async def _an_artist(url: str) -> BookableArtist:
    database = Database(url, min_size=1, max_size=2)
    await database.open()
    try:
        return await add_bookable_artist(postgres_units(database, secrets=TEST_SECRETS))
    finally:
        await database.close()


def _book(server: ServerProcess, token: str, artist: BookableArtist) -> None:
    start = (datetime.now(UTC) + timedelta(days=3)).replace(
        hour=10, minute=0, second=0, microsecond=0
    )
    body = {"artistId": str(artist.id), "serviceId": str(artist.service.id)}
    status, booked = _call(
        server, "/api/v1/bookings", {**body, "start": start.isoformat()}, token=token
    )
    assert status == 201, booked


def _inbox_size(server: ServerProcess, token: str) -> int:
    status, inbox = _call(server, "/api/v1/me/notifications", token=token)
    assert status == 200, inbox
    return len(inbox["items"])  # type: ignore[arg-type]
