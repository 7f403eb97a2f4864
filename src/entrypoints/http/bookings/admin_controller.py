"""Bookings' admin routes: ``GET /admin/bookings`` (every booking, with filters) and
``POST /admin/artists/{id}/suspend`` (bookings' use case, since a suspension cancels the
artist's upcoming bookings in the same transaction; reinstating is the catalogue's,
``/admin/artists/{id}/reinstate``)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal
from uuid import UUID

from litestar import get, post
from litestar.params import FromPath, QueryParameter
from litestar.status_codes import HTTP_200_OK

from booking_domain.bookings import (
    BookingActionNotAllowedError,
    BookingStatus,
    PaymentStatus,
)
from booking_domain.bookings.use_cases import AdminBookingFilter, Suspension
from booking_domain.catalog import ArtistNotFoundError
from booking_domain.shared import (
    MAX_PAGE,
    MAX_PAGE_SIZE,
    ConcurrentUpdateError,
    InvalidTransitionError,
    NaiveDatetimeError,
    PageRequest,
    PermissionDeniedError,
    TimeOutOfRangeError,
)
from booking_domain.shared.ids import ArtistId, UserId
from entrypoints.http.bookings.controller import BookingsDep
from entrypoints.http.bookings.dto import BookingPage, BookingView, StatusName
from entrypoints.http.caller import Caller
from entrypoints.http.controllers import AdminOnly
from entrypoints.http.problem_docs import raises_exactly
from entrypoints.http.wire import View

# Listing every booking (ListAllBookings): not an admin (behind the guard, kept as the use
# case's own check), the bounds of ``from`` and ``to``.
LIST_ALL_RAISES = raises_exactly(PermissionDeniedError, NaiveDatetimeError, TimeOutOfRangeError)
# Suspending (SuspendArtist): not an admin, the artist not there or not approved, a
# booking's cancellation refused, a concurrent change of a row.
SUSPEND_RAISES = raises_exactly(
    PermissionDeniedError, BookingActionNotAllowedError,
    ArtistNotFoundError, InvalidTransitionError, ConcurrentUpdateError,
)  # fmt: skip

PaymentStatusName = Literal["unpaid", "invoiced", "paid", "partially_refunded", "refunded"]


class AdminBookingsController(AdminOnly, context="bookings"):
    path = "/admin/bookings"
    tags = ["admin", "bookings"]

    @get(
        summary="Every booking, newest start first, with names: status, payment, dates, parties",
        opt=LIST_ALL_RAISES,
    )
    async def list_all(
        self,
        actor: Caller,
        bookings: BookingsDep,
        page: Annotated[int, QueryParameter(ge=1, le=MAX_PAGE)] = 1,
        page_size: Annotated[int, QueryParameter(name="pageSize", ge=1, le=MAX_PAGE_SIZE)] = 20,
        status: Annotated[list[StatusName] | None, QueryParameter()] = None,
        payment_status: Annotated[
            list[PaymentStatusName] | None, QueryParameter(name="paymentStatus")
        ] = None,
        starts_from: Annotated[datetime | None, QueryParameter(name="from")] = None,
        starts_before: Annotated[datetime | None, QueryParameter(name="to")] = None,
        artist_id: Annotated[UUID | None, QueryParameter(name="artistId")] = None,
        customer_id: Annotated[UUID | None, QueryParameter(name="customerId")] = None,
    ) -> BookingPage:
        where = AdminBookingFilter(
            statuses=tuple(BookingStatus(s) for s in status or ()),
            payment_statuses=tuple(PaymentStatus(s) for s in payment_status or ()),
            starts_from=starts_from,
            starts_before=starts_before,
            artist_id=None if artist_id is None else ArtistId(artist_id),
            customer_id=None if customer_id is None else UserId(customer_id),
        )
        found = await bookings.list_all_bookings(actor, PageRequest(page, page_size), where)
        return BookingPage.of(found, BookingView.named)


class SuspensionView(View, frozen=True):
    artist_id: UUID
    suspended: bool
    cancelled_bookings: list[BookingView]  # as they are now: cancelled, the refund owed

    @classmethod
    def of(cls, done: Suspension) -> SuspensionView:
        cancelled = [BookingView.of(b) for b in done.cancelled]
        return cls(done.artist.id, done.artist.suspended, cancelled)


class AdminSuspensionController(AdminOnly, context="bookings"):
    path = "/admin/artists/{artist_id:uuid}/suspend"
    tags = ["admin", "bookings"]

    @post(
        status_code=HTTP_200_OK,
        summary="Suspend an artist: upcoming bookings cancelled, refunded (admins)",
        opt=SUSPEND_RAISES,
    )
    async def suspend(
        self, artist_id: FromPath[UUID], actor: Caller, bookings: BookingsDep
    ) -> SuspensionView:
        return SuspensionView.of(await bookings.suspend_artist(actor, ArtistId(artist_id)))
