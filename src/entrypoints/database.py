"""Getting a database ready: the embedded server for the local profile, then migrations.

Shared by every CLI command that touches the database, so ``serve``, ``migrate``, ``seed``
and ``create-admin`` all see the same database under the same settings.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

import psycopg

from adapters.postgres.embedded import EmbeddedPostgres
from adapters.postgres.tuned import server
from entrypoints.settings import Settings

if TYPE_CHECKING:
    import procrastinate

_log = logging.getLogger("inkslot.runtime")  # the name operators filter on
LOCAL_DATABASE = "inkslot"


@contextlib.contextmanager
def database(settings: Settings, *, run_migrations: bool | None = None) -> Iterator[Settings]:
    """Yield settings whose ``database_url`` answers (and is migrated, when
    ``run_migrations``; None: as ``settings.migrates_on_start`` says).

    Without a configured URL in the local profile, the embedded server under
    ``settings.data_dir`` is started for the duration of the block and stopped after it;
    one that is already running (``make run`` in another terminal) is used and left running.
    """
    server: EmbeddedPostgres | None = None
    url = settings.database_url
    if url is None:
        if not settings.is_local:
            raise ValueError("INKSLOT_DATABASE_URL is required outside the local profile")
        server = EmbeddedPostgres(settings.data_dir / "postgres")
        _log.info("using the embedded PostgreSQL in %s", server.data_dir)
        server.start()
        ensure_database(server.url(), LOCAL_DATABASE)
        url = server.url(LOCAL_DATABASE)
    try:
        migrating = settings.migrates_on_start if run_migrations is None else run_migrations
        if migrating:  # not through a transaction pooler: the direct URL when set
            from adapters.postgres import migrate  # Alembic and the tables: only to migrate

            migrate.upgrade(settings.database_direct_url or url)
        yield replace(settings, database_url=url)
    finally:
        if server is not None:
            server.release()


def ensure_database(admin_url: str, name: str) -> None:
    with psycopg.connect(admin_url, autocommit=True) as conn:
        if not conn.execute(server.DATABASE_EXISTS, (name,)).fetchone():
            conn.execute(server.create_database(name))


def has_job_queue(settings: Settings) -> bool:
    """Whether the database has the job queue's tables (a migration makes them)."""
    from adapters.postgres.urls import psycopg_url

    with psycopg.connect(psycopg_url(settings.direct_database_url or "")) as conn:
        found = conn.execute(server.HAS_JOB_QUEUE).fetchone()
    return bool(found and found[0])


def job_queue(settings: Settings) -> procrastinate.App:
    """The job queue as the workers and the operator commands reach it: on the direct URL
    when one is set. With only a transaction pooler in between, the workers cannot LISTEN
    and nothing may be prepared (``Settings.workers_listen``)."""
    from adapters.jobs.queue import job_app  # procrastinate only for the commands that use it
    from adapters.postgres.urls import psycopg_url

    url = psycopg_url(settings.direct_database_url or "")
    return job_app(url, behind_pooler=not settings.workers_listen)
