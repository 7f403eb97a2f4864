"""Bookings: the Booking aggregate, its lifecycle (every change goes through ``apply`` and
yields one event), references like ``INK-7K3M9Q`` and the statuses. What customers and
artists do to bookings is in ``bookings.use_cases``, what it needs stored in
``bookings.ports``."""

from booking_domain.bookings.booking import (
    DISPUTE_WINDOW,
    Booking,
    apply,
    busy_timeline,
    request_booking,
    require_role,
)
from booking_domain.bookings.errors import (
    AppointmentNotStartedError,
    BookingActionNotAllowedError,
    BookingNotFoundError,
    BookingReferenceTakenError,
    HoldExpiredError,
    IdempotencyKeyReusedError,
    PaymentMismatchError,
    RefundOutOfRangeError,
    SlotTakenError,
    TooLateToChangeError,
)
from booking_domain.bookings.history import HistoryEntry, HistoryKind, actor_fields
from booking_domain.bookings.published import (
    BOOKING,
    BOOKING_EVENT_TYPES,
    artist_of_booking_event,
    booking_audit_entry,
    booking_event_type,
    booking_outbox_event,
)
from booking_domain.bookings.references import new_booking_reference
from booking_domain.bookings.status import CLOSED, TRANSITIONS, BookingStatus, PaymentStatus
from booking_domain.shared.errors import InvalidTransitionError

__all__ = [
    "BOOKING",
    "BOOKING_EVENT_TYPES",
    "CLOSED",
    "DISPUTE_WINDOW",
    "TRANSITIONS",
    "AppointmentNotStartedError",
    "Booking",
    "BookingActionNotAllowedError",
    "BookingNotFoundError",
    "BookingReferenceTakenError",
    "BookingStatus",
    "HistoryEntry",
    "HistoryKind",
    "HoldExpiredError",
    "IdempotencyKeyReusedError",
    "InvalidTransitionError",
    "PaymentMismatchError",
    "PaymentStatus",
    "RefundOutOfRangeError",
    "SlotTakenError",
    "TooLateToChangeError",
    "actor_fields",
    "apply",
    "artist_of_booking_event",
    "booking_audit_entry",
    "booking_event_type",
    "booking_outbox_event",
    "busy_timeline",
    "new_booking_reference",
    "request_booking",
    "require_role",
]
