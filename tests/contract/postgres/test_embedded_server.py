"""The embedded server: clients reach it through a Unix socket in its data directory; a
second user of the directory finds the running server and its socket; where the path is
unfit for a socket (too long for the kernel, or needing quotes), TCP on 127.0.0.1 only.
Every login needs the password kept in the password file beside the data directory; a
data directory that trusted every login (made before that rule) is secured on its next
start, its data kept."""

from __future__ import annotations

import os
import pwd
import stat
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest

from adapters.postgres.embedded import UNSAFE_FAST_SETTINGS, EmbeddedPostgres
from tests.support.postgres import OTHER_BINARIES, TestServer


def _server_address(url: str) -> str | None:
    """Where the connection arrived: an address over TCP, None over a Unix socket."""
    with psycopg.connect(url) as conn:
        row = conn.execute("SELECT host(inet_server_addr())").fetchone()
    assert row is not None
    return None if row[0] is None else str(row[0])


def test_clients_connect_through_the_socket_and_a_second_user_finds_it(
    server_tmp_path: Path,
) -> None:
    server = EmbeddedPostgres(server_tmp_path / "pg", settings=UNSAFE_FAST_SETTINGS)
    server.start()
    try:
        assert server.socket_dir == server.data_dir
        assert _server_address(server.url()) is None
        beside = EmbeddedPostgres(server_tmp_path / "pg")
        beside.start()  # finds the running server (an operator command beside `make run`)
        assert not beside.started_here and beside.url("x") == server.url("x")
        tcp = f"postgresql://postgres@127.0.0.1:{server.port}/postgres"
        with_password = f"{tcp}?passfile={server.password_file}"
        assert _server_address(with_password) == "127.0.0.1"  # other tools still reach it
    finally:
        server.destroy()


def _password_refused(url: str) -> bool:
    try:
        psycopg.connect(url, connect_timeout=10).close()
    except psycopg.OperationalError as exc:
        return "password" in str(exc)
    return False


def test_no_login_without_the_password_kept_beside_the_data_directory(
    server_tmp_path: Path,
) -> None:
    server = EmbeddedPostgres(server_tmp_path / "pg", settings=UNSAFE_FAST_SETTINGS)
    server.start()
    try:
        tcp = f"postgresql://postgres@127.0.0.1:{server.port}/postgres"
        socket = f"postgresql://postgres@/postgres?host={server.socket_dir}&port={server.port}"
        assert _password_refused(tcp) and _password_refused(socket)
        assert _password_refused(f"{tcp}?password=guess")
        assert _server_address(f"{tcp}?passfile={server.password_file}") == "127.0.0.1"
        assert server.password_file.parent == server.data_dir.parent
        assert stat.S_IMODE(server.password_file.stat().st_mode) == 0o600
        assert "password" not in server.url() and _server_address(server.url()) is None
        kept = server.password_file.read_text()
        server.stop()
        server.start()  # a restart keeps the password
        assert server.password_file.read_text() == kept
        assert _server_address(server.url()) is None
    finally:
        server.destroy()


# What initdb --auth=trust writes, as the embedded server's data directories had it.
_TRUSTING_HBA = """\
local all all trust
host all all 127.0.0.1/32 trust
host all all ::1/128 trust
"""


def _make_trusting(server: EmbeddedPostgres) -> None:
    """Turn a stopped server's directory back into one made before passwords: no password
    on the superuser, every login trusted, no password file."""
    with psycopg.connect(server.url(), autocommit=True) as conn:
        conn.execute("ALTER ROLE postgres PASSWORD NULL")
    server.stop()
    (server.data_dir / "pg_hba.conf").write_text(_TRUSTING_HBA)
    server.password_file.unlink()


def test_a_data_directory_that_trusted_every_login_is_secured_on_its_next_start(
    server_tmp_path: Path,
) -> None:
    server = EmbeddedPostgres(server_tmp_path / "pg", settings=UNSAFE_FAST_SETTINGS)
    server.start()
    try:
        with psycopg.connect(server.url(), autocommit=True) as conn:
            conn.execute("CREATE TABLE kept AS SELECT 'ink' AS word")
        _make_trusting(server)

        upgraded = EmbeddedPostgres(server_tmp_path / "pg", settings=UNSAFE_FAST_SETTINGS)
        upgraded.start()
        tcp = f"postgresql://postgres@127.0.0.1:{upgraded.port}/postgres"
        assert _password_refused(tcp)
        assert stat.S_IMODE(upgraded.password_file.stat().st_mode) == 0o600
        with psycopg.connect(upgraded.url()) as conn:
            assert conn.execute("SELECT word FROM kept").fetchall() == [("ink",)]
    finally:
        server.destroy()


@pytest.mark.parametrize("directory", ["with space", "deep/" * 20])
def test_a_path_unfit_for_a_socket_serves_over_tcp(server_tmp_path: Path, directory: str) -> None:
    server = EmbeddedPostgres(server_tmp_path / directory / "pg", settings=UNSAFE_FAST_SETTINGS)
    server.start()
    try:
        assert server.socket_dir is None
        assert _server_address(server.url()) == "127.0.0.1"
    finally:
        server.destroy()


_ADD_USER_AT_THE_GATE = """
import sys, time
from pathlib import Path
from adapters.postgres.embedded import service_user
while not Path(sys.argv[2]).exists():
    time.sleep(0.001)
print(service_user(sys.argv[1]).pw_uid)
"""


@pytest.mark.skipif(os.geteuid() != 0, reason="only root runs the server as a user of its own")
def test_servers_started_at_once_agree_on_one_service_user(tmp_path: Path) -> None:
    """Four processes creating the server's user at once (the test workers of one run, on a
    fresh machine) all end with the one user /etc/passwd keeps: an unlocked ``useradd``
    would leave three of them with a user ID that no longer exists."""
    name = f"inkslot_t{os.getpid() % 100000}"
    gate = tmp_path / "go"
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", _ADD_USER_AT_THE_GATE, name, str(gate)],
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    try:
        gate.touch()
        uids = {int(process.communicate(timeout=60)[0]) for process in processes}
        assert uids == {pwd.getpwnam(name).pw_uid}
    finally:
        subprocess.run(["userdel", name], check=False, capture_output=True)


@pytest.mark.skipif("TEST_DATABASE_URL" in os.environ, reason="the session's server is not ours")
def test_the_session_server_runs_the_binaries_it_was_given(pg_server: TestServer) -> None:
    """CI's second pass names the machine's PostgreSQL binaries (INKSLOT_TEST_POSTGRES_BIN):
    the session's server must be that version, or the pass proves nothing new."""
    binaries = os.environ.get(OTHER_BINARIES)
    probe = EmbeddedPostgres(Path("unused"), bin_dir=Path(binaries) if binaries else None)
    with psycopg.connect(pg_server.admin_url) as conn:
        row = conn.execute("SHOW server_version_num").fetchone()
    assert row is not None
    assert int(str(row[0])) // 10000 == probe.major_version()
