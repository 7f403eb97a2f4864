"""Services, weekly availability, date overrides and free slots."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any
from uuid import UUID

from booking_domain.accounts import Actor, Role
from booking_domain.artists import (
    ArtistProfile,
    StoredOverride,
    StoredRule,
    ensure_rule_fits,
)
from booking_domain.availability import DateOverride, LocalWindow, WeeklyRule
from booking_domain.errors import (
    ArtistNotBookableError,
    ArtistNotFoundError,
    AvailabilityNotFoundError,
    FieldError,
    InvalidInputError,
    PermissionDeniedError,
    ServiceNotFoundError,
)
from booking_domain.ids import ArtistId, ServiceId, new_uuid7
from booking_domain.money import Money
from booking_domain.schedules import free_slots
from booking_domain.services import Deposit, Service
from booking_domain.slots import Interval, require_aware
from booking_domain.use_cases.artists import CatalogServices, load_artist

MAX_SLOT_RANGE = timedelta(days=62)


@dataclass(frozen=True, slots=True)
class ServiceFields:
    """Service fields a client may set; ``None`` keeps the current value on update.
    ``deposit`` uses ``clear_deposit`` to remove one (None alone means "unchanged")."""

    name: str | None = None
    duration: timedelta | None = None
    buffer_before: timedelta | None = None
    buffer_after: timedelta | None = None
    price: Money | None = None
    deposit: Deposit | None = None
    clear_deposit: bool = False
    needs_approval: bool | None = None
    active: bool | None = None


def _service_changes(values: ServiceFields) -> dict[str, Any]:
    changes = {
        name: getattr(values, name)
        for name in (
            "duration",
            "buffer_before",
            "buffer_after",
            "price",
            "needs_approval",
            "active",
        )
        if getattr(values, name) is not None
    }
    if values.name is not None:
        name = " ".join(values.name.split())
        if not 1 <= len(name) <= 120:
            raise InvalidInputError(
                errors=(FieldError("name", "Use 1 to 120 characters.", "length"),)
            )
        changes["name"] = name
    if values.deposit is not None or values.clear_deposit:
        changes["deposit"] = values.deposit
    return changes


async def _own_artist(uow: Any, actor: Actor, artist_id: ArtistId) -> ArtistProfile:
    artist = await load_artist(uow, artist_id)
    artist.ensure_editable_by(actor)
    return artist


class ManageServices:
    """An artist's services: the owner or an admin writes; anyone reads the active services
    of a public artist (the owner and admins also see inactive ones)."""

    def __init__(self, services: CatalogServices) -> None:
        self._s = services

    async def create(self, actor: Actor, artist_id: ArtistId, values: ServiceFields) -> Service:
        missing = [
            FieldError(field, "Required.", "required")
            for field, value in (
                ("name", values.name),
                ("durationMinutes", values.duration),
                ("price", values.price),
            )
            if value is None
        ]
        if missing:
            raise InvalidInputError(errors=tuple(missing))
        async with self._s.uow() as uow:
            await _own_artist(uow, actor, artist_id)
            changes = _service_changes(values)
            service = Service(id=ServiceId(new_uuid7()), artist_id=artist_id, **changes)
            await uow.services.add(service)
            await uow.commit()
        return service

    async def update(
        self, actor: Actor, artist_id: ArtistId, service_id: ServiceId, values: ServiceFields
    ) -> Service:
        async with self._s.uow() as uow:
            await _own_artist(uow, actor, artist_id)
            service = await uow.services.get(service_id)
            if service is None or service.artist_id != artist_id:
                raise ServiceNotFoundError()
            updated = replace(service, **_service_changes(values))  # Service re-checks itself
            await uow.services.update(updated)
            await uow.commit()
        return updated

    async def list(self, actor: Actor | None, artist_id: ArtistId) -> tuple[Service, ...]:
        async with self._s.uow(read_only=True) as uow:
            artist = await load_artist(uow, artist_id)
            artist.ensure_visible_to(actor)
            privileged = actor is not None and (actor.is_admin or artist.is_owned_by(actor))
            return await uow.services.list_for_artist(artist_id, include_inactive=privileged)

    async def get(self, actor: Actor | None, artist_id: ArtistId, service_id: ServiceId) -> Service:
        async with self._s.uow(read_only=True) as uow:
            artist = await load_artist(uow, artist_id)
            artist.ensure_visible_to(actor)
            service = await uow.services.get(service_id)
        privileged = actor is not None and (actor.is_admin or artist.is_owned_by(actor))
        if service is None or service.artist_id != artist_id or not (service.active or privileged):
            raise ServiceNotFoundError()
        return service


@dataclass(frozen=True, slots=True)
class Availability:
    artist: ArtistProfile
    rules: tuple[StoredRule, ...]
    overrides: tuple[StoredOverride, ...]


class ManageAvailability:
    """Weekly rules and date overrides of the caller's own artist profile (admins manage
    anyone's through the artist's id). Overlapping rules on one day are refused."""

    def __init__(self, services: CatalogServices) -> None:
        self._s = services

    async def _caller_artist(
        self, uow: Any, actor: Actor, artist_id: ArtistId | None
    ) -> ArtistProfile:
        if artist_id is not None:
            return await _own_artist(uow, actor, artist_id)
        if actor.role is not Role.ARTIST:
            raise PermissionDeniedError("Only artists have availability; admins name the artist.")
        artist = await uow.artists.get_by_user(actor.user_id)
        if artist is None:
            raise ArtistNotFoundError("Create your artist profile first.")
        return artist  # type: ignore[no-any-return]

    async def add_rule(
        self, actor: Actor, rule: WeeklyRule, artist_id: ArtistId | None = None
    ) -> StoredRule:
        async with self._s.uow() as uow:
            artist = await self._caller_artist(uow, actor, artist_id)
            existing = await uow.availability.rules(artist.id)
            ensure_rule_fits(existing, rule)
            stored = StoredRule(new_uuid7(), artist.id, rule, self._s.clock.now())
            await uow.availability.add_rule(stored)
            await uow.commit()
        return stored

    async def delete_rule(self, actor: Actor, rule_id: UUID) -> None:
        async with self._s.uow() as uow:
            rule = await uow.availability.get_rule(rule_id)
            if rule is None:
                raise AvailabilityNotFoundError()
            artist = await uow.artists.get(rule.artist_id)
            if artist is None or not (actor.is_admin or artist.is_owned_by(actor)):
                raise AvailabilityNotFoundError()
            await uow.availability.delete_rule(rule_id)
            await uow.commit()

    async def put_override(
        self,
        actor: Actor,
        on: date,
        windows: tuple[LocalWindow, ...],
        artist_id: ArtistId | None = None,
    ) -> StoredOverride:
        override = DateOverride(on, windows)
        async with self._s.uow() as uow:
            artist = await self._caller_artist(uow, actor, artist_id)
            stored = await uow.availability.put_override(
                StoredOverride(new_uuid7(), artist.id, override, self._s.clock.now())
            )
            await uow.commit()
        return stored

    async def delete_override(self, actor: Actor, override_id: UUID) -> None:
        async with self._s.uow() as uow:
            override = await uow.availability.get_override(override_id)
            if override is None:
                raise AvailabilityNotFoundError()
            artist = await uow.artists.get(override.artist_id)
            if artist is None or not (actor.is_admin or artist.is_owned_by(actor)):
                raise AvailabilityNotFoundError()
            await uow.availability.delete_override(override_id)
            await uow.commit()

    async def read(self, actor: Actor | None, artist_id: ArtistId) -> Availability:
        """Rules, and overrides from today on (the artist's local today)."""
        now = self._s.clock.now()
        async with self._s.uow(read_only=True) as uow:
            artist = await load_artist(uow, artist_id)
            artist.ensure_visible_to(actor)
            today = now.astimezone(artist.policy.zone).date()
            rules = await uow.availability.rules(artist_id)
            overrides = await uow.availability.overrides(artist_id, today, None)
        return Availability(artist, rules, overrides)


@dataclass(frozen=True, slots=True)
class FreeSlots:
    artist: ArtistProfile
    service: Service
    starts: tuple[datetime, ...]


class FindFreeSlots:
    """Free starts for a service in ``[start, end)`` (at most 62 days), computed by the
    domain from one read of rules, overrides and active bookings."""

    def __init__(self, services: CatalogServices) -> None:
        self._s = services

    async def __call__(
        self,
        actor: Actor | None,
        artist_id: ArtistId,
        service_id: ServiceId,
        start: datetime,
        end: datetime,
    ) -> FreeSlots:
        start, end = require_aware(start, "from"), require_aware(end, "to")
        if not start < end or end - start > MAX_SLOT_RANGE:
            raise InvalidInputError(
                errors=(
                    FieldError(
                        "to", "Ask for a range of up to 62 days after 'from'.", "out_of_range"
                    ),
                )
            )
        window = Interval(start, end)
        now = self._s.clock.now()
        async with self._s.uow(read_only=True) as uow:
            context = await uow.scheduling.context(artist_id, service_id, window, now)
        if context is None:
            async with self._s.uow(read_only=True) as uow:
                (await load_artist(uow, artist_id)).ensure_visible_to(actor)
            raise ServiceNotFoundError()
        artist, service = context.artist, context.service
        artist.ensure_visible_to(actor)
        privileged = actor is not None and (actor.is_admin or artist.is_owned_by(actor))
        if not service.active and not privileged:
            raise ServiceNotFoundError()
        if not artist.is_bookable or not service.active:
            raise ArtistNotBookableError()
        starts = free_slots(
            service=context.service,
            policy=context.artist.policy,
            schedule=context.schedule,
            busy=context.busy,
            between=window,
            now=now,
        )
        return FreeSlots(context.artist, context.service, starts)
