"""A deposit is paid through the payment gateway, so a service may ask one only in a
currency the gateway takes (the sandbox's and QPay's: MNT): a service made or changed to ask
one in another is refused with ``deposit_currency_not_payable`` and nothing changes; and a
booking of a service that asks one already (made before the rule) is refused where it is
made, rather than held for a deposit that can never be paid until it expires."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

import pytest

from booking_domain.bookings import SessionTerms, request_booking
from booking_domain.bookings.use_cases import BookingRequest
from booking_domain.catalog import (
    DepositCurrencyNotPayableError,
    FixedDeposit,
    PercentageDeposit,
    deposit_payable,
)
from booking_domain.catalog.use_cases import DepositChoice, ServiceFields
from booking_domain.scheduling import BusyTimeline
from booking_domain.shared import Money, new_uuid7
from booking_domain.shared.pages import PageRequest
from booking_domain.testing.builders import open_all_week
from tests.support.bootstrap import build_app
from tests.support.builders import START
from tests.support.catalog import add_bookable_artist, add_user

pytestmark = pytest.mark.anyio
SLOT = datetime(2026, 3, 5, 10, 0, tzinfo=UTC)  # START is Monday 2026-03-02 10:00 UTC
USD = Money(10_000, "USD")
FIELDS = ServiceFields(name="Fine line", duration=timedelta(hours=1), price=USD)


def test_a_deposit_is_payable_in_a_currency_the_gateway_takes_and_none_is_in_any() -> None:
    assert deposit_payable(Money(5_000, "MNT"), frozenset({"MNT"}))
    assert not deposit_payable(Money(5_000, "USD"), frozenset({"MNT"}))
    assert deposit_payable(Money.zero("USD"), frozenset({"MNT"}))


async def test_a_service_asking_a_deposit_nobody_can_pay_is_refused_and_not_kept() -> None:
    app = build_app()
    artist = await add_bookable_artist(app.uow)
    for choice in (DepositChoice(amount=2_000), DepositChoice(percent=20)):
        with pytest.raises(DepositCurrencyNotPayableError):
            await app.catalog.add_service(
                artist.actor, artist.id, dataclasses.replace(FIELDS, deposit=choice)
            )
    services = await app.catalog.list_services(artist.actor, artist.id)
    assert [s.name for s in services] == [artist.service.name]  # nothing was added
    plain = await app.catalog.add_service(artist.actor, artist.id, FIELDS)  # no deposit: fine
    assert plain.deposit is None
    with pytest.raises(DepositCurrencyNotPayableError):
        await app.catalog.update_service(
            artist.actor, artist.id, plain.id, ServiceFields(deposit=DepositChoice(amount=500))
        )
    priced = await app.catalog.add_service(
        artist.actor,
        artist.id,
        dataclasses.replace(FIELDS, price=Money(100_000, "MNT"), deposit=DepositChoice(percent=20)),
    )
    with pytest.raises(DepositCurrencyNotPayableError):  # the deposit follows the price
        await app.catalog.update_service(
            artist.actor, artist.id, priced.id, ServiceFields(price=USD)
        )
    kept = {s.id: (s.price, s.deposit) for s in await app.catalog.list_services(
        artist.actor, artist.id)}  # fmt: skip
    assert kept[plain.id] == (USD, None)
    assert kept[priced.id] == (Money(100_000, "MNT"), PercentageDeposit(2_000))


async def test_a_booking_of_a_service_with_an_unpayable_deposit_is_refused_at_creation() -> None:
    app = build_app()
    artist = await add_bookable_artist(
        app.uow, price=Money(100_000, "USD"), deposit=FixedDeposit(Money(20_000, "USD"))
    )  # made before the rule
    customer = await add_user(app.uow)
    request = BookingRequest(artist.id, artist.service.id, SLOT)
    with pytest.raises(DepositCurrencyNotPayableError, match="could never be paid"):
        await app.bookings.create_booking(customer, request)
    mine = await app.bookings.list_bookings(customer, PageRequest())
    assert mine.items == ()


async def test_a_session_of_a_project_quoted_before_is_refused_when_booked() -> None:
    """A project's sessions carry their quote's deposit (``SessionTerms``): one quoted in
    another currency before quotes were checked is refused where its session is booked."""
    app = build_app()
    artist = await add_bookable_artist(app.uow)
    customer = await add_user(app.uow)
    terms = SessionTerms(Money(60_000, "USD"), Money(10_000, "USD"), new_uuid7())
    scene = {
        "by": customer, "service": artist.service, "artist_user_id": artist.user_id,
        "policy": artist.profile.policy, "schedule": open_all_week(), "busy": BusyTimeline(),
        "start": SLOT, "now": START, "terms": terms,
    }  # fmt: skip
    with pytest.raises(DepositCurrencyNotPayableError):
        request_booking(**scene, payable=frozenset({"MNT"}))  # type: ignore[arg-type]
    booking, _ = request_booking(**scene, payable=frozenset({"MNT", "USD"}))  # type: ignore[arg-type]
    assert booking.deposit == Money(10_000, "USD")
