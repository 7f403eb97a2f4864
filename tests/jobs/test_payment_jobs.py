"""Payment work on a real worker loop and real PostgreSQL, with the sandbox gateway: an
invoice whose hold ran out is cancelled at the provider by its job, and a cancelled card
payment is refunded by its job, each after the commit that decided it."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass

import pytest
from dependency_injector import providers

from adapters.payments.sandbox import SandboxGateway
from adapters.system.clock import ManualClock
from booking_domain.bookings import Booking, BookingStatus, PaymentStatus
from booking_domain.payments import InvoiceStatus, PaymentMethod, RefundStatus
from booking_domain.shared import Actor, ConflictError, Role
from entrypoints.bundles import Bundles
from entrypoints.container import (
    LocalAdapters,
    build_container,
    bundles,
    close_adapters,
    open_adapters,
)
from entrypoints.worker import run_worker
from tests.jobs.helpers import NEVER, a_held_booking, eventually
from tests.support.builders import START, TEST_JWT_SECRET, cheap_settings
from tests.support.fake_qpay import CLIENT_ID, CLIENT_SECRET, INVOICE_CODE, FakeQPay, serving
from tests.support.storage import PostgresUnits

pytestmark = pytest.mark.anyio


@dataclass
class Shop:
    bundles: Bundles
    sandbox: SandboxGateway | None  # None with the QPay gateway
    clock: ManualClock


@pytest.fixture
def fake() -> FakeQPay:
    return FakeQPay()


@pytest.fixture
async def shop(database_url: str) -> AsyncIterator[Shop]:
    async for opened in _shop(database_url):
        yield opened


@pytest.fixture
async def qpay_shop(database_url: str, fake: FakeQPay) -> AsyncIterator[Shop]:
    with serving(fake) as url:
        qpay = {
            "payment_gateway": "qpay",
            "qpay_base_url": url,
            "qpay_client_id": CLIENT_ID,
            "qpay_client_secret": CLIENT_SECRET,
            "qpay_invoice_code": INVOICE_CODE,
        }
        async for opened in _shop(database_url, **qpay):
            yield opened


async def _shop(database_url: str, **overrides: str) -> AsyncIterator[Shop]:
    settings = cheap_settings(
        database_url=database_url,
        expire_holds_cron="* * * * * *",
        purge_cron=NEVER,
        **overrides,
    )
    clock = ManualClock(START)
    adapters = LocalAdapters(
        settings=settings, jwt_secret=TEST_JWT_SECRET, database_url=database_url
    )
    adapters.clock.override(providers.Object(clock))
    core = build_container(settings, jwt_secret=TEST_JWT_SECRET, adapters=adapters)
    await open_adapters(core)
    wired = bundles(core)
    sandbox = core.adapters.payments().sandbox
    if sandbox is not None:

        async def no_callback(url: str) -> int:  # the customer's check confirms instead
            return 200

        sandbox.route_callbacks(no_callback)
    worker = asyncio.create_task(run_worker(settings, wired, install_signal_handlers=False))
    try:
        yield Shop(wired, sandbox, clock)
    finally:
        worker.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await worker
        await close_adapters(core)


def _customer(booking: Booking) -> Actor:
    assert booking.customer_id is not None  # a customer's request
    return Actor(booking.customer_id, Role.CUSTOMER)


async def _invoice(shop: Shop, booking: Booking) -> str:
    issued = await shop.bundles.payments.request_deposit_invoice(_customer(booking), booking.id)
    assert issued.view.invoice.provider_invoice_id is not None
    return issued.view.invoice.provider_invoice_id


async def test_an_invoice_whose_hold_ran_out_is_cancelled_at_the_provider(
    shop: Shop, uow: PostgresUnits
) -> None:
    booking = await a_held_booking(uow, START)
    invoice_id = await _invoice(shop, booking)
    assert booking.hold_expires_at is not None
    shop.clock.set(booking.hold_expires_at)

    async def cancelled_at_the_provider() -> bool:
        view = await shop.bundles.payments.get_payment(_customer(booking), invoice_id)
        if view.invoice.status is not InvoiceStatus.CANCELLED or view.invoice.cancel_due:
            return False
        return view.booking_status is BookingStatus.CANCELLED

    await eventually(cancelled_at_the_provider, within=30)
    assert shop.sandbox is not None
    with pytest.raises(ConflictError):  # the bank app can no longer pay it
        await shop.sandbox.pay(invoice_id)


async def test_a_cancelled_card_payment_is_refunded_by_its_job(
    shop: Shop, uow: PostgresUnits
) -> None:
    booking = await a_held_booking(uow, START)
    customer = _customer(booking)
    invoice_id = await _invoice(shop, booking)
    assert shop.sandbox is not None
    await shop.sandbox.pay(invoice_id, method=PaymentMethod.CARD)
    confirmed = await shop.bundles.payments.check_payment(customer, invoice_id)
    assert confirmed.booking_status is BookingStatus.CONFIRMED
    await shop.bundles.bookings.change_status(
        customer, booking.id, status=BookingStatus.CANCELLED, reason="plans changed"
    )

    async def refunded() -> bool:
        view = await shop.bundles.payments.get_payment(customer, invoice_id)
        return [r.status for r in view.refunds] == [RefundStatus.REFUNDED] and (
            view.payment_status is PaymentStatus.REFUNDED
        )

    await eventually(refunded, within=30)


async def test_an_early_callback_is_rechecked_until_qpay_shows_the_payment(
    qpay_shop: Shop, fake: FakeQPay, uow: PostgresUnits
) -> None:
    booking = await a_held_booking(uow, START)
    invoice_id = await _invoice(qpay_shop, booking)
    payment_id = fake.pay(invoice_id)
    fake.hide_checks = 2  # QPay's check lags behind its callback, twice
    callback = fake.invoices[invoice_id].callback_url
    number, token = callback.split("/callback/")[1].split("?t=")
    await qpay_shop.bundles.payments.handle_callback(number, token, payment_hint=payment_id)
    view = await qpay_shop.bundles.payments.get_payment(_customer(booking), invoice_id)
    assert view.booking_status is BookingStatus.PENDING  # nothing shown yet: re-check queued

    async def confirmed() -> bool:
        view = await qpay_shop.bundles.payments.get_payment(_customer(booking), invoice_id)
        return view.booking_status is BookingStatus.CONFIRMED

    await eventually(confirmed, within=30)
    checks = [call for call in fake.calls if call == ("POST", "/v2/payment/check")]
    assert len(checks) == 3  # the callback's, then two re-checks: bounded, not polling
