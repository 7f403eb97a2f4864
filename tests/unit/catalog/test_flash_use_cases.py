"""Flash use cases on the in-memory adapters: putting a design on the sheet, reading it,
booking its sizes through the bookings' own use cases, approval claiming a one-off design,
and who is refused."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

import pytest

from booking_domain.accounts import Role
from booking_domain.bookings import BookingStatus
from booking_domain.bookings.use_cases import BookingRequest
from booking_domain.catalog import (
    DepositCurrencyNotPayableError,
    FlashDesignNotFoundError,
    FlashDesignTakenError,
)
from booking_domain.catalog.use_cases import (
    DepositChoice,
    FlashDesignFields,
    ServiceFields,
    VariantFields,
)
from booking_domain.media import Upload, UploadId, Variant
from booking_domain.scheduling import ArtistNotBookableError
from booking_domain.search import ArtistQuery
from booking_domain.shared import Actor, InvalidInputError, Money, PermissionDeniedError
from tests.support.bootstrap import App, build_app
from tests.support.catalog import BookableArtist, add_bookable_artist, add_user

pytestmark = pytest.mark.anyio
SLOT = datetime(2026, 3, 5, 10, 0, tzinfo=UTC)  # Thursday; the clock starts Monday 10:00


@pytest.fixture
async def app() -> App:
    return build_app()


async def _upload(app: App, owner: Actor) -> UploadId:
    now = app.clock.now()
    variants = (Variant("large", f"img/{now.timestamp()}/large.webp", 10, 10, 5),)
    upload = Upload.request(owner, "portfolio", "image/jpeg", 5, now).complete(variants, now)
    async with app.uow() as uow:
        await uow.uploads.add(upload)
        await uow.commit()
    return UploadId(upload.id)


def _fields(upload: UploadId, *, one_off: bool = True) -> FlashDesignFields:
    return FlashDesignFields(
        upload_id=upload,
        title="Swallow",
        tags=("Old School",),
        one_off=one_off,
        variants=(
            VariantFields("S", timedelta(minutes=60), Money(100_000, "MNT"), size_cm=5),
            VariantFields("L", timedelta(minutes=120), Money(300_000, "MNT"), size_cm=15),
        ),
    )


async def _sheet_artist(app: App) -> BookableArtist:
    return await add_bookable_artist(app.uow)


async def test_a_size_confirmed_at_once_takes_the_design_and_refuses_the_next(app: App) -> None:
    artist = await _sheet_artist(app)
    entry = await app.catalog.create_flash_design(
        artist.actor, _fields(await _upload(app, artist.actor))
    )
    small, large = entry.variants
    assert entry.design.tags == ("old-school",) and not entry.design.taken
    (listed,) = await app.catalog.list_flash_sheet(None, artist.id)
    assert listed.design == entry.design and listed.variants == entry.variants
    assert await app.catalog.list_services(None, artist.id) == (artist.service,)

    customer = await add_user(app.uow, Role.CUSTOMER)
    made = await app.bookings.create_booking(customer, BookingRequest(artist.id, small.id, SLOT))
    assert made.booking.status is BookingStatus.CONFIRMED
    (taken,) = await app.catalog.list_flash_sheet(None, artist.id)
    assert taken.design.taken and taken.design.claimed_by == made.booking.id

    other = await add_user(app.uow, Role.CUSTOMER)
    later = BookingRequest(artist.id, large.id, SLOT + timedelta(hours=3), idempotency_key="k-1")
    with pytest.raises(FlashDesignTakenError):
        await app.bookings.create_booking(other, later)
    plain = BookingRequest(artist.id, artist.service.id, SLOT + timedelta(hours=3))
    assert (
        await app.bookings.create_booking(other, plain)
    ).booking.status is BookingStatus.CONFIRMED


async def test_approving_claims_a_one_off_design_once(app: App) -> None:
    artist = await _sheet_artist(app)
    entry = await app.catalog.create_flash_design(
        artist.actor, _fields(await _upload(app, artist.actor))
    )
    small, _ = entry.variants
    approval = ServiceFields(needs_approval=True)
    await app.catalog.update_service(artist.actor, artist.id, small.id, approval)
    asked = []
    for hours in (0, 3):
        customer = await add_user(app.uow, Role.CUSTOMER)
        request = BookingRequest(artist.id, small.id, SLOT + timedelta(hours=hours))
        made = await app.bookings.create_booking(customer, request)
        assert made.booking.status is BookingStatus.PENDING
        asked.append(made.booking.id)
    first = await app.bookings.change_status(artist.actor, asked[0], status=BookingStatus.CONFIRMED)
    assert first.status is BookingStatus.CONFIRMED
    with pytest.raises(FlashDesignTakenError):
        await app.bookings.change_status(artist.actor, asked[1], status=BookingStatus.CONFIRMED)
    second = await app.bookings.get_booking(artist.actor, asked[1])
    assert second.status is BookingStatus.PENDING  # refused, unchanged


async def test_a_design_that_is_not_one_off_is_never_taken(app: App) -> None:
    artist = await _sheet_artist(app)
    entry = await app.catalog.create_flash_design(
        artist.actor, _fields(await _upload(app, artist.actor), one_off=False)
    )
    for hours in (0, 3):
        customer = await add_user(app.uow, Role.CUSTOMER)
        request = BookingRequest(artist.id, entry.variants[0].id, SLOT + timedelta(hours=hours))
        await app.bookings.create_booking(customer, request)
    (listed,) = await app.catalog.list_flash_sheet(None, artist.id)
    assert not listed.design.taken


async def test_who_may_keep_a_sheet_and_what_removal_does(app: App) -> None:
    artist = await _sheet_artist(app)
    upload = await _upload(app, artist.actor)
    customer = await add_user(app.uow, Role.CUSTOMER)
    with pytest.raises(PermissionDeniedError):
        await app.catalog.create_flash_design(customer, _fields(upload))
    with pytest.raises(InvalidInputError):
        await app.catalog.create_flash_design(
            artist.actor, FlashDesignFields(upload, "Rose", variants=())
        )
    entry = await app.catalog.create_flash_design(artist.actor, _fields(upload))
    stranger = await add_bookable_artist(app.uow)
    with pytest.raises(FlashDesignNotFoundError):
        await app.catalog.update_flash_design(stranger.actor, entry.design.id, title="Mine")
    search = app.bundles.search
    found = await search.search_artists(ArtistQuery(q="old school"))
    assert [card.hit.artist.id for card in found.items] == [artist.id]  # by the sheet's tags
    await app.catalog.remove_flash_design(artist.actor, entry.design.id)
    assert await app.catalog.list_flash_sheet(None, artist.id) == ()
    assert (await search.search_artists(ArtistQuery(q="old school"))).items == ()
    with pytest.raises(ArtistNotBookableError):
        await app.bookings.create_booking(
            customer, BookingRequest(artist.id, entry.variants[0].id, SLOT)
        )
    with pytest.raises(FlashDesignNotFoundError):
        await app.catalog.remove_flash_design(artist.actor, entry.design.id)


async def test_a_size_asking_a_deposit_nobody_could_pay_refuses_the_whole_design(
    app: App,
) -> None:
    """Each size of a design is a service: a deposit in a currency the payment gateway does
    not take (docs/product.md) refuses the design, and nothing of it is kept."""
    artist = await _sheet_artist(app)
    upload = await _upload(app, artist.actor)
    unpayable = VariantFields(
        "M", timedelta(minutes=90), Money(20_000, "USD"), deposit=DepositChoice(percent=20)
    )
    fields = dataclasses.replace(_fields(upload), variants=(*_fields(upload).variants, unpayable))
    with pytest.raises(DepositCurrencyNotPayableError):
        await app.catalog.create_flash_design(artist.actor, fields)
    assert [s.id for s in await app.catalog.list_services(artist.actor, artist.id)] == [
        artist.service.id
    ]
