"""Paying back what bookings owe (``refunds.py`` has the rules).

- ``PlanRefunds`` (periodic, every minute beside hold expiry): for each booking owing more
  than its open refunds cover, one refund is planned in one unit of work with the booking
  locked: sent to the provider by a job (``PayRefund``), or listed for manual settlement.
  It reads only our own database.
- ``PayRefund`` (that job): asks the provider outside any transaction, then records the
  outcome: paid back (the booking's books move: ``booking.refund_recorded``), or manual
  settlement (``PAYMENT_SETTLED``, an unknown payment, nothing to refund). The provider
  being away fails the job, which the queue retries with backoff.
- ``ListSettlements`` and ``SettleRefund``: admins see what awaits manual settlement and
  mark one settled (with a note) once they paid it by bank transfer.
"""

from __future__ import annotations

import logging

from booking_domain.bookings import BookingNotFoundError, record_change, record_refund
from booking_domain.payments import refunds as rf
from booking_domain.payments.errors import (
    NothingToRefundError,
    PaymentNotFoundError,
    RefundNotFoundError,
)
from booking_domain.payments.gateway import PaymentState, RefundOutcome
from booking_domain.payments.ports import PaymentJob, PaymentsUnitOfWork
from booking_domain.payments.published import REFUND, refund_audit_entry, refund_event
from booking_domain.payments.refunds import Refund, RefundId, RefundStatus
from booking_domain.payments.use_cases.deps import PaymentsDeps
from booking_domain.shared.errors import (
    FieldError,
    InvalidInputError,
    InvalidTransitionError,
    PermissionDeniedError,
)
from booking_domain.shared.identity import Actor
from booking_domain.shared.ids import BookingId
from booking_domain.shared.outbox import subject_of
from booking_domain.shared.pages import Page, PageRequest
from booking_domain.shared.text import text_problem
from booking_domain.shared.use_case import UseCase

_log = logging.getLogger("inkslot.payments")
BATCH = 100


async def _publish(
    uow: PaymentsUnitOfWork,
    before: Refund | None,
    refund: Refund,
    change: str,
    deps: PaymentsDeps,
    *,
    actor: Actor | None = None,
) -> None:
    """The refund's event and its audit entry (by ``actor``; None: the system)."""
    now = deps.clock.now()
    sequence = await uow.outbox.next_sequence(subject_of(REFUND, refund.id))
    await uow.outbox.record(refund_event(refund, change, now, sequence=sequence))
    await uow.audit.record(refund_audit_entry(before, refund, change, now, actor=actor))


class PlanRefunds(UseCase[PaymentsDeps]):
    async def __call__(self, *, batch_size: int = BATCH) -> int:
        """Returns how many refunds were planned."""
        async with self._deps.uow(read_only=True) as uow:
            owing = await uow.refunds.owing_bookings(limit=batch_size)
        planned = 0
        for booking_id in owing:
            planned += await self._plan(booking_id)
        return planned

    async def _plan(self, booking_id: BookingId) -> int:
        async with self._deps.uow() as uow:
            now = self._deps.clock.now()
            booking = await uow.bookings.get(booking_id, for_update=True)
            if booking is None:
                return 0
            earlier = await uow.refunds.for_booking(booking_id)
            owed = rf.outstanding(booking, earlier)
            if owed.is_zero:
                return 0
            payments = await uow.received_payments.for_booking(booking_id)
            refund = rf.plan_refund(booking, owed, payments, earlier, now)
            await uow.refunds.add(refund)
            if refund.status is RefundStatus.PENDING:
                await uow.payment_jobs.defer(PaymentJob.REFUND, refund.id)
                await _publish(uow, None, refund, "requested", self._deps)
            else:
                await _publish(uow, None, refund, "awaiting_settlement", self._deps)
            await uow.commit()
        return 1


