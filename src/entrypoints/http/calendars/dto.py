"""Calendar feeds on the wire."""

from __future__ import annotations

from datetime import datetime

from booking_domain.calendars.use_cases import FeedLink
from entrypoints.http.wire import View, utc


class CalendarFeedView(View, frozen=True):
    """Your feed's secret URL: anyone who has it reads your bookings' times, so share it
    only with your calendar app; regenerate it to shut out an old copy."""

    url: str
    created_at: datetime

    @classmethod
    def of(cls, link: FeedLink) -> CalendarFeedView:
        return cls(link.url, utc(link.created_at))
