"""Studio invites and membership: how a guest artist joins a studio, and how one leaves.

Rules (docs/product.md, "1. People and roles"):
- the studio's owner (or an admin) makes an invite: a random token (``links.fresh_token``),
  stored only as its keyed digest and shown once, when it is made; it lasts
  ``INVITE_LIFETIME`` and may carry a note (at most ``MAX_NOTE`` characters) for the owner's
  own list; a studio has at most ``MAX_OPEN_INVITES`` open at once;
- an invite is *open* until it is used, withdrawn (revoked) or past its expiry, whichever
  comes first; only an open invite is accepted or revoked;
- a signed-in artist with a profile accepts an open invite once: their profile's studio
  becomes the invite's (accepting *moves* an artist from another studio: the acceptance
  page says so first), and the invite is used, by them, for good;
- the owner's own profile stays in the studio they own: the owner neither leaves it, is
  removed from it, nor accepts another studio's invite while their profile is there;
- the owner (or an admin) removes a member, and a member may leave: the profile's studio is
  cleared; anyone else is refused.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Final, NewType
from uuid import UUID

from booking_domain.catalog.artists import ArtistProfile
from booking_domain.catalog.errors import (
    AlreadyStudioMemberError,
    StudioInviteExpiredError,
    StudioInviteRevokedError,
    StudioInviteUsedError,
    StudioMemberNotFoundError,
    StudioOwnerStaysError,
    TooManyStudioInvitesError,
)
from booking_domain.catalog.studios import Studio
from booking_domain.shared.errors import FieldError, InvalidInputError, PermissionDeniedError
from booking_domain.shared.identity import Actor
from booking_domain.shared.ids import ArtistId, StudioId, UserId
from booking_domain.shared.time import require_aware

StudioInviteId = NewType("StudioInviteId", UUID)

INVITE_LIFETIME: Final = timedelta(days=7)
MAX_OPEN_INVITES: Final = 20
MAX_NOTE: Final = 200
DIGEST_PURPOSE: Final = "studio-invite"  # the keyed digest's purpose string


class InviteState(StrEnum):
    OPEN = "open"
    USED = "used"
    REVOKED = "revoked"
    EXPIRED = "expired"


@dataclass(frozen=True, slots=True)
class StudioInvite:
    id: StudioInviteId
    studio_id: StudioId
    created_by: UserId
    note: str
    created_at: datetime
    expires_at: datetime
    used_at: datetime | None = None
    used_by: ArtistId | None = None
    revoked_at: datetime | None = None

    def __post_init__(self) -> None:
        require_aware(self.created_at, "created_at")
        require_aware(self.expires_at, "expires_at")

    def state(self, now: datetime) -> InviteState:
        """Used and revoked are for good; otherwise open until ``expires_at`` (exclusive)."""
        if self.used_at is not None:
            return InviteState.USED
        if self.revoked_at is not None:
            return InviteState.REVOKED
        if require_aware(now, "now") >= self.expires_at:
            return InviteState.EXPIRED
        return InviteState.OPEN

    def ensure_open(self, now: datetime) -> None:
        """Refuses an invite that is not open, with its own code."""
        state = self.state(now)
        if state is InviteState.USED:
            raise StudioInviteUsedError()
        if state is InviteState.REVOKED:
            raise StudioInviteRevokedError()
        if state is InviteState.EXPIRED:
            raise StudioInviteExpiredError()

    def accepted_by(
        self, artist: ArtistProfile, now: datetime, current: Studio | None
    ) -> StudioInvite:
        """The invite used by ``artist`` (whose profile then moves to the studio);
        ``current`` is the studio the artist is in now (None for none)."""
        self.ensure_open(now)
        if artist.studio_id == self.studio_id:
            raise AlreadyStudioMemberError()
        ensure_not_owner_in_own_studio(artist, None if current is None else current.owner_user_id)
        return dataclasses.replace(self, used_at=now, used_by=artist.id)

    def revoked(self, now: datetime) -> StudioInvite:
        self.ensure_open(now)
        return dataclasses.replace(self, revoked_at=now)


def ensure_not_owner_in_own_studio(artist: ArtistProfile, current_owner: UserId | None) -> None:
    """The owner's profile stays in the studio they own (``current_owner``: the owner of
    the studio the artist is in now, None when they are in none or it has no owner)."""
    if current_owner is not None and current_owner == artist.user_id:
        raise StudioOwnerStaysError()


def clean_note(note: str | None) -> str:
    """An invite's note: spaces folded, at most ``MAX_NOTE`` characters."""
    cleaned = " ".join((note or "").split())
    if len(cleaned) > MAX_NOTE:
        raise InvalidInputError(
            errors=(FieldError("note", f"Use at most {MAX_NOTE} characters.", "length"),)
        )
    return cleaned


def new_invite(
    studio: Studio,
    actor: Actor,
    *,
    invite_id: StudioInviteId,
    open_count: int,
    note: str,
    now: datetime,
) -> StudioInvite:
    """An invite to ``studio``, by its owner or an admin, while fewer than
    ``MAX_OPEN_INVITES`` are open."""
    studio.ensure_editable_by(actor)
    if open_count >= MAX_OPEN_INVITES:
        raise TooManyStudioInvitesError()
    now = require_aware(now, "now")
    return StudioInvite(
        id=invite_id,
        studio_id=studio.id,
        created_by=actor.user_id,
        note=note,
        created_at=now,
        expires_at=now + INVITE_LIFETIME,
    )


def ensure_may_remove(studio: Studio, actor: Actor, artist: ArtistProfile) -> None:
    """Who takes ``artist`` out of ``studio``: the artist themself (leaving), its owner or an
    admin; never the owner's own profile while they own the studio."""
    if artist.studio_id != studio.id:
        raise StudioMemberNotFoundError()
    if actor.user_id != artist.user_id:
        try:
            studio.ensure_editable_by(actor)
        except PermissionDeniedError:
            raise PermissionDeniedError(
                "Only the studio's owner removes its members; an artist may leave."
            ) from None
    ensure_not_owner_in_own_studio(artist, studio.owner_user_id)
