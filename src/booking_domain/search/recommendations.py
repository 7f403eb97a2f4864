"""Recommendations: artists in the styles a customer has shown they like.

Rules:
- a customer's taste is the style tags of the portfolio pieces they liked (1 point each)
  and the styles of the artists they booked (2 points each booking);
- recommended: visible artists with one of the ``TOP_STYLES`` best-scoring styles, in the
  customer's city when it is known (the city of the artist of their latest booking) and
  elsewhere when the city has too few; those whose best style scores highest first, then
  the best rated;
- left out: artists the customer has seen enough of: ones they booked, and ones with
  ``SEEN_ENOUGH_LIKES`` or more of their pieces liked;
- each comes with the reason in words, about its best-scoring style.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from booking_domain.shared.ids import ArtistId

TOP_STYLES = 5
SEEN_ENOUGH_LIKES = 3
BOOKING_WEIGHT = 2


@dataclass(frozen=True, slots=True)
class Taste:
    liked: Counter[str] = field(default_factory=Counter)  # style -> pieces liked
    booked: Counter[str] = field(default_factory=Counter)  # style -> bookings
    city: str | None = None
    seen_enough: frozenset[ArtistId] = frozenset()

    def score(self, style: str) -> int:
        return self.liked[style] + BOOKING_WEIGHT * self.booked[style]

    def top_styles(self) -> tuple[str, ...]:
        """Best first; ties by name, so the answer is stable."""
        styles = set(self.liked) | set(self.booked)
        ranked = sorted(styles, key=lambda s: (-self.score(s), s))
        return tuple(s for s in ranked if self.score(s) > 0)[:TOP_STYLES]

    def best_of(self, styles: tuple[str, ...]) -> str | None:
        """The artist's style this customer likes most (None: none of them)."""
        mine = [s for s in self.top_styles() if s in styles]
        return mine[0] if mine else None

    def reason(self, style: str) -> str:
        liked, booked = self.liked[style], self.booked[style]
        if liked:
            pieces = "piece" if liked == 1 else "pieces"
            return f"you liked {liked} {style} {pieces}"
        times = "once" if booked == 1 else f"{booked} times"
        return f"you booked {style} {times}"
