"""A primary and a streaming replica from the embedded binaries, and PgBouncer in front of a
server: the real parts a deployment puts between Inkslot and its data.

The primary is an embedded server of its own (whatever ``TEST_DATABASE_URL`` says: a
replica needs a primary this process may reconfigure); the standby is made from it with
``pg_basebackup -R`` and streams from it. PgBouncer is the machine's own binary (Debian's
``pgbouncer`` package); :func:`pgbouncer_binary` is None where it is not installed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import psycopg
from psycopg.conninfo import conninfo_to_dict

from adapters.postgres import migrate
from adapters.postgres.embedded import UNSAFE_FAST_SETTINGS, EmbeddedPostgres
from entrypoints.database import ensure_database
from tests.support.server import free_port

DATABASE = "inkslot"
_REPLICATION_HBA = (
    "host replication postgres 127.0.0.1/32 scram-sha-256\n"
    "local replication postgres scram-sha-256\n"
)


@dataclass(frozen=True)
class Replicated:
    primary_url: str
    replica_url: str
    primary: EmbeddedPostgres
    replica: EmbeddedPostgres

    def wait_replayed(self, timeout: float = 30.0) -> None:
        """Until the replica has replayed everything the primary has written so far (a
        condition, polled; not a fixed wait)."""
        with psycopg.connect(self.primary_url, autocommit=True) as conn:
            target = conn.execute("SELECT pg_current_wal_lsn()").fetchone()
        deadline = time.monotonic() + timeout
        with psycopg.connect(self.replica_url, autocommit=True) as conn:
            while time.monotonic() < deadline:
                row = conn.execute(
                    "SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", (target[0],) if target else ()
                ).fetchone()
                if row and row[0]:
                    return
                time.sleep(0.02)
        raise TimeoutError("the replica did not catch up")

    def pause_replay(self) -> None:
        with psycopg.connect(self.replica_url, autocommit=True) as conn:
            conn.execute("SELECT pg_wal_replay_pause()")

    def resume_replay(self) -> None:
        with psycopg.connect(self.replica_url, autocommit=True) as conn:
            conn.execute("SELECT pg_wal_replay_resume()")


def _password(server: EmbeddedPostgres) -> str:
    return server.password_file.read_text().strip().rsplit(":", 1)[1]


@contextmanager
def primary_and_replica(base: Path) -> Iterator[Replicated]:
    """A migrated ``inkslot`` database on a primary, and a standby streaming it."""
    # A commit is written before it returns (as in production), so its position is known.
    settings = {**UNSAFE_FAST_SETTINGS, "wal_level": "replica", "synchronous_commit": "on"}
    primary = EmbeddedPostgres(base / "primary", settings=settings)
    primary.start()
    replica: EmbeddedPostgres | None = None
    try:
        hba = primary.pgdata / "pg_hba.conf"
        hba.write_text(hba.read_text() + _REPLICATION_HBA)
        admin = primary.url()
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute("SELECT pg_reload_conf()")
        ensure_database(admin, DATABASE)
        migrate.upgrade(primary.url(DATABASE))
        replica = _standby_of(primary, base / "replica")
        replica.start()
        pair = Replicated(primary.url(DATABASE), replica.url(DATABASE), primary, replica)
        pair.wait_replayed()
        yield pair
    finally:
        if replica is not None:
            replica.destroy()
        primary.destroy()


def _standby_of(primary: EmbeddedPostgres, data_dir: Path) -> EmbeddedPostgres:
    """A copy of the primary's data directory set up to stream from it (``-R``), owned by
    the user the embedded server runs as, with the primary's password file beside it."""
    data_dir.mkdir(parents=True)
    env = {**os.environ, "PGPASSWORD": _password(primary)}
    subprocess.run(
        [
            str(primary.bin("pg_basebackup")),
            *("-D", str(data_dir), "-R", "-X", "stream", "-c", "fast"),
            *("-h", "127.0.0.1", "-p", str(primary.port), "-U", "postgres"),
        ],
        env=env,
        check=True,
        capture_output=True,
    )
    standby = EmbeddedPostgres(data_dir, settings={**UNSAFE_FAST_SETTINGS, "hot_standby": "on"})
    shutil.copy(primary.password_file, standby.password_file)
    os.chmod(standby.password_file, 0o600)
    # The copy's pg_hba.conf carries the replication lines: the plain one marks it secured.
    (data_dir / "pg_hba.conf").write_text((primary.pgdata / "pg_hba.conf").read_text())
    hba = (data_dir / "pg_hba.conf").read_text().replace(_REPLICATION_HBA, "")
    (data_dir / "pg_hba.conf").write_text(hba)
    for stale in ("postmaster.pid", "postmaster.opts"):
        (data_dir / stale).unlink(missing_ok=True)
    if os.geteuid() == 0:
        owner = primary.pgdata.stat()
        for root, dirs, files in os.walk(data_dir):
            for name in (*dirs, *files):
                os.chown(os.path.join(root, name), owner.st_uid, owner.st_gid)
        os.chown(data_dir, owner.st_uid, owner.st_gid)
    data_dir.chmod(0o700)
    return standby


