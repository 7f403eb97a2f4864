"""An artist's aftercare settings: the aftercare text, the delays of the aftercare message
and of the review request, and the touch-up window (docs/aftercare.md). Their owner and
admins read and change them; to anyone else the artist does not exist (404), as for the
reminder offsets."""

from __future__ import annotations

from dataclasses import dataclass

from booking_domain.catalog.aftercare import AftercareSettings
from booking_domain.catalog.errors import ArtistNotFoundError
from booking_domain.catalog.ports import CatalogUnitOfWork
from booking_domain.catalog.use_cases.deps import CatalogDeps
from booking_domain.shared.identity import Actor
from booking_domain.shared.ids import ArtistId
from booking_domain.shared.use_case import UseCase


@dataclass(frozen=True, slots=True)
class AftercareChoice:
    """What the owner sets, every field at once (``PUT``)."""

    text: str
    aftercare_delay_minutes: int
    review_delay_minutes: int
    touch_up_days: int


async def _owned(uow: CatalogUnitOfWork, actor: Actor, artist_id: ArtistId) -> None:
    """Anyone but the owner and admins is told the artist does not exist."""
    artist = await uow.artists.get(artist_id)
    if artist is None or (artist.user_id != actor.user_id and not actor.is_admin):
        raise ArtistNotFoundError()


class GetAftercare(UseCase[CatalogDeps]):
    """The artist's settings, the defaults when never chosen."""

    async def __call__(self, actor: Actor, artist_id: ArtistId) -> AftercareSettings:
        async with self._deps.uow(read_only=True) as uow:
            await _owned(uow, actor, artist_id)
            return await uow.aftercare.get(artist_id)


class SetAftercare(UseCase[CatalogDeps]):
    """The owner (or an admin) replaces the settings. Bookings completed from now on are
    planned by the new delays; messages already planned keep their moments, and an aftercare
    message reads the text as it is when it is sent. The touch-up window applies to
    touch-ups booked or moved from now on."""

    async def __call__(
        self, actor: Actor, artist_id: ArtistId, choice: AftercareChoice
    ) -> AftercareSettings:
        settings = AftercareSettings.chosen(
            artist_id,
            text=choice.text,
            aftercare_minutes=choice.aftercare_delay_minutes,
            review_minutes=choice.review_delay_minutes,
            touch_up_days=choice.touch_up_days,
            now=self._deps.clock.now(),
        )
        async with self._deps.uow() as uow:
            await _owned(uow, actor, artist_id)
            await uow.aftercare.put(settings)
            await uow.commit()
        return settings
