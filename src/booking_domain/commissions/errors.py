"""Errors of commissions (tattoo requests, quotes and projects)."""

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


class RequestNotAcceptedError(ConflictError):
    """Quoting a request the artist has not accepted yet."""

    code = "request_not_accepted"
    default_message = "Accept the tattoo request before quoting it."


class InvalidQuoteError(InvalidInputError):
    code = "invalid_quote"
    default_message = "The quote is invalid."


class QuoteNotFoundError(NotFoundError):
    """No such quote, or the caller is neither of its request's parties nor an admin."""

    code = "quote_not_found"
    default_message = "There is no such quote."


class QuoteExpiredError(ConflictError):
    code = "quote_expired"
    default_message = "This quote has expired; ask the artist for a new one."


class QuoteSupersededError(ConflictError):
    code = "quote_superseded"
    default_message = "The artist revised this quote; accept the latest one."


class QuoteNotOfferedError(ConflictError):
    """Accepting a quote that was accepted already."""

    code = "quote_not_offered"
    default_message = "This quote was accepted already."


class QuoteAlreadyAcceptedError(ConflictError):
    """Quoting again a request whose quote was accepted: the work is a project now."""

    code = "quote_already_accepted"
    default_message = "A quote of this request was accepted; the work is a project now."


class ProjectNotFoundError(NotFoundError):
    """No such project, or the caller is neither of its parties nor an admin."""

    code = "project_not_found"
    default_message = "There is no such project."


class ProjectClosedError(ConflictError):
    code = "project_closed"
    default_message = "This project was cancelled; it takes no more sessions."


class ProjectFullyBookedError(ConflictError):
    code = "project_fully_booked"
    default_message = "Every session of this project is booked."


class SessionTooCloseError(InvalidInputError):
    """A session closer to another of the project than the healing gap the artist set."""

    code = "session_too_close"
    default_message = "This session is too close to another session of the project."


class DepositUnpaidError(ConflictError):
    """Booking another session while the one holding the project's deposit waits for it."""

    code = "project_deposit_unpaid"
    default_message = "Pay the project's deposit before booking more sessions."
