"""An artist's waitlist settings: whether the waitlist takes customers, and how long an
offer holds a freed time for the customer it is made to (docs/waitlist.md, "Settings")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from booking_domain.shared.errors import FieldError
from booking_domain.shared.ids import ArtistId
from booking_domain.waitlist.errors import InvalidWaitlistSettingsError

# Long enough to read a text message and open the link (and short enough for a walk through
# both offers to end within minutes); at most a day, so a freed time is not kept from
# everyone else longer than an unpaid deposit could keep it.
MIN_HOLD = timedelta(minutes=5)
MAX_HOLD = timedelta(hours=24)
DEFAULT_HOLD = timedelta(minutes=30)


@dataclass(frozen=True, slots=True)
class WaitlistSettings:
    """``enabled``: customers may join and freed times are offered (off: nobody joins, and
    nothing is offered to those waiting, who keep their place). ``hold``: how long an offer
    keeps the freed time for its customer. An artist who never set them has the defaults
    (``of_artist``)."""

    artist_id: ArtistId
    enabled: bool = True
    hold: timedelta = DEFAULT_HOLD
    updated_at: datetime | None = None  # None: never set, the defaults

    @staticmethod
    def of_artist(artist_id: ArtistId) -> WaitlistSettings:
        return WaitlistSettings(artist_id)


def check_hold_minutes(minutes: int) -> timedelta:
    """A hold of whole minutes between ``MIN_HOLD`` and ``MAX_HOLD``, else
    ``InvalidWaitlistSettingsError`` on ``holdMinutes``."""
    low, high = MIN_HOLD // timedelta(minutes=1), MAX_HOLD // timedelta(minutes=1)
    if not low <= minutes <= high:
        problem = FieldError("holdMinutes", f"Between {low} and {high} minutes.", "out_of_range")
        raise InvalidWaitlistSettingsError(errors=(problem,))
    return timedelta(minutes=minutes)
