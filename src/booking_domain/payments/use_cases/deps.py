"""What every payment use case is given."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import timedelta

from booking_domain.payments.connect import PayoutAccountGateway
from booking_domain.payments.gateway import GatewayReport, PaymentGateway
from booking_domain.payments.gateway_events import GatewayEventReader
from booking_domain.payments.ports import PaymentsUnitOfWorkFactory, ReceiptDocuments
from booking_domain.shared.clock import Clock
from booking_domain.shared.fees import FeeRule
from booking_domain.shared.ids import BookingId

# The bounded re-check after a callback the provider's check does not show yet (not
# polling: it starts only from a callback, and stops): about a minute in all.
RECHECK_DELAYS = tuple(timedelta(seconds=s) for s in (2, 4, 8, 16, 30))


@dataclass(frozen=True, slots=True)
class PaymentsDeps:
    """``callback_url(number, token)`` is the URL the provider calls for one invoice (the
    entrypoint knows the public host); ``check_interval`` spaces a customer's "I have paid"
    checks of one invoice."""

    uow: PaymentsUnitOfWorkFactory
    gateway: PaymentGateway
    clock: Clock
    callback_url: Callable[[str, str], str]
    check_interval: timedelta = timedelta(seconds=15)
    recheck_delays: tuple[timedelta, ...] = RECHECK_DELAYS
    # A studio payment's receipt as HTML and PDF; None where no receipt is drawn (then
    # asking for one is "not found").
    receipt_documents: ReceiptDocuments | None = None
    # ``receipt_url(token)``: the receipt's page the customer's email links to.
    receipt_url: Callable[[str], str] = lambda token: f"/api/v1/receipts/{token}"
    # ``return_url(booking_id)``: the booking's page, where a customer paying on the
    # provider's own page (Stripe Checkout) is sent back to.
    return_url: Callable[[BookingId], str] = lambda booking_id: f"/bookings/{booking_id}"
    # Stripe's webhook deliveries, verified and read (None: Stripe is not enabled here).
    gateway_event_reader: GatewayEventReader | None = None
    # Artists' own payout accounts (Stripe Connect; None: no gateway pays artists here), the
    # platform's fee a charge paying one keeps, and where the gateway's onboarding sends the
    # artist back to (their console's payouts page).
    payout_gateway: PayoutAccountGateway | None = None
    fee_rule: FeeRule = field(default_factory=FeeRule)
    payouts_page_url: str = "/console/payouts"
    # The gateways' own reports of their payments, for the daily reconciliation.
    gateway_reports: Sequence[GatewayReport] = ()
