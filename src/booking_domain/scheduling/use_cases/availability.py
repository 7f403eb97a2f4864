"""Weekly rules and date overrides of the caller's own artist profile (admins manage
anyone's by naming the artist), and reading them. Overlapping rules on one day, overlapping
windows of one override and override dates out of reach are refused (``stored``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from booking_domain.catalog import (
    ArtistNotFoundError,
    ArtistProfile,
    load_artist,
    load_editable_artist,
)
from booking_domain.scheduling.availability import (
    DateOverride,
    LocalWindow,
    WeeklyRule,
    blocked_date,
    parse_clock,
)
from booking_domain.scheduling.errors import AvailabilityNotFoundError
from booking_domain.scheduling.ports import SchedulingUnitOfWork
from booking_domain.scheduling.stored import (
    StoredOverride,
    StoredRule,
    ensure_override_date_in_reach,
    ensure_rule_fits,
    ensure_windows_apart,
    schedule_of,
)
from booking_domain.scheduling.use_cases.deps import SchedulingDeps
from booking_domain.shared.errors import FieldError, InvalidInputError, PermissionDeniedError
from booking_domain.shared.identity import Actor, Role
from booking_domain.shared.ids import ArtistId, new_uuid7
from booking_domain.shared.use_case import UseCase

ClockWindow = tuple[str, str]
"""A local window as a client wrote it: ``("09:00", "17:00")`` (``"24:00"`` allowed)."""


@dataclass(frozen=True, slots=True)
class RuleFields:
    """A weekly rule as a client gives it: ``day`` 0 = Sunday .. 6, local ``HH:MM`` times.
    ``artist_id`` is for admins; artists manage their own profile's rules."""

    day: int
    start_time: str
    end_time: str
    artist_id: ArtistId | None = None


@dataclass(frozen=True, slots=True)
class OverrideFields:
    """A date override as a client gives it: ``closed``, or its own ``windows`` (not both)."""

    on: date
    closed: bool = False
    windows: tuple[ClockWindow, ...] = ()
    artist_id: ArtistId | None = None


async def _caller_artist(
    uow: SchedulingUnitOfWork, actor: Actor, artist_id: ArtistId | None
) -> ArtistProfile:
    """The named artist (owner or admin), or the calling artist's own profile."""
    if artist_id is not None:
        return await load_editable_artist(uow.artists, actor, artist_id)
    if actor.role is not Role.ARTIST:
        raise PermissionDeniedError("Only artists have availability; admins name the artist.")
    artist = await uow.artists.get_by_user(actor.user_id)
    if artist is None:
        raise ArtistNotFoundError("Create your artist profile first.")
    return artist


async def _ensure_owner_or_admin(
    uow: SchedulingUnitOfWork, actor: Actor, artist_id: ArtistId
) -> None:
    """Strangers learn nothing of others' rules: the same 404 as for an unknown one."""
    artist = await uow.artists.get(artist_id)
    if artist is None or not (actor.is_admin or artist.is_owned_by(actor)):
        raise AvailabilityNotFoundError()


class AddWeeklyRule(UseCase[SchedulingDeps]):
    async def __call__(self, actor: Actor, fields: RuleFields) -> StoredRule:
        rule = WeeklyRule.parse(fields.day, fields.start_time, fields.end_time)
        async with self._deps.uow() as uow:
            artist = await _caller_artist(uow, actor, fields.artist_id)
            existing = await uow.availability.rules(artist.id)
            ensure_rule_fits(existing, rule)
            stored = StoredRule(new_uuid7(), artist.id, rule, self._deps.clock.now())
            await uow.availability.add_rule(stored)
            await uow.commit()
        return stored


class RemoveWeeklyRule(UseCase[SchedulingDeps]):
    async def __call__(self, actor: Actor, rule_id: UUID) -> None:
        async with self._deps.uow() as uow:
            rule = await uow.availability.get_rule(rule_id)
            if rule is None:
                raise AvailabilityNotFoundError()
            await _ensure_owner_or_admin(uow, actor, rule.artist_id)
            await uow.availability.delete_rule(rule_id)
            await uow.commit()


