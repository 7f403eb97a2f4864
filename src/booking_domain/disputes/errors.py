"""Errors of disputes."""

from __future__ import annotations

from booking_domain.shared.errors import ConflictError, RuleViolationError


class DisputeWindowClosedError(RuleViolationError):
    code = "dispute_window_closed"
    default_message = "The time to open a dispute on this booking has passed."


class DisputeAlreadyExistsError(ConflictError):
    code = "dispute_exists"
    default_message = "This booking already has a dispute."
