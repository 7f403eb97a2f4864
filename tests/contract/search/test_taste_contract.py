"""The search port's taste and flash reads (``PortfolioLikes.taste``, ``flash_tags``, and
``StylesMatch.ANY_OR_FLASH`` of ``ArtistSearch.artists``), in memory and on PostgreSQL: a
booked flash design's tags count toward the customer's taste, and only the open designs of
a sheet (not removed, not a taken one-off) make an artist answer a taste by flash."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest

from booking_domain.bookings import record_new, request_booking
from booking_domain.catalog import FlashDesign, Service
from booking_domain.media import Upload, Variant
from booking_domain.scheduling import BusyTimeline
from booking_domain.search import ArtistQuery, ArtistSort, StylesMatch
from booking_domain.shared import Actor, BookingId, Money, Role, ServiceId, new_uuid7
from booking_domain.testing.builders import open_all_week
from tests.support.catalog import BookableArtist, add_bookable_artist, add_user, update_artist
from tests.support.storage import AnyUnitOfWorkFactory

pytestmark = pytest.mark.anyio
NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


async def _design(
    uow_factory: AnyUnitOfWorkFactory, artist: BookableArtist, tags: list[str], *, one_off: bool
) -> tuple[FlashDesign, Service]:
    owner = artist.actor
    variants = (Variant("large", f"img/{new_uuid7()}/large.webp", 10, 10, 5),)
    upload = Upload.request(owner, "portfolio", "image/jpeg", 5, NOW)
    used = upload.complete(variants, NOW).use(owner, upload.purpose, NOW)
    design = FlashDesign.create(artist.id, used, "Design", tags, one_off, NOW)
    size = Service(
        ServiceId(new_uuid7()), artist.id, design.variant_name("S"), timedelta(hours=1),
        Money(100_000, "MNT"), flash=design.offer("S", 5),
    )  # fmt: skip
    async with uow_factory() as uow:
        await uow.uploads.add(used)
        await uow.flash.add(design)
        await uow.services.add(size)
        await uow.commit()
    return design, size


async def _book(
    uow_factory: AnyUnitOfWorkFactory, customer: Actor, artist: BookableArtist, service: Service,
    day: int,
) -> BookingId:  # fmt: skip
    async with uow_factory() as uow:
        booking, entry = request_booking(
            by=customer, service=service, artist_user_id=artist.user_id,
            policy=artist.profile.policy, schedule=open_all_week(), busy=BusyTimeline(),
            start=NOW + timedelta(days=day), now=NOW,
        )  # fmt: skip
        await record_new(uow, booking, entry)
        await uow.commit()
    return booking.id


async def test_booked_flash_counts_toward_taste_and_only_open_designs_answer_it(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    artist = await add_bookable_artist(uow_factory)
    await update_artist(uow_factory, artist, styles=("realism",))
    other = await add_bookable_artist(uow_factory)
    await update_artist(uow_factory, other, styles=("dotwork",))
    # Open (and tagged with the artist's own style too), taken, removed.
    _, raven = await _design(uow_factory, artist, ["old-school", "bird", "realism"], one_off=False)
    _, swallow = await _design(uow_factory, artist, ["dotwork"], one_off=True)
    koi, _ = await _design(uow_factory, artist, ["japanese"], one_off=False)
    customer = await add_user(uow_factory, Role.CUSTOMER)
    rival = await add_user(uow_factory, Role.CUSTOMER)
    await _book(uow_factory, customer, artist, raven, 2)
    claimer = await _book(uow_factory, rival, artist, swallow, 3)
    async with uow_factory() as uow:
        await uow.flash.claim(swallow.id, claimer)
        await uow.flash.update(koi.removed_from_sheet(NOW))
        await uow.commit()

    wanted = ("old-school", "dotwork", "japanese", "realism", "bird")
    async with uow_factory(read_only=True) as uow:
        taste = await uow.portfolio_likes.taste(customer.user_id)
        tags = await uow.portfolio_likes.flash_tags([artist.id, other.id], wanted)
        assert await uow.portfolio_likes.flash_tags([], wanted) == {}
        assert await uow.portfolio_likes.flash_tags([artist.id], ()) == {}

        async def answering(style: str, how: StylesMatch) -> set[object]:
            query = ArtistQuery(styles=(style,), styles_match=how, sort=ArtistSort.RATING)
            page = await uow.artist_search.artists(query.check(), NOW)
            return {hit.artist.id for hit in page.items}

        by_flash = await answering("old-school", StylesMatch.ANY_OR_FLASH)
        by_style_only = await answering("old-school", StylesMatch.ANY)
        taken_one = await answering("dotwork", StylesMatch.ANY_OR_FLASH)
        removed_one = await answering("japanese", StylesMatch.ANY_OR_FLASH)
        own_style = await answering("realism", StylesMatch.ANY_OR_FLASH)
    # Each booking counts its artist's styles and its design's tags, each once.
    assert taste.booked == Counter({"realism": 1, "old-school": 1, "bird": 1})
    assert taste.score("old-school") == taste.score("realism") == 2
    assert artist.id in taste.seen_enough
    assert tags == {artist.id: ("bird", "old-school", "realism")}
    assert artist.id in by_flash and artist.id not in by_style_only
    assert other.id in taken_one  # by her own style
    assert artist.id not in taken_one  # a taken one-off answers nothing
    assert artist.id not in removed_one
    assert artist.id in own_style
