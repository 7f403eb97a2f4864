"""Calendar use cases, and their bundle (``CalendarUseCases``)."""

from __future__ import annotations

from dataclasses import dataclass

from booking_domain.calendars.use_cases.deps import CalendarsDeps
from booking_domain.calendars.use_cases.feeds import (
    FeedDocument,
    FeedLink,
    ReadCalendarFeed,
    RegenerateMyCalendarFeed,
    ShowMyCalendarFeed,
)
from booking_domain.shared.use_case import UseCaseBundle


@dataclass(frozen=True, slots=True)
class CalendarUseCases(UseCaseBundle[CalendarsDeps]):
    show_my_feed: ShowMyCalendarFeed
    regenerate_my_feed: RegenerateMyCalendarFeed
    read_feed: ReadCalendarFeed


__all__ = [
    "CalendarUseCases",
    "CalendarsDeps",
    "FeedDocument",
    "FeedLink",
    "ReadCalendarFeed",
    "RegenerateMyCalendarFeed",
    "ShowMyCalendarFeed",
]
