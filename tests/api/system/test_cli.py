"""The ``inkslot`` command as an operator runs it: a real process, real signals."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from entrypoints.worker.beside import NICENESS
from tests.api.conftest import PASSWORD, ApiFactory
from tests.support.builders import PRODUCTION_ENV
from tests.support.cli import cli_env, inkslot

pytestmark = pytest.mark.serial


def test_production_without_configuration_stops_with_one_clear_message() -> None:
    result = inkslot("serve", env=cli_env(INKSLOT_PROFILE="production"))
    assert result.returncode == 2
    assert "INKSLOT_DATABASE_URL" in result.stderr and "INKSLOT_JWT_SECRET" in result.stderr
    assert "Traceback" not in result.stderr


def test_demo_data_is_never_seeded_in_production() -> None:
    production = {
        **PRODUCTION_ENV,
        "INKSLOT_DATABASE_URL": "postgresql://nobody@127.0.0.1:1/none",
        "INKSLOT_JWT_SECRET": "s" * 40,
    }
    result = inkslot("seed", env=cli_env(**production))
    assert result.returncode == 2, result.stderr
    assert "local profile only" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.anyio
async def test_create_admin_reads_the_password_from_stdin(
    database_url: str, make_api: ApiFactory
) -> None:
    env = cli_env(INKSLOT_DATABASE_URL=database_url, INKSLOT_SEED_DEMO_DATA="false")
    weak = inkslot("create-admin", "--email", "root@example.com", env=env, stdin="short\n")
    assert weak.returncode == 1 and "10 characters" in weak.stderr
    made = inkslot("create-admin", "--email", "root@example.com", env=env, stdin=PASSWORD + "\n")
    assert made.returncode == 0, made.stderr
    assert PASSWORD not in made.stdout + made.stderr
    api = await make_api()
    response = await api.login("root@example.com")
    assert response.status_code == 200 and response.json()["user"]["role"] == "admin"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _request(url: str, body: dict[str, str] | None = None) -> tuple[int, dict[str, Any]]:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, headers={"content-type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


def _wait_until_ready(base: str, process: subprocess.Popen[str], limit_s: float = 90) -> None:
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stdout.read() if process.stdout else ""
        try:
            if _request(base + "/health/ready")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)  # polling a starting process, not waiting for domain time
    raise AssertionError("the server did not become ready")


def _serve(data_dir: Path, port: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "entrypoints.cli", "serve", "--port", str(port)],
        env=cli_env(INKSLOT_DATA_DIR=str(data_dir)),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def _stop(process: subprocess.Popen[str]) -> str:
    process.send_signal(signal.SIGINT)
    output, _ = process.communicate(timeout=60)
    return output


def test_serve_starts_embedded_postgres_seeds_once_and_keeps_data_across_restarts(
    server_tmp_path: Path,
) -> None:
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    first = _serve(server_tmp_path, port)
    printed = ""
    try:
        _wait_until_ready(base, first)
        status, _ = _request(
            base + "/api/v1/auth/register",
            {"email": "ada@example.com", "password": PASSWORD, "name": "Ada", "role": "customer"},
        )
        assert status == 201
        printed = _check_demo_booking(base, first)
        worker = _job_worker_of(first.pid)
    finally:
        output = _stop(first)
    output = printed + output
    assert not Path(f"/proc/{worker}").exists()  # the job worker stopped with the server
    assert "admin@inkslot.local" in output  # demo credentials printed on first start
    assert not (server_tmp_path / "postgres" / "postmaster.pid").exists()  # PostgreSQL stopped too

    second = _serve(server_tmp_path, port)
    try:
        _wait_until_ready(base, second)
        status, body = _request(
            base + "/api/v1/auth/login", {"email": "ada@example.com", "password": PASSWORD}
        )
        assert status == 200 and body["user"]["email"] == "ada@example.com"
    finally:
        output = _stop(second)
    assert "admin@inkslot.local" not in output  # seeded once only


def _job_worker_of(server_pid: int) -> int:
    """The one ``inkslot worker`` the local profile's server runs beside itself, once it has
    lowered its priority (``entrypoints.worker.beside``): its pid."""
    deadline = time.monotonic() + 30
    while True:
        children = [  # each thread's children: the worker is started from a thread
            pid
            for task in Path(f"/proc/{server_pid}/task").iterdir()
            for pid in (task / "children").read_text().split()
        ]
        workers = [
            int(pid)
            for pid in children
            if b"worker" in Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        ]
        assert len(workers) <= 1
        if workers and os.getpriority(os.PRIO_PROCESS, workers[0]) == NICENESS:
            return workers[0]
        assert time.monotonic() < deadline, f"no job worker at niceness {NICENESS}: {workers}"
        time.sleep(0.05)  # polling the server's children, not waiting for time


def _check_demo_booking(base: str, server: subprocess.Popen[str]) -> str:
    """The demo customer can sign in with the printed password and sees their booking with
    the demo artist, who is public and offers slots."""
    assert server.stdout is not None
    password, printed = None, ""
    while password is None:
        line = server.stdout.readline()
        printed += line
        assert line, "the server ended before printing the demo accounts"
        if line.split()[:2] == ["customer", "customer@inkslot.local"]:
            password = line.split()[2]
    status, session = _request(
        base + "/api/v1/auth/login", {"email": "customer@inkslot.local", "password": password}
    )
    assert status == 200
    token = session["tokens"]["accessToken"]
    request = urllib.request.Request(
        base + "/api/v1/bookings", headers={"Authorization": f"Bearer {token}"}
    )
    with urllib.request.urlopen(request, timeout=5) as response:
        bookings = json.loads(response.read())
    assert bookings["total"] == 1
    artist_id = bookings["items"][0]["artistId"]
    status, artist = _request(f"{base}/api/v1/artists/{artist_id}")
    assert status == 200 and artist["bookable"] is True
    status, portfolio = _request(f"{base}/api/v1/artists/{artist_id}/portfolio")
    assert status == 200 and portfolio["total"] == 3
    picture = portfolio["items"][0]["images"][0]["url"]
    with urllib.request.urlopen(picture, timeout=5) as response:
        assert response.headers["content-type"] == "image/webp"
    # The dozen seeded artists are found by search (Mongolian Cyrillic typed in Latin).
    status, found = _request(f"{base}/api/v1/artists?q=olzii")
    assert status == 200 and [a["displayName"] for a in found["items"]] == ["Өлзий Бат"]
    status, near = _request(f"{base}/api/v1/artists?near=47.9186,106.9177&radiusKm=10&pageSize=50")
    assert status == 200 and len(near["items"]) == 13
    return printed


def test_a_process_of_the_release_before_still_starts_after_a_newer_migration(
    database_url: str, tmp_path: Path
) -> None:
    """A rolling deploy migrates first; a process of the previous release that starts after
    that finds a revision it does not know. Migrating on start it would stop; production's
    processes do not migrate on start (``inkslot migrate`` does, once)."""
    import psycopg

    with psycopg.connect(database_url, autocommit=True) as conn:
        (current,) = conn.execute("SELECT version_num FROM alembic_version").fetchone() or ("",)
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_next_release'")
    env = cli_env(
        INKSLOT_DATABASE_URL=database_url,
        INKSLOT_SEED_DEMO_DATA="false",
        INKSLOT_DATA_DIR=str(tmp_path / "var"),
    )
    migrating = inkslot("expire-holds", env=env)
    assert migrating.returncode != 0 and "9999_from_the_next_release" in migrating.stderr
    starting = inkslot("expire-holds", env={**env, "INKSLOT_MIGRATE_ON_START": "false"})
    assert starting.returncode == 0, starting.stderr
    assert "expired holds cancelled" in starting.stdout
    with psycopg.connect(database_url, autocommit=True) as conn:
        conn.execute("UPDATE alembic_version SET version_num = %s", (current,))
