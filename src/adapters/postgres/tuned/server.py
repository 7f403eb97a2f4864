"""What is asked of the PostgreSQL server itself rather than of our tables: whether it
answers, where its WAL stands, whether a database or the job queue's tables exist, creating
a database, and the embedded server's password.

Why text: none of these reads or writes our tables, so there is no table metadata for Core
to build them from; each is a single call of a server function or a command that takes no
bound values (``CREATE DATABASE`` and ``ALTER ROLE`` cannot have parameters: the name is
quoted as an identifier, the password is sent where nothing can be bound).
"""

from __future__ import annotations

from psycopg import sql

# The health probe: the database answers a statement.
ALIVE = "SELECT 1"

# The replica's lag (``replica.py``): the primary's WAL position, then the replica's
# replayed one (both as bytes since 0/0, so they subtract).
PRIMARY_POSITION = "SELECT (pg_current_wal_lsn() - '0/0'::pg_lsn)::bigint AS position"
REPLAYED_POSITION = (
    "SELECT pg_is_in_recovery() AS standby,"
    " (pg_last_wal_replay_lsn() - '0/0'::pg_lsn)::bigint AS position"
)

# Creating the application's database on an administrative connection.
DATABASE_EXISTS = "SELECT 1 FROM pg_database WHERE datname = %s"

# Whether the job queue's tables are there yet (a migration makes them).
HAS_JOB_QUEUE = "SELECT to_regclass('procrastinate_jobs') IS NOT NULL"


def create_database(name: str) -> sql.Composed:
    """``CREATE DATABASE`` with ``name`` quoted as an identifier."""
    return sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))


def set_password(password: str) -> str:
    """The embedded server's password statement, sent to ``postgres --single`` on standard
    input, where nothing can be bound: ``embedded.py`` generates the password from
    letters, digits, ``-`` and ``_`` (``secrets.token_urlsafe``), so it needs no quoting."""
    return f"ALTER ROLE postgres PASSWORD '{password}';\n"
