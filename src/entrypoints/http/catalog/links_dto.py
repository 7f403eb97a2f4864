"""Booking links on the wire: the artist's own view (with the URL, which holds the token)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

from msgspec import Meta

from booking_domain.catalog.links import LinkCounts
from booking_domain.catalog.use_cases import LinkListing
from entrypoints.http.wire import Dto, View, utc


class BookingLinkRequest(Dto, frozen=True):
    """No ``serviceId``: the general link (made anyway on first listing)."""

    service_id: UUID | None = None


class SlotViewRequest(Dto, frozen=True):
    """The visit's ticket, from the page the slot views were shown on (``data.visit``)."""

    visit: Annotated[str, Meta(max_length=256)]


class LinkCountsView(View, frozen=True):
    visits: int
    slot_views: int
    bookings: int
    conversion: float | None  # bookings per visit; null before the first visit

    @classmethod
    def of(cls, counts: LinkCounts) -> LinkCountsView:
        rate = None if counts.conversion is None else round(counts.conversion, 4)
        return cls(counts.visits, counts.slot_views, counts.bookings, rate)


class BookingLinkView(View, frozen=True):
    id: UUID
    service_id: UUID | None
    url: str
    token: str
    created_at: datetime
    token_created_at: datetime
    total: LinkCountsView
    last_30_days: LinkCountsView

    @classmethod
    def of(cls, entry: LinkListing) -> BookingLinkView:
        link = entry.link
        return cls(
            link.id,
            link.service_id,
            entry.url,
            link.token,
            utc(link.created_at),
            utc(link.token_created_at),
            LinkCountsView.of(entry.usage.total),
            LinkCountsView.of(entry.usage.recent),
        )


class BookingLinkList(View, frozen=True):
    items: list[BookingLinkView]
