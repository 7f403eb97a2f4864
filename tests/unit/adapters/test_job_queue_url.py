"""The job queue reaches the database INKSLOT_DATABASE_URL names, in every form the
PostgreSQL adapter's pool accepts."""

from __future__ import annotations

import pytest

from adapters.jobs.queue import conninfo_of
from adapters.postgres.database import psycopg_url

URLS = [
    "postgresql://inkslot:secret@db.example:5432/inkslot",
    "postgres://inkslot@db.example/inkslot?sslmode=require",
    "postgresql+psycopg://inkslot:secret@db.example/inkslot",
    "postgresql:///inkslot?host=/var/run/postgresql",
]


@pytest.mark.parametrize("url", URLS)
def test_the_queue_connects_where_the_pool_does(url: str) -> None:
    assert conninfo_of(url) == psycopg_url(url)


@pytest.mark.parametrize("url", ["mysql://db.example/inkslot", "db.example/inkslot", ""])
def test_other_urls_are_refused_as_the_pool_refuses_them(url: str) -> None:
    with pytest.raises(ValueError, match="must start with postgresql"):
        conninfo_of(url)
    with pytest.raises(ValueError, match="must start with postgresql"):
        psycopg_url(url)
