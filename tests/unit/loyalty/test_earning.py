"""Earning from the outbox's feed, on the in-memory adapters: a completed booking earns on
the money paid for it through the platform (its deposit at completion, its balance when
paid), never on an unpaid price, in its program, a published review earns its points and a
removed one gives them back, a refund reverses its share, a replayed feed earns nothing
twice, a program that is off earns nothing, and points expire when their time runs out."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

import pytest

from booking_domain.bookings import (
    BookingStatus,
    record_balance_payment,
    record_change,
    record_payment,
    record_refund,
)
from booking_domain.bookings.use_cases import BookingRequest
from booking_domain.catalog import FixedDeposit
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
from tests.support.catalog import BookableArtist, add_bookable_artist, add_service, add_user

pytestmark = pytest.mark.anyio
SLOT = datetime(2026, 3, 5, 10, 0, tzinfo=UTC)  # START is Monday 2026-03-02 10:00 UTC
PRICE = Money(15_000_000, "MNT")  # MNT 150,000: 150 points at a point per MNT 1,000
DEPOSIT = Money(3_000_000, "MNT")  # MNT 30,000: 30 points
BALANCE = PRICE - DEPOSIT  # MNT 120,000: 120 points


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
        """A booking of the customer's, its deposit paid, done once its time came, and its
        balance paid: all of its price was paid through the platform."""
        request = BookingRequest(self.artist.id, self.artist.service.id, start)
        made = await self.app.bookings.create_booking(self.customer, request)
        await self.pay(made.booking.id, DEPOSIT)
        self.app.clock.set(start + timedelta(hours=2))
        await self.app.bookings.change_status(
            self.artist.actor, made.booking.id, status=BookingStatus.COMPLETED
        )
        await self.pay(made.booking.id, BALANCE)
        return made.booking.id

    async def pay(self, booking_id: BookingId, amount: Money) -> None:
        """A payment verified by the gateway: the deposit of a pending booking, the
        balance of a completed one (as payments' receipts record them)."""
        async with self.app.uow() as uow:
            booking = await uow.bookings.get(booking_id, for_update=True)
            assert booking is not None
            now = self.app.clock.now()
            if booking.status is BookingStatus.PENDING:
                changed, entry = record_payment(booking, amount, now)
            else:
                changed, entry = record_balance_payment(booking, amount, PRICE, now)
            await record_change(uow, changed, entry)
            await uow.commit()

    async def balance(self) -> int:
        standings = await self.loyalty.my_loyalty(self.customer)
        return sum(s.account.balance for s in standings)


@pytest.fixture
async def shop() -> Shop:
    app = build_app()
    artist = await add_bookable_artist(app.uow, price=PRICE, deposit=FixedDeposit(DEPOSIT))
    customer = await add_user(app.uow)
    admin = await add_user(app.uow, Role.ADMIN)
    return Shop(app, artist, customer, admin)


async def turn_on(shop: Shop, rates: Rates = EVERYDAY, *, own: bool = False) -> None:
    settings = ProgramSettings(True, rates)
    if own:
        await shop.loyalty.set_artist_program(shop.artist.actor, shop.artist.id, settings)
    else:
        await shop.loyalty.set_platform_program(shop.admin, settings)


async def test_a_paid_booking_earns_on_its_deposit_and_its_balance_once(shop: Shop) -> None:
    await turn_on(shop)
    booking = await shop.completed()
    assert await shop.loyalty.earn_points() == 2  # the completion and the balance payment
    assert await shop.loyalty.earn_points() == 0  # nothing new
    (standing,) = await shop.loyalty.my_loyalty(shop.customer)
    assert (standing.account.balance, standing.program.name) == (150, "Inkslot")
    assert standing.tier is None and standing.next_tier is not None
    assert standing.expiring == (150, shop.app.clock.now() + timedelta(days=365))
    page = await shop.loyalty.my_entries(shop.customer, standing.program.id, PageRequest())
    assert [(e.kind, e.points, e.reason, e.source) for e in page.items] == [
        (EntryKind.EARN, 120, "balance_paid", f"booking/{booking}"),
        (EntryKind.EARN, 30, "booking_completed", f"booking/{booking}"),
    ]  # fmt: skip


async def test_a_booking_completed_unpaid_earns_nothing_whatever_its_price(
    shop: Shop,
) -> None:
    """A booking confirmed with no deposit asked and completed unpaid (as an artist's
    walk-in at any price): a price nobody paid through the platform mints no points."""
    await turn_on(shop)
    free = await add_service(shop.app.uow, shop.artist, price=Money(10**12, "MNT"))
    request = BookingRequest(shop.artist.id, free.id, SLOT)
    booking = (await shop.app.bookings.create_booking(shop.customer, request)).booking.id
    shop.app.clock.set(SLOT + timedelta(hours=2))
    done = await shop.app.bookings.change_status(
        shop.artist.actor, booking, status=BookingStatus.COMPLETED
    )
    assert done.status is BookingStatus.COMPLETED
    assert await shop.loyalty.earn_points() == 0
    assert await shop.balance() == 0


async def test_a_completion_earns_on_the_deposit_paid_before_the_balance_is(
    shop: Shop,
) -> None:
    await turn_on(shop)
    request = BookingRequest(shop.artist.id, shop.artist.service.id, SLOT)
    booking = (await shop.app.bookings.create_booking(shop.customer, request)).booking.id
    await shop.pay(booking, DEPOSIT)
    shop.app.clock.set(SLOT + timedelta(hours=2))
    await shop.app.bookings.change_status(
        shop.artist.actor, booking, status=BookingStatus.COMPLETED
    )
    await shop.pay(booking, BALANCE)  # paid before the earner looked: counted once, apart
    assert await shop.loyalty.earn_points() == 2
    assert await shop.balance() == 150


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
    # An admin's dispute resolution repaid a third of the money paid: the gateway paid it
    # out; a third of each payment's points goes back.
    async with shop.app.uow() as uow:
        booking = await uow.bookings.get(booking_id, for_update=True)
        assert booking is not None
        owed = dataclasses.replace(booking, refund_due=Money(5_000_000, "MNT"))
        refunded, entry = record_refund(owed, Money(5_000_000, "MNT"), shop.app.clock.now())
        await record_change(uow, refunded, entry)
        await uow.commit()
    await shop.loyalty.earn_points()
    assert await shop.balance() == 100  # 150 less a third
    await shop.loyalty.earn_points()
    assert await shop.balance() == 100  # read again: nothing more


async def _refund(shop: Shop, booking_id: BookingId, amount: Money) -> None:
    """The gateway paid ``amount`` back (owed first, as a resolution or a duplicate owes)."""
    async with shop.app.uow() as uow:
        booking = await uow.bookings.get(booking_id, for_update=True)
        assert booking is not None
        owed = dataclasses.replace(booking, refund_due=amount)
        refunded, entry = record_refund(owed, amount, shop.app.clock.now())
        await record_change(uow, refunded, entry)
        await uow.commit()


async def test_a_full_refund_takes_back_all_a_booking_earned_in_two_programs(
    shop: Shop,
) -> None:
    """The deposit earned in the platform's program at completion; the artist turned on a
    program of their own before the balance was paid, so the balance earned there. A full
    refund takes back both, each account once."""
    await turn_on(shop)
    request = BookingRequest(shop.artist.id, shop.artist.service.id, SLOT)
    booking_id = (await shop.app.bookings.create_booking(shop.customer, request)).booking.id
    await shop.pay(booking_id, DEPOSIT)
    shop.app.clock.set(SLOT + timedelta(hours=2))
    await shop.app.bookings.change_status(
        shop.artist.actor, booking_id, status=BookingStatus.COMPLETED
    )
    await shop.loyalty.earn_points()
    await turn_on(shop, own=True)
    await shop.pay(booking_id, BALANCE)
    await shop.loyalty.earn_points()
    balances = {s.program.artist_id: s.account.balance for s in await shop.loyalty.my_loyalty(
        shop.customer)}  # fmt: skip
    assert balances == {None: 30, shop.artist.id: 120}
    await _refund(shop, booking_id, PRICE)
    await shop.loyalty.earn_points()
    assert await shop.balance() == 0
    await shop.loyalty.earn_points()
    assert await shop.balance() == 0


async def test_refunding_a_payment_that_earned_nothing_takes_nothing_back(shop: Shop) -> None:
    """A duplicate deposit is owed back and earned nothing at completion: paying it back
    leaves the points the kept deposit earned."""
    await turn_on(shop)
    request = BookingRequest(shop.artist.id, shop.artist.service.id, SLOT)
    booking_id = (await shop.app.bookings.create_booking(shop.customer, request)).booking.id
    await shop.pay(booking_id, DEPOSIT)
    async with shop.app.uow() as uow:  # the same deposit, paid again
        booking = await uow.bookings.get(booking_id, for_update=True)
        assert booking is not None
        again, entry = record_payment(booking, DEPOSIT, shop.app.clock.now())
        await record_change(uow, again, entry)
        await uow.commit()
    shop.app.clock.set(SLOT + timedelta(hours=2))
    await shop.app.bookings.change_status(
        shop.artist.actor, booking_id, status=BookingStatus.COMPLETED
    )
    await shop.loyalty.earn_points()
    assert await shop.balance() == 30
    await _refund(shop, booking_id, DEPOSIT)
    await shop.loyalty.earn_points()
    assert await shop.balance() == 30


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
    assert [e.kind for e in page.items] == [EntryKind.EXPIRE, EntryKind.EARN, EntryKind.EARN]


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


async def _studio(shop: Shop, booking: BookingId, kind: str, amount: Money) -> None:
    """The artist records money taken in the studio (``RecordStudioPayment``)."""
    from booking_domain.payments import StudioKind, StudioMethod
    from booking_domain.payments.use_cases import StudioPaymentRequest

    request = StudioPaymentRequest(StudioMethod.CASH, StudioKind(kind), amount.amount)
    await shop.app.bundles.payments.record_studio_payment(shop.artist.actor, booking, request)


async def _in_studio(shop: Shop, *, deposit: bool) -> BookingId:
    """A booking completed and paid in full in the studio: its deposit in cash too when
    ``deposit``, else through the platform; the balance in cash."""
    request = BookingRequest(shop.artist.id, shop.artist.service.id, SLOT)
    booking = (await shop.app.bookings.create_booking(shop.customer, request)).booking.id
    if deposit:
        await _studio(shop, booking, "deposit", DEPOSIT)
    else:
        await shop.pay(booking, DEPOSIT)
    shop.app.clock.set(SLOT + timedelta(hours=2))
    await shop.app.bookings.change_status(
        shop.artist.actor, booking, status=BookingStatus.COMPLETED
    )
    await _studio(shop, booking, "all", BALANCE)
    return booking


@pytest.mark.parametrize("deposit_in_studio", [True, False])
async def test_money_taken_in_the_studio_earns_no_platform_points(
    shop: Shop, deposit_in_studio: bool
) -> None:
    """The platform's points are real discounts on every artist's invoices: they are earned
    on money the platform received, never on money an artist says they took by hand (an
    artist could otherwise mint them for anyone by recording cash nobody paid)."""
    await turn_on(shop)
    await _in_studio(shop, deposit=deposit_in_studio)
    await shop.loyalty.earn_points()
    assert await shop.balance() == (0 if deposit_in_studio else 30)  # the platform's deposit


async def test_money_taken_in_the_studio_earns_in_the_artists_own_program(shop: Shop) -> None:
    """The artist's own program is funded by the artist: cash they took earns in it, once."""
    await turn_on(shop)
    await turn_on(shop, own=True)
    await _in_studio(shop, deposit=True)
    assert await shop.loyalty.earn_points() == 2
    assert await shop.loyalty.earn_points() == 0
    (standing,) = await shop.loyalty.my_loyalty(shop.customer)
    assert (standing.account.balance, standing.program.artist_id) == (150, shop.artist.id)


async def test_a_platform_refund_takes_back_platform_points_whatever_cash_the_booking_holds(
    shop: Shop,
) -> None:
    """The platform's points were earned on its money only: when that money goes back, they
    go back, however much cash the artist recorded on the booking (recorded cash would
    otherwise shield them from any refund or dispute)."""
    await turn_on(shop)
    request = BookingRequest(shop.artist.id, shop.artist.service.id, SLOT)
    booking = (await shop.app.bookings.create_booking(shop.customer, request)).booking.id
    await shop.pay(booking, DEPOSIT)  # through the platform: 30 points
    shop.app.clock.set(SLOT + timedelta(hours=2))
    await shop.app.bookings.change_status(
        shop.artist.actor, booking, status=BookingStatus.COMPLETED
    )
    await _studio(shop, booking, "all", BALANCE)  # cash: no platform points
    await shop.loyalty.earn_points()
    assert await shop.balance() == 30
    async with shop.app.uow() as uow:
        found = await uow.bookings.get(booking, for_update=True)
        assert found is not None
        owed = dataclasses.replace(found, refund_due=DEPOSIT)  # as a dispute's refund owes it
        await record_change(uow, *record_refund(owed, DEPOSIT, shop.app.clock.now()))
        await uow.commit()
    await shop.loyalty.earn_points()
    assert await shop.balance() == 0
