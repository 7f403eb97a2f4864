"""Alembic environment: migrates the database named by ``-x url=``, the ``sqlalchemy.url``
the caller set on the config, or INKSLOT_DATABASE_URL, using the app's own table metadata."""

from __future__ import annotations

import os

from alembic import context
from sqlalchemy import create_engine, pool

from adapters.postgres.tables import is_ours, schema
from adapters.postgres.urls import sqlalchemy_url

config = context.config
target_metadata = schema()  # every context's tables module, each joining one metadata


def _url() -> str:
    url = (
        context.get_x_argument(as_dictionary=True).get("url")
        or config.get_main_option("sqlalchemy.url")
        or os.environ.get("INKSLOT_DATABASE_URL")
    )
    if not url:
        raise SystemExit(
            "no database URL: pass -x url=postgresql://... or set INKSLOT_DATABASE_URL"
        )
    return sqlalchemy_url(url)


def run_offline() -> None:
    context.configure(
        url=_url(), target_metadata=target_metadata, literal_binds=True, include_name=is_ours
    )
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connectable = config.attributes.get("connection")
    if connectable is not None:
        context.configure(
            connection=connectable, target_metadata=target_metadata, include_name=is_ours
        )
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = create_engine(_url(), poolclass=pool.NullPool)
    with engine.connect() as connection:
        context.configure(
            connection=connection, target_metadata=target_metadata, include_name=is_ours
        )
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