class PayRefund(UseCase[PaymentsDeps]):
    async def __call__(self, refund_id: RefundId) -> RefundStatus | None:
        async with self._deps.uow(read_only=True) as uow:
            refund = await uow.refunds.get(refund_id)
        if refund is None or refund.status is not RefundStatus.PENDING or refund.payment_id is None:
            return None
        # Ask first whether the payment is back already: a retry after a refund whose answer
        # was lost (a timeout, a worker killed) must record it, not send it again, and never
        # hand it to an admin to pay a second time.
        try:
            if (
                await self._deps.gateway.get_payment(refund.payment_id)
            ).state is PaymentState.REFUNDED:
                return await self._record(refund_id, RefundOutcome.REFUNDED, "")
        except PaymentNotFoundError:
            return await self._record(refund_id, None, "the provider knows no such payment")
        note = f"Inkslot refund {refund.id}"
        try:
            outcome = await self._deps.gateway.refund_payment(refund.payment_id, note)
        except (PaymentNotFoundError, NothingToRefundError) as refused:
            _log.warning("refund %s refused by the provider: %s", refund.id, refused.code)
            return await self._record(
                refund_id,
                None,
                f"refused ({refused.code}); check the payment at QPay before paying it back",
            )
        return await self._record(refund_id, outcome, "")

    async def _record(
        self, refund_id: RefundId, outcome: RefundOutcome | None, why: str
    ) -> RefundStatus | None:
        async with self._deps.uow() as uow:
            now = self._deps.clock.now()
            current = await uow.refunds.get(refund_id, for_update=True)
            if current is None or current.status is not RefundStatus.PENDING:
                return None  # recorded already (a job that ran twice)
            if outcome is RefundOutcome.REFUNDED:
                booking = await uow.bookings.get(current.booking_id, for_update=True)
                if booking is None:
                    raise BookingNotFoundError()
                changed, entry = record_refund(booking, current.amount, now)
                await record_change(uow, changed, entry)
                done = rf.refunded(current, now)
                change = "completed"
            else:
                reason = "the provider cannot refund it" if outcome else f"provider: {why}"
                _log.warning("refund %s awaits manual settlement: %s", current.id, reason)
                done = rf.to_manual(current, now, reason)
                change = "awaiting_settlement"
            await uow.refunds.update(done)
            await _publish(uow, current, done, change, self._deps)
            await uow.commit()
        return done.status


def _require_admin(actor: Actor) -> None:
    if not actor.is_admin:
        raise PermissionDeniedError("Only admins settle refunds.")


class ListSettlements(UseCase[PaymentsDeps]):
    async def __call__(self, actor: Actor, page: PageRequest) -> Page[Refund]:
        _require_admin(actor)
        async with self._deps.uow(read_only=True) as uow:
            return await uow.refunds.awaiting_settlement(page)


class SettleRefund(UseCase[PaymentsDeps]):
    async def __call__(self, actor: Actor, refund_id: RefundId, note: str) -> Refund:
        """An admin paid it back by hand: the refund is settled and the booking's books
        move. Settling twice is refused (409)."""
        _require_admin(actor)
        problem = text_problem("note", note, multiline=True)
        if problem is not None or not note.strip() or len(note) > rf.MAX_NOTE:
            message = f"Say how it was paid back (1 to {rf.MAX_NOTE} characters)."
            raise InvalidInputError(errors=(problem or FieldError("note", message),))
        async with self._deps.uow() as uow:
            now = self._deps.clock.now()
            refund = await uow.refunds.get(refund_id, for_update=True)
            if refund is None:
                raise RefundNotFoundError()
            if refund.status is not RefundStatus.MANUAL:
                raise InvalidTransitionError("This refund does not await manual settlement.")
            booking = await uow.bookings.get(refund.booking_id, for_update=True)
            if booking is None:
                raise BookingNotFoundError()
            changed, entry = record_refund(booking, refund.amount, now)
            await record_change(uow, changed, entry)
            settled = rf.settle_by_hand(refund, actor.user_id, note.strip(), now)
            await uow.refunds.update(settled)
            await _publish(uow, refund, settled, "settled", self._deps, actor=actor)
            await uow.commit()
        return settled
