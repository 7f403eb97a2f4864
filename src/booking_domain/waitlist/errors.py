"""Errors of the waitlist."""

from __future__ import annotations

from booking_domain.shared.errors import (
    ConflictError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
)


class WaitlistEntryNotFoundError(NotFoundError):
    """No such entry, or the caller is neither its customer nor an admin (an entry is its
    customer's own: an id reveals nothing)."""

    code = "waitlist_entry_not_found"
    default_message = "There is no such waitlist entry."


class InvalidWaitlistEntryError(InvalidInputError):
    code = "invalid_waitlist_entry"
    default_message = "The waitlist entry is invalid."


class InvalidWaitlistSettingsError(InvalidInputError):
    code = "invalid_waitlist_settings"
    default_message = "The waitlist settings are invalid."


class WaitlistActionNotAllowedError(PermissionDeniedError):
    """The caller may see the entry or the artist's waitlist but not take this step (an
    admin acting for a customer, an artist joining, someone else's settings)."""

    code = "waitlist_action_not_allowed"
    default_message = "You cannot take this step on this waitlist."


class WaitlistClosedError(ConflictError):
    code = "waitlist_closed"
    default_message = "This artist does not keep a waitlist now."


class WaitlistEntryExistsError(ConflictError):
    """A live entry of the customer for the same service already covers one of the dates."""

    code = "waitlist_entry_exists"
    default_message = (
        "You are already waiting for this service on some of these dates; leave that entry "
        "first or choose other dates."
    )


class TooManyWaitlistEntriesError(ConflictError):
    code = "too_many_waitlist_entries"
    default_message = "You are on as many waitlists as you can be; leave one first."


class WaitlistEntryClosedError(ConflictError):
    """A step the entry's state no longer allows: leaving an entry that ended, answering
    an offer that was answered, ran out or never came."""

    code = "waitlist_entry_closed"
    default_message = "This waitlist entry has no such step any more."


class OfferNotFoundError(NotFoundError):
    """No waitlist offer is that booking, or the caller is neither its customer nor an
    admin."""

    code = "offer_not_found"
    default_message = "There is no such waitlist offer."
