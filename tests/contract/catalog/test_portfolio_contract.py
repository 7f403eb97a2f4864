"""The ``PortfolioRepository`` contract, in memory and on PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from booking_domain.catalog.portfolio import PortfolioItem
from booking_domain.media import Upload, Variant
from booking_domain.shared import Actor, Role
from booking_domain.shared.pages import PageRequest
from tests.support.catalog import add_bookable_artist
from tests.support.storage import AnyUnitOfWorkFactory

pytestmark = pytest.mark.anyio
NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


async def _items(uow_factory: AnyUnitOfWorkFactory, positions: list[int]) -> list[PortfolioItem]:
    artist = await add_bookable_artist(uow_factory)
    owner = Actor(artist.user_id, Role.ARTIST)
    made = []
    async with uow_factory() as uow:
        for n, at in enumerate(positions):
            moment = NOW + timedelta(seconds=n)
            variants = (Variant("large", f"img/{n}/large.webp", 10, 10, 5),)
            upload = Upload.request(owner, "portfolio", "image/jpeg", 5, moment)
            used = upload.complete(variants, moment).use(owner, upload.purpose, moment)
            await uow.uploads.add(used)
            item = PortfolioItem.create(artist.id, used, f"piece {n}", ["blackwork"], at, moment)
            await uow.portfolio.add(item)
            made.append(item)
        await uow.commit()
    return made


async def test_items_round_trip_change_and_go(uow_factory: AnyUnitOfWorkFactory) -> None:
    (item,) = await _items(uow_factory, [0])
    async with uow_factory(read_only=True) as uow:
        assert await uow.portfolio.get(item.id) == item
    changed = item.changed(
        NOW + timedelta(hours=1), text="healed", tags=["fine-line"], at_position=3
    )
    async with uow_factory() as uow:
        await uow.portfolio.update(changed)
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.portfolio.get(item.id) == changed
        await uow.portfolio.remove(item.id)
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        assert await uow.portfolio.get(item.id) is None


async def test_a_portfolio_pages_by_position_then_age(uow_factory: AnyUnitOfWorkFactory) -> None:
    made = await _items(uow_factory, [2, 0, 2, 1])
    artist_id = made[0].artist_id
    async with uow_factory(read_only=True) as uow:
        first = await uow.portfolio.page_for_artist(artist_id, PageRequest(1, 3))
        second = await uow.portfolio.page_for_artist(artist_id, PageRequest(2, 3))
        assert await uow.portfolio.count_for_artist(artist_id) == 4
        assert await uow.portfolio.last_position(artist_id) == 2
    assert [i.id for i in first.items + second.items] == [
        made[1].id,
        made[3].id,
        made[0].id,
        made[2].id,
    ]
    assert first.total == second.total == 4


async def test_an_empty_portfolio(uow_factory: AnyUnitOfWorkFactory) -> None:
    artist = await add_bookable_artist(uow_factory)
    async with uow_factory(read_only=True) as uow:
        assert await uow.portfolio.count_for_artist(artist.id) == 0
        assert await uow.portfolio.last_position(artist.id) is None
        assert (await uow.portfolio.page_for_artist(artist.id, PageRequest())).items == ()
