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

from booking_domain.accounts import ApiKeyScope
from booking_domain.bookings import (
    AppointmentNotStartedError,
    BookingActionNotAllowedError,
    BookingNotFoundError,
    BookingReferenceTakenError,
    BookingStatus,
    ConsentNotSignedError,
    CustomerNotFoundError,
    HoldExpiredError,
    IdempotencyKeyReusedError,
    IdNotCheckedError,
    RefundOutOfRangeError,
    SessionOfProjectError,
    SlotTakenError,
    TooLateToChangeError,
    TooManyCustomerLookupsError,
    TouchUpNotAvailableError,
    TouchUpTakenError,
)
from booking_domain.bookings.use_cases import BookingUseCases
from booking_domain.catalog import (
    ArtistNotFoundError,
    BookingLinkGoneError,
    DepositCurrencyNotPayableError,
    FlashDesignTakenError,
)
from booking_domain.scheduling import ArtistNotBookableError, NotBookableError
from booking_domain.shared import (
    MAX_PAGE,
    MAX_PAGE_SIZE,
    BookingId,
    ConcurrentUpdateError,
    CurrencyMismatchError,
    InvalidInputError,
    InvalidIntervalError,
    InvalidMoneyError,
    InvalidTransitionError,
    NaiveDatetimeError,
    PageRequest,
    TimeOutOfRangeError,
)
from entrypoints.http.auth import takes_api_key
from entrypoints.http.bookings.dto import (
    BookingEventsView,
    BookingPage,
    BookingView,
    CancellationQuoteView,
    ChangeStatusRequest,
    CreateBookingRequest,
    CustomerContactView,
    RescheduleRequest,
    StatusName,
)
from entrypoints.http.caller import Caller
from entrypoints.http.controllers import SignedIn
from entrypoints.http.problem_docs import raises_exactly

IdempotencyKey = Annotated[
    str | None,
    HeaderParameter(
        name="Idempotency-Key",
        description="Retrying with the same key returns the first booking (kept 24 h)",
    ),
]

BookingsDep = NamedDependency[BookingUseCases]

# What requesting (or booking in) a booking can raise (CreateBooking): the caller or the
# body refused, the kernel's refusals of a time or an amount, the artist or the start not
# bookable, someone there first (the check or the storage's constraint), a replaced
# booking link, an Idempotency-Key reused. The fuzz suite holds the list to the answers.
CREATE_RAISES = raises_exactly(
    BookingActionNotAllowedError,
    InvalidInputError, NaiveDatetimeError, IdempotencyKeyReusedError,
    TimeOutOfRangeError, InvalidIntervalError, InvalidMoneyError, CurrencyMismatchError,
    NotBookableError, ArtistNotBookableError,
    CustomerNotFoundError, BookingNotFoundError,
    SlotTakenError, BookingReferenceTakenError, FlashDesignTakenError, ConcurrentUpdateError,
    BookingLinkGoneError, DepositCurrencyNotPayableError, TooManyCustomerLookupsError,
)  # fmt: skip
# Listing: the bounds of ``from`` and ``to`` (require_aware). Reading one booking: it is not
# there, or not for the caller's eyes (the same 404); a reference that is none is 422.
LIST_RAISES = raises_exactly(NaiveDatetimeError, TimeOutOfRangeError)
READ_RAISES = raises_exactly(BookingNotFoundError)
BY_REFERENCE_RAISES = raises_exactly(BookingNotFoundError, InvalidInputError)
# Quoting a cancellation (QuoteCancellation): the booking not seen (or its artist gone, a
# guard), or past cancelling.
QUOTE_RAISES = raises_exactly(BookingNotFoundError, ArtistNotFoundError, InvalidTransitionError)
# A status change (ChangeBookingStatus): the body refused (a refund on no cancellation, the
# reason's text, an amount), the booking not seen or its artist gone; the caller's role or
# the booking's state refuses the transition, its hold ran out, a refund out of range; a
# completion before the start or without the consent and ID check; confirming claims a
# one-off flash design taken meanwhile; a concurrent change of the row.
CHANGE_STATUS_RAISES = raises_exactly(
    InvalidInputError, InvalidMoneyError,
    BookingNotFoundError, ArtistNotFoundError,
    BookingActionNotAllowedError, InvalidTransitionError, HoldExpiredError,
    RefundOutOfRangeError, AppointmentNotStartedError, ConsentNotSignedError, IdNotCheckedError,
    FlashDesignTakenError, ConcurrentUpdateError,
)  # fmt: skip
# A reschedule (RescheduleBooking): the start refused by the kernel, the booking not seen,
# the caller's role, its state, its hold or the notice refuse the move (a project's session
# moves with its project), a touch-up outside its window, the artist or the start not
# bookable, the new time taken (the check or the storage's constraint), a concurrent change.
RESCHEDULE_RAISES = raises_exactly(
    NaiveDatetimeError, TimeOutOfRangeError, InvalidIntervalError, InvalidInputError,
    BookingNotFoundError,
    BookingActionNotAllowedError, InvalidTransitionError, HoldExpiredError,
    TooLateToChangeError, SessionOfProjectError, TouchUpNotAvailableError,
    ArtistNotBookableError, NotBookableError,
    SlotTakenError, TouchUpTakenError, ConcurrentUpdateError,
)  # fmt: skip

