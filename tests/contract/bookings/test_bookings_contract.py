"""The booking and idempotency repositories, on every adapter: round trips, the no-overlap
rule (the exclusion constraint on PostgreSQL), optimistic versions, holds, lists, keys."""

from __future__ import annotations

import asyncio
import dataclasses
from datetime import UTC, datetime, timedelta

import psycopg
import pytest

from adapters.postgres.errors import translate
from booking_domain.accounts import Actor, Role
from booking_domain.bookings import (
    BookedFor,
    Booking,
    BookingNames,
    BookingReferenceTakenError,
    BookingStatus,
    HistoryEntry,
    SlotTakenError,
    busy_timeline,
    lifecycle,
    new_client,
    record_new,
    request_booking,
)
from booking_domain.bookings.ports import BookingFilter, IdempotencyRecord
from booking_domain.bookings.use_cases import BookingRequest
from booking_domain.catalog import FixedDeposit, FlashDesign, Service
from booking_domain.media import Upload, Variant
from booking_domain.scheduling import ArtistNotBookableError, BusyTimeline, Interval
from booking_domain.shared import (
    BookingId,
    ConcurrentUpdateError,
    Money,
    PageRequest,
    ServiceId,
    UserId,
    new_uuid7,
)
from booking_domain.shared.pages import Page
from booking_domain.testing.builders import open_all_week
from tests.support.bootstrap import build_app
from tests.support.builders import START
from tests.support.catalog import BookableArtist, a_user, add_bookable_artist, add_user
from tests.support.pages import assert_counts_capped
from tests.support.storage import AnyUnitOfWorkFactory, PostgresUnits, until_a_lock_is_awaited

pytestmark = pytest.mark.anyio
SLOT = datetime(2026, 3, 5, 10, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)
DEPOSIT = FixedDeposit(Money(20_000, "MNT"))


def a_booking(
    artist: BookableArtist, customer: Actor, start: datetime = SLOT, now: datetime = START
) -> tuple[Booking, HistoryEntry]:
    """A request on an always-open calendar with nothing busy: the storage alone decides."""
    return request_booking(
        by=customer, service=artist.service, artist_user_id=artist.user_id,
        policy=artist.profile.policy, schedule=open_all_week(), busy=BusyTimeline(),
        start=start, now=now, notes="rose",
    )  # fmt: skip


async def store(uow_factory: AnyUnitOfWorkFactory, booking: Booking, event: HistoryEntry) -> None:
    """A new booking recorded as the use cases record it (its event and audit entry too)."""
    async with uow_factory() as uow:
        await record_new(uow, booking, event)
        await uow.commit()


async def load(uow_factory: AnyUnitOfWorkFactory, booking_id: BookingId) -> Booking:
    async with uow_factory(read_only=True) as uow:
        booking = await uow.bookings.get(booking_id)
    assert booking is not None
    return booking


async def test_a_booking_and_its_events_round_trip(uow_factory: AnyUnitOfWorkFactory) -> None:
    artist = await add_bookable_artist(uow_factory, deposit=DEPOSIT, before=15, after=10)
    customer = await add_user(uow_factory)
    booking, event = a_booking(artist, customer)
    await store(uow_factory, booking, event)
    assert await load(uow_factory, booking.id) == booking
    cancelled, second = lifecycle.cancel(booking, customer, START + HOUR, artist.profile.policy,
                                         reason="changed my mind")  # fmt: skip
    async with uow_factory() as uow:
        await uow.bookings.save(cancelled, second)
        await uow.commit()
    assert await load(uow_factory, booking.id) == cancelled
    async with uow_factory(read_only=True) as uow:
        assert await uow.bookings.history(booking.id) == (event, second)
        assert await uow.bookings.get(BookingId(new_uuid7())) is None


async def test_overlapping_active_bookings_are_refused(uow_factory: AnyUnitOfWorkFactory) -> None:
    artist = await add_bookable_artist(uow_factory, after=30)
    other_artist = await add_bookable_artist(uow_factory)
    customer = await add_user(uow_factory)
    await store(uow_factory, *a_booking(artist, customer))
    with pytest.raises(SlotTakenError):
        await store(uow_factory, *a_booking(artist, customer, SLOT + HOUR))  # in the buffer
    await store(uow_factory, *a_booking(artist, customer, SLOT + 90 * timedelta(minutes=1)))
    await store(uow_factory, *a_booking(other_artist, customer))
    async with uow_factory(read_only=True) as uow:
        page = await uow.bookings.list(BookingFilter(), PageRequest())
    assert page.total == 3


