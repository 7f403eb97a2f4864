"""How a review names its writer where anyone may read it (the booking page): a first name
and an initial, never the whole name, the phone or the email (docs/product.md, "Reviews")."""

from __future__ import annotations

from dataclasses import dataclass

from booking_domain.reviews.reviews import Review

ANONYMOUS = ""  # no name to show: the page says "a customer" in its own language


def reviewer_name(name: str | None) -> str:
    """The name's first word and the last word's initial ("Bat-Erdene D."), the first word
    alone for a one-word name, ``ANONYMOUS`` for none (a deleted account, a blank name)."""
    words = (name or "").split()
    if not words:
        return ANONYMOUS
    if len(words) == 1:
        return words[0]
    return f"{words[0]} {words[-1][0]}."


@dataclass(frozen=True, slots=True)
class ShownReview:
    """A review as the public sees it: the review and its writer's shown name."""

    review: Review
    reviewer: str
