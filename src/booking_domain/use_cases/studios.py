"""Studios: a salon's name and address, grouping artists who work there."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from booking_domain.accounts import Actor
from booking_domain.artists import GeoPoint, Studio, ensure_may_create_studio
from booking_domain.errors import FieldError, InvalidInputError, StudioNotFoundError
from booking_domain.ids import StudioId, new_uuid7
from booking_domain.use_cases.artists import CatalogServices


@dataclass(frozen=True, slots=True)
class StudioFields:
    name: str | None = None
    address: str | None = None
    city: str | None = None
    location: GeoPoint | None = None


def _checked_studio(values: StudioFields, *, creating: bool) -> dict[str, Any]:
    errors: list[FieldError] = []
    out: dict[str, Any] = {}
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
    if values.location is not None:
        out["location"] = values.location
    if errors:
        raise InvalidInputError(errors=tuple(errors))
    return out


class ManageStudios:
    """Admins and artists create studios (an artist becomes its owner); the owner or an
    admin edits one; anyone reads them."""

    def __init__(self, services: CatalogServices) -> None:
        self._s = services

    async def create(self, actor: Actor, values: StudioFields) -> Studio:
        ensure_may_create_studio(actor)
        checked = _checked_studio(values, creating=True)
        now = self._s.clock.now()
        studio = Studio(
            id=StudioId(new_uuid7()),
            created_at=now,
            updated_at=now,
            owner_user_id=None if actor.is_admin else actor.user_id,
            **checked,
        )
        async with self._s.uow() as uow:
            await uow.studios.add(studio)
            await uow.commit()
        return studio

    async def update(self, actor: Actor, studio_id: StudioId, values: StudioFields) -> Studio:
        checked = _checked_studio(values, creating=False)
        async with self._s.uow() as uow:
            studio = await uow.studios.get(studio_id)
            if studio is None:
                raise StudioNotFoundError()
            updated = studio.edited(actor, self._s.clock.now(), **checked)
            await uow.studios.update(updated)
            await uow.commit()
        return updated

    async def get(self, studio_id: StudioId) -> Studio:
        async with self._s.uow(read_only=True) as uow:
            studio = await uow.studios.get(studio_id)
        if studio is None:
            raise StudioNotFoundError()
        return studio
