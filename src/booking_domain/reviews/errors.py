"""Errors of the reviews context."""

from __future__ import annotations

from booking_domain.shared.errors import ConflictError, NotFoundError, RuleViolationError


class ReviewNotFoundError(NotFoundError):
    code = "review_not_found"
    default_message = "There is no such review."


class ReviewNotAllowedError(RuleViolationError):
    code = "review_not_allowed"
    default_message = "Only the customer of a completed booking reviews it."


class ReviewExistsError(ConflictError):
    code = "review_exists"
    default_message = "This booking has a review already; edit it instead."


class ReviewEditClosedError(RuleViolationError):
    code = "review_edit_closed"
    default_message = "A review can be edited for 7 days after it was written."


class ReplyExistsError(ConflictError):
    code = "reply_exists"
    default_message = "The artist has replied to this review already."


class ReviewModerationError(ConflictError):
    code = "review_moderation_conflict"
    default_message = "The review is already in that state."
