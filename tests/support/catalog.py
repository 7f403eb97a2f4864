"""Catalog data for booking tests, written through a unit of work's repositories: an approved
artist (with its user account), a service and weekly rules."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import uuid4

from booking_domain.accounts import Actor, Role, User
from booking_domain.catalog import ArtistProfile, ArtistStatus, Deposit, Service
from booking_domain.scheduling import SchedulingPolicy, StoredRule, WeeklyRule
from booking_domain.shared import ArtistId, Money, ServiceId, UserId, new_uuid7
from tests.support.builders import START
from tests.support.storage import AnyUnitOfWorkFactory

ALL_WEEK = tuple((day, "09:00", "17:00") for day in range(7))


@dataclass(frozen=True)
class BookableArtist:
    user_id: UserId
    profile: ArtistProfile
    service: Service

    @property
    def actor(self) -> Actor:
        return Actor(self.user_id, Role.ARTIST)

    @property
    def id(self) -> ArtistId:
        return self.profile.id


def a_user(role: Role = Role.CUSTOMER, *, now: datetime = START) -> User:
    uid = new_uuid7()
    return User(
        id=UserId(uid), email=f"{role}-{uid.hex[-12:]}@example.com", name=role.title(),
        role=role, password_hash="$argon2id$not-a-real-hash", created_at=now, updated_at=now,
    )  # fmt: skip


def ada_user(email: str = "ada@example.com") -> User:
    """Ada, a customer with ``email``, as the accounts' contract suites store her."""
    return User(
        id=UserId(new_uuid7()), email=email, name="Ada", role=Role.CUSTOMER,
        password_hash="$argon2id$fake", created_at=START, updated_at=START,
    )  # fmt: skip


async def add_user(uow_factory: AnyUnitOfWorkFactory, role: Role = Role.CUSTOMER) -> Actor:
    user = a_user(role)
    async with uow_factory() as uow:
        await uow.users.add(user)
        await uow.commit()
    return Actor(user.id, role)


def a_service(
    artist_id: ArtistId,
    *,
    minutes: int = 60,
    price: Money = Money(100_000, "MNT"),  # noqa: B008 - Money is immutable
    deposit: Deposit | None = None,
    before: int = 0,
    after: int = 0,
    needs_approval: bool = False,
    active: bool = True,
) -> Service:
    return Service(
        ServiceId(new_uuid7()), artist_id, f"session-{uuid4().hex[:6]}",
        timedelta(minutes=minutes), price, deposit, timedelta(minutes=before),
        timedelta(minutes=after), needs_approval, active,
    )  # fmt: skip


async def add_bookable_artist(
    uow_factory: AnyUnitOfWorkFactory,
    *,
    user_id: UserId | None = None,
    time_zone: str = "UTC",
    weekly: tuple[tuple[int, str, str], ...] = ALL_WEEK,
    status: ArtistStatus = ArtistStatus.APPROVED,
    suspended: bool = False,
    policy: dict[str, object] | None = None,
    **service: object,
) -> BookableArtist:
    """An artist (approved by default) with one service (``service`` are :func:`a_service`
    options) and weekly rules ``(day, start, end)``; the user is created unless given."""
    now = START
    async with uow_factory() as uow:
        if user_id is None:
            user = a_user(Role.ARTIST)
            await uow.users.add(user)
            user_id = user.id
        profile = ArtistProfile(
            id=ArtistId(new_uuid7()), user_id=user_id, display_name="Ink Artist",
            time_zone=time_zone, policy=SchedulingPolicy(time_zone, **(policy or {})),  # type: ignore[arg-type]
            created_at=now, updated_at=now, status=status, suspended=suspended,
        )  # fmt: skip
        await uow.artists.add(profile)
        offered = a_service(profile.id, **service)  # type: ignore[arg-type]
        await uow.services.add(offered)
        for day, start, end in weekly:
            rule = StoredRule(new_uuid7(), profile.id, WeeklyRule.parse(day, start, end), now)
            await uow.availability.add_rule(rule)
        await uow.commit()
    return BookableArtist(user_id, profile, offered)


async def add_service(
    uow_factory: AnyUnitOfWorkFactory, artist: BookableArtist, **options: object
) -> Service:
    service = a_service(artist.id, **options)  # type: ignore[arg-type]
    async with uow_factory() as uow:
        await uow.services.add(service)
        await uow.commit()
    return service


async def update_artist(
    uow_factory: AnyUnitOfWorkFactory, artist: BookableArtist, **changes: object
) -> None:
    async with uow_factory() as uow:
        await uow.artists.update(dataclasses.replace(artist.profile, **changes))  # type: ignore[arg-type]
        await uow.commit()
