"""Translate driver failures into domain errors: nothing from psycopg leaks past the adapter
(DESIGN.md, rule 4)."""

from __future__ import annotations

import psycopg
from psycopg import errors as pg
from psycopg_pool import PoolTimeout

from booking_domain.accounts import EmailAlreadyRegisteredError
from booking_domain.bookings import BookingReferenceTakenError, SlotTakenError
from booking_domain.catalog import ArtistProfileExistsError
from booking_domain.shared import (
    ConcurrentUpdateError,
    ConflictError,
    DomainError,
    ServiceUnavailableError,
)

# Constraint name -> the domain error its violation means.
CONSTRAINT_ERRORS: dict[str, type[DomainError]] = {
    "uq_users_email": EmailAlreadyRegisteredError,
    # 23P01 on the bookings exclusion constraint: another active booking holds the time.
    "ex_bookings_artist_blocked": SlotTakenError,
    "uq_artists_user_id": ArtistProfileExistsError,
    "uq_bookings_reference": BookingReferenceTakenError,
}


def translate(error: BaseException) -> DomainError | None:
    """The domain error a database failure stands for, or None when it is a genuine bug
    (which then surfaces as a 500 rather than being disguised)."""
    if isinstance(error, PoolTimeout):
        return ServiceUnavailableError()
    if not isinstance(error, psycopg.Error):
        return None
    if isinstance(error, psycopg.IntegrityError):
        known = CONSTRAINT_ERRORS.get(error.diag.constraint_name or "")
        if known is not None:
            return known()
        if isinstance(error, pg.UniqueViolation | pg.ExclusionViolation):
            return ConflictError()
        return None
    if isinstance(error, pg.SerializationFailure | pg.DeadlockDetected):
        return ConcurrentUpdateError()
    if isinstance(error, psycopg.OperationalError | psycopg.InterfaceError):
        return ServiceUnavailableError()
    return None
