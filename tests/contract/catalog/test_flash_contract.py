"""The ``FlashRepository`` contract (with the services its sizes are), in memory and on
PostgreSQL: designs round trip, sizes stay off the plain list, and a one-off design is
claimed once, even by concurrent claims."""

from __future__ import annotations

import asyncio
import dataclasses
from datetime import UTC, datetime, timedelta

import pytest

from booking_domain.bookings import record_new, request_booking
from booking_domain.catalog import ClaimOutcome, FlashDesign, Service
from booking_domain.media import Upload, Variant
from booking_domain.scheduling import BusyTimeline
from booking_domain.shared import BookingId, Interval, Money, Role, ServiceId, new_uuid7
from booking_domain.testing.builders import open_all_week
from tests.support.catalog import BookableArtist, add_bookable_artist, add_user
from tests.support.storage import AnyUnitOfWorkFactory

pytestmark = pytest.mark.anyio
NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


async def _design(
    uow_factory: AnyUnitOfWorkFactory,
    artist: BookableArtist,
    *,
    one_off: bool = True,
    labels: tuple[str, ...] = ("S", "L"),
) -> tuple[FlashDesign, tuple[Service, ...]]:
    owner = artist.actor
    variants = (Variant("large", f"img/{new_uuid7()}/large.webp", 10, 10, 5),)
    upload = Upload.request(owner, "portfolio", "image/jpeg", 5, NOW)
    used = upload.complete(variants, NOW).use(owner, upload.purpose, NOW)
    design = FlashDesign.create(artist.id, used, "Swallow", ["bird"], one_off, NOW)
    sizes = tuple(
        Service(
            ServiceId(new_uuid7()),
            artist.id,
            design.variant_name(label),
            timedelta(minutes=60 * (n + 1)),
            Money(100_000 * (n + 1), "MNT"),
            flash=design.offer(label, 5 * (n + 1)),
        )
        for n, label in enumerate(labels)
    )
    async with uow_factory() as uow:
        await uow.uploads.add(used)
        await uow.flash.add(design)
        for size in sizes:
            await uow.services.add(size)
        await uow.commit()
    return design, sizes


async def _bookings(
    uow_factory: AnyUnitOfWorkFactory,
    artist: BookableArtist,
    service: Service,
    count: int,
    first_day: int = 2,
) -> list[BookingId]:
    customer = await add_user(uow_factory, Role.CUSTOMER)
    made = []
    async with uow_factory() as uow:
        for n in range(count):
            booking, entry = request_booking(
                by=customer, service=service, artist_user_id=artist.user_id,
                policy=artist.profile.policy, schedule=open_all_week(), busy=BusyTimeline(),
                start=NOW + timedelta(days=first_day + n), now=NOW,
            )  # fmt: skip
            await record_new(uow, booking, entry)
            made.append(booking.id)
        await uow.commit()
    return made


async def test_a_design_round_trips_with_its_sizes_off_the_plain_list(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    artist = await add_bookable_artist(uow_factory)
    design, sizes = await _design(uow_factory, artist)
    async with uow_factory(read_only=True) as uow:
        assert await uow.flash.get(design.id) == design
        assert await uow.flash.count_for_artist(artist.id) == 1
        (entry,) = await uow.flash.sheet(artist.id)
        assert (entry.design, entry.variants) == (design, sizes)
        assert await uow.flash.variants(design.id) == sizes
        assert await uow.services.get(sizes[0].id) == sizes[0]
        plain = await uow.services.list_for_artist(artist.id, include_inactive=True)
        assert plain == (artist.service,)
        every = await uow.services.list_for_artist(
            artist.id, include_inactive=False, include_flash=True
        )
        assert set(every) == {artist.service, *sizes}
    later = NOW + timedelta(hours=1)
    changed = design.changed(later, title="Two swallows", tags=["birds", "old-school"])
    async with uow_factory() as uow:
        await uow.flash.update(changed)
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        assert await uow.flash.get(design.id) == changed
    async with uow_factory() as uow:
        await uow.flash.update(changed.removed_from_sheet(later))
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        assert await uow.flash.sheet(artist.id) == ()
        assert await uow.flash.count_for_artist(artist.id) == 0
        stored = await uow.flash.get(design.id)
    assert stored is not None and stored.removed


async def test_a_one_off_design_is_claimed_once_and_its_sizes_show_taken(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    artist = await add_bookable_artist(uow_factory)
    design, (small, large) = await _design(uow_factory, artist)
    first, second = await _bookings(uow_factory, artist, small, 2)
    async with uow_factory() as uow:
        assert await uow.flash.claim(artist.service.id, first) is ClaimOutcome.NOT_ONE_OFF
        assert await uow.flash.claim(small.id, first) is ClaimOutcome.CLAIMED
        assert await uow.flash.claim(large.id, first) is ClaimOutcome.CLAIMED  # again: same one
        assert await uow.flash.claim(large.id, second) is ClaimOutcome.TAKEN
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        stored = await uow.flash.get(design.id)
        sizes = await uow.flash.variants(design.id)
        window = Interval(NOW, NOW + timedelta(days=1))
        context = await uow.scheduling.context(artist.id, large.id, window, NOW)
    assert stored is not None and stored.taken and stored.claimed_by == first
    assert all(s.flash is not None and s.flash.taken for s in sizes)
    assert context is not None and context.service.flash is not None
    assert context.service.flash.taken  # what booking creation reads, at no extra cost
    # A change of a size (or of the design) never writes the claim back.
    async with uow_factory() as uow:
        await uow.services.update(dataclasses.replace(small, name="Swallow, small"))
        await uow.flash.update(design.changed(NOW, title="Swallow again"))
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        again = await uow.services.get(small.id)
        kept = await uow.flash.get(design.id)
    assert again is not None and again.flash is not None and again.flash.taken
    assert kept is not None and kept.claimed_by == first


async def test_a_design_that_is_not_one_off_is_never_claimed(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    artist = await add_bookable_artist(uow_factory)
    design, (small, _) = await _design(uow_factory, artist, one_off=False)
    first, second = await _bookings(uow_factory, artist, small, 2)
    async with uow_factory() as uow:
        for booking in (first, second):
            assert await uow.flash.claim(small.id, booking) is ClaimOutcome.NOT_ONE_OFF
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        stored = await uow.flash.get(design.id)
    assert stored is not None and not stored.taken and stored.claimed_by is None


async def test_of_concurrent_claims_of_one_design_exactly_one_wins(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    artist = await add_bookable_artist(uow_factory)
    design, (small, large) = await _design(uow_factory, artist)
    bookings = [
        *await _bookings(uow_factory, artist, small, 3),
        *await _bookings(uow_factory, artist, large, 3, first_day=10),
    ]
    service_of = {b: (small if n < 3 else large).id for n, b in enumerate(bookings)}

    async def claim(booking: BookingId) -> ClaimOutcome:
        async with uow_factory() as uow:
            outcome = await uow.flash.claim(service_of[booking], booking)
            await uow.commit()
        return outcome

    outcomes = await asyncio.gather(*(claim(b) for b in bookings))
    assert sorted(outcomes) == sorted([ClaimOutcome.CLAIMED] + [ClaimOutcome.TAKEN] * 5)
    winner = bookings[outcomes.index(ClaimOutcome.CLAIMED)]
    async with uow_factory(read_only=True) as uow:
        stored = await uow.flash.get(design.id)
    assert stored is not None and stored.claimed_by == winner
