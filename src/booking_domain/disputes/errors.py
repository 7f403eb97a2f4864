"""Errors of disputes."""

from __future__ import annotations

from booking_domain.shared.errors import (
    ConflictError,
    InvalidInputError,
    NotFoundError,
    RuleViolationError,
)


class DisputeWindowClosedError(RuleViolationError):
    code = "dispute_window_closed"
    default_message = "The time to open a dispute on this booking has passed."


class DisputeAlreadyExistsError(ConflictError):
    code = "dispute_exists"
    default_message = "This booking already has a dispute."


class DisputeNotFoundError(NotFoundError):
    code = "dispute_not_found"
    default_message = "There is no such dispute."


class DisputeClosedError(ConflictError):
    code = "dispute_resolved"
    default_message = "This dispute is resolved; it takes no more changes."


class InvalidEvidenceError(InvalidInputError):
    code = "invalid_evidence"
    default_message = "The message is invalid."


class TooMuchEvidenceError(RuleViolationError):
    code = "too_much_evidence"
    default_message = "This dispute has as many messages as it can take."
