"""A studio's members and invites on the wire: the owner's view of both, and an invite as
the page that accepts it sees it."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

from msgspec import Meta

from booking_domain.catalog import ArtistProfile, StudioInvite
from booking_domain.catalog.use_cases import InviteLanding, MadeInvite
from entrypoints.http.catalog.dto import StudioView
from entrypoints.http.wire import Dto, View, utc


class StudioInviteRequest(Dto, frozen=True):
    """An optional note for the owner's own list (who the invite is for)."""

    note: Annotated[str, Meta(max_length=2000)] | None = None


class StudioInviteView(View, frozen=True):
    """An open invite as its studio's owner lists it (no token: only its digest is kept)."""

    id: UUID
    studio_id: UUID
    note: str
    created_at: datetime
    expires_at: datetime

    @classmethod
    def of(cls, invite: StudioInvite) -> StudioInviteView:
        return cls(
            invite.id, invite.studio_id, invite.note, utc(invite.created_at), utc(invite.expires_at)
        )


class MadeInviteView(View, frozen=True):
    """A new invite with its token and address: shown this once."""

    invite: StudioInviteView
    token: str
    url: str

    @classmethod
    def of(cls, made: MadeInvite) -> MadeInviteView:
        return cls(StudioInviteView.of(made.invite), made.token, made.url)


class StudioInviteList(View, frozen=True):
    items: list[StudioInviteView]


class InviteLandingView(View, frozen=True):
    """What an invite is: its studio, when it expires, and (for a signed-in artist in
    another studio) the studio accepting it leaves."""

    studio: StudioView
    expires_at: datetime
    leaves_studio: StudioView | None

    @classmethod
    def of(cls, landing: InviteLanding) -> InviteLandingView:
        current = landing.current_studio
        return cls(
            StudioView.of(landing.studio),
            utc(landing.invite.expires_at),
            None if current is None else StudioView.of(current),
        )


class OwnStudioMemberView(View, frozen=True):
    """A member as the studio's owner sees them: whatever their review state."""

    id: UUID
    user_id: UUID
    display_name: str
    status: str
    suspended: bool
    time_zone: str

    @classmethod
    def of(cls, a: ArtistProfile) -> OwnStudioMemberView:
        return cls(a.id, a.user_id, a.display_name, a.status.value, a.suspended, a.time_zone)


class StudioMemberList(View, frozen=True):
    items: list[OwnStudioMemberView]