REPLAYED_HEADER = "Idempotent-Replayed"


class BookingsController(SignedIn, context="bookings"):
    path = "/bookings"
    # API keys: reading with bookings:read, making and changing with bookings:manage.
    opt = takes_api_key(ApiKeyScope.BOOKINGS_READ, ApiKeyScope.BOOKINGS_MANAGE)
    tags = ["bookings"]

    @post(
        status_code=HTTP_201_CREATED,
        summary="Request a booking (customers), or book a customer or client in (artists)",
        opt=CREATE_RAISES,
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

    @get(
        summary="Your bookings (all for admins), newest start first, with names",
        opt=LIST_RAISES,
    )
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
        return BookingPage.of(result, BookingView.named)

    @get(
        "/{booking_id:uuid}",
        summary="A booking (its customer, its artist, admins)",
        opt=READ_RAISES,
    )
    async def read(
        self, booking_id: FromPath[UUID], actor: Caller, bookings: BookingsDep
    ) -> BookingView:
        return BookingView.named(await bookings.read_booking(actor, BookingId(booking_id)))

    @get(
        "/by-reference/{reference:str}",
        summary="A booking by its reference, as typed (its customer, its artist, admins)",
        opt=BY_REFERENCE_RAISES,
    )
    async def by_reference(
        self, reference: FromPath[str], actor: Caller, bookings: BookingsDep
    ) -> BookingView:
        """Case, spaces, dashes and Cyrillic look-alikes are forgiven (``ink 7k3m9q``); what
        is no reference is 422, a reference you may not see 404."""
        return BookingView.of(await bookings.find_booking_by_reference(actor, reference))

    @get(
        "/{booking_id:uuid}/customer",
        summary="The customer's name and phone (the parties)",
        opt=READ_RAISES,
    )
    async def customer(
        self, booking_id: FromPath[UUID], actor: Caller, bookings: BookingsDep
    ) -> CustomerContactView:
        """For the artist to know who is coming; strangers get 404."""
        contact = await bookings.get_customer_contact(actor, BookingId(booking_id))
        return CustomerContactView.of(contact)

    @get(
        "/{booking_id:uuid}/cancellation",
        summary="What cancelling now would give back and keep, and whether it may still move",
        opt=QUOTE_RAISES,
    )
    async def cancellation(
        self, booking_id: FromPath[UUID], actor: Caller, bookings: BookingsDep
    ) -> CancellationQuoteView:
        """Asked before cancelling (the booking page's confirmation); changes nothing. A
        booking past cancelling is 409 ``invalid_transition``; strangers get 404."""
        return CancellationQuoteView.of(
            await bookings.quote_cancellation(actor, BookingId(booking_id))
        )

    @patch(
        "/{booking_id:uuid}",
        summary="Change the status: confirmed, cancelled, ...",
        opt=CHANGE_STATUS_RAISES,
    )
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
        opt=RESCHEDULE_RAISES,
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

    @get("/{booking_id:uuid}/events", summary="The audit trail of a booking", opt=READ_RAISES)
    async def events(
        self, booking_id: FromPath[UUID], actor: Caller, bookings: BookingsDep
    ) -> BookingEventsView:
        return BookingEventsView.of(await bookings.booking_history(actor, BookingId(booking_id)))
