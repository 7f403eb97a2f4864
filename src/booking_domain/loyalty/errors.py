"""Errors of loyalty (programs, the points ledger, redemption)."""

from __future__ import annotations

from booking_domain.shared.errors import (
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    RuleViolationError,
)


class InvalidProgramError(InvalidInputError):
    code = "invalid_loyalty_program"
    default_message = "The loyalty program's rates are invalid."


class ProgramNotFoundError(NotFoundError):
    """No such program, or one the caller may not see (an artist's program that is off, to
    anyone but its artist and admins)."""

    code = "loyalty_program_not_found"
    default_message = "There is no such loyalty program."


class ProgramActionNotAllowedError(PermissionDeniedError):
    code = "loyalty_action_not_allowed"
    default_message = "You cannot change this loyalty program."


class PointsNotRedeemableError(RuleViolationError):
    """Points asked for an invoice no program of its booking takes: no program is on for
    the booking's artist, or the invoice is in another currency than the program's."""

    code = "points_not_redeemable"
    default_message = "Points cannot pay this invoice."


class InsufficientPointsError(RuleViolationError):
    code = "insufficient_points"
    default_message = "You do not have that many points in this program."


class RedemptionTooLargeError(RuleViolationError):
    """More points than the program lets pay of one invoice (its share cap)."""

    code = "redemption_too_large"
    default_message = "Points may pay only part of this invoice; redeem fewer."
