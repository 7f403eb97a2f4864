"""Deposit invoices for customers, and what anyone involved may read of them.

- ``RequestDepositInvoice``: the booking's customer asks to pay. A payable invoice of the
  booking is returned as it is (never two payable at once); otherwise a new one is made in
  two steps around the provider call (``invoices.py`` says why) and the booking notes it
  (``booking.invoiced``). With an ``Idempotency-Key`` a retry gets the first answer; the
  same key for another booking is refused (``idempotency_key_reused``). ``redeem_points``
  of the customer's loyalty points pay part of a new invoice (``points.py``); an invoice
  already payable answers as it is.
- ``GetPayment``: the invoice, its recorded payments and its booking's status, for the
  booking's parties and admins; to anyone else it does not exist.
- ``CheckPayment``: the customer's "I have paid": confirms with the provider now, at most
  once per ``check_interval`` per invoice (``payment_check_too_soon``, 429, beyond).
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Sequence

from booking_domain.bookings import (
    Booking,
    BookingActionNotAllowedError,
    BookingNotFoundError,
    IdempotencyKeyReusedError,
    mark_invoiced,
    record_change,
)
from booking_domain.payments import invoices as inv
from booking_domain.payments.connect import Payee, destination
from booking_domain.payments.errors import (
    InvoiceInProgressError,
    InvoiceNotFoundError,
    PaymentCheckTooSoonError,
)
from booking_domain.payments.gateway import InvoiceRequest, IssuedInvoice
from booking_domain.payments.invoices import DepositInvoice, InvoiceKind, InvoiceStatus
from booking_domain.payments.ports import PaymentJob, PaymentsUnitOfWork
from booking_domain.payments.receipts import ReceivedPayment
from booking_domain.payments.use_cases.confirm import confirm_with_provider
from booking_domain.payments.use_cases.deps import PaymentsDeps
from booking_domain.payments.use_cases.points import check_redeem, redeemed
from booking_domain.payments.use_cases.trail import record_deposit_change
from booking_domain.payments.use_cases.views import InvoiceIssued, PaymentView
from booking_domain.shared import idempotency_key_problem
from booking_domain.shared.errors import InvalidInputError, ServiceUnavailableError
from booking_domain.shared.identity import Actor, Role
from booking_domain.shared.ids import BookingId
from booking_domain.shared.use_case import UseCase

_log = logging.getLogger("inkslot.payments")


async def view_of(
    uow: PaymentsUnitOfWork, invoice: DepositInvoice, actor: Actor | None = None
) -> PaymentView:
    """The invoice as ``actor`` may see it: an admin's settlement note (it may name bank
    accounts) only for admins."""
    booking = await uow.bookings.get(invoice.booking_id)
    if booking is None:
        raise BookingNotFoundError()
    payments: tuple[ReceivedPayment, ...] = ()
    if invoice.provider_invoice_id is not None:
        payments = tuple(await uow.received_payments.for_invoice(invoice.provider_invoice_id))
    refunds = tuple(await uow.refunds.for_booking(invoice.booking_id))
    if actor is None or not actor.is_admin:
        refunds = tuple(dataclasses.replace(r, settlement_note=None) for r in refunds)
    return PaymentView(
        invoice,
        payments,
        booking.status,
        booking.payment_status,
        booking.reference,
        refunds,
        paid_in_full=booking.paid_in_full,
    )


async def _customer_booking(
    uow: PaymentsUnitOfWork, actor: Actor, booking_id: BookingId
) -> Booking:
    """The booking, locked (requests for one booking go one at a time), if ``actor`` is its
    customer; strangers get "not found", its artist and admins a refusal."""
    booking = await uow.bookings.get(booking_id, for_update=True)
    role = None if booking is None else booking.role_of(actor)
    if booking is None or role is None:
        raise BookingNotFoundError()
    if role is not Role.CUSTOMER:
        raise BookingActionNotAllowedError("Only the booking's customer pays its deposit.")
    return booking


class RequestDepositInvoice(UseCase[PaymentsDeps]):
    async def __call__(
        self,
        actor: Actor,
        booking_id: BookingId,
        *,
        idempotency_key: str | None = None,
        redeem_points: int | None = None,
    ) -> InvoiceIssued:
        if (problem := idempotency_key_problem(idempotency_key)) is not None:
            raise InvalidInputError(errors=(problem,))
        check_redeem(redeem_points)
        token = inv.new_callback_token()
        async with self._deps.uow() as uow:
            booking = await _customer_booking(uow, actor, booking_id)
            invoices = await uow.invoices.for_booking(booking_id)
            earlier = await self._earlier(uow, actor, booking_id, invoices, idempotency_key)
            if earlier is not None:
                return InvoiceIssued(await view_of(uow, earlier, actor), created=False)
            now = self._deps.clock.now()
            reserved = inv.reserve(
                booking,
                attempt=len(invoices) + 1,
                now=now,
                token_hash=inv.hash_callback_token(token),
                idempotency_key=idempotency_key,
                currencies=self._deps.gateway.currencies,
            )
            reserved = await redeemed(uow, booking, reserved, redeem_points, now)
            await uow.invoices.add(reserved)
            await record_deposit_change(uow, None, reserved, reserved.created_at, actor=actor)
            payee = await payee_of(uow, self._deps, reserved)
            await uow.commit()
        issued = await issue_at_provider(
            self._deps, reserved, token, inv.description_for(reserved.number), payee
        )
        async with self._deps.uow() as uow:
            opened = await self._open(uow, reserved, issued)
            view = await view_of(uow, opened, actor)
            await uow.commit()
        return InvoiceIssued(view, created=opened.id == reserved.id)

    async def _earlier(
        self,
        uow: PaymentsUnitOfWork,
        actor: Actor,
        booking_id: BookingId,
        invoices: Sequence[DepositInvoice],
        key: str | None,
    ) -> DepositInvoice | None:
        """The answer an earlier request already gave: the key's invoice, or the booking's
        payable one (or the one being made)."""
        if key is not None:
            keyed = await uow.invoices.by_idempotency_key(actor.user_id, key)
            if keyed is not None:
                if keyed.booking_id != booking_id or keyed.kind is not InvoiceKind.DEPOSIT:
                    raise IdempotencyKeyReusedError()
                return settled_answer(keyed)
        now = self._deps.clock.now()
        deposits = (i for i in invoices if i.kind is InvoiceKind.DEPOSIT)
        blocking = next((i for i in deposits if i.blocks_another(now)), None)
        return None if blocking is None else settled_answer(blocking)

    async def _open(
        self, uow: PaymentsUnitOfWork, reserved: DepositInvoice, issued: IssuedInvoice
    ) -> DepositInvoice:
        now = self._deps.clock.now()
        booking = await uow.bookings.get(reserved.booking_id, for_update=True)
        current = await uow.invoices.get(reserved.id, for_update=True)
        if booking is None or current is None:
            raise BookingNotFoundError()
        opened = inv.issue(current, issued, now)
        # A request slower than the reservation's lease may find that another made a payable
        # invoice meanwhile: never two payable at once, so this one is withdrawn.
        others = [i for i in await uow.invoices.for_booking(booking.id) if i.id != current.id]
        rival = next((i for i in others if i.payable(now)), None)
        if rival is None and booking.awaiting_deposit and not booking.hold_expired(now):
            booking, entry = mark_invoiced(booking, now)
            await record_change(uow, booking, entry)
        else:  # the hold ran out while the provider answered, or another invoice is payable
            opened = inv.withdraw(opened, now)
            await uow.payment_jobs.defer(PaymentJob.CANCEL_INVOICE, opened.id)
        await uow.invoices.update(opened)
        await record_deposit_change(uow, current, opened, now)
        return rival or opened


async def issue_at_provider(
    deps: PaymentsDeps,
    reserved: DepositInvoice,
    token: str,
    description: str,
    payee: Payee | None = None,
) -> IssuedInvoice:
    """Open the reserved invoice (of either kind) at the provider, after its reservation's
    commit (``payee``: ``payee_of``, read in it); when the call fails, the reservation is
    given up and the failure raised."""
    request = InvoiceRequest(
        number=reserved.number,
        amount=reserved.amount,
        description=description,
        callback_url=deps.callback_url(reserved.number, token),
        return_url=deps.return_url(reserved.booking_id),
        payee=payee,
    )
    try:
        return await deps.gateway.create_invoice(request)
    except Exception:
        await give_up(deps, reserved)
        raise


async def payee_of(
    uow: PaymentsUnitOfWork, deps: PaymentsDeps, invoice: DepositInvoice
) -> Payee | None:
    """Where a gateway that pays artists pays this invoice's artist their share, less the
    platform's fee (``connect.py``): their active payout account there, if any (read in the
    unit of work that reserves the invoice)."""
    gateway = deps.payout_gateway
    if gateway is None:
        return None
    account = await uow.payout_accounts.get(invoice.artist_user_id, gateway.name)
    account_id = destination(account)
    if account_id is None:
        return None
    return Payee(account_id, deps.fee_rule.fee_for(invoice.amount))


async def give_up(deps: PaymentsDeps, reserved: DepositInvoice) -> None:
    """The provider call failed: the number is burnt, the next request makes another (an
    invoice of either kind)."""
    async with deps.uow() as uow:
        current = await uow.invoices.get(reserved.id, for_update=True)
        if current is not None and current.status is InvoiceStatus.CREATING:
            now = deps.clock.now()
            failed = inv.fail(current, now)
            await uow.invoices.update(failed)
            await record_deposit_change(uow, current, failed, now)
            await uow.commit()


def settled_answer(invoice: DepositInvoice) -> DepositInvoice:
    """An earlier request's invoice as an answer: one still being made cannot be shown yet."""
    if invoice.status is InvoiceStatus.CREATING:
        raise InvoiceInProgressError()
    if invoice.status is InvoiceStatus.FAILED:
        raise ServiceUnavailableError(
            "Making this invoice failed; send the request again without this Idempotency-Key."
        )
    return invoice


