"""Translate driver failures into domain errors: nothing from psycopg or SQLAlchemy leaks past
the adapter (DESIGN.md, rule 4)."""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError, IntegrityError, InterfaceError, OperationalError

from booking_domain.errors import (
    ConflictError,
    DomainError,
    EmailAlreadyRegisteredError,
    ServiceUnavailableError,
)

UNIQUE_VIOLATION = "23505"
EXCLUSION_VIOLATION = "23P01"
SERIALIZATION_FAILURE = "40001"
DEADLOCK_DETECTED = "40P01"

_CONSTRAINT_ERRORS: dict[str, type[DomainError]] = {
    "uq_users_email": EmailAlreadyRegisteredError,
}


def _sqlstate(error: DBAPIError) -> str | None:
    return getattr(error.orig, "sqlstate", None)


def _constraint(error: DBAPIError) -> str | None:
    diag = getattr(error.orig, "diag", None)
    return getattr(diag, "constraint_name", None)


def translate(error: DBAPIError) -> DomainError | None:
    """The domain error a database error stands for, or None when it is a genuine bug
    (which then surfaces as a 500 rather than being disguised)."""
    state = _sqlstate(error)
    if isinstance(error, IntegrityError):
        known = _CONSTRAINT_ERRORS.get(_constraint(error) or "")
        if known is not None:
            return known()
        if state in (UNIQUE_VIOLATION, EXCLUSION_VIOLATION):
            return ConflictError()
        return None
    if state in (SERIALIZATION_FAILURE, DEADLOCK_DETECTED):
        return ConflictError("A concurrent change got there first; please retry.")
    if isinstance(error, OperationalError | InterfaceError) or error.connection_invalidated:
        return ServiceUnavailableError()
    return None
