"""Catalogue rows for the contract suites: a stored user, an approved artist, a service."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from booking_domain.accounts import Role, User
from booking_domain.catalog import ArtistProfile, ArtistStatus, GeoPoint, PercentageDeposit, Service
from booking_domain.scheduling import SchedulingPolicy
from booking_domain.shared import ArtistId, Money, ServiceId, UserId, new_uuid7
from tests.support.builders import START
from tests.support.storage import AnyUnitOfWork


async def stored_user(uow: AnyUnitOfWork, email: str, role: Role = Role.ARTIST) -> UserId:
    user = User(UserId(new_uuid7()), email, "Someone", role, "$argon2id$fake", START, START)
    await uow.users.add(user)
    return user.id


def an_artist(user_id: UserId, **changes: object) -> ArtistProfile:
    artist = ArtistProfile(
        id=ArtistId(new_uuid7()),
        user_id=user_id,
        display_name="Ink Master",
        time_zone="Asia/Ulaanbaatar",
        policy=SchedulingPolicy("Asia/Ulaanbaatar", slot_step=timedelta(minutes=15), daily_cap=4),
        created_at=START,
        updated_at=START,
        styles=("fine line", "blackwork"),
        location=GeoPoint(47.92, 106.92),
        status=ArtistStatus.APPROVED,
    )
    return replace(artist, **changes)  # type: ignore[arg-type]


def a_service(artist_id: ArtistId, name: str = "Small tattoo", **changes: object) -> Service:
    service = Service(
        id=ServiceId(new_uuid7()),
        artist_id=artist_id,
        name=name,
        duration=timedelta(minutes=90),
        price=Money(150_000, "MNT"),
        deposit=PercentageDeposit.percent(30),
        buffer_after=timedelta(minutes=15),
    )
    return replace(service, **changes)  # type: ignore[arg-type]
