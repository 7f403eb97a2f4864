"""Reminder offsets: how long before an appointment its parties are reminded.

Each artist chooses their offsets (default 24 h and 2 h before). A reminder is planned when
the booking becomes confirmed or moves, for each offset whose moment is still ahead; it is
sent only if, when its moment comes, the booking is still confirmed and still starts when
the reminder was planned for (a cancelled or moved booking gets no stale reminder).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from booking_domain.notifications.errors import InvalidReminderOffsetsError
from booking_domain.shared.ids import ArtistId

DEFAULT_OFFSETS = (timedelta(hours=24), timedelta(hours=2))
MIN_OFFSET = timedelta(minutes=15)
MAX_OFFSET = timedelta(days=14)
MAX_OFFSETS = 4
# An offset's bounds in whole minutes, for forms that ask for one.
OFFSET_MINUTES_BOUNDS = (MIN_OFFSET // timedelta(minutes=1), MAX_OFFSET // timedelta(minutes=1))


@dataclass(frozen=True, slots=True)
class ReminderOffsets:
    artist_id: ArtistId
    offsets: tuple[timedelta, ...] = DEFAULT_OFFSETS  # longest first
    updated_at: datetime | None = None  # None: the defaults, never changed

    @classmethod
    def chosen(cls, artist_id: ArtistId, minutes: Sequence[int], now: datetime) -> ReminderOffsets:
        """Validated offsets, in whole minutes: at most 4, each 15 min to 14 days, no
        repeats (an empty list turns reminders off)."""
        if len(minutes) > MAX_OFFSETS:
            raise InvalidReminderOffsetsError(f"Choose at most {MAX_OFFSETS} reminders.")
        if len(set(minutes)) != len(minutes):
            raise InvalidReminderOffsetsError("Each reminder offset may appear once.")
        offsets = tuple(timedelta(minutes=m) for m in minutes)
        if any(not MIN_OFFSET <= o <= MAX_OFFSET for o in offsets):
            raise InvalidReminderOffsetsError(
                "Each reminder is 15 minutes to 14 days before the appointment."
            )
        return cls(artist_id, tuple(sorted(offsets, reverse=True)), now)

    @property
    def minutes(self) -> tuple[int, ...]:
        return tuple(int(o.total_seconds()) // 60 for o in self.offsets)

    def due_times(self, start: datetime, now: datetime) -> tuple[tuple[timedelta, datetime], ...]:
        """(offset, moment) of every reminder still ahead of ``now`` for an appointment
        starting at ``start``."""
        return tuple((o, start - o) for o in self.offsets if start - o > now)
