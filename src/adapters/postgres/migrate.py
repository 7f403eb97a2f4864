"""Run the Alembic migrations from code (``inkslot migrate``, start-up, test fixtures)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config

from adapters.postgres.urls import sqlalchemy_url


def migrations_dir() -> Path:
    """The repository's ``migrations/`` in a checkout; the copy packed into the wheel otherwise."""
    here = Path(__file__).resolve().parent
    for candidate in (here.parents[2] / "migrations", here / "migrations"):
        if (candidate / "env.py").exists():
            return candidate
    raise FileNotFoundError("the Alembic migrations directory was not found")


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    # ConfigParser interpolation: a literal % in a password must be doubled.
    config.set_main_option("sqlalchemy.url", sqlalchemy_url(url).replace("%", "%%"))
    return config


def upgrade(url: str, revision: str = "head") -> None:
    command.upgrade(alembic_config(url), revision)


def downgrade(url: str, revision: str = "base") -> None:
    command.downgrade(alembic_config(url), revision)
