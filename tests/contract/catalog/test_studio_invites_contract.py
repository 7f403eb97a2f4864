"""The ``StudioInviteRepository`` contract (and the members of a studio:
``ArtistRepository.in_studio``), in memory and on PostgreSQL."""

from __future__ import annotations

import asyncio
import dataclasses
from datetime import timedelta

import pytest

from booking_domain.catalog import (
    MAX_OPEN_INVITES,
    ArtistStatus,
    Studio,
    TooManyStudioInvitesError,
)
from booking_domain.catalog.studio_invites import StudioInvite, StudioInviteId
from booking_domain.catalog.use_cases import StudioFields
from booking_domain.shared import ArtistId, StudioId, UserId, new_uuid7
from tests.contract.catalog_rows import an_artist, stored_user
from tests.support.bootstrap import build_app
from tests.support.builders import START
from tests.support.catalog import add_bookable_artist
from tests.support.storage import AnyUnitOfWorkFactory

pytestmark = pytest.mark.anyio


async def _studio(uow_factory: AnyUnitOfWorkFactory) -> tuple[Studio, UserId]:
    async with uow_factory() as uow:
        owner = await stored_user(uow, f"owner-{new_uuid7()}@example.com")
        studio = Studio(StudioId(new_uuid7()), "Blue Ink", "Peace Ave 1", "UB", START, START)
        studio = dataclasses.replace(studio, owner_user_id=owner)
        await uow.studios.add(studio)
        await uow.commit()
    return studio, owner


def _invite(studio: Studio, owner: UserId, minutes: int = 0, days: int = 7) -> StudioInvite:
    made = START + timedelta(minutes=minutes)
    return StudioInvite(
        id=StudioInviteId(new_uuid7()),
        studio_id=studio.id,
        created_by=owner,
        note=f"note {minutes}",
        created_at=made,
        expires_at=made + timedelta(days=days),
    )


async def _add(uow_factory: AnyUnitOfWorkFactory, *invites: StudioInvite) -> None:
    async with uow_factory() as uow:
        for invite in invites:
            await uow.studio_invites.add(invite, f"digest-{invite.id}")
        await uow.commit()


async def test_an_invite_round_trips_and_is_found_by_its_digest(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    studio, owner = await _studio(uow_factory)
    invite = _invite(studio, owner)
    await _add(uow_factory, invite)
    async with uow_factory(read_only=True) as uow:
        assert await uow.studio_invites.get(invite.id) == invite
        assert await uow.studio_invites.find(f"digest-{invite.id}") == invite
        assert await uow.studio_invites.find("digest-of-nothing") is None
        assert await uow.studio_invites.get(StudioInviteId(new_uuid7())) is None


async def test_open_invites_leave_out_used_revoked_expired_and_other_studios(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    studio, owner = await _studio(uow_factory)
    other, other_owner = await _studio(uow_factory)
    first, second = _invite(studio, owner, 0), _invite(studio, owner, 5)
    revoked, short = _invite(studio, owner, 10), _invite(studio, owner, 15, days=1)
    elsewhere = _invite(other, other_owner, 20)
    await _add(uow_factory, second, first, revoked, short, elsewhere)
    async with uow_factory() as uow:
        done = dataclasses.replace(revoked, revoked_at=START + timedelta(hours=1))
        assert await uow.studio_invites.settle(done)
        await uow.commit()
    later = START + timedelta(days=2)
    async with uow_factory(read_only=True) as uow:
        assert await uow.studio_invites.open_for_studio(studio.id, later) == (first, second)
        at_start = await uow.studio_invites.open_for_studio(studio.id, START + timedelta(hours=2))
        assert at_start == (first, second, short)
        assert await uow.studio_invites.get(revoked.id) == done


async def test_an_invite_is_settled_once(uow_factory: AnyUnitOfWorkFactory) -> None:
    studio, owner = await _studio(uow_factory)
    invite = _invite(studio, owner)
    await _add(uow_factory, invite)
    async with uow_factory() as uow:
        user = await stored_user(uow, "guest@example.com")
        guest = an_artist(user)
        await uow.artists.add(guest)
        await uow.commit()
    used = dataclasses.replace(invite, used_at=START + timedelta(hours=1), used_by=guest.id)
    async with uow_factory() as uow:
        assert await uow.studio_invites.settle(used)
        await uow.commit()
    again = dataclasses.replace(invite, revoked_at=START + timedelta(hours=2))
    async with uow_factory() as uow:
        assert not await uow.studio_invites.settle(again)
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        assert await uow.studio_invites.get(invite.id) == used


async def test_of_two_settlements_at_once_one_wins(uow_factory: AnyUnitOfWorkFactory) -> None:
    studio, owner = await _studio(uow_factory)
    invite = _invite(studio, owner)
    await _add(uow_factory, invite)

    async def settle(minutes: int) -> bool:
        at = START + timedelta(minutes=minutes)
        async with uow_factory() as uow:
            won = await uow.studio_invites.settle(dataclasses.replace(invite, revoked_at=at))
            await uow.commit()
        return won

    outcomes = await asyncio.gather(settle(1), settle(2))
    assert sorted(outcomes) == [False, True]


async def test_a_studios_members_are_every_artist_placed_in_it_by_name(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    studio, _ = await _studio(uow_factory)
    other, _ = await _studio(uow_factory)
    async with uow_factory() as uow:
        made: list[ArtistId] = []
        for name, where, status in (
            ("Zaya", studio.id, ArtistStatus.APPROVED),
            ("Anu", studio.id, ArtistStatus.DRAFT),
            ("Bold", other.id, ArtistStatus.APPROVED),
            ("Dorj", None, ArtistStatus.APPROVED),
        ):
            user = await stored_user(uow, f"{name.lower()}@example.com")
            artist = dataclasses.replace(
                an_artist(user, studio_id=where), display_name=name, status=status
            )
            await uow.artists.add(artist)
            made.append(artist.id)
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        members = await uow.artists.in_studio(studio.id)
    assert [m.display_name for m in members] == ["Anu", "Zaya"]
    assert {m.id for m in members} == {made[0], made[1]}


async def test_the_studios_a_user_owns_oldest_first(uow_factory: AnyUnitOfWorkFactory) -> None:
    first, owner = await _studio(uow_factory)
    other, _ = await _studio(uow_factory)
    second = dataclasses.replace(
        first, id=StudioId(new_uuid7()), created_at=START + timedelta(minutes=1)
    )
    async with uow_factory() as uow:
        await uow.studios.add(second)
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        assert await uow.studios.owned_by(owner) == (first, second)
        assert other not in await uow.studios.owned_by(owner)
        assert await uow.studios.owned_by(UserId(new_uuid7())) == ()


async def test_invites_made_at_once_never_pass_the_bound(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    """With one invite left under the bound, two made at once: one is made, the other
    refused (the studio is held while its open invites are counted)."""
    app = build_app(uow_factory)
    owner = await add_bookable_artist(uow_factory)
    studio = await app.catalog.create_studio(
        owner.actor, StudioFields(name="Blue Ink", address="Peace Ave 1", city="UB")
    )
    for _ in range(MAX_OPEN_INVITES - 1):
        await app.catalog.create_studio_invite(owner.actor, studio.id, None)
    made = await asyncio.gather(
        *(app.catalog.create_studio_invite(owner.actor, studio.id, None) for _ in range(2)),
        return_exceptions=True,
    )
    assert sum(isinstance(m, TooManyStudioInvitesError) for m in made) == 1, made
    assert len(await app.catalog.list_studio_invites(owner.actor, studio.id)) == MAX_OPEN_INVITES
