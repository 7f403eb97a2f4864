"""A lowered process's statements run at its priority on a PostgreSQL of this machine.

``make run``'s job worker runs at niceness 19 beside the API (``entrypoints/worker/
beside.py``), so that the kernel serves the requests that make bookings first. But most of
telling people is statements, and PostgreSQL runs each connection's statements in a server
process of its own, at the niceness its server started with: the worker's statements
competed with the API's as equals, and a worker that spent less per message sent more of
them while bookings were being made (docs/performance.md, "The cost of a booking").

Rule: a connection opened by a process whose niceness is above 0, to a PostgreSQL server
on this machine (a Unix socket or a loopback address), gets the server process serving it
set to the same niceness, when the kernel lets this process change it (the same user; or
root, under which the embedded server runs as a user of its own). That server process
serves this connection alone and ends with it: nothing else is slowed. Any other
connection is left alone: a remote server, a pid that is not a PostgreSQL process here
(another machine's, or another container's numbering), a server process the kernel keeps
from us, and any connection through a transaction pooler (PgBouncer), whose server
processes serve every client in turn and whose reported pid is made up (the callers skip
those). A process at niceness 0 (the API, a production worker) changes nothing. Nothing
here ever lowers a niceness.
"""

from __future__ import annotations

import ipaddress
import os
from pathlib import Path

from psycopg import ConnectionInfo

_PROC = Path("/proc")


def share_priority(connection: ConnectionInfo) -> bool:
    """The server process of the connection (its ``info``) set to this process's niceness
    when the rule above holds; whether it was."""
    niceness = os.getpriority(os.PRIO_PROCESS, 0)
    if niceness <= 0 or not _on_this_machine(connection.host):
        return False
    return lower_backend(connection.backend_pid, niceness)


def lower_backend(pid: int, niceness: int) -> bool:
    """Set ``pid`` to ``niceness`` if it is a PostgreSQL server process now below it;
    whether it is at ``niceness`` or above after."""
    if not _postgres_server(pid):
        return False
    try:
        if os.getpriority(os.PRIO_PROCESS, pid) < niceness:
            os.setpriority(os.PRIO_PROCESS, pid, niceness)
    except OSError:  # ended meanwhile, or not ours to change (another user's)
        return False
    return True


def _on_this_machine(host: str) -> bool:
    if not host or host.startswith("/") or host == "localhost":
        return True  # libpq's default and a directory: a Unix socket
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False  # a name other than localhost: assume another machine


def _postgres_server(pid: int) -> bool:
    """``pid`` is a process of this machine whose program is PostgreSQL's server."""
    try:
        program = Path(os.readlink(_PROC / str(pid) / "exe")).name
    except OSError:  # no such process, or one we may not look at
        return False
    # A server whose program was replaced on disk (a package upgrade) reads "... (deleted)".
    return program.removesuffix(" (deleted)") == "postgres"
