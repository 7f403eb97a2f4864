"""A studio's members and its invites (``catalog.studio_invites``): the owner (or an admin)
makes, lists and revokes invite links and removes members; an artist accepts an invite
(moving to its studio) or leaves; an artist's console finds the studios they own."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from booking_domain.catalog.artists import ArtistProfile
from booking_domain.catalog.errors import (
    ArtistNotFoundError,
    StudioInviteNotFoundError,
    StudioInviteUsedError,
    StudioMemberNotFoundError,
    StudioNotFoundError,
)
from booking_domain.catalog.links import could_be_token
from booking_domain.catalog.ports import CatalogUnitOfWork
from booking_domain.catalog.studio_invites import (
    DIGEST_PURPOSE,
    StudioInvite,
    StudioInviteId,
    clean_note,
    ensure_may_remove,
    new_invite,
)
from booking_domain.catalog.studios import Studio
from booking_domain.catalog.use_cases.deps import CatalogDeps
from booking_domain.shared.errors import PermissionDeniedError
from booking_domain.shared.identity import Actor, Role
from booking_domain.shared.ids import ArtistId, StudioId, new_uuid7
from booking_domain.shared.text import require_clean_text
from booking_domain.shared.use_case import UseCase


def invite_path(token: str) -> str:
    """Where an invite is accepted, under the site's base URL (the console's page)."""
    return f"/console/studio-invites/{token}"


@dataclass(frozen=True, slots=True)
class MadeInvite:
    """A new invite with its token and address: shown this once (only a digest is kept)."""

    invite: StudioInvite
    token: str
    url: str


@dataclass(frozen=True, slots=True)
class InviteLanding:
    """What an invite's page shows: the invite, its studio, and (for a signed-in artist)
    the studio they are in now, which accepting leaves."""

    invite: StudioInvite
    studio: Studio
    current_studio: Studio | None = None


async def _studio(uow: CatalogUnitOfWork, studio_id: StudioId) -> Studio:
    studio = await uow.studios.get(studio_id)
    if studio is None:
        raise StudioNotFoundError()
    return studio


async def _owned_studio(uow: CatalogUnitOfWork, actor: Actor, studio_id: StudioId) -> Studio:
    """The studio, when ``actor`` is its owner or an admin."""
    studio = await _studio(uow, studio_id)
    studio.ensure_editable_by(actor)
    return studio


class _Invites(UseCase[CatalogDeps]):
    def _digest(self, token: str) -> str:
        return self._deps.digest.digest(DIGEST_PURPOSE, token)

    async def _find(self, uow: CatalogUnitOfWork, token: str) -> StudioInvite:
        invite = await uow.studio_invites.find(self._digest(token))
        if invite is None:
            raise StudioInviteNotFoundError()
        return invite


class CreateStudioInvite(_Invites):
    async def __call__(self, actor: Actor, studio_id: StudioId, note: str | None) -> MadeInvite:
        require_clean_text([("note", note)])
        cleaned = clean_note(note)
        now = self._deps.clock.now()
        token = self._deps.new_link_token()
        async with self._deps.uow() as uow:
            # Held until commit: two invites made at once count each other (the bound).
            studio = await uow.studios.get(studio_id, for_update=True)
            if studio is None:
                raise StudioNotFoundError()
            studio.ensure_editable_by(actor)
            open_now = await uow.studio_invites.open_for_studio(studio.id, now)
            invite = new_invite(
                studio,
                actor,
                invite_id=StudioInviteId(new_uuid7(int(now.timestamp() * 1000))),
                open_count=len(open_now),
                note=cleaned,
                now=now,
            )
            await uow.studio_invites.add(invite, self._digest(token))
            await uow.commit()
        return MadeInvite(invite, token, self._deps.link_base_url + invite_path(token))


class ListStudioInvites(_Invites):
    """The studio's open invites, oldest first (owner or admin)."""

    async def __call__(self, actor: Actor, studio_id: StudioId) -> tuple[StudioInvite, ...]:
        async with self._deps.uow(read_only=True) as uow:
            studio = await _owned_studio(uow, actor, studio_id)
            return await uow.studio_invites.open_for_studio(studio.id, self._deps.clock.now())


