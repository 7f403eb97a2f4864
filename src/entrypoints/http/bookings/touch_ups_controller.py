"""``/api/v1/bookings/{id}/touch-up``: a completed booking's free touch-up, its free starts,
and booking it (docs/aftercare.md). Who may see or book it is the use cases' to decide."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

from litestar import get, post
from litestar.params import FromPath, JSONBody, QueryParameter
from litestar.status_codes import HTTP_201_CREATED

from booking_domain.bookings import (
    BookingActionNotAllowedError,
    BookingNotFoundError,
    BookingReferenceTakenError,
    SlotTakenError,
    TouchUpNotAvailableError,
    TouchUpTakenError,
)
from booking_domain.catalog import FlashDesignTakenError
from booking_domain.scheduling import ArtistNotBookableError, NotBookableError
from booking_domain.shared import (
    BookingId,
    ConcurrentUpdateError,
    InvalidInputError,
    InvalidIntervalError,
    NaiveDatetimeError,
    TimeOutOfRangeError,
)
from entrypoints.http.bookings.controller import BookingsDep
from entrypoints.http.bookings.dto import BookingView
from entrypoints.http.bookings.touch_ups_dto import (
    TouchUpOfferView,
    TouchUpRequest,
    TouchUpStartsView,
)
from entrypoints.http.caller import Caller
from entrypoints.http.controllers import SignedIn
from entrypoints.http.problem_docs import raises_exactly

From = Annotated[datetime, QueryParameter(name="from", description="ISO 8601 with offset")]
To = Annotated[datetime, QueryParameter(name="to", description="ISO 8601 with offset")]

# The offer (GetTouchUpOffer): the booking not seen. Its free starts (TouchUpSlots): the
# range refused (naive, out of range, too long), the booking not seen, its artist not
# bookable.
OFFER_RAISES = raises_exactly(BookingNotFoundError)
SLOTS_RAISES = raises_exactly(
    NaiveDatetimeError, TimeOutOfRangeError, InvalidInputError,
    BookingNotFoundError, ArtistNotBookableError,
)  # fmt: skip
# Booking it (BookTouchUp, through the one creation path): the start or the notes refused,
# the booking not seen, the caller not its customer or artist, no touch-up now (with the
# reason) or one live already, the artist or the start not bookable, someone there first
# (the check or the storage's constraints), a one-off flash design claimed meanwhile.
BOOK_RAISES = raises_exactly(
    NaiveDatetimeError, TimeOutOfRangeError, InvalidIntervalError, InvalidInputError,
    BookingNotFoundError, BookingActionNotAllowedError,
    TouchUpNotAvailableError, TouchUpTakenError,
    ArtistNotBookableError, NotBookableError,
    SlotTakenError, BookingReferenceTakenError, FlashDesignTakenError, ConcurrentUpdateError,
)  # fmt: skip


class TouchUpsController(SignedIn, context="bookings"):
    path = "/bookings/{booking_id:uuid}/touch-up"
    tags = ["bookings"]

    @get(
        summary="Whether a free touch-up may be booked, until when, and the one booked",
        opt=OFFER_RAISES,
    )
    async def offer(
        self, booking_id: FromPath[UUID], actor: Caller, bookings: BookingsDep
    ) -> TouchUpOfferView:
        return TouchUpOfferView.of(await bookings.touch_up_offer(actor, BookingId(booking_id)))

    @get(
        "/slots",
        summary="Free starts for the touch-up within its window (62 days a call)",
        opt=SLOTS_RAISES,
    )
    async def slots(
        self,
        booking_id: FromPath[UUID],
        start: From,
        end: To,
        actor: Caller,
        bookings: BookingsDep,
    ) -> TouchUpStartsView:
        found = await bookings.touch_up_slots(actor, BookingId(booking_id), start, end)
        return TouchUpStartsView.of(found)

    @post(
        status_code=HTTP_201_CREATED,
        summary="Book the free touch-up of a completed booking (its customer or artist)",
        opt=BOOK_RAISES,
    )
    async def book(
        self,
        booking_id: FromPath[UUID],
        data: JSONBody[TouchUpRequest],
        actor: Caller,
        bookings: BookingsDep,
    ) -> BookingView:
        booked = await bookings.book_touch_up(
            actor, BookingId(booking_id), start=data.start, notes=data.notes
        )
        return BookingView.of(booked)
