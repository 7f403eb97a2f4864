"""A studio's members and invite links: ``/api/v1/studios/{id}/invites`` and
``/members`` (its owner or an admin), ``/api/v1/studio-invites/{token}`` (what an invite
is, to anyone holding it; accepted by a signed-in artist)."""

from __future__ import annotations

from uuid import UUID

from litestar import delete, get, post
from litestar.params import FromPath, JSONBody
from litestar.status_codes import HTTP_200_OK, HTTP_204_NO_CONTENT

from booking_domain.catalog import (
    AlreadyStudioMemberError,
    ArtistNotFoundError,
    StudioInviteExpiredError,
    StudioInviteId,
    StudioInviteNotFoundError,
    StudioInviteRevokedError,
    StudioInviteUsedError,
    StudioMemberNotFoundError,
    StudioNotFoundError,
    StudioOwnerStaysError,
    TooManyStudioInvitesError,
)
from booking_domain.shared import ArtistId, InvalidInputError, PermissionDeniedError, StudioId
from entrypoints.http.caller import Caller, MaybeCaller
from entrypoints.http.catalog.controller import CatalogDep
from entrypoints.http.catalog.dto import ArtistView
from entrypoints.http.catalog.studio_dto import (
    InviteLandingView,
    MadeInviteView,
    OwnStudioMemberView,
    StudioInviteList,
    StudioInviteRequest,
    StudioInviteView,
    StudioMemberList,
)
from entrypoints.http.controllers import Public, SignedIn
from entrypoints.http.problem_docs import raises_exactly

_NOT_OPEN = (StudioInviteExpiredError, StudioInviteRevokedError, StudioInviteUsedError)
# The owner's: an unknown studio, not theirs (nor an admin's), too many open invites or a
# bad note; an invite not of the studio, or no longer open. Members: an artist not in it,
# the owner's own profile. An invite's page: unknown (404), no longer open (410); accepting:
# a caller who is not an artist (403) or has no profile (404), already a member, an owner
# in their own studio.
CREATE_INVITE_RAISES = raises_exactly(
    StudioNotFoundError, PermissionDeniedError, TooManyStudioInvitesError, InvalidInputError
)
LIST_INVITES_RAISES = raises_exactly(StudioNotFoundError, PermissionDeniedError)
REVOKE_INVITE_RAISES = raises_exactly(
    StudioNotFoundError, PermissionDeniedError, StudioInviteNotFoundError, *_NOT_OPEN
)
LIST_MEMBERS_RAISES = raises_exactly(StudioNotFoundError, PermissionDeniedError)
REMOVE_MEMBER_RAISES = raises_exactly(
    StudioNotFoundError, PermissionDeniedError, StudioMemberNotFoundError, StudioOwnerStaysError
)
SHOW_INVITE_RAISES = raises_exactly(StudioInviteNotFoundError, *_NOT_OPEN)
ACCEPT_INVITE_RAISES = raises_exactly(
    StudioInviteNotFoundError,
    *_NOT_OPEN,
    PermissionDeniedError,
    ArtistNotFoundError,
    AlreadyStudioMemberError,
    StudioOwnerStaysError,
)


class StudioMembersController(SignedIn, context="catalog"):
    path = "/studios/{studio_id:uuid}"
    tags = ["studios"]

    @post(
        "/invites",
        summary="Make an invite link for a guest artist (owner or admin; the token shown once)",
        opt=CREATE_INVITE_RAISES,
    )
    async def create_invite(
        self,
        studio_id: FromPath[UUID],
        data: JSONBody[StudioInviteRequest],
        actor: Caller,
        catalog: CatalogDep,
    ) -> MadeInviteView:
        made = await catalog.create_studio_invite(actor, StudioId(studio_id), data.note)
        return MadeInviteView.of(made)

    @get("/invites", summary="The studio's open invites (owner or admin)", opt=LIST_INVITES_RAISES)
    async def list_invites(
        self, studio_id: FromPath[UUID], actor: Caller, catalog: CatalogDep
    ) -> StudioInviteList:
        found = await catalog.list_studio_invites(actor, StudioId(studio_id))
        return StudioInviteList([StudioInviteView.of(i) for i in found])

    @delete(
        "/invites/{invite_id:uuid}",
        status_code=HTTP_204_NO_CONTENT,
        summary="Withdraw an open invite (owner or admin)",
        opt=REVOKE_INVITE_RAISES,
    )
    async def revoke_invite(
        self, studio_id: FromPath[UUID], invite_id: FromPath[UUID], actor: Caller,
        catalog: CatalogDep,
    ) -> None:  # fmt: skip
        await catalog.revoke_studio_invite(actor, StudioId(studio_id), StudioInviteId(invite_id))

    @get(
        "/members",
        summary="Every artist of the studio, whatever their review state (owner or admin)",
        opt=LIST_MEMBERS_RAISES,
    )
    async def list_members(
        self, studio_id: FromPath[UUID], actor: Caller, catalog: CatalogDep
    ) -> StudioMemberList:
        found = await catalog.list_studio_members(actor, StudioId(studio_id))
        return StudioMemberList([OwnStudioMemberView.of(a) for a in found])

    @delete(
        "/members/{artist_id:uuid}",
        status_code=HTTP_204_NO_CONTENT,
        summary="Take an artist out of the studio (its owner or an admin), or leave it",
        opt=REMOVE_MEMBER_RAISES,
    )
    async def remove_member(
        self, studio_id: FromPath[UUID], artist_id: FromPath[UUID], actor: Caller,
        catalog: CatalogDep,
    ) -> None:  # fmt: skip
        await catalog.remove_studio_member(actor, StudioId(studio_id), ArtistId(artist_id))


class StudioInvitesController(Public, context="catalog"):
    path = "/studio-invites/{token:str}"
    tags = ["studios"]

    @get(summary="What an invite is: its studio and expiry", opt=SHOW_INVITE_RAISES)
    async def show(
        self, token: FromPath[str], maybe_actor: MaybeCaller, catalog: CatalogDep
    ) -> InviteLandingView:
        return InviteLandingView.of(await catalog.show_studio_invite(maybe_actor, token))


class AcceptStudioInviteController(SignedIn, context="catalog"):
    path = "/studio-invites/{token:str}/accept"
    tags = ["studios"]

    @post(
        status_code=HTTP_200_OK,
        summary="Accept an invite: your profile moves to its studio (once)",
        opt=ACCEPT_INVITE_RAISES,
    )
    async def accept(self, token: FromPath[str], actor: Caller, catalog: CatalogDep) -> ArtistView:
        return ArtistView.of(await catalog.accept_studio_invite(actor, token))
