"""The invoice and received-payment repositories' contract, in memory and on PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from uuid import uuid4

import pytest

from booking_domain.catalog import FixedDeposit
from booking_domain.payments import Evidence, PaymentMethod, PaymentOutcome, ReceivedPayment
from booking_domain.payments import invoices as inv
from booking_domain.payments.gateway import DeepLink, IssuedInvoice
from booking_domain.shared import Money
from booking_domain.shared.errors import ConflictError
from tests.contract.bookings.test_bookings_contract import a_booking, store
from tests.support.builders import START
from tests.support.catalog import add_bookable_artist, add_user
from tests.support.storage import AnyUnitOfWorkFactory

pytestmark = pytest.mark.anyio
DEPOSIT = Money(3_000_000, "MNT")
ISSUED = IssuedInvoice(
    "b1f3-invoice",
    "qr",
    "cG5n",
    "https://s.example/x",
    (DeepLink("Khan", "Хаан банк", "https://l/k.png", "khanbank://q?x"),),
    "{}",
)


async def _invoice(uow_factory: AnyUnitOfWorkFactory, key: str | None = None) -> inv.DepositInvoice:
    artist = await add_bookable_artist(
        uow_factory, deposit=FixedDeposit(DEPOSIT), price=Money(10_000_000, "MNT")
    )
    customer = await add_user(uow_factory)
    booking, event = a_booking(artist, customer)
    await store(uow_factory, booking, event)
    return inv.reserve(
        booking, attempt=1, token_hash=inv.hash_callback_token("t"), now=START, idempotency_key=key
    )


async def test_invoices_round_trip_and_are_found_every_way(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    reserved = await _invoice(uow_factory, key="k-1")
    async with uow_factory() as uow:
        await uow.invoices.add(reserved)
        await uow.commit()
    opened = inv.issue(reserved, ISSUED, START + timedelta(seconds=1))
    async with uow_factory() as uow:
        await uow.invoices.update(opened)
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        assert await uow.invoices.get(reserved.id) == opened
        assert await uow.invoices.by_provider_id(ISSUED.invoice_id) == opened
        assert await uow.invoices.by_number(reserved.number) == opened
        assert await uow.invoices.by_idempotency_key(reserved.customer_id, "k-1") == opened
        assert await uow.invoices.for_booking(reserved.booking_id) == [opened]
        assert await uow.invoices.by_provider_id("other") is None


async def test_a_number_is_used_once(uow_factory: AnyUnitOfWorkFactory) -> None:
    reserved = await _invoice(uow_factory)
    async with uow_factory() as uow:
        await uow.invoices.add(reserved)
        await uow.commit()
    twin = replace(reserved, id=inv.InvoiceId(uuid4()))  # another invoice, the same number
    with pytest.raises(ConflictError):
        async with uow_factory() as uow:
            await uow.invoices.add(twin)
            await uow.commit()


async def test_checks_are_spaced_and_lapsed_invoices_found(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    opened = inv.issue(await _invoice(uow_factory), ISSUED, START)
    async with uow_factory() as uow:
        await uow.invoices.add(opened)
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.invoices.mark_checked(opened.id, START, START - timedelta(seconds=15))
        later = START + timedelta(seconds=5)
        assert not await uow.invoices.mark_checked(opened.id, later, later - timedelta(seconds=15))
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.invoices.lapsed(opened.expires_at - timedelta(seconds=1), limit=10) == []
        lapsed = await uow.invoices.lapsed(opened.expires_at, limit=10)
        assert [i.id for i in lapsed] == [opened.id]


async def test_a_payment_is_recorded_once(uow_factory: AnyUnitOfWorkFactory) -> None:
    opened = inv.issue(await _invoice(uow_factory), ISSUED, START)
    async with uow_factory() as uow:
        await uow.invoices.add(opened)
        await uow.commit()
    payment = ReceivedPayment(
        "4936000000000000497",
        ISSUED.invoice_id,
        opened.booking_id,
        DEPOSIT,
        PaymentMethod.P2P,
        PaymentOutcome.CONFIRMED,
        START,
    )
    evidence = Evidence("t=x&qpay_payment_id=4936000000000000497", '{"count": 1}')
    async with uow_factory() as uow:
        assert await uow.received_payments.add(payment, evidence)
        await uow.commit()
    async with uow_factory() as uow:
        assert not await uow.received_payments.add(payment, evidence)
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        assert await uow.received_payments.for_invoice(ISSUED.invoice_id) == [payment]
