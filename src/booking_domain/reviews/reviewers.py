"""Who wrote a review, as a list of reviews shows them: the reviewer's display name.

An artist's reviews are public, and a stranger is never shown a customer's name
(docs/product.md): a review is signed with the account's first name and the initial of
its last ("Ada Lovelace" is "Ada L."; a one-word name stays whole). The account's name is
read with the reviews, in the same query (``ReviewRepository.authored``).
"""

from __future__ import annotations

from dataclasses import dataclass

from booking_domain.reviews.reviews import Review

# What a review is signed with when its account is gone or has no name to show.
ANONYMOUS = "A customer"


def reviewer_display_name(name: str | None) -> str:
    """The first word of ``name`` and the first letter of its last (``"Ada L."``); a
    one-word name whole; ``ANONYMOUS`` for no name."""
    words = (name or "").split()
    if not words:
        return ANONYMOUS
    if len(words) == 1:
        return words[0]
    return f"{words[0]} {words[-1][0]}."


@dataclass(frozen=True, slots=True)
class AuthoredReview:
    """A review and its author's name as the account has it now (None: the account is gone),
    as storage reads them together."""

    review: Review
    author_name: str | None


@dataclass(frozen=True, slots=True)
class ListedReview:
    """A review as a list shows it: signed with the reviewer's display name."""

    review: Review
    reviewer: str

    @classmethod
    def of(cls, authored: AuthoredReview) -> ListedReview:
        return cls(authored.review, reviewer_display_name(authored.author_name))
