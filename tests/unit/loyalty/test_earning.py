"""Earning from the outbox's feed, on the in-memory adapters: a completed booking earns on
its price in its program, a published review earns its points and a removed one gives them
back, a refund reverses its share, a replayed feed earns nothing twice, a program that is
off earns nothing, and points expire when their time runs out."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

import pytest

from booking_domain.bookings import BookingStatus, record_change, record_refund
from booking_domain.bookings.use_cases import BookingRequest
from booking_domain.loyalty import (
    EntryKind,
    InvalidProgramError,
    ProgramActionNotAllowedError,
    ProgramNotFoundError,
    Rates,
)
from booking_domain.loyalty.use_cases import LoyaltyUseCases, ProgramSettings
from booking_domain.shared import Actor, BookingId, Money, PermissionDeniedError, Role
from booking_domain.shared.pages import PageRequest
from booking_domain.testing.loyalty import EVERYDAY
from tests.support.bootstrap import App, build_app
from tests.support.catalog import BookableArtist, add_bookable_artist, add_user

pytestmark = pytest.mark.anyio
SLOT = datetime(2026, 3, 5, 10, 0, tzinfo=UTC)  # START is Monday 2026-03-02 10:00 UTC
PRICE = Money(15_000_000, "MNT")  # MNT 150,000: 150 points at a point per MNT 1,000


@dataclasses.dataclass
class Shop:
    app: App
    artist: BookableArtist
    customer: Actor
    admin: Actor

    @property
    def loyalty(self) -> LoyaltyUseCases:
        return self.app.bundles.loyalty

    async def completed(self, start: datetime = SLOT) -> BookingId:
        """A booking of the customer's, confirmed at once, done once its time came."""
        request = BookingRequest(self.artist.id, self.artist.service.id, start)
        made = await self.app.bookings.create_booking(self.customer, request)
        self.app.clock.set(start + timedelta(hours=2))
        await self.app.bookings.change_status(
            self.artist.actor, made.booking.id, status=BookingStatus.COMPLETED
        )
        return made.booking.id

    async def balance(self) -> int:
        standings = await self.loyalty.my_loyalty(self.customer)
        return sum(s.account.balance for s in standings)


@pytest.fixture
async def shop() -> Shop:
    app = build_app()
    artist = await add_bookable_artist(app.uow, price=PRICE)
    customer = await add_user(app.uow)
    admin = await add_user(app.uow, Role.ADMIN)
    return Shop(app, artist, customer, admin)


async def turn_on(shop: Shop, rates: Rates = EVERYDAY, *, own: bool = False) -> None:
    settings = ProgramSettings(True, rates)
    if own:
        await shop.loyalty.set_artist_program(shop.artist.actor, shop.artist.id, settings)
    else:
        await shop.loyalty.set_platform_program(shop.admin, settings)


async def test_a_completed_booking_earns_on_its_price_once(shop: Shop) -> None:
    await turn_on(shop)
    booking = await shop.completed()
    assert await shop.loyalty.earn_points() == 1
    assert await shop.loyalty.earn_points() == 0  # nothing new
    (standing,) = await shop.loyalty.my_loyalty(shop.customer)
    assert (standing.account.balance, standing.program.name) == (150, "Inkslot")
    assert standing.tier is None and standing.next_tier is not None
    assert standing.expiring == (150, shop.app.clock.now() + timedelta(days=365))
    page = await shop.loyalty.my_entries(shop.customer, standing.program.id, PageRequest())
    (earned,) = page.items
    assert (earned.kind, earned.points, earned.source) == (
        EntryKind.EARN, 150, f"booking/{booking}",
    )  # fmt: skip


async def test_the_artists_own_program_takes_the_booking_and_an_off_one_gives_it_back(
    shop: Shop,
) -> None:
    await turn_on(shop)
    await turn_on(shop, dataclasses.replace(EVERYDAY, spend_per_point=1_000_000), own=True)
    await shop.completed()
    await shop.loyalty.earn_points()
    (standing,) = await shop.loyalty.my_loyalty(shop.customer)
    assert (standing.account.balance, standing.program.artist_id) == (15, shop.artist.id)

    off = ProgramSettings(False, EVERYDAY)
    await shop.loyalty.set_artist_program(shop.artist.actor, shop.artist.id, off)
    await shop.completed(SLOT + timedelta(days=3))
    await shop.loyalty.earn_points()
    balances = {s.program.name: s.account.balance for s in await shop.loyalty.my_loyalty(
        shop.customer)}  # fmt: skip
    assert balances == {shop.artist.profile.display_name: 15, "Inkslot": 150}


