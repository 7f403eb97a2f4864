"""Errors of payments: deposits that cannot be invoiced, providers that fail, callbacks that
lie. Messages never carry provider payloads or secrets."""

from __future__ import annotations

from booking_domain.shared.errors import (
    ConflictError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    RetryLaterError,
    RuleViolationError,
    ServiceUnavailableError,
)


class InvoiceNotFoundError(NotFoundError):
    """No such invoice, or the caller may not know that it exists."""

    code = "invoice_not_found"
    default_message = "No such invoice."


class DepositNotPayableError(RuleViolationError):
    """The booking owes no deposit now (none set, already paid, waiting for approval, or no
    longer pending), or its deposit cannot be paid through the provider (QPay takes whole
    tögrög only)."""

    code = "deposit_not_payable"
    default_message = "This booking has no deposit to pay now."


class InvoiceInProgressError(ConflictError):
    """Another request is creating this booking's invoice at this moment."""

    code = "invoice_in_progress"
    default_message = "An invoice for this booking is being created; try again in a moment."


class PaymentCheckTooSoonError(RetryLaterError):
    """The customer's "I have paid" check runs at most once per interval per invoice."""

    code = "payment_check_too_soon"
    default_message = "This invoice was checked a moment ago; try again shortly."


class PaymentProviderUnavailableError(ServiceUnavailableError):
    """The provider timed out, failed (5xx, busy, not JSON) or refused our credentials twice."""

    code = "payment_provider_unavailable"
    default_message = "The payment provider is unavailable; try again shortly."


class PaymentProviderError(ServiceUnavailableError):
    """The provider refused our request as malformed or misconfigured: a bug or a setting of
    ours (logged for operators); the caller can only try later."""

    code = "payment_provider_error"
    default_message = "The payment provider refused the request; operators have been told."


class PaymentNotFoundError(NotFoundError):
    """The provider knows no such payment or invoice (QPay answers 422 for these)."""

    code = "payment_not_found"
    default_message = "The payment provider knows no such payment."


class NothingToRefundError(ConflictError):
    """The provider holds no paid payment under this id to refund."""

    code = "nothing_to_refund"
    default_message = "There is no paid payment to refund."


class RefundNotFoundError(NotFoundError):
    code = "refund_not_found"
    default_message = "No such refund."


class BalanceNotPayableError(RuleViolationError):
    """The booking cannot be invoiced for its balance now (not completed, a client record
    without an account, or an amount the provider does not take)."""

    code = "balance_not_payable"
    default_message = "This booking cannot be invoiced for its balance now."


class BalanceNegativeError(RuleViolationError):
    """The price plus the adjustment is less than what the booking already holds."""

    code = "balance_negative"
    default_message = "The balance would be negative: the booking holds more than it costs."


class BalanceAlreadyPaidError(ConflictError):
    """The booking's balance was paid already; it is not invoiced again."""

    code = "balance_already_paid"
    default_message = "The balance of this booking is paid already."


class BalanceNotDueError(ConflictError):
    """The booking is not completed: its balance is asked for only after the session."""

    code = "balance_not_due"
    default_message = "Only a completed booking is invoiced for its balance."


class StudioPaymentNotDueError(ConflictError):
    """Nothing of that kind can be recorded on the booking now: a deposit only while the
    booking awaits it, a balance only once the booking is completed."""

    code = "studio_payment_not_due"
    default_message = "Nothing of that kind is due on this booking now."


class StudioAmountOutOfRangeError(RuleViolationError):
    """The amount is not what the payment's kind takes (exactly the deposit, at most what is
    left, or exactly what is left)."""

    code = "studio_amount_out_of_range"
    default_message = "The amount is not what this payment takes."


class StudioRefundOutOfRangeError(RuleViolationError):
    """A recorded refund gives back more than is left of the payment, or nothing."""

    code = "studio_refund_out_of_range"
    default_message = "A refund gives back some of what is left of the payment, no more."


class StudioPaymentNotFoundError(NotFoundError):
    code = "studio_payment_not_found"
    default_message = "No such payment."


class GatewayEventRefusedError(InvalidInputError):
    """A delivery claiming to be a gateway's event that is not one: its signature does not
    match the endpoint's secret, it is too old (a replay), or its body is not an event."""

    code = "gateway_event_refused"
    default_message = "This is not a verified event of the payment gateway."


class CardPayoutsOffError(NotFoundError):
    """No gateway here pays artists' own accounts (Stripe is not enabled)."""

    code = "card_payouts_off"
    default_message = "Card payouts to artists' own accounts are not offered here."


class PayoutAccountForArtistsError(PermissionDeniedError):
    """Only an artist has a payout account (their own)."""

    code = "payout_account_for_artists"
    default_message = "Only artists connect a payout account."
