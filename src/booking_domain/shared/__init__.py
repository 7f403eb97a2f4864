"""The shared kernel: what every context speaks of (DESIGN.md, section 2)."""

from booking_domain.shared.clock import Clock
from booking_domain.shared.errors import (
    ConcurrentUpdateError,
    ConflictError,
    CurrencyMismatchError,
    DomainError,
    FieldError,
    InvalidInputError,
    InvalidIntervalError,
    InvalidMoneyError,
    InvalidTransitionError,
    NaiveDatetimeError,
    NotAuthenticatedError,
    NotFoundError,
    PermissionDeniedError,
    RetryLaterError,
    RuleViolationError,
    ServiceUnavailableError,
    UnknownTimeZoneError,
)
from booking_domain.shared.identity import Actor, Role
from booking_domain.shared.ids import (
    ArtistId,
    BookingId,
    DisputeId,
    ServiceId,
    StudioId,
    UserId,
    new_uuid7,
)
from booking_domain.shared.money import BASIS_POINTS_PER_WHOLE, Money
from booking_domain.shared.pages import MAX_PAGE_SIZE, Page, PageRequest
from booking_domain.shared.ports import HealthProbe, UnitOfWork
from booking_domain.shared.time import EPOCH, Interval, require_aware, zone

__all__ = [
    "BASIS_POINTS_PER_WHOLE",
    "EPOCH",
    "MAX_PAGE_SIZE",
    "Actor",
    "ArtistId",
    "BookingId",
    "Clock",
    "ConcurrentUpdateError",
    "ConflictError",
    "CurrencyMismatchError",
    "DisputeId",
    "DomainError",
    "FieldError",
    "HealthProbe",
    "Interval",
    "InvalidInputError",
    "InvalidIntervalError",
    "InvalidMoneyError",
    "InvalidTransitionError",
    "Money",
    "NaiveDatetimeError",
    "NotAuthenticatedError",
    "NotFoundError",
    "Page",
    "PageRequest",
    "PermissionDeniedError",
    "RetryLaterError",
    "Role",
    "RuleViolationError",
    "ServiceId",
    "ServiceUnavailableError",
    "StudioId",
    "UnitOfWork",
    "UnknownTimeZoneError",
    "UserId",
    "new_uuid7",
    "require_aware",
    "zone",
]