async def test_nothing_earns_while_no_program_is_on(shop: Shop) -> None:
    await shop.completed()
    await shop.loyalty.earn_points()
    await turn_on(shop)  # turned on later: the past is not earned again
    assert await shop.loyalty.earn_points() == 0
    assert await shop.balance() == 0


async def test_a_review_earns_and_moderation_takes_it_back_and_restoring_earns_again(
    shop: Shop,
) -> None:
    await turn_on(shop)
    booking = await shop.completed()
    reviews = shop.app.bundles.reviews
    review = await reviews.write_review(shop.customer, booking, 5, "Lovely lines")
    await shop.loyalty.earn_points()
    assert await shop.balance() == 150 + 50
    await reviews.hide_review(shop.admin, review.id, "spam")
    await shop.loyalty.earn_points()
    assert await shop.balance() == 150
    await reviews.restore_review(shop.admin, review.id)
    await shop.loyalty.earn_points()
    assert await shop.balance() == 200


async def test_a_refund_reverses_the_refunded_share_of_what_the_booking_earned(
    shop: Shop,
) -> None:
    await turn_on(shop)
    booking_id = await shop.completed()
    await shop.loyalty.earn_points()
    # An admin's dispute resolution repaid a third of the price: the gateway paid it out.
    async with shop.app.uow() as uow:
        booking = await uow.bookings.get(booking_id, for_update=True)
        assert booking is not None
        paid = dataclasses.replace(booking, amount_paid=PRICE, refund_due=Money(5_000_000, "MNT"))
        refunded, entry = record_refund(paid, Money(5_000_000, "MNT"), shop.app.clock.now())
        await record_change(uow, refunded, entry)
        await uow.commit()
    await shop.loyalty.earn_points()
    assert await shop.balance() == 100  # 150 less a third
    await shop.loyalty.earn_points()
    assert await shop.balance() == 100  # read again: nothing more


async def test_points_expire_when_their_time_runs_out(shop: Shop) -> None:
    await turn_on(shop, dataclasses.replace(EVERYDAY, expiry_days=30))
    await shop.completed()
    await shop.loyalty.earn_points()
    shop.app.clock.advance(timedelta(days=29))
    assert await shop.loyalty.expire_points() == 0
    shop.app.clock.advance(timedelta(days=1))
    assert await shop.loyalty.expire_points() == 1
    assert await shop.balance() == 0
    (standing,) = await shop.loyalty.my_loyalty(shop.customer)
    page = await shop.loyalty.my_entries(shop.customer, standing.program.id, PageRequest())
    assert [e.kind for e in page.items] == [EntryKind.EXPIRE, EntryKind.EARN]


async def test_who_sets_and_reads_programs(shop: Shop) -> None:
    with pytest.raises(ProgramNotFoundError):
        await shop.loyalty.get_platform_program()
    with pytest.raises(ProgramActionNotAllowedError):
        await shop.loyalty.set_platform_program(shop.customer, ProgramSettings(True, EVERYDAY))
    with pytest.raises(InvalidProgramError):
        bad = dataclasses.replace(EVERYDAY, max_share_percent=95)
        await shop.loyalty.set_platform_program(shop.admin, ProgramSettings(True, bad))
    await turn_on(shop)
    assert (await shop.loyalty.get_platform_program()).active

    off = ProgramSettings(False, EVERYDAY)
    await shop.loyalty.set_artist_program(shop.artist.actor, shop.artist.id, off)
    for who in (None, shop.customer):  # off: only its artist and admins see it
        with pytest.raises(ProgramNotFoundError):
            await shop.loyalty.get_artist_program(who, shop.artist.id)
    assert not (await shop.loyalty.get_artist_program(shop.admin, shop.artist.id)).active
    await turn_on(shop, own=True)
    program = await shop.loyalty.get_artist_program(None, shop.artist.id)
    assert (program.version, program.name) == (2, shop.artist.profile.display_name)
    stranger = await add_user(shop.app.uow, Role.ARTIST)
    with pytest.raises(PermissionDeniedError):  # the profile is public: 403, not 404
        await shop.loyalty.set_artist_program(stranger, shop.artist.id, off)