class RevokeStudioInvite(_Invites):
    """The owner (or an admin) withdraws an open invite; another studio's is "not found"."""

    async def __call__(
        self, actor: Actor, studio_id: StudioId, invite_id: StudioInviteId
    ) -> StudioInvite:
        now = self._deps.clock.now()
        async with self._deps.uow() as uow:
            studio = await _owned_studio(uow, actor, studio_id)
            invite = await uow.studio_invites.get(invite_id)
            if invite is None or invite.studio_id != studio.id:
                raise StudioInviteNotFoundError()
            revoked = invite.revoked(now)
            if not await uow.studio_invites.settle(revoked):
                raise StudioInviteUsedError()  # used (or revoked) a moment ago
            await uow.commit()
        return revoked


class ShowStudioInvite(_Invites):
    """What an invite is, for the page that accepts it (anyone holding the token): an
    unknown token is "not found"; a used, revoked or expired one is refused with its
    code."""

    async def __call__(self, actor: Actor | None, token: str) -> InviteLanding:
        if not could_be_token(token):
            raise StudioInviteNotFoundError()
        async with self._deps.uow(read_only=True) as uow:
            invite = await self._find(uow, token)
            invite.ensure_open(self._deps.clock.now())
            studio = await _studio(uow, invite.studio_id)
            current = None
            if actor is not None and actor.role is Role.ARTIST:
                artist = await uow.artists.get_by_user(actor.user_id)
                if artist is not None and artist.studio_id not in (None, studio.id):
                    current = await uow.studios.get(artist.studio_id)
        return InviteLanding(invite, studio, current)


class AcceptStudioInvite(_Invites):
    """A signed-in artist with a profile joins the invite's studio (leaving the one they
    were in), once: the invite is used by them."""

    async def __call__(self, actor: Actor, token: str) -> ArtistProfile:
        if actor.role is not Role.ARTIST:
            raise PermissionDeniedError("Studio invites are accepted by artists.")
        if not could_be_token(token):
            raise StudioInviteNotFoundError()
        now = self._deps.clock.now()
        async with self._deps.uow() as uow:
            invite = await self._find(uow, token)
            artist = await uow.artists.get_by_user(actor.user_id)
            if artist is None:
                raise ArtistNotFoundError("Make your artist profile first, then accept.")
            studio = await _studio(uow, invite.studio_id)
            current = None if artist.studio_id is None else await uow.studios.get(artist.studio_id)
            used = invite.accepted_by(artist, now, current)
            if not await uow.studio_invites.settle(used):
                raise StudioInviteUsedError()  # another artist used it a moment ago
            moved = dataclasses.replace(artist, studio_id=studio.id, updated_at=now)
            await uow.artists.update(moved)
            await uow.commit()
        return moved


class RemoveStudioMember(_Invites):
    """The owner (or an admin) takes a member out of the studio, or a member leaves; the
    owner's own profile stays (``studio_invites.ensure_may_remove``)."""

    async def __call__(self, actor: Actor, studio_id: StudioId, artist_id: ArtistId) -> None:
        async with self._deps.uow() as uow:
            studio = await _studio(uow, studio_id)
            artist = await uow.artists.get(artist_id)
            if artist is None:
                raise StudioMemberNotFoundError()
            ensure_may_remove(studio, actor, artist)
            now = self._deps.clock.now()
            await uow.artists.update(dataclasses.replace(artist, studio_id=None, updated_at=now))
            await uow.commit()


class ListStudioMembers(_Invites):
    """Every artist placed in the studio, whatever their review state, by name: to its
    owner and admins (anyone sees its public artists: ``GetStudio``)."""

    async def __call__(self, actor: Actor, studio_id: StudioId) -> tuple[ArtistProfile, ...]:
        async with self._deps.uow(read_only=True) as uow:
            studio = await _owned_studio(uow, actor, studio_id)
            return await uow.artists.in_studio(studio.id)


class OwnedStudios(_Invites):
    """The studios the caller owns, oldest first (their console's studio tab)."""

    async def __call__(self, actor: Actor) -> tuple[Studio, ...]:
        async with self._deps.uow(read_only=True) as uow:
            return await uow.studios.owned_by(actor.user_id)
