"""Errors of commissions (tattoo requests)."""

from __future__ import annotations

from booking_domain.shared.errors import (
    ConflictError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    RuleViolationError,
)


class RequestNotFoundError(NotFoundError):
    """No such request, or the caller is neither of its parties nor an admin (requests are
    private: a stranger learns nothing from an id)."""

    code = "request_not_found"
    default_message = "There is no such tattoo request."


class InvalidRequestError(InvalidInputError):
    code = "invalid_request"
    default_message = "The tattoo request is invalid."


class AgeNotConfirmedError(RuleViolationError):
    code = "age_not_confirmed"
    default_message = "Confirm that you are 18 or older to send a tattoo request."


class RequestActionNotAllowedError(PermissionDeniedError):
    """The caller is a party (or an admin) but not the one who may take this step."""

    code = "request_action_not_allowed"
    default_message = "You cannot take this step on this tattoo request."


class RequestNotOpenError(ConflictError):
    """Accepting, declining or withdrawing a request that was already answered."""

    code = "request_not_open"
    default_message = "This tattoo request is no longer open."


class RequestClosedError(ConflictError):
    """A message on a declined or withdrawn request: its thread is closed for good."""

    code = "request_closed"
    default_message = "This tattoo request is closed; its thread takes no more messages."


class TooManyRequestMessagesError(RuleViolationError):
    code = "too_many_request_messages"
    default_message = "This tattoo request has as many messages as it can take."
