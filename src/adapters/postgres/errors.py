"""Translate driver failures into domain errors: nothing from psycopg leaks past the adapter
(docs/architecture.md, rule 4).

What a violated constraint means is said beside its table: each module of ``tables/``
declares its ``CONSTRAINT_ERRORS``, gathered by ``tables.constraint_errors``; a unique or
exclusion constraint no module maps to an error of its own is a bare ``ConflictError``.
"""

from __future__ import annotations

import psycopg
from psycopg import errors as pg
from psycopg_pool import PoolTimeout

from adapters.postgres.tables import constraint_errors
from booking_domain.shared import (
    ConcurrentUpdateError,
    ConflictError,
    DomainError,
    InvalidInputError,
    ServiceUnavailableError,
)

# Data exceptions (SQLSTATE class 22) that a value from outside can cause: the domain refuses
# such values first (text rules, time range, page bound); this is the last line, so that one
# it misses is still the caller's 4xx, and the transaction is rolled back.
_VALUE_ERRORS = frozenset(
    {
        "22003",  # numeric_value_out_of_range
        "22008",  # datetime_field_overflow
        "22021",  # character_not_in_repertoire
        "22P05",  # untranslatable_character
    }
)


def translate(error: BaseException) -> DomainError | None:
    """The domain error a database failure stands for, or None when it is a genuine bug
    (which then surfaces as a 500 rather than being disguised)."""
    if isinstance(error, PoolTimeout):
        return ServiceUnavailableError()
    if isinstance(error, UnicodeEncodeError):  # a lone surrogate psycopg cannot send
        return InvalidInputError("A value holds characters that cannot be stored.")
    if not isinstance(error, psycopg.Error):
        return None
    if isinstance(error, psycopg.DataError) and (
        error.sqlstate in _VALUE_ERRORS or error.sqlstate is None  # psycopg's own NUL check
    ):
        return InvalidInputError(
            "A value is out of range or holds characters that cannot be stored."
        )
    if isinstance(error, psycopg.IntegrityError):
        known = constraint_errors().get(error.diag.constraint_name or "")
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
