"""Translate driver failures into domain errors: nothing from psycopg leaks past the adapter
(docs/architecture.md, rule 4)."""

from __future__ import annotations

import psycopg
from psycopg import errors as pg
from psycopg_pool import PoolTimeout

from booking_domain.accounts import EmailAlreadyRegisteredError, PhoneAlreadyVerifiedError
from booking_domain.bookings import (
    BookingReferenceTakenError,
    SlotTakenError,
    TouchUpTakenError,
)
from booking_domain.catalog import ArtistProfileExistsError
from booking_domain.catalog.errors import BookingLinkExistsError
from booking_domain.consent import ConsentAlreadySignedError
from booking_domain.disputes import DisputeAlreadyExistsError
from booking_domain.reviews import ReviewExistsError
from booking_domain.shared import (
    ConcurrentUpdateError,
    ConflictError,
    DomainError,
    InvalidInputError,
    ServiceUnavailableError,
)
from booking_domain.waitlist import WaitlistEntryExistsError

# Constraint name -> the domain error its violation means.
CONSTRAINT_ERRORS: dict[str, type[DomainError]] = {
    "uq_users_email": EmailAlreadyRegisteredError,
    "uq_users_verified_phone": PhoneAlreadyVerifiedError,
    # 23P01 on the bookings exclusion constraint: another active booking holds the time.
    "ex_bookings_artist_blocked": SlotTakenError,
    "uq_artists_user_id": ArtistProfileExistsError,
    # Two first links of one artist (for one service, or general) at once.
    "uq_booking_links_artist_id_service_id": BookingLinkExistsError,
    "ix_booking_links_general": BookingLinkExistsError,
    "uq_bookings_reference": BookingReferenceTakenError,
    "uq_bookings_touch_up_of": TouchUpTakenError,  # two touch-ups of one original at once
    "uq_reviews_booking_id": ReviewExistsError,  # two first reviews of one booking at once
    "uq_disputes_booking_id": DisputeAlreadyExistsError,  # two first disputes at once
    "uq_consents_booking_id": ConsentAlreadySignedError,  # two signatures of one booking at once
    # Two changes of one subject recorded the same event number: the second lost the race.
    "uq_outbox_events_subject_sequence": ConcurrentUpdateError,
    # Two live waitlist entries of a customer for one service sharing a date.
    "ex_waitlist_entries_live_dates": WaitlistEntryExistsError,
}


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
