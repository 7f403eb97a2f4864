"""Database URLs in the forms the drivers take. Apart from the pool, so that what needs only a
URL (an operator command, the migrations) loads neither the pool nor the domain's errors."""

from __future__ import annotations


def psycopg_url(url: str) -> str:
    """Accept ``postgresql://`` and SQLAlchemy-style ``postgresql+psycopg://`` URLs."""
    for prefix in ("postgresql+psycopg://", "postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql://" + url[len(prefix) :]
    raise ValueError("the database URL must start with postgresql://")


def sqlalchemy_url(url: str) -> str:
    """The same database as a SQLAlchemy URL with the psycopg 3 driver (for Alembic)."""
    return "postgresql+psycopg://" + psycopg_url(url).removeprefix("postgresql://")
