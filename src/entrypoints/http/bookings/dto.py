"""Wire formats of bookings: requests in, views out (camelCase; times out in UTC ``Z``;
money as integer minor units beside one ``currency``)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal
from uuid import UUID

import msgspec
from msgspec import UNSET, Meta, UnsetType

from booking_domain.bookings import (
    Booking,
    BookingStatus,
    CancellationQuote,
    HistoryEntry,
    NamedBooking,
)
from booking_domain.bookings.use_cases import (
    MAX_NOTES_LENGTH,
    BookingRequest,
    ClientDetails,
    CustomerContact,
    CustomerLookup,
)
from booking_domain.shared import ArtistId, ServiceId
from entrypoints.http.wire import Dto, PageView, View, utc

# An instant with its offset: a naive time is refused while decoding (422), never guessed.
Instant = Annotated[datetime, Meta(tz=True, description="ISO 8601 with a UTC offset")]
StatusName = Literal["pending", "confirmed", "completed", "cancelled", "no_show", "disputed"]


Phone = Annotated[str, Meta(max_length=40, description="E.164, or 8 digits (Mongolia)")]
Email = Annotated[str, Meta(max_length=320, description="Email address (case-insensitive)")]


class CustomerLookupDto(Dto, frozen=True):
    """An existing customer, by exactly one of email or phone."""

    email: Email | None = None
    phone: Phone | None = None

    def lookup(self) -> CustomerLookup:
        return CustomerLookup(self.email, self.phone)


class ClientDto(Dto, frozen=True):
    """Someone without an account: the artist's own client record (found by phone if the
    artist has one, else made)."""

    name: Annotated[str, Meta(max_length=200)]
    phone: Phone
    email: Email | None = None

    def details(self) -> ClientDetails:
        return ClientDetails(self.name, self.phone, self.email)


class CreateBookingRequest(Dto, frozen=True):
    """A customer's request; or, from the artist, a booking in their own calendar for an
    existing ``customer`` or a ``client`` of theirs, with the service's deposit or not
    (``deposit``, default false)."""

    artist_id: UUID
    service_id: UUID
    start: Instant
    notes: Annotated[str, Meta(max_length=MAX_NOTES_LENGTH)] = ""
    customer: CustomerLookupDto | None = None
    client: ClientDto | None = None
    deposit: bool | None = None
    # The token of the booking link the booking was made through (its page sends it).
    booking_link: Annotated[str, Meta(max_length=100)] | None = None

    def request(self, idempotency_key: str | None) -> BookingRequest:
        return BookingRequest(
            ArtistId(self.artist_id),
            ServiceId(self.service_id),
            self.start,
            self.notes,
            idempotency_key,
            customer=None if self.customer is None else self.customer.lookup(),
            client=None if self.client is None else self.client.details(),
            deposit=self.deposit,
            link_token=self.booking_link,
        )


class ChangeStatusRequest(Dto, frozen=True):
    """``confirmed`` approves a request; ``refundAmount`` (minor units) is for admins
    cancelling; the other targets follow the lifecycle (docs/product.md,
    "4. Bookings")."""

    status: StatusName
    reason: Annotated[str, Meta(max_length=500)] | None = None
    refund_amount: Annotated[int, Meta(ge=0, le=10**12)] | None = None

    @property
    def target(self) -> BookingStatus:
        return BookingStatus(self.status)


class RescheduleRequest(Dto, frozen=True):
    start: Instant


class BookingView(View, frozen=True):
    id: UUID
    reference: str
    artist_id: UUID
    service_id: UUID
    customer_id: UUID | None  # null: booked by the artist for a client record (clientId)
    client_id: UUID | None
    status: str
    payment_status: str
    start: datetime
    end: datetime
    hold_expires_at: datetime | None
    requires_approval: bool
    approved: bool
    currency: str
    deposit_amount: int
    # The service's price when booked, what the balance is reckoned from (null for a booking
    # made before prices were kept: its service's price stands in).
    price_amount: int | None
    amount_paid: int
    amount_refunded: int
    refund_due: int
    # What is paid and neither refunded nor owed back covers the price plus the artist's
    # adjustment, as noted by the balance's payment (false until a balance is paid).
    paid_in_full: bool
    notes: str
    cancellation_reason: str | None
    version: int
    created_at: datetime
    updated_at: datetime
    # The completed booking this one is the free touch-up of (docs/aftercare.md), if any.
    touch_up_of: UUID | None = None
    # A waitlist offer: "offered" while held for the customer's answer
    # (POST /waitlist/offers/{id}/accept or /decline), "accepted" after; else null.
    offer: str | None = None
    # What a pending booking waits for, in order: "approval" (the artist's), "deposit";
    # empty otherwise. ``holdExpiresAt`` is when the first of them must happen.
    waiting_for: tuple[str, ...] = ()
    # Who and what, by name (docs/api.md, "Bookings"): in the list and a booking read by its
    # id; the customer's name only to the booking's parties and admins. Left out elsewhere.
    customer_name: str | UnsetType | None = UNSET
    service_name: str | UnsetType | None = UNSET

    @classmethod
    def named(cls, named: NamedBooking) -> BookingView:
        """The booking with its names as the reader is shown them (``names_for``)."""
        return msgspec.structs.replace(
            cls.of(named.booking),
            customer_name=named.names.customer,
            service_name=named.names.service,
        )

    @classmethod
    def of(cls, b: Booking) -> BookingView:
        hold = b.hold_expires_at
        return cls(
            id=b.id,
            reference=b.reference,
            artist_id=b.artist_id,
            service_id=b.service_id,
            customer_id=b.customer_id,
            client_id=b.client_id,
            status=b.status.value,
            payment_status=b.payment_status.value,
            start=utc(b.start),
            end=utc(b.end),
            hold_expires_at=utc(hold) if hold else None,
            requires_approval=b.requires_approval,
            approved=b.approved,
            currency=b.deposit.currency,
            deposit_amount=b.deposit.amount,
            price_amount=None if b.price is None else b.price.amount,
            amount_paid=b.amount_paid.amount,
            amount_refunded=b.amount_refunded.amount,
            refund_due=b.refund_due.amount,
            paid_in_full=b.paid_in_full,
            notes=b.notes,
            cancellation_reason=b.cancellation_reason,
            offer=None if b.offer is None else b.offer.value,
            waiting_for=tuple(w.value for w in b.waiting_for),
            version=b.version,
            created_at=utc(b.created_at),
            updated_at=utc(b.updated_at),
            touch_up_of=b.touch_up_of,
        )


class BookingPage(PageView[BookingView], frozen=True):
    items: list[BookingView]


class BookingEventView(View, frozen=True):
    """One entry of the audit trail: who (null for the system), when, from, to, why."""

    version: int
    kind: str
    at: datetime
    actor_id: UUID | None
    actor_role: str | None
    from_status: str | None = msgspec.field(name="from")
    to_status: str = msgspec.field(name="to")
    reason: str | None = None
    amount: int | None = None
    currency: str | None = None

    @classmethod
    def of(cls, e: HistoryEntry) -> BookingEventView:
        return cls(
            version=e.version,
            kind=e.kind.value,
            at=utc(e.at),
            actor_id=e.actor_id,
            actor_role=e.actor_role.value if e.actor_role else None,
            from_status=e.from_status.value if e.from_status else None,
            to_status=e.to_status.value,
            reason=e.reason,
            amount=e.amount.amount if e.amount else None,
            currency=e.amount.currency if e.amount else None,
        )


class BookingEventsView(View, frozen=True):
    items: list[BookingEventView]

    @classmethod
    def of(cls, events: tuple[HistoryEntry, ...]) -> BookingEventsView:
        return cls(items=[BookingEventView.of(e) for e in events])


class CustomerContactView(View, frozen=True):
    """The customer of a booking as its artist sees them: a name and a phone, nothing more."""

    name: str
    phone: str | None

    @classmethod
    def of(cls, contact: CustomerContact) -> CustomerContactView:
        return cls(contact.name, contact.phone)


class CancellationQuoteView(View, frozen=True):
    """What cancelling the booking now would do, by the cancellation policy, for the one
    asking: ``refundAmount`` given back, ``keptAmount`` paid and kept (minor units of
    ``currency``), ``freeUntil`` (the last moment a customer cancels with the deposit back
    or moves it) and ``mayMove`` (whether the asker may move it now)."""

    currency: str
    refund_amount: int
    kept_amount: int
    free_until: datetime
    may_move: bool

    @classmethod
    def of(cls, quote: CancellationQuote) -> CancellationQuoteView:
        return cls(
            currency=quote.refund.currency,
            refund_amount=quote.refund.amount,
            kept_amount=quote.kept.amount,
            free_until=utc(quote.free_until),
            may_move=quote.may_move,
        )
