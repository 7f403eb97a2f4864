"""The embedded server: clients reach it through a Unix socket in its data directory; a
second user of the directory finds the running server and its socket; where the path is
unfit for a socket (too long for the kernel, or needing quotes), TCP on 127.0.0.1 only."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest

from adapters.postgres.embedded import UNSAFE_FAST_SETTINGS, EmbeddedPostgres


def _server_address(url: str) -> str | None:
    """Where the connection arrived: an address over TCP, None over a Unix socket."""
    with psycopg.connect(url) as conn:
        row = conn.execute("SELECT host(inet_server_addr())").fetchone()
    assert row is not None
    return None if row[0] is None else str(row[0])


def test_clients_connect_through_the_socket_and_a_second_user_finds_it(
    tmp_path: Path,
) -> None:
    server = EmbeddedPostgres(tmp_path / "pg", settings=UNSAFE_FAST_SETTINGS)
    server.start()
    try:
        assert server.socket_dir == server.data_dir
        assert _server_address(server.url()) is None
        beside = EmbeddedPostgres(tmp_path / "pg")
        beside.start()  # finds the running server (an operator command beside `make run`)
        assert not beside.started_here and beside.url("x") == server.url("x")
        tcp = f"postgresql://postgres@127.0.0.1:{server.port}/postgres"
        assert _server_address(tcp) == "127.0.0.1"  # other tools still reach it
    finally:
        server.destroy()


@pytest.mark.parametrize("directory", ["with space", "deep/" * 20])
def test_a_path_unfit_for_a_socket_serves_over_tcp(tmp_path: Path, directory: str) -> None:
    server = EmbeddedPostgres(tmp_path / directory / "pg", settings=UNSAFE_FAST_SETTINGS)
    server.start()
    try:
        assert server.socket_dir is None
        assert _server_address(server.url()) == "127.0.0.1"
    finally:
        server.destroy()
