"""The one MetaData every table joins, with the constraint naming convention."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa

from booking_domain.shared import DomainError

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

# Indexes on expressions that only the migrations describe (the metadata cannot state them
# the way PostgreSQL reflects them): each tables module adds its own, and the comparison
# with the migrations leaves them out (``tables.is_ours``).
EXPRESSION_INDEXES: set[str] = set()

# What a violation of each unique or exclusion constraint of a module's tables means, declared
# by the module as ``CONSTRAINT_ERRORS`` beside the tables: the domain error a request's
# violation stands for (``adapters/postgres/errors.py`` raises it), or None where no request
# can cause one (a value the server draws, a write under a lock or ``ON CONFLICT``): that
# would be a bug, and it surfaces as a bare ``ConflictError``.
ConstraintErrors = Mapping[str, type[DomainError] | None]


def timestamps() -> list[sa.Column[object]]:
    """``created_at`` and ``updated_at``, stamped by the database when not given."""
    return [
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            nullable=False,
            server_default=sa.text("now()"),
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            nullable=False,
            server_default=sa.text("now()"),
        ),
    ]


def refers_to(
    name: str,
    target: str,
    *,
    ondelete: str | None = "CASCADE",
    nullable: bool = False,
    **more: Any,
) -> sa.Column[Any]:
    """A UUID column ``name`` referring to ``target`` (``"artists.id"``): ``NOT NULL`` unless
    ``nullable``, gone with its row unless ``ondelete`` says otherwise (None: PostgreSQL's
    default, refused while the row is referred to); ``more`` are the column's other options
    (``index``, ``unique``, ``primary_key``)."""
    key = sa.ForeignKey(target, ondelete=ondelete)
    return sa.Column(name, sa.Uuid, key, nullable=nullable, **more)
