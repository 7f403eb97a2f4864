"""The owner's side-by-side day of a studio (``bookings.studio_day``): who sees it, which
bookings each member's column holds, and what the front desk is shown of each."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from booking_domain.bookings import BookingStatus
from booking_domain.catalog import Studio, StudioNotFoundError
from booking_domain.catalog.use_cases import ProfileFields, StudioFields
from booking_domain.shared import (
    InvalidInputError,
    PermissionDeniedError,
    Role,
    StudioId,
    UnknownTimeZoneError,
    new_uuid7,
)
from tests.support.catalog import BookableArtist
from tests.unit.bookings.conftest import SLOT, World

pytestmark = pytest.mark.anyio
DAY = SLOT.date()


async def _studio(world: World) -> tuple[BookableArtist, BookableArtist, Studio]:
    """An owner (whose profile is in the studio) and a guest who accepted an invite."""
    owner, guest = await world.artist(), await world.artist()
    catalog = world.app.catalog
    studio = await catalog.create_studio(
        owner.actor, StudioFields(name="Blue Ink", address="Peace Ave 1", city="UB")
    )
    await catalog.update_artist(owner.actor, owner.id, ProfileFields(studio_id=studio.id))
    made = await catalog.create_studio_invite(owner.actor, studio.id, None)
    await catalog.accept_studio_invite(guest.actor, made.token)
    return owner, guest, studio


async def test_the_owner_sees_every_members_day_in_columns(world: World) -> None:
    owner, guest, studio = await _studio(world)
    customer = await world.user()
    mine = await world.book(customer, owner, SLOT + timedelta(hours=2))
    theirs = await world.book(customer, guest, SLOT)
    late = await world.book(customer, guest, SLOT + timedelta(hours=4))
    await world.change(customer, late.booking.id, status=BookingStatus.CANCELLED)
    await world.book(customer, guest, SLOT + timedelta(days=1))  # another day
    shown = await world.app.bookings.show_studio_day(owner.actor, studio.id, DAY)
    assert shown.time_zone == "UTC" and shown.day == DAY
    by_artist = {c.artist.id: c for c in shown.columns}
    assert set(by_artist) == {owner.id, guest.id}
    (guests,) = by_artist[guest.id].bookings
    assert guests.start == theirs.booking.start and guests.end == theirs.booking.end
    assert guests.service == guest.service.name and guests.customer == "Customer"
    assert guests.status is theirs.booking.status
    (owners,) = by_artist[owner.id].bookings
    assert owners.start == mine.booking.start


async def test_the_desk_sees_no_phone_notes_money_or_ids(world: World) -> None:
    owner, guest, studio = await _studio(world)
    await world.book(await world.user(), guest, SLOT, notes="private notes")
    shown = await world.app.bookings.show_studio_day(owner.actor, studio.id, DAY)
    (column,) = [c for c in shown.columns if c.artist.id == guest.id]
    (seen,) = column.bookings
    assert set(seen.__slots__) == {"start", "end", "status", "service", "customer"}


async def test_a_member_who_does_not_own_the_studio_sees_no_other_members_day(
    world: World,
) -> None:
    owner, guest, studio = await _studio(world)
    stranger = await world.artist()
    for who in (guest.actor, stranger.actor, await world.user()):
        with pytest.raises(PermissionDeniedError):
            await world.app.bookings.show_studio_day(who, studio.id, DAY)
    admin = await world.user(Role.ADMIN)
    assert len((await world.app.bookings.show_studio_day(admin, studio.id, DAY)).columns) == 2
    with pytest.raises(StudioNotFoundError):
        await world.app.bookings.show_studio_day(owner.actor, StudioId(new_uuid7()), DAY)


async def test_the_day_is_read_in_the_zone_asked_for(world: World) -> None:
    owner, guest, studio = await _studio(world)
    # 16:00 UTC on Thursday is 00:00 on Friday in Ulaanbaatar (UTC+8).
    await world.book(await world.user(), guest, datetime(2026, 3, 5, 16, 0, tzinfo=UTC))
    show = world.app.bookings.show_studio_day
    in_ub = await show(owner.actor, studio.id, date(2026, 3, 6), "Asia/Ulaanbaatar")
    assert sum(len(c.bookings) for c in in_ub.columns) == 1
    in_utc = await show(owner.actor, studio.id, date(2026, 3, 6))
    assert sum(len(c.bookings) for c in in_utc.columns) == 0
    with pytest.raises(UnknownTimeZoneError):
        await show(owner.actor, studio.id, DAY, "Mars/Olympus")


@pytest.mark.parametrize("edge", [date.min, date.max])
async def test_the_calendars_edges_are_refused(world: World, edge: date) -> None:
    owner, _, studio = await _studio(world)
    with pytest.raises(InvalidInputError):
        await world.app.bookings.show_studio_day(owner.actor, studio.id, edge)
