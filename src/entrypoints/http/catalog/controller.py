"""The catalogue over HTTP: ``/api/v1/artists`` (profiles and services), ``/api/v1/studios``
and ``/api/v1/admin/artists``. Who may see or change what is decided by the use cases."""

from __future__ import annotations

from typing import Annotated, Literal
from uuid import UUID

from litestar import get, patch, post, put
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody, QueryParameter
from litestar.status_codes import HTTP_200_OK

from booking_domain.catalog import ArtistProfile, ArtistStatus
from booking_domain.catalog.ports import ArtistFilter
from booking_domain.catalog.use_cases import ArtistImageKind, CatalogUseCases
from booking_domain.media import UploadId
from booking_domain.shared import (
    MAX_PAGE,
    MAX_PAGE_SIZE,
    Actor,
    ArtistId,
    Page,
    PageRequest,
    Role,
    ServiceId,
    StudioId,
)
from entrypoints.http.auth import BEARER, authenticated, role_in
from entrypoints.http.caller import Caller, MaybeCaller
from entrypoints.http.catalog.dto import (
    ApprovalRequest,
    ArtistImageRequest,
    ArtistPage,
    ArtistRequest,
    ArtistView,
    ServicePage,
    ServiceRequest,
    ServiceView,
    StudioPage,
    StudioRequest,
    StudioView,
)
from entrypoints.http.controllers import AdminOnly, Public
from entrypoints.http.problem_docs import CHANGES
from entrypoints.http.wire import PageNumber, PageSize

CatalogDep = NamedDependency[CatalogUseCases]


async def _set_image(
    catalog: CatalogUseCases,
    actor: Actor,
    artist_id: UUID,
    kind: ArtistImageKind,
    data: ArtistImageRequest,
) -> ArtistView:
    upload = None if data.upload_id is None else UploadId(data.upload_id)
    changed = await catalog.set_artist_image(actor, ArtistId(artist_id), kind, upload)
    return _view(catalog, changed)


def _view(catalog: CatalogUseCases, artist: ArtistProfile) -> ArtistView:
    return ArtistView.of(artist, catalog.artist_images(artist))


class ArtistsController(Public, context="catalog", raises=CHANGES):
    path = "/artists"
    tags = ["artists"]

    @post(
        guards=[authenticated, role_in(Role.ARTIST)],
        security=BEARER,
        summary="Create your artist profile (starts as a draft)",
    )
    async def create(
        self, data: JSONBody[ArtistRequest], actor: Caller, catalog: CatalogDep
    ) -> ArtistView:
        return _view(catalog, await catalog.create_artist(actor, data.fields()))

    @get("/{artist_id:uuid}", summary="An artist (public once approved)")
    async def read(
        self, artist_id: FromPath[UUID], maybe_actor: MaybeCaller, catalog: CatalogDep
    ) -> ArtistView:
        return _view(catalog, await catalog.get_artist(maybe_actor, ArtistId(artist_id)))

    @patch(
        "/{artist_id:uuid}",
        guards=[authenticated],
        security=BEARER,
        summary="Edit a profile (owner or admin)",
    )
    async def update(
        self,
        artist_id: FromPath[UUID],
        data: JSONBody[ArtistRequest],
        actor: Caller,
        catalog: CatalogDep,
    ) -> ArtistView:
        return _view(
            catalog, await catalog.update_artist(actor, ArtistId(artist_id), data.fields())
        )

    @post(
        "/{artist_id:uuid}/submit",
        status_code=HTTP_200_OK,
        guards=[authenticated],
        security=BEARER,
        summary="Submit a draft or rejected profile for review",
    )
    async def submit(
        self, artist_id: FromPath[UUID], actor: Caller, catalog: CatalogDep
    ) -> ArtistView:
        return _view(catalog, await catalog.submit_artist(actor, ArtistId(artist_id)))

    @put(
        "/{artist_id:uuid}/avatar",
        guards=[authenticated],
        security=BEARER,
        summary="Set the avatar from a finished avatar upload (null clears it)",
    )
    async def set_avatar(
        self,
        artist_id: FromPath[UUID],
        data: JSONBody[ArtistImageRequest],
        actor: Caller,
        catalog: CatalogDep,
    ) -> ArtistView:
        return await _set_image(catalog, actor, artist_id, ArtistImageKind.AVATAR, data)

    @put(
        "/{artist_id:uuid}/cover",
        guards=[authenticated],
        security=BEARER,
        summary="Set the cover from a finished cover upload (null clears it)",
    )
    async def set_cover(
        self,
        artist_id: FromPath[UUID],
        data: JSONBody[ArtistImageRequest],
        actor: Caller,
        catalog: CatalogDep,
    ) -> ArtistView:
        return await _set_image(catalog, actor, artist_id, ArtistImageKind.COVER, data)

    @get("/{artist_id:uuid}/services", summary="An artist's services")
    async def list_services(
        self,
        artist_id: FromPath[UUID],
        maybe_actor: MaybeCaller,
        catalog: CatalogDep,
        page: PageNumber = 1,
        page_size: PageSize = 20,
    ) -> ServicePage:
        services = await catalog.list_services(maybe_actor, ArtistId(artist_id))
        return ServicePage.of(Page.of_whole(services, PageRequest(page, page_size)), ServiceView.of)

    @get("/{artist_id:uuid}/services/{service_id:uuid}", summary="One service")
    async def read_service(
        self,
        artist_id: FromPath[UUID],
        service_id: FromPath[UUID],
        maybe_actor: MaybeCaller,
        catalog: CatalogDep,
    ) -> ServiceView:
        return ServiceView.of(
            await catalog.get_service(maybe_actor, ArtistId(artist_id), ServiceId(service_id))
        )

    @post(
        "/{artist_id:uuid}/services",
        guards=[authenticated],
        security=BEARER,
        summary="Add a service (owner or admin)",
    )
    async def create_service(
        self,
        artist_id: FromPath[UUID],
        data: JSONBody[ServiceRequest],
        actor: Caller,
        catalog: CatalogDep,
    ) -> ServiceView:
        return ServiceView.of(await catalog.add_service(actor, ArtistId(artist_id), data.fields()))

    @patch(
        "/{artist_id:uuid}/services/{service_id:uuid}",
        guards=[authenticated],
        security=BEARER,
        summary="Change a service (owner or admin)",
    )
    async def update_service(
        self,
        artist_id: FromPath[UUID],
        service_id: FromPath[UUID],
        data: JSONBody[ServiceRequest],
        actor: Caller,
        catalog: CatalogDep,
    ) -> ServiceView:
        return ServiceView.of(
            await catalog.update_service(
                actor, ArtistId(artist_id), ServiceId(service_id), data.fields()
            )
        )