def _override(fields: OverrideFields) -> DateOverride:
    if fields.closed == bool(fields.windows):
        raise InvalidInputError(
            errors=(
                FieldError(
                    "windows", "A closed day has no windows; an open one needs some.", "invalid"
                ),
            )
        )
    windows = tuple(LocalWindow.parse(start, end) for start, end in fields.windows)
    ensure_windows_apart(windows)
    return DateOverride(fields.on, windows)


class PutDateOverride(UseCase[SchedulingDeps]):
    """Close a local date, or give it its own windows (replacing that date's override)."""

    async def __call__(self, actor: Actor, fields: OverrideFields) -> StoredOverride:
        override = _override(fields)
        async with self._deps.uow() as uow:
            artist = await _caller_artist(uow, actor, fields.artist_id)
            now = self._deps.clock.now()
            today = now.astimezone(artist.policy.zone).date()
            ensure_override_date_in_reach(override.on, today, artist.policy.horizon)
            stored = await uow.availability.put_override(
                StoredOverride(new_uuid7(), artist.id, override, now)
            )
            await uow.commit()
        return stored


@dataclass(frozen=True, slots=True)
class BlockFields:
    """Part of a local date to block, as a client gives it: local ``HH:MM`` times (``24:00``
    for the day's end). ``artist_id`` is for admins."""

    on: date
    start_time: str
    end_time: str
    artist_id: ArtistId | None = None


class BlockTime(UseCase[SchedulingDeps]):
    """Block ``start_time``-``end_time`` of a local date (``blocked_date``): stored as that
    date's override, the rest of what the date offered kept, so the free starts, the
    booking page and every booking's check see it at once; removing the override gives the
    date back to the weekly hours. The date within the same reach as any override. Bookings
    already in the span are not touched (the artist moves or cancels them, as they
    choose)."""

    async def __call__(self, actor: Actor, fields: BlockFields) -> StoredOverride:
        start, end = parse_clock(fields.start_time), parse_clock(fields.end_time)
        async with self._deps.uow() as uow:
            artist = await _caller_artist(uow, actor, fields.artist_id)
            now = self._deps.clock.now()
            today = now.astimezone(artist.policy.zone).date()
            ensure_override_date_in_reach(fields.on, today, artist.policy.horizon)
            await uow.availability.hold_overrides(artist.id)  # read, cut, write: one at a time
            rules = await uow.availability.rules(artist.id)
            dated = await uow.availability.overrides(artist.id, fields.on, fields.on)
            override = blocked_date(schedule_of(rules, dated), fields.on, start, end)
            stored = await uow.availability.put_override(
                StoredOverride(new_uuid7(), artist.id, override, now)
            )
            await uow.commit()
        return stored


class RemoveDateOverride(UseCase[SchedulingDeps]):
    async def __call__(self, actor: Actor, override_id: UUID) -> None:
        async with self._deps.uow() as uow:
            override = await uow.availability.get_override(override_id)
            if override is None:
                raise AvailabilityNotFoundError()
            await _ensure_owner_or_admin(uow, actor, override.artist_id)
            await uow.availability.delete_override(override_id)
            await uow.commit()


@dataclass(frozen=True, slots=True)
class Availability:
    artist: ArtistProfile
    rules: tuple[StoredRule, ...]
    overrides: tuple[StoredOverride, ...]


class GetAvailability(UseCase[SchedulingDeps]):
    """Rules, and overrides from today on (the artist's local today)."""

    async def __call__(self, actor: Actor | None, artist_id: ArtistId) -> Availability:
        now = self._deps.clock.now()
        async with self._deps.uow(read_only=True) as uow:
            artist = await load_artist(uow.artists, artist_id)
            artist.ensure_visible_to(actor)
            today = now.astimezone(artist.policy.zone).date()
            rules = await uow.availability.rules(artist_id)
            overrides = await uow.availability.overrides(artist_id, today, None)
        return Availability(artist, rules, overrides)
