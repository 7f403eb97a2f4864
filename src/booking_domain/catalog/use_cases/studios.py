"""Studios: admins and artists create them (an artist becomes the owner); the owner or an
admin edits one; anyone reads them, with the public artists who work there."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from booking_domain.catalog.artists import ArtistProfile
from booking_domain.catalog.errors import StudioNotFoundError
from booking_domain.catalog.studios import Studio, ensure_may_create_studio
from booking_domain.catalog.use_cases.deps import CatalogDeps
from booking_domain.catalog.use_cases.locations import Coordinates, geo_point
from booking_domain.shared.errors import FieldError, InvalidInputError
from booking_domain.shared.identity import Actor
from booking_domain.shared.ids import StudioId, new_uuid7
from booking_domain.shared.pages import Page, PageRequest
from booking_domain.shared.text import require_clean_text
from booking_domain.shared.use_case import UseCase


@dataclass(frozen=True, slots=True)
class StudioFields:
    """Studio fields a client may set; ``None`` leaves a field as it is (on update)."""

    name: str | None = None
    address: str | None = None
    city: str | None = None
    location: Coordinates | None = None


def _checked_studio(values: StudioFields, *, creating: bool) -> dict[str, Any]:
    errors: list[FieldError] = []
    out: dict[str, Any] = {}
    location = geo_point(values.location)  # a bad location is refused first, on its own
    require_clean_text([("name", values.name), ("address", values.address), ("city", values.city)])
    for name in ("name", "address", "city"):
        value = getattr(values, name)
        if value is None:
            if creating:
                errors.append(FieldError(name, "Required.", "required"))
            continue
        cleaned = " ".join(value.split())
        if not 1 <= len(cleaned) <= 200:
            errors.append(FieldError(name, "Use 1 to 200 characters.", "length"))
        out[name] = cleaned
    if location is not None:
        out["location"] = location
    if errors:
        raise InvalidInputError(errors=tuple(errors))
    return out


class CreateStudio(UseCase[CatalogDeps]):
    async def __call__(self, actor: Actor, values: StudioFields) -> Studio:
        ensure_may_create_studio(actor)
        checked = _checked_studio(values, creating=True)
        now = self._deps.clock.now()
        studio = Studio(
            id=StudioId(new_uuid7()),
            created_at=now,
            updated_at=now,
            owner_user_id=None if actor.is_admin else actor.user_id,
            **checked,
        )
        async with self._deps.uow() as uow:
            await uow.studios.add(studio)
            await uow.commit()
        return studio


class UpdateStudio(UseCase[CatalogDeps]):
    async def __call__(self, actor: Actor, studio_id: StudioId, values: StudioFields) -> Studio:
        checked = _checked_studio(values, creating=False)
        async with self._deps.uow() as uow:
            studio = await uow.studios.get(studio_id)
            if studio is None:
                raise StudioNotFoundError()
            updated = studio.edited(actor, self._deps.clock.now(), **checked)
            await uow.studios.update(updated)
            await uow.commit()
        return updated


@dataclass(frozen=True, slots=True)
class StudioMembers:
    """A studio and who works there, as anyone may see them: its public artists (approved,
    not suspended), by name. A draft or suspended artist placed in it is not shown."""

    studio: Studio
    members: tuple[ArtistProfile, ...]


class GetStudio(UseCase[CatalogDeps]):
    async def __call__(self, studio_id: StudioId) -> StudioMembers:
        async with self._deps.uow(read_only=True) as uow:
            studio = await uow.studios.get(studio_id)
            if studio is None:
                raise StudioNotFoundError()
            members = await uow.artists.public_in_studios((studio.id,))
        return StudioMembers(studio, members)


class ListStudios(UseCase[CatalogDeps]):
    """Every studio, oldest first, each with its public artists (two queries a page)."""

    async def __call__(self, page: PageRequest) -> Page[StudioMembers]:
        async with self._deps.uow(read_only=True) as uow:
            studios = await uow.studios.list(page)
            members = await uow.artists.public_in_studios([s.id for s in studios.items])
        by_studio: dict[StudioId, list[ArtistProfile]] = {s.id: [] for s in studios.items}
        for artist in members:
            if artist.studio_id is not None:
                by_studio[artist.studio_id].append(artist)
        shown = tuple(StudioMembers(s, tuple(by_studio[s.id])) for s in studios.items)
        return Page(shown, studios.total, studios.request, studios.total_exact)
