"""Demo data for the local profile: made once, when the database has no users at all.

An admin, a customer and an artist with fresh random passwords (printed once); the artist is
approved and bookable at once: a profile in Ulaanbaatar, two services, Tuesday-Saturday
hours, and one confirmed booking by the demo customer on the first free slot.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import timedelta

from booking_domain.accounts import Role
from booking_domain.artists import ArtistProfile, ArtistStatus, StoredRule
from booking_domain.availability import WeeklyRule
from booking_domain.ids import ArtistId, ServiceId, new_uuid7
from booking_domain.money import Money
from booking_domain.policy import SchedulingPolicy
from booking_domain.schedules import free_slots
from booking_domain.services import PercentageDeposit, Service
from booking_domain.slots import Interval
from booking_domain.use_cases.bookings import BookingRequest, BookingServices, CreateBooking
from entrypoints.container import Core

DEMO_TIME_ZONE = "Asia/Ulaanbaatar"


@dataclass(frozen=True, slots=True)
class DemoAccount:
    role: str
    email: str
    password: str


async def seed_demo_data(core: Core) -> list[DemoAccount]:
    """Create the demo accounts, artist and booking; return the accounts (the only time the
    passwords exist in clear). Does nothing when any user exists."""
    uow_factory = core.adapters.uow()
    async with uow_factory(read_only=True) as uow:
        if await uow.users.count() > 0:
            return []
    accounts = [
        DemoAccount("admin", "admin@inkslot.local", _password()),
        DemoAccount("customer", "customer@inkslot.local", _password()),
        DemoAccount("artist", "artist@inkslot.local", _password()),
    ]
    admin, customer, artist = accounts
    await core.create_admin()(email=admin.email, password=admin.password, name="Demo Admin")
    customer_in = await core.register_user()(
        email=customer.email, password=customer.password, name="Demo Customer", role=Role.CUSTOMER
    )
    artist_in = await core.register_user()(
        email=artist.email, password=artist.password, name="Demo Artist", role=Role.ARTIST
    )
    clock = core.adapters.clock()
    now = clock.now()
    profile = ArtistProfile(
        id=ArtistId(new_uuid7()),
        user_id=artist_in.user.id,
        display_name="Saraa Ink",
        time_zone=DEMO_TIME_ZONE,
        policy=SchedulingPolicy(DEMO_TIME_ZONE, slot_step=timedelta(minutes=30)),
        created_at=now,
        updated_at=now,
        bio="Fine line and botanical work. Walk-ins welcome on Saturdays.",
        styles=("fine line", "botanical", "blackwork"),
        city="Ulaanbaatar",
        instagram="saraa.ink",
        status=ArtistStatus.APPROVED,
    )
    small = Service(
        id=ServiceId(new_uuid7()),
        artist_id=profile.id,
        name="Small tattoo (up to 5 cm)",
        duration=timedelta(minutes=60),
        price=Money(150_000, "MNT"),
        buffer_after=timedelta(minutes=15),
    )
    session = Service(
        id=ServiceId(new_uuid7()),
        artist_id=profile.id,
        name="Half-day session",
        duration=timedelta(hours=4),
        price=Money(600_000, "MNT"),
        deposit=PercentageDeposit.percent(30),
        buffer_before=timedelta(minutes=15),
        buffer_after=timedelta(minutes=30),
        needs_approval=True,
    )
    rules = [WeeklyRule.parse(day, "10:00", "19:00") for day in (2, 3, 4, 5)]
    rules.append(WeeklyRule.parse(6, "11:00", "17:00"))
    async with uow_factory() as uow:
        await uow.artists.add(profile)
        for service in (small, session):
            await uow.services.add(service)
        for rule in rules:
            await uow.availability.add_rule(StoredRule(new_uuid7(), profile.id, rule, now))
        await uow.commit()

    week = Interval(now, now + timedelta(days=14))
    async with uow_factory(read_only=True) as uow:
        context = await uow.scheduling.context(profile.id, small.id, week, now)
    assert context is not None  # just stored
    starts = free_slots(
        service=small,
        policy=profile.policy,
        schedule=context.schedule,
        busy=context.busy,
        between=week,
        now=now,
    )
    if starts:
        book = CreateBooking(BookingServices(uow=uow_factory, clock=clock))
        request = BookingRequest(profile.id, small.id, starts[0], notes="A small swallow, wrist")
        await book(customer_in.user.actor, request)
    return accounts


def _password() -> str:
    return secrets.token_urlsafe(12)
