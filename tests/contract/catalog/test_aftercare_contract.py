"""Artists' aftercare settings on every adapter: the defaults until chosen, a choice
replaced whole, several artists in one read, and forgetting them."""

from __future__ import annotations

from datetime import timedelta

import pytest

from booking_domain.catalog import AftercareSettings
from tests.support.builders import START
from tests.support.catalog import add_bookable_artist
from tests.support.storage import AnyUnitOfWorkFactory

pytestmark = pytest.mark.anyio


async def test_settings_round_trip_and_default(uow_factory: AnyUnitOfWorkFactory) -> None:
    one, two = await add_bookable_artist(uow_factory), await add_bookable_artist(uow_factory)
    async with uow_factory(read_only=True) as uow:
        assert await uow.aftercare.get(one.id) == AftercareSettings(one.id)
        assert await uow.aftercare.of_artists([one.id, two.id]) == {}
    chosen = AftercareSettings.chosen(
        one.id, text="Wash gently.\n\nNo sun for 2 weeks — дараа нь тос түрх.",
        aftercare_minutes=0, review_minutes=4320, touch_up_days=90, now=START,
    )  # fmt: skip
    again = AftercareSettings.chosen(
        one.id, text="", aftercare_minutes=43200, review_minutes=0, touch_up_days=0,
        now=START + timedelta(hours=1),
    )  # fmt: skip
    async with uow_factory() as uow:
        await uow.aftercare.put(chosen)
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        assert await uow.aftercare.get(one.id) == chosen
        assert await uow.aftercare.of_artists([one.id, two.id]) == {one.id: chosen}
    async with uow_factory() as uow:
        await uow.aftercare.put(again)
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        assert await uow.aftercare.get(one.id) == again
    async with uow_factory() as uow:
        await uow.aftercare.remove(one.id)
        await uow.aftercare.remove(two.id)  # nothing stored: nothing happens
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        assert await uow.aftercare.get(one.id) == AftercareSettings(one.id)
