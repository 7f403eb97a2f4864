"""Errors of scheduling: availability rules, and the refusals of a start or an artist.

``InvalidScheduleError`` (a rule, override or policy out of range) is the catalogue's, which
raises it too for services; it is re-exported by this context's package.
"""

from __future__ import annotations

from booking_domain.shared.errors import InvalidInputError, NotFoundError, RuleViolationError


class NotBookableError(RuleViolationError):
    """The start is not offered; ``reason`` says why (a ``NotBookableReason`` value)."""

    code = "not_bookable"
    default_message = "This time cannot be booked."

    def __init__(self, reason: str, message: str | None = None) -> None:
        super().__init__(message or f"This time cannot be booked ({reason}).")
        self.reason = reason


class ArtistNotBookableError(RuleViolationError):
    """The artist (or the service) exists but takes no bookings now."""

    code = "artist_not_bookable"
    default_message = "This artist or service is not taking bookings."
    reason = "artist_not_bookable"  # the same ``reason`` field as NotBookableError's


class OverlappingAvailabilityError(RuleViolationError):
    code = "overlapping_availability"
    default_message = "This rule overlaps another rule on the same day."


class AvailabilityNotFoundError(NotFoundError):
    code = "availability_not_found"
    default_message = "Availability rule or override not found."


class InvalidExternalCalendarError(InvalidInputError):
    """The URL or name of an external calendar is not acceptable (the field errors say why:
    not https, a private address outside local use, too long ...)."""

    code = "invalid_external_calendar"
    default_message = "The external calendar is invalid."


class ExternalCalendarNotFoundError(NotFoundError):
    """No such calendar of the caller's (another artist's is "not found" too)."""

    code = "external_calendar_not_found"
    default_message = "External calendar not found."


class TooManyExternalCalendarsError(RuleViolationError):
    code = "too_many_external_calendars"
    default_message = "This artist has as many external calendars as they may have."
