"""The outbox: every event of every change, written in the change's own transaction.

``position`` orders inserts; ``xid`` (the writing transaction's id) is what lets a reader
tell which rows are final: every row whose transaction id is below the oldest transaction
still running (``pg_snapshot_xmin``) has committed or never will, so the feed reads in
``(xid, position)`` order up to that horizon and never hands out a cursor that a later
commit could land before (``adapters/postgres/outbox.py``).
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg
from sqlalchemy.types import UserDefinedType

from adapters.postgres.tables.base import ConstraintErrors, metadata
from booking_domain.shared import ConcurrentUpdateError


class Xid8(UserDefinedType[int]):
    """PostgreSQL's 64-bit transaction id (``xid8``), read as an integer."""

    cache_ok = True

    def get_col_spec(self, **_: Any) -> str:
        return "xid8"


outbox_events = sa.Table(
    "outbox_events",
    metadata,
    sa.Column("position", sa.BigInteger, sa.Identity(always=True), primary_key=True),
    sa.Column("id", sa.Uuid, nullable=False, unique=True),
    sa.Column("type", sa.Text, nullable=False),
    sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("subject", sa.Text, nullable=False),
    sa.Column("sequence", sa.Integer, nullable=False),
    sa.Column("data", pg.JSONB, nullable=False),
    sa.Column("audience", pg.ARRAY(sa.Uuid), nullable=False),
    sa.Column("xid", Xid8, nullable=False, server_default=sa.text("pg_current_xact_id()")),
    sa.Column(
        "created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.text("now()")
    ),
    sa.UniqueConstraint("subject", "sequence"),
    sa.Index("ix_outbox_events_xid_position", "xid", "position"),
    sa.Index("ix_outbox_events_created_at", "created_at"),
)


# What a violation of each unique or exclusion constraint above means (``base.ConstraintErrors``).
CONSTRAINT_ERRORS: ConstraintErrors = {
    # Two changes of one subject recorded the same event number: the second lost the race.
    "uq_outbox_events_subject_sequence": ConcurrentUpdateError,
    "uq_outbox_events_id": None,  # an id the server makes
}
