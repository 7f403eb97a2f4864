"""An artist's waitlist figures for a period (docs/waitlist.md, "Statistics")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from booking_domain.shared.errors import FieldError, InvalidInputError

PERIODS = (7, 30, 90, 365)  # days a period may span


@dataclass(frozen=True, slots=True)
class WaitlistFigures:
    """``waiting``: entries waiting now (whatever the period). The rest count the offers
    made in the period, by how each ended so far (``open``: still waiting for the answer);
    ``slots``: the freed times those offers were made of (a time offered to a second
    customer after the first let it lapse counts once); ``filled``: those that a waiting
    customer accepted."""

    waiting: int
    offers: int
    accepted: int
    declined: int
    lapsed: int
    withdrawn: int
    open: int
    slots: int
    filled: int

    @property
    def fill_rate_percent(self) -> int | None:
        """``filled`` of ``slots`` in whole percent, rounded down (None without slots)."""
        return None if self.slots == 0 else self.filled * 100 // self.slots


def period_start(days: int, now: datetime) -> datetime:
    if days not in PERIODS:
        detail = f"One of {', '.join(str(p) for p in PERIODS)}."
        raise InvalidInputError(errors=(FieldError("days", detail, "not_a_period"),))
    return now - timedelta(days=days)
