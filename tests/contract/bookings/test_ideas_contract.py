"""The ``IdeaRepository`` contract, in memory and on PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

import pytest

from booking_domain.bookings.ideas import Idea
from booking_domain.media import Upload, Variant
from tests.contract.bookings.test_bookings_contract import a_booking, store
from tests.support.builders import START
from tests.support.catalog import add_bookable_artist, add_user
from tests.support.storage import AnyUnitOfWorkFactory

pytestmark = pytest.mark.anyio


async def test_ideas_round_trip_in_order_change_and_go(uow_factory: AnyUnitOfWorkFactory) -> None:
    artist = await add_bookable_artist(uow_factory)
    customer = await add_user(uow_factory)
    booking, event = a_booking(artist, customer)
    await store(uow_factory, booking, event)
    variants = (Variant("large", "private/u/large.webp", 1600, 1200, 900),)
    upload = Upload.request(customer, "idea", "image/jpeg", 10, START).complete(variants, START)
    used = upload.use(customer, upload.purpose, START)
    first = Idea.create(booking, customer, "a koi", used, START)
    second = Idea.create(booking, artist.actor, "linework", None, START + timedelta(seconds=1))
    async with uow_factory() as uow:
        await uow.uploads.add(used)
        await uow.ideas.add(first)
        await uow.ideas.add(second)
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        assert await uow.ideas.for_booking(booking.id) == (first, second)
        assert await uow.ideas.get(first.id) == first
    changed = first.changed(customer, "two koi", START + timedelta(hours=1))
    async with uow_factory() as uow:
        await uow.ideas.update(changed)
        await uow.ideas.remove(second.id)
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        assert await uow.ideas.for_booking(booking.id) == (changed,)
        assert await uow.ideas.get(second.id) is None
