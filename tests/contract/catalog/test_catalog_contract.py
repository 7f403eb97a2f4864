"""Artists, studios and services, on every adapter."""

from __future__ import annotations

from dataclasses import replace

import pytest

from booking_domain.catalog import (
    ArtistProfileExistsError,
    FixedDeposit,
    GeoPoint,
    Studio,
)
from booking_domain.shared import Money, StudioId, new_uuid7
from tests.contract.catalog_rows import a_service, an_artist, stored_user
from tests.support.builders import START
from tests.support.storage import AnyUnitOfWorkFactory

pytestmark = pytest.mark.anyio


async def test_artists_round_trip_and_one_profile_per_user(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    async with uow_factory() as uow:
        user_id = await stored_user(uow, "a@example.com")
        artist = an_artist(user_id)
        await uow.artists.add(artist)
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.artists.get(artist.id) == artist
        assert await uow.artists.get_by_user(user_id) == artist
        changed = replace(
            artist, bio="Since 2015", suspended=True, policy=replace(artist.policy, daily_cap=None)
        )
        await uow.artists.update(changed)
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.artists.get(artist.id) == changed
    with pytest.raises(ArtistProfileExistsError):
        async with uow_factory() as uow:
            await uow.artists.add(an_artist(user_id))


async def test_studios_and_services_round_trip(uow_factory: AnyUnitOfWorkFactory) -> None:
    async with uow_factory() as uow:
        owner = await stored_user(uow, "a@example.com")
        studio = Studio(
            StudioId(new_uuid7()),
            "Blue Ink",
            "Peace Ave 12",
            "Ulaanbaatar",
            START,
            START,
            None,
            owner,
        )
        await uow.studios.add(studio)
        artist = an_artist(owner, studio_id=studio.id)
        await uow.artists.add(artist)
        cheap = a_service(artist.id, "A cheap one", deposit=None)
        fixed = a_service(
            artist.id, "B fixed", deposit=FixedDeposit(Money(50_000, "MNT")), needs_approval=True
        )
        retired = a_service(artist.id, "C retired", active=False)
        for s in (fixed, retired, cheap):
            await uow.services.add(s)
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.studios.get(studio.id) == studio
        assert await uow.services.get(fixed.id) == fixed
        assert await uow.services.list_for_artist(artist.id, include_inactive=False) == (
            cheap,
            fixed,
        )
        assert await uow.services.list_for_artist(artist.id, include_inactive=True) == (
            cheap,
            fixed,
            retired,
        )
        await uow.services.update(replace(retired, active=True, name="C back"))
        await uow.studios.update(
            replace(studio, name="Blue Ink Studio", location=GeoPoint(1.5, 2.5))
        )
        await uow.commit()
    async with uow_factory() as uow:
        assert len(await uow.services.list_for_artist(artist.id, include_inactive=False)) == 3
        stored = await uow.studios.get(studio.id)
        assert (
            stored is not None
            and stored.name == "Blue Ink Studio"
            and stored.location == GeoPoint(1.5, 2.5)
        )
