"""Artist profiles: create, edit, read."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from booking_domain.accounts import UserNotFoundError
from booking_domain.catalog.artists import ArtistProfile
from booking_domain.catalog.embedding import embed_origins
from booking_domain.catalog.errors import ArtistNotFoundError
from booking_domain.catalog.loading import load_artist, load_editable_artist
from booking_domain.catalog.policy import SchedulingPolicy
from booking_domain.catalog.ports import ArtistDesk, CatalogUnitOfWork
from booking_domain.catalog.use_cases.deps import CatalogDeps
from booking_domain.catalog.use_cases.locations import Coordinates, geo_point
from booking_domain.shared.errors import FieldError, InvalidInputError, PermissionDeniedError
from booking_domain.shared.freshness import browsing
from booking_domain.shared.identity import Actor, Role
from booking_domain.shared.ids import ArtistId, StudioId, new_uuid7
from booking_domain.shared.text import require_clean_text
from booking_domain.shared.time import is_geographic_zone
from booking_domain.shared.use_case import UseCase

_INSTAGRAM = re.compile(r"^@?[A-Za-z0-9._]{1,30}$")
MAX_STYLES = 20
MAX_STYLE_LENGTH = 40
# All of an artist's styles together. Search walks the artists by rating through an index
# that carries their styles (migration 0021), and a B-tree entry may not pass 2,704 bytes:
# 400 characters are at most 1,600 bytes of UTF-8, whatever the script.
MAX_STYLES_LENGTH = 400


def normalised_styles(raw: tuple[str, ...]) -> tuple[str, ...]:
    """Styles as kept: trimmed, lower case, blanks dropped, each once, in the given order."""
    return tuple(dict.fromkeys(s.strip().lower() for s in raw if s.strip()))


def styles_fit(styles: tuple[str, ...]) -> bool:
    """At most ``MAX_STYLES`` styles of ``MAX_STYLE_LENGTH`` characters each,
    ``MAX_STYLES_LENGTH`` characters in all."""
    return (
        len(styles) <= MAX_STYLES
        and all(len(s) <= MAX_STYLE_LENGTH for s in styles)
        and sum(map(len, styles)) <= MAX_STYLES_LENGTH
    )


@dataclass(frozen=True, slots=True)
class ProfileFields:
    """Profile fields a client may set; ``None`` leaves a field as it is (on update).
    ``leave_studio`` takes the artist out of their studio (``studio_id`` alone cannot say
    so: None means "unchanged")."""

    display_name: str | None = None
    bio: str | None = None
    styles: tuple[str, ...] | None = None
    city: str | None = None
    location: Coordinates | None = None
    instagram: str | None = None
    studio_id: StudioId | None = None
    time_zone: str | None = None
    leave_studio: bool = False
    embed_origins: tuple[str, ...] | None = None  # the whole list (empty: none)


def _checked(fields_: ProfileFields) -> dict[str, Any]:
    """Validate and normalise the given fields; raise with every problem at once (a bad
    location is refused first, on its own)."""
    errors: list[FieldError] = []
    location = geo_point(fields_.location)
    require_clean_text(
        [("displayName", fields_.display_name), ("city", fields_.city)]
        + [("styles", style) for style in fields_.styles or ()],
        [("bio", fields_.bio)],
    )
    out = _checked_description(fields_, errors)
    if location is not None:
        out["location"] = location
    out.update(_checked_links(fields_, errors))
    if fields_.embed_origins is not None:
        try:
            out["embed_origins"] = embed_origins(fields_.embed_origins)
        except InvalidInputError as refused:
            errors.extend(refused.errors)
    if errors:
        raise InvalidInputError(errors=tuple(errors))
    return out


def _checked_description(fields_: ProfileFields, errors: list[FieldError]) -> dict[str, Any]:
    """The words about the artist: name, bio, styles and city."""
    out: dict[str, Any] = {}
    if fields_.display_name is not None:
        out["display_name"] = _display_name(fields_.display_name, errors)
    if fields_.bio is not None:
        out["bio"] = _bio(fields_.bio, errors)
    if fields_.styles is not None:
        out["styles"] = _styles(fields_.styles, errors)
    if fields_.city is not None:
        out["city"] = fields_.city.strip() or None
    return out


def _checked_links(fields_: ProfileFields, errors: list[FieldError]) -> dict[str, Any]:
    """Where the artist is found: Instagram, studio and time zone."""
    out: dict[str, Any] = {}
    if fields_.instagram is not None:
        out["instagram"] = _instagram(fields_.instagram, errors)
    if fields_.studio_id is not None:
        out["studio_id"] = fields_.studio_id
    elif fields_.leave_studio:
        out["studio_id"] = None
    if fields_.time_zone is not None:
        out["time_zone"] = _time_zone(fields_.time_zone, errors)
    return out


def _display_name(raw: str, errors: list[FieldError]) -> str:
    """Blanks collapsed, then 1 to 80 characters."""
    name = " ".join(raw.split())
    if not 1 <= len(name) <= 80:
        errors.append(FieldError("displayName", "Use 1 to 80 characters.", "length"))
    return name


def _bio(raw: str, errors: list[FieldError]) -> str:
    """At most 2000 characters as given; kept trimmed."""
    if len(raw) > 2000:
        errors.append(FieldError("bio", "Use at most 2000 characters.", "too_long"))
    return raw.strip()


def _styles(raw: tuple[str, ...], errors: list[FieldError]) -> tuple[str, ...]:
    """Normalised (``normalised_styles``), then within ``styles_fit``."""
    styles = normalised_styles(raw)
    if not styles_fit(styles):
        message = (
            f"At most {MAX_STYLES} styles of {MAX_STYLE_LENGTH} characters,"
            f" {MAX_STYLES_LENGTH} characters in all."
        )
        errors.append(FieldError("styles", message, "invalid"))
    return styles


def _instagram(raw: str, errors: list[FieldError]) -> str | None:
    """An Instagram handle, with or without its ``@`` (kept without); blank clears it."""
    handle = raw.strip()
    if handle and not _INSTAGRAM.match(handle):
        errors.append(
            FieldError("instagram", "Use an Instagram handle such as @inkmaster.", "invalid")
        )
    return handle.lstrip("@") or None


def _time_zone(raw: str, errors: list[FieldError]) -> str:
    """An IANA zone named after a place (``is_geographic_zone``)."""
    if not is_geographic_zone(raw):
        errors.append(
            FieldError(
                "timeZone",
                "Use the IANA time zone of a place, such as Asia/Ulaanbaatar.",
                "unknown_time_zone",
            )
        )
    return raw


async def _require_joinable_studio(
    uow: CatalogUnitOfWork, actor: Actor, studio_id: StudioId | None
) -> None:
    """The studio an artist is placed in exists, and ``actor`` may place them there."""
    if studio_id is None:
        return
    studio = await uow.studios.get(studio_id)
    if studio is None:
        raise InvalidInputError(
            errors=(FieldError("studioId", "No such studio.", "unknown_studio"),)
        )
    studio.ensure_joinable_by(actor)


class CreateArtistProfile(UseCase[CatalogDeps]):
    """An artist user creates their own profile (one per account); it starts as a draft."""

    async def __call__(self, actor: Actor, profile: ProfileFields) -> ArtistProfile:
        if actor.role is not Role.ARTIST:
            raise PermissionDeniedError("Only artist accounts have artist profiles.")
        values = _checked(profile)  # a bad location first, on its own, then everything else
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
        now = self._deps.clock.now()
        async with self._deps.uow() as uow:
            await _require_joinable_studio(uow, actor, values.get("studio_id"))
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


class UpdateArtistProfile(UseCase[CatalogDeps]):
    """The owner or an admin edits the profile. A new time zone moves the policy with it."""

    async def __call__(
        self, actor: Actor, artist_id: ArtistId, profile: ProfileFields
    ) -> ArtistProfile:
        values = _checked(profile)
        async with self._deps.uow() as uow:
            artist = await load_editable_artist(uow.artists, actor, artist_id)
            await _require_joinable_studio(uow, actor, values.get("studio_id"))
            if "time_zone" in values:
                values["policy"] = replace(artist.policy, timezone=values["time_zone"])
            updated = artist.edited(actor, self._deps.clock.now(), **values)
            await uow.artists.update(updated)
            await uow.commit()
        return updated


class OwnArtistProfile(UseCase[CatalogDeps]):
    """The caller's own artist profile, whatever its review state (the artist's console
    opens on it); ``ArtistNotFoundError`` for an account without one."""

    async def __call__(self, actor: Actor) -> ArtistProfile:
        async with self._deps.uow(read_only=True) as uow:
            artist = await uow.artists.get_by_user(actor.user_id)
        if artist is None:
            raise ArtistNotFoundError()
        return artist


class OpenArtistDesk(UseCase[CatalogDeps]):
    """The caller's account as the artist's console opens on it, in one read: the language
    it chose and, for an artist, its own profile (``OwnArtistProfile``; None without one;
    other roles never have it read). ``UserNotFoundError`` for an account gone or disabled."""

    async def __call__(self, actor: Actor) -> ArtistDesk:
        async with self._deps.uow(read_only=True) as uow:
            desk = await uow.artists.desk_of(actor.user_id)
        if desk is None:
            raise UserNotFoundError()
        if actor.role is not Role.ARTIST and desk.artist is not None:
            return replace(desk, artist=None)
        return desk


class GetArtist(UseCase[CatalogDeps]):
    """Public when approved and not suspended; the owner and admins always; else 404."""

    async def __call__(self, actor: Actor | None, artist_id: ArtistId) -> ArtistProfile:
        async with self._deps.uow(read_only=True, may_lag=browsing(actor)) as uow:
            artist = await load_artist(uow.artists, artist_id)
        artist.ensure_visible_to(actor)
        return artist
