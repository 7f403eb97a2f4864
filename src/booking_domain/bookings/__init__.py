"""Bookings: the Booking aggregate, its lifecycle (every change goes through ``apply`` and
yields one history entry), references like ``INK-7K3M9Q`` and the statuses.

Other contexts use bookings through this package only: the aggregate and its rules, the
transitions they cause (an invoice, a payment, a refund), who may see a booking
(``load_visible``), how a change is recorded (``record_new``, ``record_change``) and the
ports their units of work include (``HasBookings``). What customers and artists do to
bookings is in ``bookings.use_cases``."""

from booking_domain.bookings.access import load_visible
from booking_domain.bookings.booking import (
    DISPUTE_WINDOW,
    Booking,
    apply,
    busy_timeline,
    require_role,
)
from booking_domain.bookings.cancellation import CancellationQuote, quote_cancellation
from booking_domain.bookings.clients import BookedFor, Client, ClientId, new_client
from booking_domain.bookings.consent_gate import (
    ConsentGate,
    ConsentStanding,
    HasConsentGate,
    consent_lack,
    require_consent,
)
from booking_domain.bookings.creation import (
    SessionTerms,
    creation_kind,
    request_booking,
    require_calendar_owner,
)
from booking_domain.bookings.errors import (
    AppointmentNotStartedError,
    BookingActionNotAllowedError,
    BookingNotFoundError,
    BookingReferenceTakenError,
    ClientNotFoundError,
    ConsentNotSignedError,
    CustomerNotFoundError,
    HoldExpiredError,
    IdempotencyKeyReusedError,
    IdNotCheckedError,
    PaymentMismatchError,
    RefundOutOfRangeError,
    SessionOfProjectError,
    SlotTakenError,
    TooLateToChangeError,
    TooManyCustomerLookupsError,
    TouchUpNotAvailableError,
    TouchUpTakenError,
)
from booking_domain.bookings.history import (
    IN_STUDIO_PREFIX,
    HistoryEntry,
    HistoryKind,
    actor_fields,
    taken_in_studio,
)
from booking_domain.bookings.lifecycle import (
    ARTIST_SUSPENDED,
    approve,
    cancel,
    cancel_for_suspension,
    cancellation_refund,
    complete,
    expire_hold,
    mark_balance_invoiced,
    mark_invoiced,
    mark_no_show,
    record_balance_payment,
    record_payment,
    record_refund,
    reschedule,
    settle_balance,
    withdraw_taken_flash,
)
from booking_domain.bookings.lookups import LookupBudget
from booking_domain.bookings.names import BookingNames, NamedBooking, named_for, names_for
from booking_domain.bookings.offers import (
    OFFER_DECLINED,
    accept_offer,
    decline_offer,
    offer_booking,
)
from booking_domain.bookings.ports import (
    BookingFilter,
    BookingRepository,
    BookingsUnitOfWork,
    HasBookings,
    HasClientRoster,
    HasClients,
    HasIdeas,
)
from booking_domain.bookings.published import (
    BOOKING,
    BOOKING_EVENT_TYPES,
    FREEING_EVENT_TYPES,
    artist_of_booking_event,
    booking_audit_entry,
    booking_event_type,
    booking_of_event,
    booking_outbox_event,
    booking_subject,
    freed_span,
)
from booking_domain.bookings.recording import BookingRecords, record_change, record_new
from booking_domain.bookings.references import new_booking_reference, read_booking_reference
from booking_domain.bookings.roster import (
    MAX_SEARCH_LENGTH,
    RosterEntry,
    RosterSearch,
    Tally,
    roster_order,
    roster_search,
    tally,
)
from booking_domain.bookings.status import (
    CLOSED,
    TRANSITIONS,
    Awaiting,
    BookingStatus,
    OfferStatus,
    PaymentStatus,
)
from booking_domain.bookings.studio_day import (
    STUDIO_DAY_STATUSES,
    DeskBooking,
    StudioColumn,
    StudioDay,
)
from booking_domain.bookings.touch_ups import (
    TouchUpOffer,
    TouchUpRefusal,
    touch_up_deadline,
    touch_up_offer,
    touch_up_refusal,
    touch_up_terms,
)
from booking_domain.bookings.upcoming import UPCOMING, upcoming_ids
from booking_domain.shared.errors import InvalidTransitionError

