"""``GET /api/v1/studios/{id}/calendar?date=``: the studio's day, every member's bookings
side by side (its owner and admins; ``bookings.studio_day`` says what each shows)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated
from uuid import UUID

from litestar import get
from litestar.params import FromPath, QueryParameter

from booking_domain.bookings import DeskBooking, StudioColumn, StudioDay
from booking_domain.catalog import StudioNotFoundError
from booking_domain.shared import (
    InvalidInputError,
    PermissionDeniedError,
    StudioId,
    UnknownTimeZoneError,
)
from entrypoints.http.bookings.controller import BookingsDep
from entrypoints.http.caller import Caller
from entrypoints.http.controllers import SignedIn
from entrypoints.http.problem_docs import raises_exactly
from entrypoints.http.wire import View, utc

# An unknown studio, a caller neither its owner nor an admin, an unknown time zone, a day
# at the calendar's edge.
STUDIO_DAY_RAISES = raises_exactly(
    StudioNotFoundError, PermissionDeniedError, UnknownTimeZoneError, InvalidInputError
)


class DeskBookingView(View, frozen=True):
    start: datetime
    end: datetime
    status: str
    service: str | None
    customer: str | None

    @classmethod
    def of(cls, b: DeskBooking) -> DeskBookingView:
        return cls(utc(b.start), utc(b.end), b.status.value, b.service, b.customer)


class StudioColumnView(View, frozen=True):
    artist_id: UUID
    display_name: str
    bookings: list[DeskBookingView]
    more: bool  # more bookings that day than the column holds

    @classmethod
    def of(cls, c: StudioColumn) -> StudioColumnView:
        shown = [DeskBookingView.of(b) for b in c.bookings]
        return cls(c.artist.id, c.artist.display_name, shown, c.more)


class StudioDayView(View, frozen=True):
    studio_id: UUID
    date: date
    time_zone: str
    columns: list[StudioColumnView]

    @classmethod
    def of(cls, d: StudioDay) -> StudioDayView:
        columns = [StudioColumnView.of(c) for c in d.columns]
        return cls(d.studio.id, d.day, d.time_zone, columns)


class StudioDayController(SignedIn, context="bookings"):
    path = "/studios/{studio_id:uuid}/calendar"
    tags = ["studios"]

    @get(
        summary="The studio's day: each member's bookings in a column (owner or admin)",
        opt=STUDIO_DAY_RAISES,
    )
    async def show(
        self,
        studio_id: FromPath[UUID],
        actor: Caller,
        bookings: BookingsDep,
        day: Annotated[date, QueryParameter(name="date")],
        time_zone: Annotated[str | None, QueryParameter(name="timeZone", max_length=64)] = None,
    ) -> StudioDayView:
        shown = await bookings.show_studio_day(actor, StudioId(studio_id), day, time_zone)
        return StudioDayView.of(shown)
