"""Booking use cases: request, read, change, reschedule, expire holds."""

from __future__ import annotations

from dataclasses import dataclass

from booking_domain.bookings.use_cases.changes import (
    ChangeBookingStatus,
    QuoteCancellation,
    RescheduleBooking,
)
from booking_domain.bookings.use_cases.create import (
    MAX_NOTES_LENGTH,
    BookingCreated,
    BookingRequest,
    CreateBooking,
)
from booking_domain.bookings.use_cases.deps import BookingsDeps
from booking_domain.bookings.use_cases.holds import EXPIRY_BATCH, ExpireHolds, PurgeIdempotencyKeys
from booking_domain.bookings.use_cases.ideas import (
    AddIdea,
    DeleteIdea,
    IdeaEntry,
    ListIdeas,
    UpdateIdea,
)
from booking_domain.bookings.use_cases.moderation import (
    QuoteSuspension,
    SuspendArtist,
    Suspension,
    SuspensionQuote,
)
from booking_domain.bookings.use_cases.parties import ClientDetails, CustomerLookup
from booking_domain.bookings.use_cases.queries import (
    MAX_SPAN,
    AdminBookingFilter,
    BookingHistory,
    BookingSpan,
    CustomerContact,
    FindBookingByReference,
    GetBooking,
    GetCustomerContact,
    ListAllBookings,
    ListBookings,
    ListBookingsBetween,
    ReadBooking,
    booking_filter,
)
from booking_domain.bookings.use_cases.roster import (
    ClientHistory,
    GetClientHistory,
    ListClients,
)
from booking_domain.bookings.use_cases.studio_day import ShowStudioDay
from booking_domain.bookings.use_cases.touch_ups import (
    BookTouchUp,
    GetTouchUpOffer,
    TouchUpSlots,
    TouchUpStarts,
)
from booking_domain.shared.use_case import UseCaseBundle


@dataclass(frozen=True, slots=True)
class BookingUseCases(UseCaseBundle[BookingsDeps]):
    """What the composition root builds of this context; adding a use case is one field."""

    create_booking: CreateBooking
    show_studio_day: ShowStudioDay
    get_booking: GetBooking
    read_booking: ReadBooking
    find_booking_by_reference: FindBookingByReference
    get_customer_contact: GetCustomerContact
    list_bookings: ListBookings
    list_bookings_between: ListBookingsBetween
    list_all_bookings: ListAllBookings
    booking_history: BookingHistory
    change_status: ChangeBookingStatus
    quote_cancellation: QuoteCancellation
    reschedule: RescheduleBooking
    expire_holds: ExpireHolds
    purge_idempotency_keys: PurgeIdempotencyKeys
    add_idea: AddIdea
    list_ideas: ListIdeas
    update_idea: UpdateIdea
    delete_idea: DeleteIdea
    suspend_artist: SuspendArtist
    quote_suspension: QuoteSuspension
    touch_up_offer: GetTouchUpOffer
    touch_up_slots: TouchUpSlots
    book_touch_up: BookTouchUp
    list_clients: ListClients
    client_history: GetClientHistory


__all__ = [
    "EXPIRY_BATCH",
    "MAX_NOTES_LENGTH",
    "MAX_SPAN",
    "AddIdea",
    "AdminBookingFilter",
    "BookTouchUp",
    "BookingCreated",
    "BookingHistory",
    "BookingRequest",
    "BookingSpan",
    "BookingUseCases",
    "BookingsDeps",
    "ChangeBookingStatus",
    "ClientDetails",
    "ClientHistory",
    "CreateBooking",
    "CustomerContact",
    "CustomerLookup",
    "DeleteIdea",
    "ExpireHolds",
    "FindBookingByReference",
    "GetBooking",
    "GetClientHistory",
    "GetCustomerContact",
    "GetTouchUpOffer",
    "IdeaEntry",
    "ListAllBookings",
    "ListBookings",
    "ListBookingsBetween",
    "ListClients",
    "ListIdeas",
    "PurgeIdempotencyKeys",
    "QuoteCancellation",
    "QuoteSuspension",
    "ReadBooking",
    "RescheduleBooking",
    "ShowStudioDay",
    "SuspendArtist",
    "Suspension",
    "SuspensionQuote",
    "TouchUpSlots",
    "TouchUpStarts",
    "UpdateIdea",
    "booking_filter",
]
