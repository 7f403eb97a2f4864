"""Every error the domain can raise.

Errors are grouped under a handful of *categories* (the direct subclasses of
:class:`DomainError`). Callers map a category to an outcome once (the HTTP layer maps each
category to one status code); a concrete error only adds a stable ``code`` and the facts a
client needs. Adding a new error therefore means choosing its category, nothing else.

Rules:
- every concrete error has a unique, stable, snake_case ``code`` (clients switch on it);
- messages are safe to show to the caller: they never contain secrets;
- the domain refuses bad input with these errors, never with ``assert``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class FieldError:
    """One problem with one input field (``field`` uses the client's camelCase name)."""

    field: str
    message: str
    code: str = "invalid"


class DomainError(Exception):
    """Base of every domain error. ``code`` is stable; ``message`` is human readable."""

    code: str = "domain_error"
    default_message: str = "The request could not be completed."

    def __init__(self, message: str | None = None) -> None:
        self.message = message or self.default_message
        super().__init__(self.message)


# --- categories -------------------------------------------------------------------------


class InvalidInputError(DomainError):
    """The input is malformed or breaks a field-level rule (HTTP 422 with field errors)."""

    code = "invalid_input"
    default_message = "Some fields are invalid."

    def __init__(self, message: str | None = None, errors: tuple[FieldError, ...] = ()) -> None:
        super().__init__(message)
        self.errors = errors


class RuleViolationError(DomainError):
    """Well-formed input that a business rule refuses (HTTP 422)."""

    code = "rule_violation"
    default_message = "The request breaks a business rule."


class NotAuthenticatedError(DomainError):
    """The caller did not prove who they are (HTTP 401)."""

    code = "not_authenticated"
    default_message = "Authentication is required."


class PermissionDeniedError(DomainError):
    """The caller is known but may not do this (HTTP 403)."""

    code = "permission_denied"
    default_message = "You are not allowed to do this."


class NotFoundError(DomainError):
    """The thing does not exist, or the caller may not know that it does (HTTP 404)."""

    code = "not_found"
    default_message = "Not found."


class ConflictError(DomainError):
    """The request conflicts with the current state (HTTP 409)."""

    code = "conflict"
    default_message = "The request conflicts with the current state."


class RetryLaterError(DomainError):
    """Refused for now; the same request may succeed after ``retry_after_seconds``."""

    code = "retry_later"
    default_message = "Try again later."

    def __init__(self, message: str | None = None, *, retry_after_seconds: int = 60) -> None:
        super().__init__(message)
        self.retry_after_seconds = max(1, int(retry_after_seconds))


class ServiceUnavailableError(DomainError):
    """An outside service (database, provider) failed or timed out (HTTP 503)."""

    code = "service_unavailable"
    default_message = "A service we depend on is unavailable; try again shortly."


# --- accounts and sessions ----------------------------------------------------------------


class EmailAlreadyRegisteredError(ConflictError):
    code = "email_taken"
    default_message = "An account with this email already exists."


class InvalidCredentialsError(NotAuthenticatedError):
    """Wrong email or wrong password: deliberately the same error for both."""

    code = "invalid_credentials"
    default_message = "Email or password is incorrect."


class InvalidTokenError(NotAuthenticatedError):
    """A missing, malformed, expired, tampered or revoked token."""

    code = "invalid_token"
    default_message = "The token is missing, invalid or expired."


class RefreshTokenReusedError(NotAuthenticatedError):
    """A spent refresh token was presented again; its whole family is now revoked."""

    code = "refresh_token_reused"
    default_message = "This session has ended; please sign in again."


class AccountLockedError(RetryLaterError):
    """Too many failed logins in a row; the account is locked until a moment in time."""

    code = "account_locked"
    default_message = "Too many failed sign-in attempts; try again later."


class AccountDisabledError(PermissionDeniedError):
    code = "account_disabled"
    default_message = "This account is disabled."


class UserNotFoundError(NotFoundError):
    code = "user_not_found"
    default_message = "User not found."


# --- scheduling and bookings --------------------------------------------------------------


class NaiveDatetimeError(InvalidInputError):
    """A datetime without a time zone: the domain only accepts aware datetimes."""

    code = "naive_datetime"
    default_message = "Times must carry a time zone offset."


class InvalidIntervalError(InvalidInputError):
    """An empty or inverted interval (intervals are half-open ``[start, end)``, start < end)."""

    code = "invalid_interval"
    default_message = "An interval must end after it starts."


class InvalidScheduleError(InvalidInputError):
    """A weekly rule, date override, policy or service field is out of range."""

    code = "invalid_schedule"
    default_message = "The schedule or service definition is invalid."


class UnknownTimeZoneError(InvalidInputError):
    code = "unknown_time_zone"
    default_message = "Unknown IANA time zone."


class CurrencyMismatchError(InvalidInputError):
    code = "currency_mismatch"
    default_message = "Amounts in different currencies cannot be combined."


class InvalidMoneyError(InvalidInputError):
    code = "invalid_money"
    default_message = "Amounts are non-negative integers of minor units with an ISO currency."


class NotBookableError(RuleViolationError):
    """The start is not offered; ``reason`` says why (a ``NotBookableReason`` value)."""

    code = "not_bookable"
    default_message = "This time cannot be booked."

    def __init__(self, reason: str, message: str | None = None) -> None:
        super().__init__(message or f"This time cannot be booked ({reason}).")
        self.reason = reason


class SlotTakenError(ConflictError):
    """Raised by adapters when the storage's own overlap check refuses a booking."""

    code = "slot_taken"
    default_message = "This slot has just been taken."


class BookingReferenceTakenError(ConflictError):
    """Raised by adapters when a new booking's reference is already in use. References are
    short random codes, so a clash is rare but certain over enough bookings: the use case
    draws another one and tries again; a client never sees this error."""

    code = "booking_reference_taken"
    default_message = "This booking reference is already in use."


class InvalidTransitionError(ConflictError):
    """The booking or dispute is not in a state that allows this change."""

    code = "invalid_transition"
    default_message = "This change is not possible in the current state."


class HoldExpiredError(ConflictError):
    code = "hold_expired"
    default_message = "The hold on this booking has expired."


class TooLateToChangeError(RuleViolationError):
    """The customer asked later than the free-cancellation notice allows."""

    code = "too_late_to_change"
    default_message = "It is too late to change this booking."


class AppointmentNotStartedError(RuleViolationError):
    code = "appointment_not_started"
    default_message = "The appointment has not started yet."


class RefundOutOfRangeError(RuleViolationError):
    code = "refund_out_of_range"
    default_message = "The refund must lie between zero and what was paid and not refunded."


class PaymentMismatchError(RuleViolationError):
    code = "payment_mismatch"
    default_message = "The payment does not match the deposit owed."


class BookingActionNotAllowedError(PermissionDeniedError):
    """The actor is not a party of this booking allowed to take this action."""

    code = "booking_action_not_allowed"
    default_message = "You are not allowed to do this to this booking."


class DisputeWindowClosedError(RuleViolationError):
    code = "dispute_window_closed"
    default_message = "The time to open a dispute on this booking has passed."


class DisputeAlreadyExistsError(ConflictError):
    code = "dispute_exists"
    default_message = "This booking already has a dispute."


# --- artists, studios, services, bookings as stored things --------------------------------


class ArtistNotFoundError(NotFoundError):
    code = "artist_not_found"
    default_message = "Artist not found."


class StudioNotFoundError(NotFoundError):
    code = "studio_not_found"
    default_message = "Studio not found."


class ServiceNotFoundError(NotFoundError):
    code = "service_not_found"
    default_message = "Service not found."


class AvailabilityNotFoundError(NotFoundError):
    code = "availability_not_found"
    default_message = "Availability rule or override not found."


class BookingNotFoundError(NotFoundError):
    code = "booking_not_found"
    default_message = "Booking not found."


class ArtistProfileExistsError(ConflictError):
    code = "artist_profile_exists"
    default_message = "This account already has an artist profile."


class ArtistNotBookableError(RuleViolationError):
    """The artist (or the service) exists but takes no bookings now."""

    code = "artist_not_bookable"
    default_message = "This artist or service is not taking bookings."
    reason = "artist_not_bookable"  # the same ``reason`` field as NotBookableError's


class OverlappingAvailabilityError(RuleViolationError):
    code = "overlapping_availability"
    default_message = "This rule overlaps another rule on the same day."


class IdempotencyKeyReusedError(RuleViolationError):
    """The same Idempotency-Key was sent with a different request."""

    code = "idempotency_key_reused"
    default_message = "This Idempotency-Key was already used for a different request."


class ConcurrentUpdateError(ConflictError):
    code = "concurrent_update"
    default_message = "Someone else changed this at the same time; reload and retry."
