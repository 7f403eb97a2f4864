"""What payment reads return: an invoice with the payments recorded on it and where its
booking stands."""

from __future__ import annotations

from dataclasses import dataclass

from booking_domain.bookings import BookingStatus, PaymentStatus
from booking_domain.payments.invoices import DepositInvoice
from booking_domain.payments.receipts import ReceivedPayment
from booking_domain.payments.refunds import Refund


@dataclass(frozen=True, slots=True)
class PaymentView:
    invoice: DepositInvoice
    payments: tuple[ReceivedPayment, ...]
    booking_status: BookingStatus
    payment_status: PaymentStatus
    booking_reference: str
    refunds: tuple[Refund, ...] = ()  # of the invoice's booking
    paid_in_full: bool = False  # ``Booking.paid_in_full`` of the invoice's booking


@dataclass(frozen=True, slots=True)
class InvoiceIssued:
    """The invoice, and whether this request made it (False: a payable one existed, or the
    Idempotency-Key was used before)."""

    view: PaymentView
    created: bool
