"""Errors of scheduling: availability rules, and the refusals of a start or an artist.

``InvalidScheduleError`` (a rule, override or policy out of range) is the catalogue's, which
raises it too for services; it is re-exported by this context's package.
"""

from __future__ import annotations

from booking_domain.shared.errors import NotFoundError, RuleViolationError


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
