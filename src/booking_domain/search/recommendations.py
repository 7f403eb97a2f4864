"""Recommendations: artists in the styles a customer has shown they like.

Rules:
- a customer's taste is the style tags of the portfolio pieces they liked (1 point each)
  and, for each booking they made (confirmed or completed), the styles of its artist and,
  when it books a size of a flash design, that design's tags (``BOOKING_WEIGHT`` points
  each booking; a tag that is also the artist's style counts once per booking);
- recommended: visible artists who answer one of the ``TOP_STYLES`` best-scoring styles,
  by one of their own styles or by the tags of an open design on their flash sheet (not
  removed, not a one-off design already taken); in the customer's city when it is known
  (the city of the artist of their latest booking) and elsewhere when the city has too
  few; those whose best match scores highest first, then the best rated;
- an artist's best match is the best-scoring top style they answer; when they answer it
  both ways, by their own style (``Taste.match``);
- left out: artists the customer has seen enough of: ones they booked, and ones with
  ``SEEN_ENOUGH_LIKES`` or more of their pieces liked;
- each comes with the reason in words, about its best match: "you liked 3 blackwork
  pieces", or, matched by flash, "flash tagged old-school, like pieces you liked".
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from booking_domain.shared.ids import ArtistId

TOP_STYLES = 5
SEEN_ENOUGH_LIKES = 3
BOOKING_WEIGHT = 2


@dataclass(frozen=True, slots=True)
class Match:
    """Why an artist fits a taste: the style, and whether their flash sheet answers it
    (rather than one of their own styles)."""

    style: str
    flash: bool = False


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

    def match(self, styles: tuple[str, ...], flash_tags: tuple[str, ...] = ()) -> Match | None:
        """The best-scoring top style an artist answers, by their own ``styles`` or by the
        ``flash_tags`` of the open designs on their sheet (their own style first when both
        answer it); None: they answer none."""
        for style in self.top_styles():
            if style in styles:
                return Match(style, flash=False)
            if style in flash_tags:
                return Match(style, flash=True)
        return None

    def reason(self, style: str, *, flash: bool = False) -> str:
        liked, booked = self.liked[style], self.booked[style]
        if flash:
            what = "pieces you liked" if liked else "what you booked"
            return f"flash tagged {style}, like {what}"
        if liked:
            pieces = "piece" if liked == 1 else "pieces"
            return f"you liked {liked} {style} {pieces}"
        times = "once" if booked == 1 else f"{booked} times"
        return f"you booked {style} {times}"