async def test_a_booking_is_found_by_its_reference(uow_factory: AnyUnitOfWorkFactory) -> None:
    artist, customer = await add_bookable_artist(uow_factory), await add_user(uow_factory)
    booking, event = a_booking(artist, customer)
    await store(uow_factory, booking, event)
    async with uow_factory(read_only=True) as uow:
        assert await uow.bookings.get_by_reference(booking.reference) == booking
        assert await uow.bookings.get_by_reference(booking.reference.lower()) is None
        assert await uow.bookings.get_by_reference("") is None


async def test_a_reference_in_use_is_refused(uow_factory: AnyUnitOfWorkFactory) -> None:
    artist, customer = await add_bookable_artist(uow_factory), await add_user(uow_factory)
    first, event = a_booking(artist, customer)
    await store(uow_factory, first, event)
    clash, clash_event = a_booking(artist, customer, SLOT + 3 * HOUR)
    clash = dataclasses.replace(clash, reference=first.reference)
    with pytest.raises(BookingReferenceTakenError):
        await store(uow_factory, clash, clash_event)


async def test_an_autocommit_write_is_durable_when_it_returns(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    """Even when the block fails afterwards: nothing is left to commit or roll back."""
    artist, customer = await add_bookable_artist(uow_factory), await add_user(uow_factory)
    kept, event = a_booking(artist, customer)
    with pytest.raises(SlotTakenError):
        async with uow_factory(autocommit=True) as uow:
            await uow.bookings.add(kept, event)
            await uow.bookings.add(*a_booking(artist, customer, SLOT + HOUR / 2))
    assert await load(uow_factory, kept.id) == kept
    async with uow_factory(read_only=True) as uow:
        assert (await uow.bookings.list(BookingFilter(), PageRequest())).total == 1


async def test_a_transaction_left_without_commit_writes_nothing(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    artist, customer = await add_bookable_artist(uow_factory), await add_user(uow_factory)
    async with uow_factory() as uow:
        await uow.bookings.add(*a_booking(artist, customer))
    async with uow_factory(read_only=True) as uow:
        assert (await uow.bookings.list(BookingFilter(), PageRequest())).total == 0


async def test_only_pending_and_confirmed_bookings_hold_time(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    artist = await add_bookable_artist(uow_factory)
    customer = await add_user(uow_factory)
    booking, event = a_booking(artist, customer)
    await store(uow_factory, booking, event)
    cancelled, change = lifecycle.cancel(booking, customer, START, artist.profile.policy)
    async with uow_factory() as uow:
        await uow.bookings.save(cancelled, change)
        await uow.commit()
    await store(uow_factory, *a_booking(artist, customer))


async def test_a_stale_version_is_refused(uow_factory: AnyUnitOfWorkFactory) -> None:
    artist = await add_bookable_artist(uow_factory)
    customer = await add_user(uow_factory)
    booking, event = a_booking(artist, customer)
    await store(uow_factory, booking, event)
    first = lifecycle.cancel(booking, customer, START, artist.profile.policy)
    second = lifecycle.cancel(booking, artist.actor, START, artist.profile.policy)
    async with uow_factory() as uow:
        await uow.bookings.save(*first)
        await uow.commit()
    with pytest.raises(ConcurrentUpdateError):
        async with uow_factory() as uow:
            await uow.bookings.save(*second)
    assert (await load(uow_factory, booking.id)).cancellation_reason == "cancelled_by_customer"


async def test_moving_onto_another_booking_is_refused(uow_factory: AnyUnitOfWorkFactory) -> None:
    artist = await add_bookable_artist(uow_factory)
    customer = await add_user(uow_factory)
    booking, event = a_booking(artist, customer)
    await store(uow_factory, booking, event)
    await store(uow_factory, *a_booking(artist, customer, SLOT + 2 * HOUR))
    moved = dataclasses.replace(
        booking, version=2, start=SLOT + 2 * HOUR, end=SLOT + 3 * HOUR,
        blocked_start=SLOT + 2 * HOUR, blocked_end=SLOT + 3 * HOUR,
    )  # fmt: skip
    change = dataclasses.replace(event, version=2)
    with pytest.raises(SlotTakenError):
        async with uow_factory() as uow:
            await uow.bookings.save(moved, change)
    assert (await load(uow_factory, booking.id)).start == SLOT


async def test_holding_and_expired_holds(uow_factory: AnyUnitOfWorkFactory) -> None:
    artist = await add_bookable_artist(uow_factory, deposit=DEPOSIT)
    customer = await add_user(uow_factory)
    early, _ = first = a_booking(artist, customer, SLOT, now=START)
    late, _ = second = a_booking(artist, customer, SLOT + HOUR, now=START + timedelta(minutes=5))
    far, _ = third = a_booking(artist, customer, SLOT + 5 * HOUR, now=START)
    for pair in (first, second, third):
        await store(uow_factory, *pair)
    async with uow_factory() as uow:
        span = Interval(SLOT + timedelta(minutes=30), SLOT + 2 * HOUR)
        assert [b.id for b in await uow.bookings.holding(artist.id, span)] == [early.id, late.id]
        assert await uow.bookings.expired_holds(START + timedelta(minutes=14), limit=10) == ()
        now = START + timedelta(minutes=30)
        stale = await uow.bookings.expired_holds(now, limit=2)
        assert {b.id for b in stale} == {early.id, far.id}  # the oldest holds first
        expired = [lifecycle.expire_hold(b, now) for b in stale]
        for pair in expired:
            await uow.bookings.save(*pair)
        assert [b.id for b in await uow.bookings.holding(artist.id, span)] == [late.id]
        await uow.commit()


async def test_lists_filter_sort_and_count(uow_factory: AnyUnitOfWorkFactory) -> None:
    artist, other = await add_bookable_artist(uow_factory), await add_bookable_artist(uow_factory)
    ada, bob = await add_user(uow_factory), await add_user(uow_factory)
    made = [
        a_booking(artist, ada, SLOT),
        a_booking(artist, bob, SLOT + 2 * HOUR),
        a_booking(other, ada, SLOT + 4 * HOUR),
    ]
    for pair in made:
        await store(uow_factory, *pair)
    ids = [b.id for b, _ in made]
    cases = [
        (BookingFilter(), [ids[2], ids[1], ids[0]]),
        (BookingFilter(customer_id=ada.user_id), [ids[2], ids[0]]),
        (BookingFilter(artist_user_id=artist.user_id), [ids[1], ids[0]]),
        (BookingFilter(artist_id=other.id), [ids[2]]),
        (BookingFilter(statuses=(BookingStatus.CANCELLED,)), []),
        (BookingFilter(statuses=(BookingStatus.CONFIRMED, BookingStatus.PENDING)), ids[::-1]),
        (BookingFilter(starts_from=SLOT + HOUR, starts_before=SLOT + 4 * HOUR), [ids[1]]),
        (BookingFilter(soonest_first=True), ids),
        (BookingFilter(customer_id=ada.user_id, soonest_first=True), [ids[0], ids[2]]),
    ]
    async with uow_factory(read_only=True) as uow:
        for where, expected in cases:
            page = await uow.bookings.list(where, PageRequest())
            assert ([b.id for b in page.items], page.total) == (expected, len(expected)), where
        second = await uow.bookings.list(BookingFilter(), PageRequest(page=2, page_size=2))
        soonest = await uow.bookings.list(BookingFilter(soonest_first=True), PageRequest(1, 2))
    assert ([b.id for b in second.items], second.total) == ([ids[0]], 3)
    assert ([b.id for b in soonest.items], soonest.total) == (ids[:2], 3)


async def test_idempotency_keys_are_claimed_once_until_they_expire(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    artist = await add_bookable_artist(uow_factory)
    customer = await add_user(uow_factory)
    booking, event = a_booking(artist, customer)
    later, later_event = a_booking(artist, customer, SLOT + 2 * HOUR)
    day = timedelta(hours=24)
    record = IdempotencyRecord(customer.user_id, "k", "fp-1", booking.id, START + day)
    async with uow_factory() as uow:
        assert await uow.idempotency.claim(record, START) is None
        await uow.bookings.add(booking, event)  # the key is claimed before its booking exists
        await uow.commit()
    retry = dataclasses.replace(record, fingerprint="fp-2", booking_id=later.id)
    async with uow_factory() as uow:
        assert await uow.idempotency.get(customer.user_id, "k", START) == record
        assert await uow.idempotency.get(UserId(new_uuid7()), "k", START) is None
        assert await uow.idempotency.claim(retry, START + HOUR) == record
    renewed = dataclasses.replace(retry, expires_at=START + 2 * day)
    async with uow_factory() as uow:
        assert await uow.idempotency.get(customer.user_id, "k", START + day) is None
        assert await uow.idempotency.claim(renewed, START + day) is None
        await uow.bookings.add(later, later_event)
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        assert await uow.idempotency.get(customer.user_id, "k", START + day) == renewed


async def test_expired_idempotency_keys_are_purged_in_batches(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    artist = await add_bookable_artist(uow_factory)
    customer = await add_user(uow_factory)
    booking, event = a_booking(artist, customer)
    records = [
        IdempotencyRecord(customer.user_id, f"k{hours}", "fp", booking.id, START + hours * HOUR)
        for hours in (3, 1, 2, 30)
    ]
    async with uow_factory() as uow:
        for record in records:
            assert await uow.idempotency.claim(record, START) is None
        await uow.bookings.add(booking, event)
        await uow.commit()
    async with uow_factory() as uow:  # by hour 3 three have expired; two go in this batch
        assert await uow.idempotency.purge_expired(START + 3 * HOUR, limit=2) == 2
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.idempotency.purge_expired(START + 3 * HOUR, limit=2) == 1
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.idempotency.purge_expired(START + 3 * HOUR, limit=2) == 0
        live = await uow.idempotency.get(customer.user_id, "k30", START + 3 * HOUR)
    assert live == records[3]


async def test_concurrent_creations_with_one_key_make_one_booking(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    artist = await add_bookable_artist(uow_factory)
    customer = await add_user(uow_factory)
    create = build_app(uow=uow_factory).bookings.create_booking
    request = BookingRequest(artist.id, artist.service.id, SLOT, "", "same-key")
    results = await asyncio.gather(*(create(customer, request) for _ in range(6)))
    assert len({r.booking.id for r in results}) == 1
    assert sum(not r.replayed for r in results) == 1
    async with uow_factory(read_only=True) as uow:
        assert (await uow.bookings.list(BookingFilter(), PageRequest())).total == 1


async def test_concurrent_creations_of_one_slot_make_one_booking(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    artist = await add_bookable_artist(uow_factory)
    customers = [await add_user(uow_factory) for _ in range(6)]
    create = build_app(uow=uow_factory).bookings.create_booking
    request = BookingRequest(artist.id, artist.service.id, SLOT)
    results = await asyncio.gather(*(create(c, request) for c in customers), return_exceptions=True)
    created = [r for r in results if not isinstance(r, BaseException)]
    refused = [r for r in results if isinstance(r, BaseException)]
    assert len(created) == 1
    assert all(isinstance(r, SlotTakenError) for r in refused)


# --- PostgreSQL only: the constraint itself, with straight SQL around the domain -----------

_RAW_INSERT = """
INSERT INTO bookings (id, reference, artist_id, artist_user_id, customer_id, service_id,
    starts_at, ends_at, blocked, status, payment_status, hold_expires_at, requires_approval,
    approved, currency, deposit_amount, version, status_changed_at)
VALUES (%(id)s, %(reference)s, %(artist_id)s, %(artist_user_id)s, %(customer_id)s,
    %(service_id)s, %(start)s, %(end)s, tstzrange(%(low)s, %(high)s, '[)'), %(status)s,
    'unpaid', NULL, false, false, 'MNT', 0, 1, now())
"""


async def raw_insert(
    url: str, artist: BookableArtist, customer: Actor, low: datetime, high: datetime,
    status: str = "confirmed",
) -> None:  # fmt: skip
    """A booking row written without the domain or the repository."""
    params = {
        "id": new_uuid7(), "reference": f"INK-{new_uuid7().hex[-6:].upper()}",
        "artist_id": artist.id, "artist_user_id": artist.user_id,
        "customer_id": customer.user_id, "service_id": artist.service.id,
        "start": low, "end": high, "low": low, "high": high, "status": status,
    }  # fmt: skip
    async with await psycopg.AsyncConnection.connect(url, autocommit=True) as conn:
        await conn.execute(_RAW_INSERT, params)


async def test_the_constraint_refuses_an_overlap_written_around_the_domain(
    postgres: PostgresUnits, database_url: str
) -> None:
    artist = await add_bookable_artist(postgres)
    customer = await add_user(postgres)
    booking, event = a_booking(artist, customer)
    await store(postgres, booking, event)
    with pytest.raises(psycopg.errors.ExclusionViolation) as refused:
        await raw_insert(database_url, artist, customer, SLOT + HOUR / 2, SLOT + 2 * HOUR)
    assert refused.value.diag.constraint_name == "ex_bookings_artist_blocked"
    assert isinstance(translate(refused.value), SlotTakenError)
    # Rows that are not active never conflict, and neither do other artists' rows.
    await raw_insert(database_url, artist, customer, SLOT, SLOT + HOUR, status="cancelled")
    cancelled = lifecycle.cancel(booking, customer, START, artist.profile.policy)
    async with postgres() as uow:
        await uow.bookings.save(*cancelled)
        await uow.commit()
    await raw_insert(database_url, artist, customer, SLOT + HOUR / 2, SLOT + 2 * HOUR)


@pytest.mark.parametrize(
    ("offset", "minutes"),
    [(-60, 60), (-60, 61), (-30, 60), (0, 1), (59, 30), (60, 30), (90, 30), (-120, 240)],
)
async def test_the_domain_check_and_the_constraint_agree(
    postgres: PostgresUnits, database_url: str, offset: int, minutes: int
) -> None:
    artist = await add_bookable_artist(postgres, before=10, after=20)
    customer = await add_user(postgres)
    booking, event = a_booking(artist, customer)  # blocked 09:50 - 11:20
    await store(postgres, booking, event)
    low = SLOT + timedelta(minutes=offset)
    high = low + timedelta(minutes=minutes)
    busy = busy_timeline([booking], START)
    domain_refuses = busy.overlaps(int(low.timestamp()), int(high.timestamp()))
    try:
        await raw_insert(database_url, artist, customer, low, high)
        constraint_refuses = False
    except psycopg.errors.ExclusionViolation:
        constraint_refuses = True
    assert constraint_refuses == domain_refuses


async def test_a_creation_waiting_behind_a_suspension_writes_nothing(
    postgres: PostgresUnits,
) -> None:
    """The use case saw the artist bookable, then a suspension took the calendar and
    committed while the creation's statement waited for it: the storage refuses."""
    artist = await add_bookable_artist(postgres)
    customer = await add_user(postgres)
    booking, event = a_booking(artist, customer)
    async with postgres() as suspension:
        await suspension.bookings.hold_calendar(artist.id)
        await suspension.artists.update(dataclasses.replace(artist.profile, suspended=True))
        creation = asyncio.create_task(store(postgres, booking, event))
        waited = await until_a_lock_is_awaited(postgres, advisory=True)
        assert waited, "the creation never waited for the calendar"
        assert not creation.done()
        await suspension.commit()
    with pytest.raises(ArtistNotBookableError):
        await creation
    async with postgres(read_only=True) as uow:
        assert await uow.bookings.get(booking.id) is None


async def test_the_total_is_counted_up_to_a_reach(uow_factory: AnyUnitOfWorkFactory) -> None:
    artist, customer = await add_bookable_artist(uow_factory), await add_user(uow_factory)
    for n in range(8):
        await store(uow_factory, *a_booking(artist, customer, SLOT + 2 * n * HOUR))

    async def list_page(request: PageRequest) -> Page[Booking]:
        async with uow_factory(read_only=True) as uow:
            return await uow.bookings.list(BookingFilter(artist_id=artist.id), request)

    await assert_counts_capped(list_page, 8)


async def _flash_size(
    uow_factory: AnyUnitOfWorkFactory, artist: BookableArtist, *, one_off: bool
) -> Service:
    """A size of a new flash design of the artist (catalog), stored."""
    owner = artist.actor
    variants = (Variant("large", f"img/{new_uuid7()}/large.webp", 10, 10, 5),)
    upload = Upload.request(owner, "portfolio", "image/jpeg", 5, START)
    used = upload.complete(variants, START).use(owner, upload.purpose, START)
    design = FlashDesign.create(artist.id, used, "Swallow", ["bird"], one_off, START)
    size = dataclasses.replace(
        artist.service, id=ServiceId(new_uuid7()), flash=design.offer("S", 5)
    )
    async with uow_factory() as uow:
        await uow.uploads.add(used)
        await uow.flash.add(design)
        await uow.services.add(size)
        await uow.commit()
    return size


async def test_a_booking_keeps_the_one_off_design_it_books(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    """Set at creation from the service (a size of a one-off design), read back by every
    adapter and never changed by a later save; None for any other service."""
    artist = await add_bookable_artist(uow_factory)
    customer = await add_user(uow_factory)
    one_off = await _flash_size(uow_factory, artist, one_off=True)
    again_and_again = await _flash_size(uow_factory, artist, one_off=False)
    made = []
    for n, service in enumerate((one_off, again_and_again, artist.service)):
        booking, event = request_booking(
            by=customer, service=service, artist_user_id=artist.user_id,
            policy=artist.profile.policy, schedule=open_all_week(), busy=BusyTimeline(),
            start=SLOT + n * 3 * HOUR, now=START,
        )  # fmt: skip
        await store(uow_factory, booking, event)
        made.append(booking)
    assert one_off.flash is not None
    assert [b.one_off_design_id for b in made] == [one_off.flash.design_id, None, None]
    for booking in made:
        assert await load(uow_factory, booking.id) == booking
    cancelled, entry = lifecycle.cancel(made[0], customer, START + HOUR, artist.profile.policy)
    async with uow_factory() as uow:
        await uow.bookings.save(cancelled, entry)
        await uow.commit()
    assert (await load(uow_factory, made[0].id)).one_off_design_id == one_off.flash.design_id


async def test_lists_carry_the_customers_and_services_names(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    """Read with the bookings (one query on PostgreSQL): the account's or the client
    record's name, and the service's; the same for one booking by ``get_named``."""
    artist = await add_bookable_artist(uow_factory)
    ada = dataclasses.replace(a_user(), name="Ada Lovelace", phone="+97688001122")
    record = new_client(
        artist_id=artist.id, name="Bold Client", phone="+97699112233", email=None, now=START
    )
    async with uow_factory() as uow:
        await uow.users.add(ada)
        await uow.clients.add(record)
        await uow.commit()
    for_ada = a_booking(artist, Actor(ada.id, Role.CUSTOMER), SLOT)
    for_client = request_booking(
        by=artist.actor, service=artist.service, artist_user_id=artist.user_id,
        policy=artist.profile.policy, schedule=open_all_week(), busy=BusyTimeline(),
        start=SLOT + 2 * HOUR, now=START, party=BookedFor(client_id=record.id), deposit=False,
    )  # fmt: skip
    for pair in (for_ada, for_client):
        await store(uow_factory, *pair)
    service = artist.service.name
    async with uow_factory(read_only=True) as uow:
        page = await uow.bookings.list_named(
            BookingFilter(artist_user_id=artist.user_id), PageRequest()
        )
        single = await uow.bookings.get_named(for_ada[0].id)
        missing = await uow.bookings.get_named(BookingId(new_uuid7()))
    assert [(n.booking.id, n.names) for n in page.items] == [
        (for_client[0].id, BookingNames("Bold Client", service, "+97699112233")),
        (for_ada[0].id, BookingNames("Ada Lovelace", service, ada.phone)),
    ]
    assert page.total == 2 and page.items[1].booking == await load(uow_factory, for_ada[0].id)
    assert single is not None and single.booking == page.items[1].booking
    assert (single.names, missing) == (BookingNames("Ada Lovelace", service, ada.phone), None)


async def test_a_span_is_read_in_the_filters_order_up_to_a_limit(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    """``list_named_upto``: the first ``limit`` matches in the filter's order, named as by
    ``list_named``, nothing counted."""
    artist = await add_bookable_artist(uow_factory)
    customer = await add_user(uow_factory)
    made = []
    for hour in (3, 0, 2, 1):
        pair = a_booking(artist, customer, SLOT + hour * HOUR)
        await store(uow_factory, *pair)
        made.append(pair[0])
    by_start = sorted(made, key=lambda b: b.start)
    soonest = BookingFilter(artist_user_id=artist.user_id, soonest_first=True)
    latest = BookingFilter(
        artist_user_id=artist.user_id, starts_from=SLOT + HOUR, starts_before=SLOT + 3 * HOUR
    )
    async with uow_factory(read_only=True) as uow:
        first_three = await uow.bookings.list_named_upto(soonest, 3)
        every = await uow.bookings.list_named_upto(soonest, 10)
        window = await uow.bookings.list_named_upto(latest, 10)
        listed = await uow.bookings.list_named(soonest, PageRequest())
    assert [n.booking.id for n in first_three] == [b.id for b in by_start[:3]]
    assert [n.booking.id for n in every] == [b.id for b in by_start]
    assert list(every) == list(listed.items)
    assert [n.booking.id for n in window] == [by_start[2].id, by_start[1].id]