__all__ = [
    "ARTIST_SUSPENDED",
    "BOOKING",
    "BOOKING_EVENT_TYPES",
    "CLOSED",
    "DISPUTE_WINDOW",
    "FREEING_EVENT_TYPES",
    "IN_STUDIO_PREFIX",
    "MAX_SEARCH_LENGTH",
    "OFFER_DECLINED",
    "STUDIO_DAY_STATUSES",
    "TRANSITIONS",
    "UPCOMING",
    "AppointmentNotStartedError",
    "Awaiting",
    "BookedFor",
    "Booking",
    "BookingActionNotAllowedError",
    "BookingFilter",
    "BookingNames",
    "BookingNotFoundError",
    "BookingRecords",
    "BookingReferenceTakenError",
    "BookingRepository",
    "BookingStatus",
    "BookingUseCases",
    "BookingsUnitOfWork",
    "CancellationQuote",
    "Client",
    "ClientId",
    "ClientNotFoundError",
    "ConsentGate",
    "ConsentNotSignedError",
    "ConsentStanding",
    "CustomerNotFoundError",
    "DeskBooking",
    "HasBookings",
    "HasClientRoster",
    "HasClients",
    "HasConsentGate",
    "HasIdeas",
    "HistoryEntry",
    "HistoryKind",
    "HoldExpiredError",
    "IdNotCheckedError",
    "IdempotencyKeyReusedError",
    "InvalidTransitionError",
    "LookupBudget",
    "NamedBooking",
    "OfferStatus",
    "PaymentMismatchError",
    "PaymentStatus",
    "RefundOutOfRangeError",
    "RosterEntry",
    "RosterSearch",
    "SessionOfProjectError",
    "SessionTerms",
    "SlotTakenError",
    "StudioColumn",
    "StudioDay",
    "Tally",
    "TooLateToChangeError",
    "TooManyCustomerLookupsError",
    "TouchUpNotAvailableError",
    "TouchUpOffer",
    "TouchUpRefusal",
    "TouchUpTakenError",
    "accept_offer",
    "actor_fields",
    "apply",
    "approve",
    "artist_of_booking_event",
    "booking_audit_entry",
    "booking_event_type",
    "booking_filter",
    "booking_of_event",
    "booking_outbox_event",
    "booking_subject",
    "busy_timeline",
    "cancel",
    "cancel_for_suspension",
    "cancellation_refund",
    "change_booking_status",
    "complete",
    "consent_lack",
    "creation_kind",
    "decline_offer",
    "expire_hold",
    "freed_span",
    "load_visible",
    "mark_balance_invoiced",
    "mark_invoiced",
    "mark_no_show",
    "move_session",
    "named_for",
    "names_for",
    "new_booking_reference",
    "new_client",
    "offer_booking",
    "place_offer",
    "place_session",
    "quote_cancellation",
    "read_booking_reference",
    "record_balance_payment",
    "record_change",
    "record_new",
    "record_payment",
    "record_refund",
    "request_booking",
    "require_calendar_owner",
    "require_consent",
    "require_role",
    "reschedule",
    "roster_order",
    "roster_search",
    "settle_balance",
    "taken_in_studio",
    "tally",
    "touch_up_deadline",
    "touch_up_offer",
    "touch_up_refusal",
    "touch_up_terms",
    "upcoming_ids",
    "withdraw_taken_flash",
]

# Last: the use cases' modules read this package's names above. Other contexts' pages take
# this context's bundle by its name here (an admin's dispute page reads its booking's names).
from booking_domain.bookings.use_cases import BookingUseCases
from booking_domain.bookings.use_cases.changes import change_booking_status, move_session
from booking_domain.bookings.use_cases.create import place_offer, place_session
from booking_domain.bookings.use_cases.queries import booking_filter
