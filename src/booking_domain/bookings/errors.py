"""Errors of bookings: taken slots, wrong states and times, money out of range, strangers."""

from __future__ import annotations

from booking_domain.shared.errors import (
    ConflictError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    RetryLaterError,
    RuleViolationError,
)


class SlotTakenError(ConflictError):
    """Another active booking holds the time (the domain's check or the storage's own
    overlap check noticed first)."""

    code = "slot_taken"
    default_message = "This slot has just been taken."


class BookingReferenceTakenError(ConflictError):
    """Raised by adapters when a new booking's reference is already in use. References are
    short random codes, so a clash is rare but certain over enough bookings: the use case
    draws another one and tries again; a client never sees this error."""

    code = "booking_reference_taken"
    default_message = "This booking reference is already in use."


class SessionOfProjectError(ConflictError):
    """Moving a session of a project (commissions) through the bookings' own reschedule:
    its project moves it, keeping the sessions' order and healing gap."""

    code = "session_of_project"
    default_message = "This booking is a session of a tattoo project: move it through the project."


class HoldExpiredError(ConflictError):
    code = "hold_expired"
    default_message = "The hold on this booking has expired."


class TooLateToChangeError(RuleViolationError):
    """The customer asked later than the free-cancellation notice allows."""

    code = "too_late_to_change"
    default_message = "It is too late to change this booking."


class AppointmentNotStartedError(RuleViolationError):
    code = "appointment_not_started"
    default_message = "The appointment has not started yet."


class RefundOutOfRangeError(RuleViolationError):
    code = "refund_out_of_range"
    default_message = "The refund must lie between zero and what was paid and not refunded."


class PaymentMismatchError(RuleViolationError):
    code = "payment_mismatch"
    default_message = "The payment does not match the deposit owed."


class BookingActionNotAllowedError(PermissionDeniedError):
    """The actor is not a party of this booking allowed to take this action."""

    code = "booking_action_not_allowed"
    default_message = "You are not allowed to do this to this booking."


class BookingNotFoundError(NotFoundError):
    code = "booking_not_found"
    default_message = "Booking not found."


class CustomerNotFoundError(NotFoundError):
    """No customer account has the email or phone number an artist booked by."""

    code = "customer_not_found"
    default_message = "No customer has this email or phone number."


class TooManyCustomerLookupsError(RetryLaterError):
    """The artist looked up as many customers as an hour allows (``lookups.LookupBudget``)."""

    code = "too_many_customer_lookups"
    default_message = "Too many customers were looked up this hour; try again later."


class IdempotencyKeyReusedError(RuleViolationError):
    """The same Idempotency-Key was sent with a different request."""

    code = "idempotency_key_reused"
    default_message = "This Idempotency-Key was already used for a different request."


class IdeaNotFoundError(NotFoundError):
    """No idea with this id on a booking the caller may see."""

    code = "idea_not_found"
    default_message = "Idea not found."


class InvalidIdeaError(InvalidInputError):
    code = "invalid_idea"
    default_message = "The idea is invalid."


class TooManyIdeasError(RuleViolationError):
    code = "too_many_ideas"
    default_message = "This booking has as many ideas as it may have."


class TouchUpNotAvailableError(RuleViolationError):
    """A touch-up of this booking cannot be booked (at that start); ``reason`` says why (a
    ``TouchUpRefusal`` value: docs/aftercare.md)."""

    code = "touch_up_not_available"
    default_message = "A free touch-up of this booking cannot be booked."

    def __init__(self, reason: str, message: str | None = None) -> None:
        super().__init__(message)
        self.reason = reason


class TouchUpTakenError(ConflictError):
    """The booking already has a touch-up that is not cancelled: one per original."""

    code = "touch_up_taken"
    default_message = "This booking already has a touch-up."


class ConsentNotSignedError(ConflictError):
    """Completing a booking whose artist requires a signed consent form before it has one
    (docs/consent.md); also checking the ID of a booking nobody signed for yet."""

    code = "consent_not_signed"
    default_message = "The customer has not signed the consent form for this booking yet."


class IdNotCheckedError(ConflictError):
    """Completing a booking whose consent is signed but whose customer's photo ID the artist
    has not recorded checking yet (docs/consent.md)."""

    code = "id_not_checked"
    default_message = "Record the check of the customer's photo ID before completing."


class ClientNotFoundError(NotFoundError):
    """The person is on no roster of the asking artist's (no booking of the artist is for
    them): another artist's client, a stranger, or nobody. Said alike for all three, so an
    id tells an artist nothing about anyone else's clients."""

    code = "client_not_found"
    default_message = "This person is not one of your clients."
