"""``/api/v1/bookings``: request, list, read, change, reschedule, audit trail.

Who may see or change which booking is decided by the use cases (strangers get 404); the
controller decodes, calls one use case and encodes.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

from litestar import Response, get, patch, post
from litestar.di import NamedDependency
from litestar.params import FromPath, HeaderParameter, JSONBody, QueryParameter
from litestar.status_codes import HTTP_200_OK, HTTP_201_CREATED

from booking_domain.bookings import BookingStatus, TooManyCustomerLookupsError
from booking_domain.bookings.use_cases import BookingUseCases
from booking_domain.catalog import BookingLinkGoneError
from booking_domain.shared import MAX_PAGE, MAX_PAGE_SIZE, BookingId, PageRequest
from entrypoints.http.bookings.dto import (
    BookingEventsView,
    BookingPage,
    BookingView,
    ChangeStatusRequest,
    CreateBookingRequest,
    CustomerContactView,
    RescheduleRequest,
    StatusName,
)
from entrypoints.http.caller import Caller
from entrypoints.http.controllers import SignedIn
from entrypoints.http.problem_docs import CHANGES, raises

IdempotencyKey = Annotated[
    str | None,
    HeaderParameter(
        name="Idempotency-Key",
        description="Retrying with the same key returns the first booking (kept 24 h)",
    ),
]

BookingsDep = NamedDependency[BookingUseCases]

REPLAYED_HEADER = "Idempotent-Replayed"


class BookingsController(SignedIn, context="bookings", raises=CHANGES):
    path = "/bookings"
    tags = ["bookings"]

    @post(
        status_code=HTTP_201_CREATED,
        summary="Request a booking (customers), or book a customer or client in (artists)",
        # ``bookingLink`` of a replaced link; an artist's customer lookups over the hour's
        opt=raises(*CHANGES, BookingLinkGoneError, TooManyCustomerLookupsError),
    )
    async def create(
        self,
        data: JSONBody[CreateBookingRequest],
        actor: Caller,
        bookings: BookingsDep,
        idempotency_key: IdempotencyKey = None,
    ) -> Response[BookingView]:
        """A customer's request: confirmed at once without deposit or approval, else pending
        with a hold. The artist's booking of a ``customer`` (by email or phone) or a
        ``client`` of theirs: confirmed at once, or pending for the deposit with
        ``deposit: true``. A replay of an Idempotency-Key answers with the booking it created
        (header ``Idempotent-Replayed: true``)."""
        created = await bookings.create_booking(actor, data.request(idempotency_key))
        headers = {REPLAYED_HEADER: "true"} if created.replayed else {}
        return Response(
            BookingView.of(created.booking), status_code=HTTP_201_CREATED, headers=headers
        )

    @get(summary="Your bookings (all of them for admins), newest start first")
    async def list_bookings(
        self,
        actor: Caller,
        bookings: BookingsDep,
        page: Annotated[int, QueryParameter(ge=1, le=MAX_PAGE)] = 1,
        page_size: Annotated[int, QueryParameter(name="pageSize", ge=1, le=MAX_PAGE_SIZE)] = 20,
        status: Annotated[list[StatusName] | None, QueryParameter()] = None,
        starts_from: Annotated[datetime | None, QueryParameter(name="from")] = None,
        starts_before: Annotated[datetime | None, QueryParameter(name="to")] = None,
    ) -> BookingPage:
        result = await bookings.list_bookings(
            actor,
            PageRequest(page, page_size),
            statuses=tuple(BookingStatus(s) for s in status or ()),
            starts_from=starts_from,
            starts_before=starts_before,
        )
        return BookingPage.of(result, BookingView.of)

    @get("/{booking_id:uuid}", summary="A booking (its customer, its artist, admins)")
    async def read(
        self, booking_id: FromPath[UUID], actor: Caller, bookings: BookingsDep
    ) -> BookingView:
        return BookingView.of(await bookings.get_booking(actor, BookingId(booking_id)))

    @get(
        "/by-reference/{reference:str}",
        summary="A booking by its reference, as typed (its customer, its artist, admins)",
    )
    async def by_reference(
        self, reference: FromPath[str], actor: Caller, bookings: BookingsDep
    ) -> BookingView:
        """Case, spaces, dashes and Cyrillic look-alikes are forgiven (``ink 7k3m9q``); what
        is no reference is 422, a reference you may not see 404."""
        return BookingView.of(await bookings.find_booking_by_reference(actor, reference))

    @get("/{booking_id:uuid}/customer", summary="The customer's name and phone (the parties)")
    async def customer(
        self, booking_id: FromPath[UUID], actor: Caller, bookings: BookingsDep
    ) -> CustomerContactView:
        """For the artist to know who is coming; strangers get 404."""
        contact = await bookings.get_customer_contact(actor, BookingId(booking_id))
        return CustomerContactView.of(contact)

    @patch("/{booking_id:uuid}", summary="Change the status: confirmed, cancelled, ...")
    async def change_status(
        self,
        booking_id: FromPath[UUID],
        data: JSONBody[ChangeStatusRequest],
        actor: Caller,
        bookings: BookingsDep,
    ) -> BookingView:
        changed = await bookings.change_status(
            actor,
            BookingId(booking_id),
            status=data.target,
            reason=data.reason,
            refund_amount=data.refund_amount,
        )
        return BookingView.of(changed)

    @post(
        "/{booking_id:uuid}/reschedule",
        status_code=HTTP_200_OK,
        summary="Move a booking to another free start",
    )
    async def reschedule(
        self,
        booking_id: FromPath[UUID],
        data: JSONBody[RescheduleRequest],
        actor: Caller,
        bookings: BookingsDep,
    ) -> BookingView:
        moved = await bookings.reschedule(actor, BookingId(booking_id), start=data.start)
        return BookingView.of(moved)

    @get("/{booking_id:uuid}/events", summary="The audit trail of a booking")
    async def events(
        self, booking_id: FromPath[UUID], actor: Caller, bookings: BookingsDep
    ) -> BookingEventsView:
        return BookingEventsView.of(await bookings.booking_history(actor, BookingId(booking_id)))
