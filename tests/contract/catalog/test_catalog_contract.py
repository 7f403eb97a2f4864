"""Artists, studios and services, on every adapter."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from booking_domain.catalog import (
    ArtistProfileExistsError,
    ArtistStatus,
    FixedDeposit,
    GeoPoint,
    Studio,
)
from booking_domain.catalog.ports import ArtistDesk
from booking_domain.shared import Money, PageRequest, StudioId, UserId, new_uuid7
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


async def test_an_accounts_desk_is_its_language_and_its_profile_in_one_read(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    """``desk_of``: the account's language with its profile (or None without one); None
    for an account that is gone or disabled."""
    async with uow_factory() as uow:
        artist_user = await stored_user(uow, "a@example.com")
        bare_user = await stored_user(uow, "b@example.com")
        artist = an_artist(artist_user)
        await uow.artists.add(artist)
        user = await uow.users.get(bare_user)
        assert user is not None
        await uow.users.update(replace(user, locale="mn"))
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        assert await uow.artists.desk_of(artist_user) == ArtistDesk("en", artist)
        assert await uow.artists.desk_of(bare_user) == ArtistDesk("mn", None)
        assert await uow.artists.desk_of(UserId(new_uuid7())) is None
    async with uow_factory() as uow:
        owner = await uow.users.get(artist_user)
        assert owner is not None
        await uow.users.update(replace(owner, disabled=True))
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        assert await uow.artists.desk_of(artist_user) is None


async def test_an_artists_embed_origins_round_trip_in_their_order(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    origins = ("https://studio.example", "https://xn--bcher-kva.example:8443")
    async with uow_factory() as uow:
        user_id = await stored_user(uow, "a@example.com")
        artist = replace(an_artist(user_id), embed_origins=origins)
        await uow.artists.add(artist)
        await uow.commit()
    async with uow_factory() as uow:
        stored = await uow.artists.get(artist.id)
        assert stored is not None and stored.embed_origins == origins
        assert (await uow.artists.get_by_user(user_id)) == artist
        await uow.artists.update(replace(artist, embed_origins=()))
        await uow.commit()
    async with uow_factory() as uow:
        cleared = await uow.artists.get(artist.id)
        assert cleared is not None and cleared.embed_origins == ()


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


def _studio(name: str, minutes: int) -> Studio:
    made = START + timedelta(minutes=minutes)
    return Studio(StudioId(new_uuid7()), name, "Peace Ave 1", "Ulaanbaatar", made, made)


async def test_studios_list_oldest_first_and_show_only_public_members(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    first, second, empty = _studio("Blue Ink", 2), _studio("Red Ink", 1), _studio("Bare", 3)
    async with uow_factory() as uow:
        for studio in (first, second, empty):
            await uow.studios.add(studio)
        placed: dict[str, dict[str, object]] = {
            "zaya": {"display_name": "Zaya", "studio_id": first.id},
            "anu": {"display_name": "Anu", "studio_id": first.id},
            "bold": {"display_name": "Bold", "studio_id": second.id},
            "draft": {"studio_id": first.id, "status": ArtistStatus.DRAFT},
            "gone": {"studio_id": first.id, "suspended": True},
            "free": {"display_name": "Free"},
        }
        people = {
            name: an_artist(await stored_user(uow, f"{name}@example.com"), **changes)
            for name, changes in placed.items()
        }
        for artist in people.values():
            await uow.artists.add(artist)
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        page = await uow.studios.list(PageRequest(1, 2))
        rest = await uow.studios.list(PageRequest(2, 2))
        members = await uow.artists.public_in_studios([first.id, second.id, empty.id])
        alone = await uow.artists.public_in_studios([empty.id])
        nothing = await uow.artists.public_in_studios([])
    assert [s.id for s in page.items] == [second.id, first.id] and page.total == 3
    assert [s.id for s in rest.items] == [empty.id] and rest.items[0] == empty
    assert [a.display_name for a in members] == ["Anu", "Bold", "Zaya"]
    assert members[0] == people["anu"]
    assert alone == () and nothing == ()
