"""Balance invoices in storage, in memory and on PostgreSQL: their kind and terms round-trip
beside deposits in one table, a balance lapses only at its end or once its booking is no
longer completed (never because the booking is not pending), and the ledger lists it as a
balance."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from booking_domain.bookings import Booking, lifecycle, record_change
from booking_domain.catalog import FixedDeposit
from booking_domain.payments import InvoiceKind
from booking_domain.payments import balance as bal
from booking_domain.payments import invoices as inv
from booking_domain.payments.gateway import IssuedInvoice
from booking_domain.payments.ledger import TransactionFilter, TransactionKind
from booking_domain.shared import Money, PageRequest
from booking_domain.testing import artist as artist_actor
from tests.contract.bookings.test_bookings_contract import SLOT, a_booking, store
from tests.support.builders import START
from tests.support.catalog import add_bookable_artist, add_user
from tests.support.storage import AnyUnitOfWorkFactory

pytestmark = pytest.mark.anyio
PRICE = Money(10_000_000, "MNT")
DEPOSIT = Money(3_000_000, "MNT")
AFTER = SLOT + timedelta(hours=3)
ISSUED = IssuedInvoice("bal-invoice", "qr", "cG5n", "https://s.example/b", (), "{}")


async def _completed(uow_factory: AnyUnitOfWorkFactory) -> Booking:
    artist = await add_bookable_artist(uow_factory, deposit=FixedDeposit(DEPOSIT), price=PRICE)
    customer = await add_user(uow_factory)
    booking, event = a_booking(artist, customer)
    await store(uow_factory, booking, event)
    async with uow_factory() as uow:
        paid, entry = lifecycle.record_payment(booking, DEPOSIT, START)
        await record_change(uow, paid, entry)
        actor = artist_actor(artist.user_id)
        done, entry = lifecycle.complete(paid, actor, AFTER)
        await record_change(uow, done, entry)
        await uow.commit()
    return done


async def _balance(uow_factory: AnyUnitOfWorkFactory, adjustment: int = 0) -> inv.DepositInvoice:
    booking = await _completed(uow_factory)
    terms = bal.terms_for(booking, PRICE, adjustment, "extra colour" if adjustment else None)
    reserved = bal.reserve_balance(
        booking, terms, attempt=2, token_hash="h", now=AFTER, earlier=(), idempotency_key="b-1"
    )
    opened = inv.issue(reserved, ISSUED, AFTER)
    async with uow_factory() as uow:
        await uow.invoices.add(opened)
        await uow.commit()
    return opened


async def test_a_balance_and_its_terms_round_trip(uow_factory: AnyUnitOfWorkFactory) -> None:
    opened = await _balance(uow_factory, adjustment=-500_000)
    async with uow_factory(read_only=True) as uow:
        stored = await uow.invoices.get(opened.id)
        assert stored == opened
        assert stored is not None and stored.kind is InvoiceKind.BALANCE
        assert (stored.price, stored.credit, stored.adjustment) == (PRICE, DEPOSIT, -500_000)
        assert stored.adjustment_reason == "extra colour"
        assert await uow.invoices.by_number(opened.number) == opened
        assert await uow.invoices.by_idempotency_key(opened.customer_id, "b-1") == opened
        assert await uow.invoices.for_booking(opened.booking_id) == [opened]


async def test_a_balance_lapses_only_at_its_end(uow_factory: AnyUnitOfWorkFactory) -> None:
    opened = await _balance(uow_factory)
    async with uow_factory() as uow:
        # The booking is completed, not pending: a deposit would lapse, a balance does not.
        assert await uow.invoices.lapsed(opened.expires_at - timedelta(seconds=1), limit=10) == []
        lapsed = await uow.invoices.lapsed(opened.expires_at, limit=10)
        assert [i.id for i in lapsed] == [opened.id]


async def test_the_ledger_lists_a_balance_as_its_own_kind(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    opened = await _balance(uow_factory)
    mine = TransactionFilter(booking_id=opened.booking_id)
    async with uow_factory(read_only=True) as uow:
        listed = await uow.transactions.list(mine, PageRequest(1, 10))
        deposits = await uow.transactions.list(
            replace(mine, kinds=frozenset({TransactionKind.DEPOSIT})), PageRequest(1, 10)
        )
        balances = await uow.transactions.list(
            replace(mine, kinds=frozenset({TransactionKind.BALANCE}), statuses=frozenset({"open"})),
            PageRequest(1, 10),
        )
    assert [(t.kind, t.reference, t.amount) for t in listed.items] == [
        (TransactionKind.BALANCE, opened.number, opened.amount)
    ]
    assert deposits.items == () and [t.id for t in balances.items] == [opened.id]


async def test_a_booking_keeps_the_full_price_its_balance_noted(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    booking = await _completed(uow_factory)
    full = Money(PRICE.amount + 500_000, "MNT")
    async with uow_factory() as uow:
        locked = await uow.bookings.get(booking.id, for_update=True)
        assert locked == booking and not locked.paid_in_full
        paid, entry = lifecycle.record_balance_payment(locked, Money(7_500_000, "MNT"), full, AFTER)
        await record_change(uow, paid, entry)
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        stored = await uow.bookings.get(booking.id)
    assert stored == paid
    assert stored is not None and stored.full_price == full and stored.paid_in_full


async def test_a_booking_settled_with_nothing_to_pay_keeps_its_full_price_and_reason(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    booking = await _completed(uow_factory)
    reason = "loyal customer"
    terms = bal.terms_for(booking, PRICE, DEPOSIT.amount - PRICE.amount, reason)
    assert terms.settles
    async with uow_factory() as uow:
        locked = await uow.bookings.get(booking.id, for_update=True)
        assert locked is not None
        actor = artist_actor(locked.artist_user_id)
        settled, entry = lifecycle.settle_balance(locked, actor, DEPOSIT, terms.reason, AFTER)
        await record_change(uow, settled, entry)
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        stored = await uow.bookings.get(booking.id)
        history = await uow.bookings.history(booking.id)
    assert stored == settled and stored.paid_in_full and stored.full_price == DEPOSIT
    assert history[-1] == entry
    assert (history[-1].kind.value, history[-1].amount, history[-1].reason) == (
        "paid_in_full",
        DEPOSIT,
        reason,
    )
