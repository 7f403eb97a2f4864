"""``/api/v1/studios`` and ``/api/v1/admin/artists``."""

from __future__ import annotations

from uuid import UUID

from litestar import Controller, get, patch, post
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody
from litestar.status_codes import HTTP_200_OK

from booking_domain.accounts import Actor, Role
from booking_domain.ids import ArtistId, StudioId
from entrypoints.http.auth import authenticated, role_in
from entrypoints.http.catalog_dto import ApprovalRequest, ArtistView, StudioRequest, StudioView
from entrypoints.http.services import ApiServices

Services = NamedDependency[ApiServices]
Caller = NamedDependency[Actor]


class StudiosController(Controller):
    path = "/studios"
    tags = ["studios"]

    @post(guards=[authenticated, role_in(Role.ARTIST, Role.ADMIN)], security=[{"bearer": []}],
          summary="Create a studio (admins, or an artist who then owns it)")  # fmt: skip
    async def create(
        self, data: JSONBody[StudioRequest], actor: Caller, services: Services
    ) -> StudioView:
        return StudioView.of(await services.studios.create(actor, data.fields()))

    @get("/{studio_id:uuid}", summary="A studio")
    async def read(self, studio_id: FromPath[UUID], services: Services) -> StudioView:
        return StudioView.of(await services.studios.get(StudioId(studio_id)))

    @patch("/{studio_id:uuid}", guards=[authenticated], security=[{"bearer": []}],
           summary="Edit a studio (owner or admin)")  # fmt: skip
    async def update(
        self,
        studio_id: FromPath[UUID],
        data: JSONBody[StudioRequest],
        actor: Caller,
        services: Services,
    ) -> StudioView:
        return StudioView.of(
            await services.studios.update(actor, StudioId(studio_id), data.fields())
        )


class AdminArtistsController(Controller):
    path = "/admin/artists"
    tags = ["admin"]
    guards = [authenticated, role_in(Role.ADMIN)]
    security = [{"bearer": []}]

    @patch("/{artist_id:uuid}/approval", summary="Approve or reject a submitted profile")
    async def review(
        self,
        artist_id: FromPath[UUID],
        data: JSONBody[ApprovalRequest],
        actor: Caller,
        services: Services,
    ) -> ArtistView:
        reviewed = await services.artist_status.review(
            actor, ArtistId(artist_id), approved=data.approved, note=data.note
        )
        return ArtistView.of(reviewed)

    @post(
        "/{artist_id:uuid}/suspend", status_code=HTTP_200_OK, summary="Suspend an approved artist"
    )
    async def suspend(
        self, artist_id: FromPath[UUID], actor: Caller, services: Services
    ) -> ArtistView:
        return ArtistView.of(
            await services.artist_status.suspend(actor, ArtistId(artist_id), suspended=True)
        )

    @post("/{artist_id:uuid}/reinstate", status_code=HTTP_200_OK, summary="Lift a suspension")
    async def reinstate(
        self, artist_id: FromPath[UUID], actor: Caller, services: Services
    ) -> ArtistView:
        return ArtistView.of(
            await services.artist_status.suspend(actor, ArtistId(artist_id), suspended=False)
        )