def pgbouncer_binary() -> str | None:
    return shutil.which("pgbouncer") or next(
        (p for p in ("/usr/sbin/pgbouncer", "/usr/bin/pgbouncer") if Path(p).exists()), None
    )


@contextmanager
def pgbouncer(server_url: str, *, pool_size: int = 8) -> Iterator[str]:
    """PgBouncer in transaction mode in front of ``server_url``'s server, for its database;
    yields the URL to reach that database through it (the same user and password). Its
    files live in a directory of their own under the system's temporary directory, which
    the unprivileged user it runs as (under root) can reach."""
    binary = pgbouncer_binary()
    if binary is None:
        raise RuntimeError("pgbouncer is not installed")
    with (
        tempfile.TemporaryDirectory(prefix="inkslot-pgbouncer-") as workdir,
        _pgbouncer(binary, server_url, Path(workdir), pool_size) as url,
    ):
        yield url


@contextmanager
def _pgbouncer(binary: str, server_url: str, workdir: Path, pool_size: int) -> Iterator[str]:
    params = {name: str(value) for name, value in conninfo_to_dict(server_url).items()}
    passfile = params.get("passfile")
    password = Path(passfile).read_text().strip().rsplit(":", 1)[1] if passfile else None
    database = params.get("dbname", "postgres")
    user = params.get("user", "postgres")
    host = params.get("host") or "127.0.0.1"
    host = "127.0.0.1" if host.startswith("/") else host  # the server listens on both
    port = params.get("port") or "5432"
    listen = free_port()
    (workdir / "users.txt").write_text(f'"{user}" "{password or ""}"\n')
    (workdir / "users.txt").chmod(0o600)
    (workdir / "pgbouncer.ini").write_text(
        f"""[databases]
{database} = host={host} port={port} dbname={database}

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = {listen}
unix_socket_dir =
auth_type = {"scram-sha-256" if password else "trust"}
auth_file = {workdir / "users.txt"}
pool_mode = transaction
default_pool_size = {pool_size}
max_client_conn = 500
ignore_startup_parameters = extra_float_digits
logfile = {workdir / "pgbouncer.log"}
pidfile = {workdir / "pgbouncer.pid"}
"""
    )
    run_as = [] if os.geteuid() != 0 else ["-u", "nobody"]
    if run_as:  # pgbouncer will not run as root; its files must be readable by its user
        for path in (workdir, workdir / "users.txt", workdir / "pgbouncer.ini"):
            shutil.chown(path, "nobody")
    process = subprocess.Popen(
        [binary, *run_as, str(workdir / "pgbouncer.ini")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"postgresql://{user}@127.0.0.1:{listen}/{database}"
    if passfile:
        url += f"?passfile={quote(passfile, safe='/')}"
    try:
        _wait_for(url, process)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def _wait_for(url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                "pgbouncer stopped: " + (process.stderr.read().decode() if process.stderr else "")
            )
        try:
            psycopg.connect(url, connect_timeout=2, prepare_threshold=None).close()
            return
        except psycopg.OperationalError:
            time.sleep(0.05)
    raise TimeoutError("pgbouncer did not answer")
