"""Setting and reading programs: the platform's (admins set it; anyone reads it once set)
and an artist's own (the artist or an admin sets it; anyone reads it while it is on and the
artist is public, its artist and admins always). Each change is a new version of the
program, recorded in the outbox (``loyalty.program_changed``) and, by whoever made it, in
the audit trail."""

from __future__ import annotations

from dataclasses import dataclass

from booking_domain.catalog import load_artist, load_editable_artist
from booking_domain.loyalty.errors import ProgramActionNotAllowedError, ProgramNotFoundError
from booking_domain.loyalty.ports import LoyaltyUnitOfWork
from booking_domain.loyalty.programs import PLATFORM_NAME, Program, Rates, check_rates, configure
from booking_domain.loyalty.published import program_audit_entry, program_event
from booking_domain.loyalty.use_cases.deps import LoyaltyDeps
from booking_domain.shared.identity import Actor
from booking_domain.shared.ids import ArtistId, UserId
from booking_domain.shared.use_case import UseCase


@dataclass(frozen=True, slots=True)
class ProgramSettings:
    """What an owner sets: on or off, and the rates (``programs.check_rates``)."""

    active: bool
    rates: Rates


async def _save(
    uow: LoyaltyUnitOfWork,
    current: Program | None,
    changed: Program,
    actor: Actor,
    owner: UserId | None,
) -> Program:
    await uow.loyalty_programs.save(changed)
    await uow.outbox.record(program_event(changed, owner))
    await uow.audit.record(program_audit_entry(current, changed, actor, changed.updated_at))
    await uow.commit()
    return changed


class GetPlatformProgram(UseCase[LoyaltyDeps]):
    async def __call__(self) -> Program:
        async with self._deps.uow(read_only=True) as uow:
            program = await uow.loyalty_programs.platform()
        if program is None:
            raise ProgramNotFoundError("The platform has no loyalty program yet.")
        return program


class SetPlatformProgram(UseCase[LoyaltyDeps]):
    async def __call__(self, actor: Actor, settings: ProgramSettings) -> Program:
        if not actor.is_admin:
            raise ProgramActionNotAllowedError("Only admins set the platform's program.")
        check_rates(settings.rates)  # refused before anything is read
        async with self._deps.uow() as uow:
            current = await uow.loyalty_programs.platform()
            changed = configure(
                current,
                None,
                active=settings.active,
                rates=settings.rates,
                now=self._deps.clock.now(),
                name=PLATFORM_NAME,
            )
            return await _save(uow, current, changed, actor, None)


class GetArtistProgram(UseCase[LoyaltyDeps]):
    async def __call__(self, actor: Actor | None, artist_id: ArtistId) -> Program:
        async with self._deps.uow(read_only=True) as uow:
            artist = await load_artist(uow.artists, artist_id)
            artist.ensure_visible_to(actor)  # a hidden artist is as unknown as a wrong id
            program = await uow.loyalty_programs.of_artist(artist_id)
        insider = actor is not None and (actor.is_admin or artist.is_owned_by(actor))
        if program is None or not (insider or program.active):
            raise ProgramNotFoundError()
        return program


class SetArtistProgram(UseCase[LoyaltyDeps]):
    async def __call__(
        self, actor: Actor, artist_id: ArtistId, settings: ProgramSettings
    ) -> Program:
        check_rates(settings.rates)
        async with self._deps.uow() as uow:
            artist = await load_editable_artist(uow.artists, actor, artist_id)
            current = await uow.loyalty_programs.of_artist(artist_id)
            changed = configure(
                current,
                artist_id,
                active=settings.active,
                rates=settings.rates,
                now=self._deps.clock.now(),
                name=artist.display_name,
            )
            return await _save(uow, current, changed, actor, artist.user_id)
