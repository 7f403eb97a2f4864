"""Balance invoices: the artist asks for the rest of the price after the session
(``balance.py`` has the rules).

``IssueBalanceInvoice``: the booking's artist (or an admin) states the adjustment; the
booking's price (the service's when it was booked) less what the booking holds, plus the
adjustment, is invoiced through the
same gateway as deposits, in the same two steps around the provider call (the number is
reserved and committed first). An open balance invoice of the booking is superseded: it is
cancelled here in the same unit of work as the reservation and at the provider by a job.
With an ``Idempotency-Key`` a retry gets the first answer. Once the provider made it, the
booking notes it (``booking.balance_invoiced``, which tells the customer) and
``payment.balance_requested`` is written to the outbox. Payments of it arrive through the
deposit's own path (callback, check, re-check: ``confirm.py``).

When nothing is left to pay (the booking holds the price plus the adjustment already), no
invoice is made and the provider is not called: in the same unit of work the open balance
invoice is superseded and the booking settled (``booking.paid_in_full``, its entry keeping
the full price and the adjustment's reason), and the answer is ``BalanceSettled``. No
Idempotency-Key is kept for it (no invoice holds one): a retry finds the booking settled
(``balance_already_paid``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from booking_domain.bookings import (
    Booking,
    BookingActionNotAllowedError,
    BookingNotFoundError,
    BookingStatus,
    IdempotencyKeyReusedError,
    mark_balance_invoiced,
    record_change,
    settle_balance,
)
from booking_domain.payments import balance as bal
from booking_domain.payments import invoices as inv
from booking_domain.payments.errors import InvoiceInProgressError
from booking_domain.payments.gateway import IssuedInvoice
from booking_domain.payments.invoices import DepositInvoice, InvoiceKind, InvoiceStatus
from booking_domain.payments.ports import PaymentJob, PaymentsUnitOfWork
from booking_domain.payments.published import balance_event, payment_subject
from booking_domain.payments.use_cases.deps import PaymentsDeps
from booking_domain.payments.use_cases.invoices import (
    issue_at_provider,
    payee_of,
    settled_answer,
    view_of,
)
from booking_domain.payments.use_cases.points import check_redeem, redeemed
from booking_domain.payments.use_cases.trail import record_deposit_change
from booking_domain.payments.use_cases.views import InvoiceIssued
from booking_domain.shared import idempotency_key_problem
from booking_domain.shared.errors import InvalidInputError
from booking_domain.shared.identity import Actor, Role
from booking_domain.shared.ids import BookingId
from booking_domain.shared.money import Money
from booking_domain.shared.use_case import UseCase


@dataclass(frozen=True, slots=True)
class BalanceRequest:
    """``adjustment``: signed minor units added to the price; ``reason`` says why (required
    unless the adjustment is zero); ``redeem_points``: the customer's loyalty points to pay
    part of it, as the customer asks (docs/loyalty.md)."""

    adjustment: int = 0
    reason: str | None = None
    redeem_points: int | None = None


@dataclass(frozen=True, slots=True)
class BalanceSettled:
    """Nothing was left to pay: no invoice was made; the booking notes ``full_price`` and
    is paid in full."""

    booking_id: BookingId
    full_price: Money


async def _artist_booking(uow: PaymentsUnitOfWork, actor: Actor, booking_id: BookingId) -> Booking:
    """The booking, locked, if ``actor`` is its artist or an admin; strangers get "not
    found", its customer a refusal."""
    booking = await uow.bookings.get(booking_id, for_update=True)
    role = None if booking is None else booking.role_of(actor)
    if booking is None or role is None:
        raise BookingNotFoundError()
    if role is Role.CUSTOMER:
        raise BookingActionNotAllowedError("Only the booking's artist invoices its balance.")
    return booking


async def _price_of(uow: PaymentsUnitOfWork, booking: Booking) -> Money:
    """The price the booking was made at; for one made before prices were kept, its
    service's price now."""
    if booking.price is not None:
        return booking.price
    service = await uow.services.get(booking.service_id)
    if service is None:
        raise BookingNotFoundError()
    return service.price


def _being_made(invoice: DepositInvoice, now: datetime) -> bool:
    """A balance invoice another request is making right now (within its lease)."""
    return (
        invoice.kind is InvoiceKind.BALANCE
        and invoice.status is InvoiceStatus.CREATING
        and invoice.blocks_another(now)
    )


