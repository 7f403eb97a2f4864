"""The schema as SQLAlchemy Core tables, one module per context: the single source for the
repositories and for Alembic (``migrations/env.py`` reads :data:`metadata`).

Naming conventions give every constraint a stable name, so error translation can recognise
which constraint a violation came from.
"""

from __future__ import annotations

from adapters.postgres.tables.accounts import refresh_tokens, sign_in_attempts, users
from adapters.postgres.tables.base import metadata
from adapters.postgres.tables.bookings import booking_events, bookings, idempotency_keys
from adapters.postgres.tables.catalog import artists, services, studios
from adapters.postgres.tables.scheduling import date_overrides, weekly_rules

__all__ = [
    "artists",
    "booking_events",
    "bookings",
    "date_overrides",
    "idempotency_keys",
    "metadata",
    "refresh_tokens",
    "services",
    "sign_in_attempts",
    "studios",
    "users",
    "weekly_rules",
]
