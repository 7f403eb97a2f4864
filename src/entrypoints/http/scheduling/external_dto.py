"""External calendars on the wire: the feed's URL goes in once and comes back masked."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

from msgspec import Meta

from booking_domain.scheduling import ExternalCalendar, FetchOutcome
from booking_domain.scheduling.external import MAX_NAME_LENGTH, MAX_URL_LENGTH
from entrypoints.http.wire import Dto, PageView, View, utc


class ExternalCalendarRequest(Dto, frozen=True):
    """``url``: the calendar's secret iCal address (``https://`` or ``webcal://``)."""

    url: Annotated[str, Meta(min_length=1, max_length=MAX_URL_LENGTH)]
    name: Annotated[str, Meta(max_length=MAX_NAME_LENGTH)] = ""


class FetchOutcomeView(View, frozen=True):
    ok: bool
    at: datetime
    busy_count: int
    error: str | None

    @classmethod
    def of(cls, o: FetchOutcome) -> FetchOutcomeView:
        return cls(ok=o.ok, at=utc(o.at), busy_count=o.busy_count, error=o.error)


class ExternalCalendarView(View, frozen=True):
    """``url`` is masked (scheme and host): the full address is never shown again."""

    id: UUID
    name: str
    url: str
    created_at: datetime
    last_fetch: FetchOutcomeView | None

    @classmethod
    def of(cls, c: ExternalCalendar) -> ExternalCalendarView:
        fetch = c.last_fetch
        return cls(
            id=c.id,
            name=c.name,
            url=c.masked_url,
            created_at=utc(c.created_at),
            last_fetch=None if fetch is None else FetchOutcomeView.of(fetch),
        )


class ExternalCalendarPage(PageView[ExternalCalendarView], frozen=True):
    items: list[ExternalCalendarView]
