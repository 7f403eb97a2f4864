"""Search's errors."""

from __future__ import annotations

from booking_domain.shared.errors import InvalidInputError


class InvalidSearchCursorError(InvalidInputError):
    """A page cursor that this search (with this sort) did not hand out."""

    code = "invalid_search_cursor"
    default_message = "This page cursor does not belong to this search; start again without it."
