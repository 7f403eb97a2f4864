"""Confirming payments with the provider: the one path by which money is recorded.

Callbacks, the customer's "I have paid" and the callback-triggered re-checks all end here:
ask the provider's check for the invoice (outside any transaction), then in one unit of
work lock the booking, claim its one-off flash design when a payment confirms it
(``receipts`` says what a design claimed by another booking does), record each ``PAID``
payment once (the provider's payment id is
unique in storage, so a duplicate or concurrent callback records nothing twice), apply it
to the booking (``receipts.receive``), and write the events. Notifications and pushes
leave through the outbox after the commit.
"""

from __future__ import annotations

import logging
from datetime import datetime

from booking_domain.bookings import Booking, BookingNotFoundError, record_change
from booking_domain.catalog import ClaimOutcome
from booking_domain.loyalty import RedemptionStatus
from booking_domain.payments.gateway import PaymentCheck, ProviderPayment
from booking_domain.payments.invoices import DepositInvoice, InvoiceId, InvoiceKind
from booking_domain.payments.ports import Evidence, PaymentsUnitOfWork
from booking_domain.payments.published import (
    balance_event,
    payment_audit_entry,
    payment_received_event,
    payment_subject,
)
from booking_domain.payments.receipts import (
    PaymentOutcome,
    Receipt,
    paid_payments,
    receive,
    totals_agree,
)
from booking_domain.payments.use_cases.deps import PaymentsDeps
from booking_domain.payments.use_cases.trail import record_deposit_change

_log = logging.getLogger("inkslot.payments")


async def confirm_with_provider(
    deps: PaymentsDeps, invoice: DepositInvoice, *, callback: str = ""
) -> int:
    """Ask the provider what was paid on ``invoice`` and record what is new; returns how
    many payments were recorded now (0: nothing paid yet, or all recorded before)."""
    if invoice.provider_invoice_id is None:
        return 0
    check = await deps.gateway.check_payments(invoice.provider_invoice_id)
    if not paid_payments(check):
        return 0
    if not totals_agree(check):
        _log.warning("invoice %s: the provider's total disagrees with its rows", invoice.number)
    async with deps.uow() as uow:
        recorded = await _record(deps, uow, invoice.id, check, Evidence(callback, check.raw))
        await uow.commit()
    return recorded


async def _received(
    uow: PaymentsUnitOfWork,
    booking: Booking,
    invoice: DepositInvoice,
    payment: ProviderPayment,
    now: datetime,
) -> Receipt:
    """The payment applied to the booking; a deposit that confirms a size of a one-off flash
    design (``Booking.one_off_design_id``) claims the design, and one another booking
    claimed first withdraws the booking and is owed back (``receipts``). A booking of any
    other service runs no claim."""
    receipt = receive(booking, invoice, payment, now)
    if receipt.confirms_deposit and booking.one_off_design_id is not None:
        claimed = await uow.flash.claim(booking.service_id, booking.id)
        if claimed is ClaimOutcome.TAKEN:
            return receive(booking, invoice, payment, now, flash_taken=True)
    return receipt


async def _platform_funded(uow: PaymentsUnitOfWork, invoice: DepositInvoice) -> bool:
    """Whether the points the invoice redeemed were the platform's program's (whose
    discount the platform funds; an artist's own program's, the artist does)."""
    if not invoice.points:
        return False
    redemption = await uow.loyalty_redemptions.get(invoice.id)
    # Points given back already (the invoice lapsed before a payment raced it) paid nothing.
    if redemption is None or redemption.status in (
        RedemptionStatus.RELEASED,
        RedemptionStatus.FORFEITED,
    ):
        return False
    program = await uow.loyalty_programs.get(redemption.program_id)
    return program is not None and program.is_platform


async def _record(
    deps: PaymentsDeps,
    uow: PaymentsUnitOfWork,
    invoice_id: InvoiceId,
    check: PaymentCheck,
    evidence: Evidence,
) -> int:
    now = deps.clock.now()
    unlocked = await uow.invoices.get(invoice_id)
    if unlocked is None:
        return 0
    # Booking first, then invoice: the order every path that holds both takes.
    booking = await uow.bookings.get(unlocked.booking_id, for_update=True)
    current = await uow.invoices.get(invoice_id, for_update=True)
    if booking is None or current is None:
        raise BookingNotFoundError()
    recorded, before = 0, current
    for payment in paid_payments(check):
        receipt = await _received(uow, booking, current, payment, now)
        if not await uow.received_payments.add(receipt.payment, evidence):
            continue  # recorded before, by this or another callback
        for changed, event in receipt.steps:
            await record_change(uow, changed, event)
        booking, current = receipt.booking, receipt.invoice
        sequence = await uow.outbox.next_sequence(payment_subject(current))
        funded = await _platform_funded(uow, current)
        await uow.outbox.record(
            payment_received_event(
                current, receipt.payment, now, sequence=sequence, platform_funded=funded
            )
        )
        await uow.audit.record(payment_audit_entry(current, receipt.payment, now))
        recorded += 1
        outcome = receipt.payment.outcome
        if current.kind is InvoiceKind.BALANCE and outcome is PaymentOutcome.CONFIRMED:
            sequence = await uow.outbox.next_sequence(payment_subject(current))
            await uow.outbox.record(balance_event(current, "paid", now, sequence=sequence))
        if outcome is PaymentOutcome.REVIEW:  # money that fits no rule: an operator looks
            _log.warning(
                "invoice %s: payment %s kept for review (another amount or currency)",
                current.number,
                payment.payment_id,
            )
        else:
            _log.info("invoice %s: payment recorded (%s)", current.number, outcome)
    if recorded:
        await uow.invoices.update(current)
        await record_deposit_change(uow, before, current, now)
    return recorded
