"""The admins' list of profiles on every adapter: by review state, suspension, the artist's
own city (folded equality) and text in the display name (folded, LIKE's characters
literal), oldest first, with page edges."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest

from booking_domain.catalog import ArtistStatus
from booking_domain.catalog.artists import ArtistProfile
from booking_domain.catalog.ports import ArtistFilter
from booking_domain.shared import PageRequest
from booking_domain.shared.pages import Page
from tests.support.catalog import add_bookable_artist
from tests.support.pages import assert_counts_capped
from tests.support.storage import AnyUnitOfWorkFactory

pytestmark = pytest.mark.anyio


async def test_filters_and_pages_agree_on_every_adapter(uow_factory: AnyUnitOfWorkFactory) -> None:
    made = []
    for n, (name, city, status, suspended) in enumerate([
        ("Өлзий Ink", "Улаанбаатар", ArtistStatus.PENDING, False),
        ("Renée Lines", "Darkhan", ArtistStatus.APPROVED, True),
        ("100% Black", "Ulaanbaatar", ArtistStatus.APPROVED, False),
        ("Plain", None, ArtistStatus.DRAFT, False),
    ]):  # fmt: skip
        artist = await add_bookable_artist(uow_factory, status=status, suspended=suspended)
        profile = dataclasses.replace(
            artist.profile, display_name=name, city=city,
            created_at=artist.profile.created_at + timedelta(minutes=n),
        )  # fmt: skip
        async with uow_factory() as uow:
            await uow.artists.update(profile)
            await uow.commit()
        made.append(profile.id)

    async def ids(page: PageRequest | None = None, **where: object) -> list[object]:
        async with uow_factory(read_only=True) as uow:
            found = await uow.artists.list(ArtistFilter(**where), page or PageRequest(1, 100))  # type: ignore[arg-type]
        return [a.id for a in found.items if a.id in made]

    assert await ids() == made  # oldest first
    assert await ids(status=ArtistStatus.PENDING) == [made[0]]
    assert await ids(status=ArtistStatus.APPROVED, suspended=False) == [made[2]]
    assert await ids(suspended=True) == [made[1]]
    assert await ids(city="ulaanbaatar") == [made[0], made[2]]  # Cyrillic and case folded
    assert await ids(text="olzii") == [made[0]]
    assert await ids(text="RENEE") == [made[1]]
    assert await ids(text="100%") == [made[2]]
    assert await ids(text="%") == [made[2]]
    async with uow_factory(read_only=True) as uow:
        beyond = await uow.artists.list(ArtistFilter(), PageRequest(1000, 100))
    assert beyond.items == () and beyond.total >= 4


async def test_the_total_is_counted_up_to_a_reach(uow_factory: AnyUnitOfWorkFactory) -> None:
    for _ in range(6):
        await add_bookable_artist(uow_factory, status=ArtistStatus.PENDING)

    async def list_page(request: PageRequest) -> Page[ArtistProfile]:
        async with uow_factory(read_only=True) as uow:
            return await uow.artists.list(ArtistFilter(status=ArtistStatus.PENDING), request)

    await assert_counts_capped(list_page, 6)
