"""The error base, its categories, and the errors of the shared kernel.

Each context declares its own errors in its ``errors`` module, as subclasses of one category
here. Errors are grouped under a handful of *categories* (the direct subclasses of
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


class GoneError(DomainError):
    """The thing existed and was retired on purpose, for good (HTTP 410): a replaced link.
    The message never says whose it was."""

    code = "gone"
    default_message = "This is no longer available."


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


# --- the shared kernel: time, money, concurrency -------------------------------------------


class NaiveDatetimeError(InvalidInputError):
    """A datetime without a time zone: the domain only accepts aware datetimes."""

    code = "naive_datetime"
    default_message = "Times must carry a time zone offset."


class TimeOutOfRangeError(InvalidInputError):
    """An instant outside the years the system keeps (``shared.time.EARLIEST`` ..
    ``LATEST``): nothing is booked there, and arithmetic near the calendar's ends overflows."""

    code = "time_out_of_range"
    default_message = "Times must lie between the years 1900 and 2199."


class InvalidIntervalError(InvalidInputError):
    """An empty or inverted interval (intervals are half-open ``[start, end)``, start < end)."""

    code = "invalid_interval"
    default_message = "An interval must end after it starts."


class UnknownTimeZoneError(InvalidInputError):
    code = "unknown_time_zone"
    default_message = "Unknown IANA time zone."


class CurrencyMismatchError(InvalidInputError):
    code = "currency_mismatch"
    default_message = "Amounts in different currencies cannot be combined."


class InvalidMoneyError(InvalidInputError):
    code = "invalid_money"
    default_message = "Amounts are non-negative integers of minor units with an ISO currency."


class ConcurrentUpdateError(ConflictError):
    code = "concurrent_update"
    default_message = "Someone else changed this at the same time; reload and retry."


class InvalidTransitionError(ConflictError):
    """The thing (a booking, an artist profile, a dispute) is not in a state that allows this
    change."""

    code = "invalid_transition"
    default_message = "This change is not possible in the current state."


class InvalidCursorError(InvalidInputError):
    """A feed cursor (``Last-Event-ID``) this deployment never handed out."""

    code = "invalid_cursor"
    default_message = "This event cursor is not one we gave out; reconnect without it."