class IssueBalanceInvoice(UseCase[PaymentsDeps]):
    async def __call__(
        self,
        actor: Actor,
        booking_id: BookingId,
        request: BalanceRequest,
        *,
        idempotency_key: str | None = None,
    ) -> InvoiceIssued | BalanceSettled:
        if (problem := idempotency_key_problem(idempotency_key)) is not None:
            raise InvalidInputError(errors=(problem,))
        bal.check_adjustment(request.adjustment, request.reason)  # before any lookup
        check_redeem(request.redeem_points)
        token = inv.new_callback_token()
        async with self._deps.uow() as uow:
            now = self._deps.clock.now()
            booking = await _artist_booking(uow, actor, booking_id)
            invoices = await uow.invoices.for_booking(booking_id)
            earlier = await self._earlier(uow, booking, idempotency_key)
            if earlier is not None:
                return InvoiceIssued(await view_of(uow, earlier, actor), created=False)
            if any(_being_made(i, now) for i in invoices):
                raise InvoiceInProgressError()
            bal.require_balance_due(booking, invoices)
            price = await _price_of(uow, booking)
            discounted = bal.prior_discount(invoices)
            terms = bal.terms_for(
                booking,
                price,
                request.adjustment,
                request.reason,
                discounted,
                self._deps.gateway.currencies,
            )
            if terms.settles:
                return await self._settle(uow, booking, terms, invoices, actor)
            reserved = bal.reserve_balance(
                booking,
                terms,
                attempt=len(invoices) + 1,
                token_hash=inv.hash_callback_token(token),
                now=now,
                earlier=invoices,
                idempotency_key=idempotency_key,
            )
            # The open one's points come back before this one holds any.
            await self._supersede(uow, invoices, actor)
            reserved = await redeemed(uow, booking, reserved, request.redeem_points, now)
            await uow.invoices.add(reserved)
            await record_deposit_change(uow, None, reserved, now, actor=actor)
            payee = await payee_of(uow, self._deps, reserved)
            await uow.commit()
        issued = await issue_at_provider(
            self._deps, reserved, token, bal.description_for_balance(reserved.number), payee
        )
        async with self._deps.uow() as uow:
            opened = await self._open(uow, reserved, issued)
            view = await view_of(uow, opened, actor)
            await uow.commit()
        return InvoiceIssued(view, created=True)

    async def _earlier(
        self, uow: PaymentsUnitOfWork, booking: Booking, key: str | None
    ) -> DepositInvoice | None:
        """The invoice an earlier request with this key made (keys are kept per customer,
        as deposits' are)."""
        if key is None or booking.customer_id is None:
            return None
        keyed = await uow.invoices.by_idempotency_key(booking.customer_id, key)
        if keyed is None:
            return None
        if keyed.booking_id != booking.id or keyed.kind is not InvoiceKind.BALANCE:
            raise IdempotencyKeyReusedError()
        return settled_answer(keyed)

    async def _supersede(
        self, uow: PaymentsUnitOfWork, invoices: Sequence[DepositInvoice], actor: Actor
    ) -> None:
        """The open balance invoice is cancelled here, and at the provider by a job."""
        now = self._deps.clock.now()
        for old in invoices:
            if old.kind is InvoiceKind.BALANCE and old.status is InvoiceStatus.OPEN:
                withdrawn = inv.withdraw(old, now)
                await uow.invoices.update(withdrawn)
                await record_deposit_change(uow, old, withdrawn, now, actor=actor)
                await uow.payment_jobs.defer(PaymentJob.CANCEL_INVOICE, old.id)

    async def _settle(
        self,
        uow: PaymentsUnitOfWork,
        booking: Booking,
        terms: bal.BalanceTerms,
        invoices: Sequence[DepositInvoice],
        actor: Actor,
    ) -> BalanceSettled:
        """Nothing to pay: the open balance invoice goes, the booking notes its full price."""
        now = self._deps.clock.now()
        full = Money(terms.full_price, terms.price.currency)
        await self._supersede(uow, invoices, actor)
        settled, entry = settle_balance(booking, actor, full, terms.reason, now)
        await record_change(uow, settled, entry)
        await uow.commit()
        return BalanceSettled(settled.id, full)

    async def _open(
        self, uow: PaymentsUnitOfWork, reserved: DepositInvoice, issued: IssuedInvoice
    ) -> DepositInvoice:
        now = self._deps.clock.now()
        booking = await uow.bookings.get(reserved.booking_id, for_update=True)
        current = await uow.invoices.get(reserved.id, for_update=True)
        if booking is None or current is None:
            raise BookingNotFoundError()
        opened = inv.issue(current, issued, now)
        others = [i for i in await uow.invoices.for_booking(booking.id) if i.id != current.id]
        newer = any(i.kind is InvoiceKind.BALANCE and i.created_at > current.created_at
                    for i in others)  # fmt: skip
        if newer or booking.status is not BookingStatus.COMPLETED:
            # Superseded while the provider answered, or the booking moved on (disputed).
            opened = inv.withdraw(opened, now)
            await uow.payment_jobs.defer(PaymentJob.CANCEL_INVOICE, opened.id)
        else:
            booking, entry = mark_balance_invoiced(booking, opened.amount, now)
            await record_change(uow, booking, entry)
            sequence = await uow.outbox.next_sequence(payment_subject(opened))
            await uow.outbox.record(balance_event(opened, "requested", now, sequence=sequence))
        await uow.invoices.update(opened)
        await record_deposit_change(uow, current, opened, now)
        return opened
