"""Artist profiles, their approval and their scheduling policy."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from datetime import timedelta
from typing import Any

from booking_domain.accounts import Actor, Role
from booking_domain.artists import ArtistProfile, GeoPoint
from booking_domain.errors import (
    ArtistNotFoundError,
    FieldError,
    InvalidInputError,
    PermissionDeniedError,
)
from booking_domain.ids import ArtistId, StudioId, new_uuid7
from booking_domain.policy import SchedulingPolicy
from booking_domain.ports import Clock, UnitOfWork, UnitOfWorkFactory

_INSTAGRAM = re.compile(r"^@?[A-Za-z0-9._]{1,30}$")
MAX_STYLES = 20


@dataclass(frozen=True, slots=True)
class CatalogServices:
    uow: UnitOfWorkFactory
    clock: Clock


@dataclass(frozen=True, slots=True)
class ProfileFields:
    """Profile fields a client may set; ``None`` leaves a field as it is (on update)."""

    display_name: str | None = None
    bio: str | None = None
    styles: tuple[str, ...] | None = None
    city: str | None = None
    location: GeoPoint | None = None
    instagram: str | None = None
    studio_id: StudioId | None = None
    time_zone: str | None = None


def _checked(fields_: ProfileFields) -> dict[str, Any]:
    """Validate and normalise the given fields; raise with every problem at once."""
    errors: list[FieldError] = []
    out: dict[str, Any] = {}
    if fields_.display_name is not None:
        name = " ".join(fields_.display_name.split())
        if not 1 <= len(name) <= 80:
            errors.append(FieldError("displayName", "Use 1 to 80 characters.", "length"))
        out["display_name"] = name
    if fields_.bio is not None:
        if len(fields_.bio) > 2000:
            errors.append(FieldError("bio", "Use at most 2000 characters.", "too_long"))
        out["bio"] = fields_.bio.strip()
    if fields_.styles is not None:
        styles = tuple(dict.fromkeys(s.strip().lower() for s in fields_.styles if s.strip()))
        if len(styles) > MAX_STYLES or any(len(s) > 40 for s in styles):
            errors.append(
                FieldError("styles", f"At most {MAX_STYLES} styles of 40 characters.", "invalid")
            )
        out["styles"] = styles
    if fields_.city is not None:
        out["city"] = fields_.city.strip() or None
    if fields_.location is not None:
        out["location"] = fields_.location
    if fields_.instagram is not None:
        handle = fields_.instagram.strip()
        if handle and not _INSTAGRAM.match(handle):
            errors.append(
                FieldError("instagram", "Use an Instagram handle such as @inkmaster.", "invalid")
            )
        out["instagram"] = handle.lstrip("@") or None
    if fields_.studio_id is not None:
        out["studio_id"] = fields_.studio_id
    if fields_.time_zone is not None:
        try:
            SchedulingPolicy(fields_.time_zone)
        except InvalidInputError:
            errors.append(
                FieldError(
                    "timeZone",
                    "Use an IANA time zone such as Asia/Ulaanbaatar.",
                    "unknown_time_zone",
                )
            )
        out["time_zone"] = fields_.time_zone
    if errors:
        raise InvalidInputError(errors=tuple(errors))
    return out


async def _require_studio(uow: UnitOfWork, studio_id: StudioId | None) -> None:
    if studio_id is not None and await uow.studios.get(studio_id) is None:
        raise InvalidInputError(
            errors=(FieldError("studioId", "No such studio.", "unknown_studio"),)
        )


async def load_artist(uow: UnitOfWork, artist_id: ArtistId) -> ArtistProfile:
    artist = await uow.artists.get(artist_id)
    if artist is None:
        raise ArtistNotFoundError()
    return artist


class CreateArtistProfile:
    """An artist user creates their own profile (one per account); it starts as a draft."""

    def __init__(self, services: CatalogServices) -> None:
        self._s = services

    async def __call__(self, actor: Actor, profile: ProfileFields) -> ArtistProfile:
        if actor.role is not Role.ARTIST:
            raise PermissionDeniedError("Only artist accounts have artist profiles.")
        missing = [
            FieldError(name, "Required.", "required")
            for name, value in (
                ("displayName", profile.display_name),
                ("timeZone", profile.time_zone),
            )
            if value is None
        ]
        if missing:
            raise InvalidInputError(errors=tuple(missing))
        values = _checked(profile)
        now = self._s.clock.now()
        async with self._s.uow() as uow:
            await _require_studio(uow, values.get("studio_id"))
            artist = ArtistProfile(
                id=ArtistId(new_uuid7()),
                user_id=actor.user_id,
                policy=SchedulingPolicy(values["time_zone"]),
                created_at=now,
                updated_at=now,
                **values,
            )
            await uow.artists.add(artist)
            await uow.commit()
        return artist


class UpdateArtistProfile:
    """The owner or an admin edits the profile. A new time zone moves the policy with it."""

    def __init__(self, services: CatalogServices) -> None:
        self._s = services

    async def __call__(
        self, actor: Actor, artist_id: ArtistId, profile: ProfileFields
    ) -> ArtistProfile:
        values = _checked(profile)
        async with self._s.uow() as uow:
            artist = await load_artist(uow, artist_id)
            artist.ensure_editable_by(actor)
            await _require_studio(uow, values.get("studio_id"))
            if "time_zone" in values:
                values["policy"] = replace(artist.policy, timezone=values["time_zone"])
            updated = artist.edited(actor, self._s.clock.now(), **values)
            await uow.artists.update(updated)
            await uow.commit()
        return updated


class GetArtist:
    """Public when approved and not suspended; the owner and admins always; else 404."""

    def __init__(self, services: CatalogServices) -> None:
        self._s = services

    async def __call__(self, actor: Actor | None, artist_id: ArtistId) -> ArtistProfile:
        async with self._s.uow(read_only=True) as uow:
            artist = await load_artist(uow, artist_id)
        artist.ensure_visible_to(actor)
        return artist


class ChangeArtistStatus:
    """Submit (owner), approve or reject (admin, with a note), suspend or reinstate (admin)."""

    def __init__(self, services: CatalogServices) -> None:
        self._s = services

    async def submit(self, actor: Actor, artist_id: ArtistId) -> ArtistProfile:
        return await self._change(artist_id, lambda a, now: a.submitted(actor, now), actor)

    async def review(
        self, actor: Actor, artist_id: ArtistId, *, approved: bool, note: str | None
    ) -> ArtistProfile:
        return await self._change(
            artist_id, lambda a, now: a.reviewed(actor, now, approved=approved, note=note), actor
        )

    async def suspend(self, actor: Actor, artist_id: ArtistId, *, suspended: bool) -> ArtistProfile:
        return await self._change(
            artist_id, lambda a, now: a.with_suspension(actor, now, suspended=suspended), actor
        )

    async def _change(self, artist_id: ArtistId, change: Any, actor: Actor) -> ArtistProfile:
        async with self._s.uow() as uow:
            artist = await load_artist(uow, artist_id)
            artist.ensure_visible_to(actor)
            updated: ArtistProfile = change(artist, self._s.clock.now())
            await uow.artists.update(updated)
            await uow.commit()
        return updated


@dataclass(frozen=True, slots=True)
class PolicyFields:
    """Scheduling settings a client may change; ``None`` keeps the current value. A
    ``daily_cap`` of 0 removes the cap."""

    slot_step: timedelta | None = None
    minimum_notice: timedelta | None = None
    horizon: timedelta | None = None
    deposit_hold: timedelta | None = None
    approval_hold: timedelta | None = None
    free_cancellation_notice: timedelta | None = None
    daily_cap: int | None = None


class UpdateSchedulingPolicy:
    def __init__(self, services: CatalogServices) -> None:
        self._s = services

    async def __call__(
        self, actor: Actor, artist_id: ArtistId, changes: PolicyFields
    ) -> ArtistProfile:
        given = {
            f.name: getattr(changes, f.name)
            for f in fields(changes)
            if getattr(changes, f.name) is not None
        }
        if given.get("daily_cap") == 0:
            given["daily_cap"] = None
        async with self._s.uow() as uow:
            artist = await load_artist(uow, artist_id)
            artist.ensure_editable_by(actor)
            policy = replace(artist.policy, **given)  # SchedulingPolicy checks every value
            updated = artist.edited(actor, self._s.clock.now(), policy=policy)
            await uow.artists.update(updated)
            await uow.commit()
        return updated
