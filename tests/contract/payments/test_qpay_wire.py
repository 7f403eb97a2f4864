"""The QPay adapter's own behaviour over real HTTP against the fake QPay: one token shared
and renewed early, a 401 answered by one fresh login, failures translated, secrets kept out
of the logs."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator
from datetime import timedelta

import httpx
import pytest

from adapters.payments.qpay import InMemoryProviderTokenStore, QPayCredentials, QPayGateway
from adapters.postgres.database import Database
from adapters.postgres.provider_tokens import PostgresTokenStore
from adapters.system.clock import ManualClock
from booking_domain.payments import (
    InvoiceRequest,
    PaymentNotFoundError,
    PaymentProviderError,
    PaymentProviderUnavailableError,
    ProviderTokenStore,
)
from booking_domain.shared import Money
from tests.support.builders import START, TEST_SECRETS
from tests.support.fake_qpay import CLIENT_ID, CLIENT_SECRET, INVOICE_CODE, FakeQPay, serving

pytestmark = pytest.mark.anyio


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START)


@pytest.fixture
def fake(clock: ManualClock) -> FakeQPay:
    return FakeQPay(clock=lambda: clock.now().timestamp())


@pytest.fixture
def url(fake: FakeQPay) -> Iterator[str]:
    with serving(fake) as base:
        yield base


def _gateway(
    url: str,
    clock: ManualClock,
    tokens: ProviderTokenStore | None = None,
    *,
    secret: str = CLIENT_SECRET,
    timeout: float = 15,
) -> QPayGateway:
    client = httpx.AsyncClient(base_url=url, timeout=timeout)
    return QPayGateway(
        QPayCredentials(url, CLIENT_ID, secret, INVOICE_CODE),
        clock,
        tokens or InMemoryProviderTokenStore(),
        client=client,
    )


def _request(n: int = 1) -> InvoiceRequest:
    number = f"INKWIRE{n:04d}"
    return InvoiceRequest(
        number,
        Money(1_500_000, "MNT"),
        f"Inkslot deposit {number}",
        f"https://api.example/cb/{number}?t=x",
    )


async def test_one_login_serves_many_calls_and_processes_share_it(
    url: str, fake: FakeQPay, clock: ManualClock
) -> None:
    shared = InMemoryProviderTokenStore()
    first, second = _gateway(url, clock, shared), _gateway(url, clock, shared)
    for n in range(5):
        issued = await first.create_invoice(_request(n))
        await second.check_payments(issued.invoice_id)
    assert fake.token_logins == 1
    await first.close()
    await second.close()


async def test_the_token_is_refreshed_early_once_then_a_login_follows(
    url: str, fake: FakeQPay, clock: ManualClock
) -> None:
    fake.refresh_ttl = 2 * 86_400  # a refresh token that outlives the access token
    gateway = _gateway(url, clock)
    issued = await gateway.create_invoice(_request())
    clock.advance(timedelta(hours=24) - timedelta(seconds=30))  # within the last minute
    await gateway.check_payments(issued.invoice_id)
    assert (fake.token_logins, fake.token_refreshes) == (1, 1)
    clock.advance(timedelta(hours=24))  # the refreshed token is due: its own refresh token
    await gateway.check_payments(issued.invoice_id)  # (the fake refuses any reuse)
    assert (fake.token_logins, fake.token_refreshes) == (1, 2)
    clock.advance(timedelta(days=3))  # everything is over: a new login
    await gateway.check_payments(issued.invoice_id)
    assert (fake.token_logins, fake.token_refreshes) == (2, 2)
    await gateway.close()


async def test_a_refused_token_means_one_fresh_login_and_one_retry(
    url: str, fake: FakeQPay, clock: ManualClock
) -> None:
    gateway = _gateway(url, clock)
    issued = await gateway.create_invoice(_request())
    fake.expire_tokens()
    check = await gateway.check_payments(issued.invoice_id)
    assert check.payments == () and fake.token_logins == 2
    fake.fail_next("/v2/payment/check", "401")
    fake.fail_next("/v2/payment/check", "401")
    with pytest.raises(PaymentProviderUnavailableError):  # a second 401 is not retried
        await gateway.check_payments(issued.invoice_id)
    await gateway.close()


@pytest.mark.parametrize("kind", ["500", "busy", "not_json", "timeout"])
async def test_provider_failures_are_unavailable(
    url: str, fake: FakeQPay, clock: ManualClock, kind: str
) -> None:
    gateway = _gateway(url, clock, timeout=0.5)
    issued = await gateway.create_invoice(_request())
    fake.fail_next("/v2/payment/check", kind)
    with pytest.raises(PaymentProviderUnavailableError):
        await gateway.check_payments(issued.invoice_id)
    await gateway.close()


async def test_malformed_requests_and_unknown_ids_are_translated(
    url: str, fake: FakeQPay, clock: ManualClock
) -> None:
    gateway = _gateway(url, clock)
    fake.fail_next("/v2/payment/check", "nested")
    with pytest.raises(PaymentProviderError):
        await gateway.check_payments("0b9d6c3e-5f21-4a7e-9c44-2d1e8f7a6b10")
    with pytest.raises(PaymentNotFoundError):  # QPay's 422 is "not found", never validation
        await gateway.check_payments("0b9d6c3e-5f21-4a7e-9c44-2d1e8f7a6b10")
    with pytest.raises(PaymentNotFoundError):  # not a path segment: never sent
        await gateway.get_payment("../v2/auth/token")
    await gateway.close()


async def test_wrong_credentials_are_unavailable_and_no_secret_is_logged(
    url: str, clock: ManualClock, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    gateway = _gateway(url, clock, secret="wrong-secret-value")
    with pytest.raises(PaymentProviderUnavailableError):
        await gateway.create_invoice(_request())
    right = _gateway(url, clock)
    await right.create_invoice(_request(2))
    logged = caplog.text
    assert "wrong-secret-value" not in logged and CLIENT_SECRET not in logged
    assert "Basic " not in logged and "a." not in logged.replace("QPay", "")
    await gateway.close()
    await right.close()


async def test_processes_share_the_token_through_postgresql(
    url: str, fake: FakeQPay, clock: ManualClock, database_url: str
) -> None:
    database = Database(database_url, min_size=1, max_size=4)
    await database.open()
    try:
        name = f"qpay-{START.timestamp()}-{id(fake)}"
        first = _gateway(url, clock, PostgresTokenStore(database, name, secrets=TEST_SECRETS))
        second = _gateway(url, clock, PostgresTokenStore(database, name, secrets=TEST_SECRETS))
        await first.create_invoice(_request(1))
        await second.create_invoice(_request(2))
        assert fake.token_logins == 1
        await first.close()
        await second.close()
    finally:
        await database.close()


@pytest.mark.parametrize("kind", ["nested", "500", "not_json"])
async def test_a_token_refused_in_any_way_is_unavailable_never_not_found(
    url: str, fake: FakeQPay, clock: ManualClock, kind: str
) -> None:
    gateway = _gateway(url, clock)
    fake.fail_next("/v2/auth/token", kind)
    with pytest.raises(PaymentProviderUnavailableError):
        await gateway.cancel_invoice("0b9d6c3e-5f21-4a7e-9c44-2d1e8f7a6b10")
    await gateway.close()


async def test_a_paid_row_beside_an_odd_row_is_still_read(
    url: str, fake: FakeQPay, clock: ManualClock
) -> None:
    gateway = _gateway(url, clock)
    issued = await gateway.create_invoice(_request())
    paid = fake.pay(issued.invoice_id)
    odd = fake.pay(issued.invoice_id)
    fake.payments[odd].status = "FAILED"
    fake.payments[odd].amount = "n/a"  # type: ignore[assignment]  # what a broken row holds
    check = await gateway.check_payments(issued.invoice_id)
    assert [(p.payment_id, p.state.value) for p in check.payments if p.state.value == "PAID"] == [
        (paid, "PAID")
    ]
    await gateway.close()


@pytest.mark.parametrize(
    ("amount", "currency"),
    [
        ("Infinity", "MNT"),
        ("-Infinity", "MNT"),
        ("NaN", "MNT"),
        ("sNaN", "MNT"),
        ("1e999999", "MNT"),
        ("15000.00", "ÄÖÜ"),
        ("15000.00", "ßßß"),
    ],
)
async def test_odd_amounts_and_currencies_are_a_provider_error_never_a_crash(
    url: str, fake: FakeQPay, clock: ManualClock, amount: str, currency: str
) -> None:
    """Beside a good PAID row an odd row of another status is read as nothing; a PAID row
    with an odd amount makes the check a provider error (the caller retries), one in an odd
    currency is read in no currency of ours; never an exception of Python's own."""
    gateway = _gateway(url, clock)
    issued = await gateway.create_invoice(_request())
    paid = fake.pay(issued.invoice_id)
    odd = fake.pay(issued.invoice_id)
    fake.payments[odd].status, fake.payments[odd].currency = "FAILED", currency
    fake.payments[odd].amount = amount  # type: ignore[assignment]  # what a broken row holds
    check = await gateway.check_payments(issued.invoice_id)
    assert [p.payment_id for p in check.payments if p.state.value == "PAID"] == [paid]
    fake.payments[odd].status = "PAID"
    if currency == "MNT":  # an amount that is no amount
        with pytest.raises(PaymentProviderError):
            await gateway.check_payments(issued.invoice_id)
    else:  # a currency that is no currency: never read as the invoice's
        check = await gateway.check_payments(issued.invoice_id)
        assert {p.amount.currency for p in check.payments if p.payment_id == odd} == {"XXX"}
    await gateway.close()


async def test_renewals_through_pgbouncer_take_turns_and_never_keep_the_lock(
    url: str, fake: FakeQPay, clock: ManualClock, pooled: str
) -> None:
    """Behind a transaction pooler each transaction may get another server connection: a
    renewal's lock lives and dies in one transaction, so every later renewal gets it."""
    database = Database(pooled, min_size=1, max_size=6, behind_pooler=True)
    await database.open()
    name = f"qpay-pooled-{id(fake)}"
    gateways = [
        _gateway(url, clock, PostgresTokenStore(database, name, secrets=TEST_SECRETS))
        for _ in range(3)
    ]
    try:
        for round_ in range(4):
            calls = (g.create_invoice(_request(10 * round_ + i)) for i, g in enumerate(gateways))
            await asyncio.wait_for(asyncio.gather(*calls), timeout=30)
            clock.advance(timedelta(seconds=fake.token_ttl + 1))  # every token runs out
        assert fake.token_logins + fake.token_refreshes == 4  # one renewal a round, shared
    finally:
        for gateway in gateways:
            await gateway.close()
        await database.close()
