"""Payments taken in the studio in storage, in memory and on PostgreSQL: they round-trip
and are found every way; receipt numbers run 1, 2, 3 per artist, a rolled-back number is
given back (no gap), and a receipt number or a recorder's Idempotency-Key is never taken
twice."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from booking_domain.bookings import Booking
from booking_domain.catalog import FixedDeposit
from booking_domain.payments import studio
from booking_domain.payments.studio import StudioKind, StudioMethod
from booking_domain.shared import Money
from booking_domain.shared.errors import ConflictError
from booking_domain.testing import artist as artist_actor
from tests.contract.bookings.test_bookings_contract import a_booking, store
from tests.support.builders import START
from tests.support.catalog import add_bookable_artist, add_user
from tests.support.storage import AnyUnitOfWorkFactory

pytestmark = pytest.mark.anyio
DEPOSIT = Money(3_000_000, "MNT")


async def _booking(uow_factory: AnyUnitOfWorkFactory) -> Booking:
    artist = await add_bookable_artist(
        uow_factory, deposit=FixedDeposit(DEPOSIT), price=Money(10_000_000, "MNT")
    )
    customer = await add_user(uow_factory)
    booking, event = a_booking(artist, customer)
    await store(uow_factory, booking, event)
    return booking


def _payment(
    booking: Booking, number: int, *, key: str | None = None, link: str = "t"
) -> studio.StudioPayment:
    return studio.new_payment(
        booking, artist_actor(booking.artist_user_id), receipt_number=number,
        kind=StudioKind.DEPOSIT, method=StudioMethod.CARD_TERMINAL, amount=DEPOSIT,
        note="terminal 2", token_hash=studio.hash_receipt_token(link), now=START,
        idempotency_key=key,
    )  # fmt: skip


async def test_studio_payments_round_trip_and_are_found_every_way(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    booking = await _booking(uow_factory)
    async with uow_factory() as uow:
        number = await uow.studio_payments.next_receipt_number(booking.artist_id)
        payment = _payment(booking, number, key="k-1", link="tok")
        await uow.studio_payments.add(payment)
        await uow.commit()
    refunded = replace(
        payment, refunded=Money(1_000_000, "MNT"), refunded_at=START + timedelta(hours=1)
    )
    async with uow_factory() as uow:
        await uow.studio_payments.update(refunded)
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        repo = uow.studio_payments
        assert await repo.get(payment.id) == refunded
        assert await repo.by_idempotency_key(payment.recorded_by, "k-1") == refunded
        assert await repo.by_receipt_token(studio.hash_receipt_token("tok")) == refunded
        assert await repo.by_receipt_token(studio.hash_receipt_token("other")) is None
        assert list(await repo.for_booking(booking.id)) == [refunded]
    assert number == 1


async def test_receipt_numbers_run_per_artist_without_gaps(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    first, second = await _booking(uow_factory), await _booking(uow_factory)
    assert first.artist_id != second.artist_id
    async with uow_factory() as uow:
        taken = [await uow.studio_payments.next_receipt_number(first.artist_id) for _ in "ab"]
        await uow.commit()
    async with uow_factory() as uow:  # rolled back: the number is given back
        assert await uow.studio_payments.next_receipt_number(first.artist_id) == 3
    async with uow_factory() as uow:
        assert await uow.studio_payments.next_receipt_number(first.artist_id) == 3
        assert await uow.studio_payments.next_receipt_number(second.artist_id) == 1
    assert taken == [1, 2]


async def test_a_receipt_number_is_never_stored_twice(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    booking = await _booking(uow_factory)
    async with uow_factory() as uow:
        await uow.studio_payments.add(_payment(booking, 1, link="a"))
        await uow.commit()
    with pytest.raises(ConflictError):
        async with uow_factory() as uow:
            await uow.studio_payments.add(_payment(booking, 1, link="b"))
            await uow.commit()


async def test_an_idempotency_key_is_kept_once_per_recorder(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    booking = await _booking(uow_factory)
    async with uow_factory() as uow:
        await uow.studio_payments.add(_payment(booking, 1, key="k", link="a"))
        await uow.commit()
    with pytest.raises(ConflictError):
        async with uow_factory() as uow:
            await uow.studio_payments.add(_payment(booking, 2, key="k", link="b"))
            await uow.commit()