async def _visible_invoice(
    uow: PaymentsUnitOfWork, actor: Actor, provider_invoice_id: str
) -> DepositInvoice:
    invoice = await uow.invoices.by_provider_id(provider_invoice_id)
    if invoice is None or not (actor.is_admin or invoice.role_of_user(actor.user_id)):
        raise InvoiceNotFoundError()
    return invoice


class GetPayment(UseCase[PaymentsDeps]):
    async def __call__(self, actor: Actor, provider_invoice_id: str) -> PaymentView:
        async with self._deps.uow(read_only=True) as uow:
            invoice = await _visible_invoice(uow, actor, provider_invoice_id)
            return await view_of(uow, invoice, actor)


class CheckPayment(UseCase[PaymentsDeps]):
    async def __call__(self, actor: Actor, provider_invoice_id: str) -> PaymentView:
        now = self._deps.clock.now()
        async with self._deps.uow() as uow:
            invoice = await _visible_invoice(uow, actor, provider_invoice_id)
            if not (actor.is_admin or invoice.role_of_user(actor.user_id) == "customer"):
                raise BookingActionNotAllowedError(
                    "Only the booking's customer checks its payment."
                )
            since = now - self._deps.check_interval
            if not await uow.invoices.mark_checked(invoice.id, now, since):
                raise PaymentCheckTooSoonError(
                    retry_after_seconds=int(self._deps.check_interval.total_seconds())
                )
            await uow.commit()
        await confirm_with_provider(self._deps, invoice)
        async with self._deps.uow(read_only=True) as uow:
            current = await uow.invoices.get(invoice.id)
            return await view_of(uow, current or invoice, actor)
