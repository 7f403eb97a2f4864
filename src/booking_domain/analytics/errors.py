"""Analytics' errors."""

from __future__ import annotations

from booking_domain.shared.errors import InvalidInputError


class InvalidAnalyticsRangeError(InvalidInputError):
    """A range of dates that is reversed, too long for its granularity, or off the calendar
    the figures are kept for."""

    code = "invalid_analytics_range"
    default_message = "The range of dates is not one analytics answers."
