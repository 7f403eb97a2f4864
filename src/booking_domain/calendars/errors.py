"""Errors of the calendars context."""

from __future__ import annotations

from booking_domain.shared.errors import NotFoundError


class CalendarFeedNotFoundError(NotFoundError):
    """No feed has this token: it never existed, or it was replaced (the same answer, so
    nothing tells whose it was)."""

    code = "calendar_feed_not_found"
    default_message = "There is no such calendar feed."