class StudiosController(Public, context="catalog", raises=CHANGES):
    path = "/studios"
    tags = ["studios"]

    @post(
        guards=[authenticated, role_in(Role.ARTIST, Role.ADMIN)],
        security=BEARER,
        summary="Create a studio (admins, or an artist who then owns it)",
    )
    async def create(
        self, data: JSONBody[StudioRequest], actor: Caller, catalog: CatalogDep
    ) -> StudioView:
        return StudioView.of(await catalog.create_studio(actor, data.fields()))

    @get(summary="Studios, oldest first, each with its public artists")
    async def list_studios(
        self,
        catalog: CatalogDep,
        page: Annotated[int, QueryParameter(ge=1, le=MAX_PAGE)] = 1,
        page_size: Annotated[int, QueryParameter(name="pageSize", ge=1, le=MAX_PAGE_SIZE)] = 20,
    ) -> StudioPage:
        found = await catalog.list_studios(PageRequest(page, page_size))
        return StudioPage.of(found, StudioView.with_members)

    @get("/{studio_id:uuid}", summary="A studio and its public artists")
    async def read(self, studio_id: FromPath[UUID], catalog: CatalogDep) -> StudioView:
        return StudioView.with_members(await catalog.get_studio(StudioId(studio_id)))

    @patch(
        "/{studio_id:uuid}",
        guards=[authenticated],
        security=BEARER,
        summary="Edit a studio (owner or admin)",
    )
    async def update(
        self,
        studio_id: FromPath[UUID],
        data: JSONBody[StudioRequest],
        actor: Caller,
        catalog: CatalogDep,
    ) -> StudioView:
        return StudioView.of(await catalog.update_studio(actor, StudioId(studio_id), data.fields()))


class AdminArtistsController(AdminOnly, context="catalog", raises=CHANGES):
    path = "/admin/artists"
    tags = ["admin"]

    @get(summary="Profiles, oldest first: review state, suspended, city, text (admins)")
    async def list_profiles(
        self,
        actor: Caller,
        catalog: CatalogDep,
        status: Annotated[
            Literal["draft", "pending", "approved", "rejected"] | None, QueryParameter()
        ] = None,
        suspended: Annotated[bool | None, QueryParameter()] = None,
        city: Annotated[str | None, QueryParameter(max_length=100)] = None,
        q: Annotated[str | None, QueryParameter(max_length=200)] = None,
        page: Annotated[int, QueryParameter(ge=1, le=MAX_PAGE)] = 1,
        page_size: Annotated[int, QueryParameter(name="pageSize", ge=1, le=MAX_PAGE_SIZE)] = 20,
    ) -> ArtistPage:
        where = ArtistFilter(
            None if status is None else ArtistStatus(status), suspended, city, q or None
        )
        found = await catalog.list_artist_profiles(actor, where, PageRequest(page, page_size))
        return ArtistPage.of(found, lambda a: _view(catalog, a))

    @patch("/{artist_id:uuid}/approval", summary="Approve or reject a submitted profile")
    async def review(
        self,
        artist_id: FromPath[UUID],
        data: JSONBody[ApprovalRequest],
        actor: Caller,
        catalog: CatalogDep,
    ) -> ArtistView:
        return _view(
            catalog,
            await catalog.review_artist(
                actor, ArtistId(artist_id), approved=data.approved, note=data.note
            ),
        )

    @post("/{artist_id:uuid}/reinstate", status_code=HTTP_200_OK, summary="Lift a suspension")
    async def reinstate(
        self, artist_id: FromPath[UUID], actor: Caller, catalog: CatalogDep
    ) -> ArtistView:
        return _view(catalog, await catalog.reinstate_artist(actor, ArtistId(artist_id)))
