"""An artist's side of the waitlist: the settings (``GET`` for the artist and admins,
changed by the artist) and the figures (the artist and admins). Anyone else: the artist
is not found, so an id reveals nothing."""

from __future__ import annotations

from dataclasses import dataclass

from booking_domain.catalog import ArtistNotFoundError, ArtistProfile
from booking_domain.shared.identity import Actor
from booking_domain.shared.ids import ArtistId
from booking_domain.shared.use_case import UseCase
from booking_domain.waitlist.errors import WaitlistActionNotAllowedError
from booking_domain.waitlist.figures import WaitlistFigures, period_start
from booking_domain.waitlist.ports import WaitlistUnitOfWork
from booking_domain.waitlist.settings import WaitlistSettings, check_hold_minutes
from booking_domain.waitlist.use_cases.deps import WaitlistDeps


@dataclass(frozen=True, slots=True)
class SettingsChange:
    """What the artist changes (None: kept)."""

    enabled: bool | None = None
    hold_minutes: int | None = None


async def _own_artist(uow: WaitlistUnitOfWork, actor: Actor, artist_id: ArtistId) -> ArtistProfile:
    """The artist if ``actor`` owns the profile or is an admin; else not found."""
    artist = await uow.artists.get(artist_id)
    if artist is None or not (actor.is_admin or artist.is_owned_by(actor)):
        raise ArtistNotFoundError()
    return artist


class GetWaitlistSettings(UseCase[WaitlistDeps]):
    async def __call__(self, actor: Actor, artist_id: ArtistId) -> WaitlistSettings:
        async with self._deps.uow(read_only=True) as uow:
            await _own_artist(uow, actor, artist_id)
            stored = await uow.waitlist_settings.get(artist_id)
        return stored or WaitlistSettings.of_artist(artist_id)


class UpdateWaitlistSettings(UseCase[WaitlistDeps]):
    """The artist turns the waitlist on or off, or sets the offers' hold (admins: 403)."""

    async def __call__(
        self, actor: Actor, artist_id: ArtistId, change: SettingsChange
    ) -> WaitlistSettings:
        hold = None if change.hold_minutes is None else check_hold_minutes(change.hold_minutes)
        async with self._deps.uow() as uow:
            artist = await _own_artist(uow, actor, artist_id)
            if not artist.is_owned_by(actor):
                raise WaitlistActionNotAllowedError("The artist sets their own waitlist.")
            now = self._deps.clock.now()
            base = await uow.waitlist_settings.get(artist_id) or WaitlistSettings.of_artist(
                artist_id
            )
            settings = WaitlistSettings(
                artist_id,
                enabled=base.enabled if change.enabled is None else change.enabled,
                hold=base.hold if hold is None else hold,
                updated_at=now,
            )
            await uow.waitlist_settings.put(settings)
            await uow.commit()
        return settings


class WaitlistStats(UseCase[WaitlistDeps]):
    """The artist's figures over the last ``days`` (``figures.PERIODS``)."""

    async def __call__(self, actor: Actor, artist_id: ArtistId, days: int) -> WaitlistFigures:
        now = self._deps.clock.now()
        since = period_start(days, now)
        async with self._deps.uow(read_only=True) as uow:
            await _own_artist(uow, actor, artist_id)
            return await uow.waitlist.figures(artist_id, since, now)
