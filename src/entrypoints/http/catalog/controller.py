"""The catalogue over HTTP: ``/api/v1/artists`` (profiles and services), ``/api/v1/studios``
and ``/api/v1/admin/artists``. Who may see or change what is decided by the use cases."""

from __future__ import annotations

from typing import Annotated, Literal
from uuid import UUID

from litestar import get, patch, post, put
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody, QueryParameter
from litestar.status_codes import HTTP_200_OK

from booking_domain.catalog import (
    ArtistNotFoundError,
    ArtistProfile,
    ArtistProfileExistsError,
    ArtistStatus,
    DepositCurrencyNotPayableError,
    InvalidScheduleError,
    ServiceNotFoundError,
    ServiceReservedError,
    StudioNotFoundError,
)
from booking_domain.catalog.ports import ArtistFilter
from booking_domain.catalog.use_cases import ArtistImageKind, CatalogUseCases
from booking_domain.media import UploadId, UploadNotFoundError, UploadNotReadyError
from booking_domain.shared import (
    MAX_PAGE,
    MAX_PAGE_SIZE,
    Actor,
    ArtistId,
    CurrencyMismatchError,
    InvalidInputError,
    InvalidTransitionError,
    Page,
    PageRequest,
    PermissionDeniedError,
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
from entrypoints.http.problem_docs import raises_exactly
from entrypoints.http.wire import PageNumber, PageSize

CatalogDep = NamedDependency[CatalogUseCases]

# A profile. Creating one (CreateArtistProfile): not an artist, the fields refused (an
# unknown studio among them), a studio the artist does not own, a second profile of the
# account. Reading one: unknown or not for the caller's eyes. Editing, submitting, setting
# an image: unknown or hidden (404), another's public profile (403); the fields, the state
# (only a draft or rejected one is submitted), the upload (the caller's, ready, made for
# the image's purpose) refused.
CREATE_ARTIST_RAISES = raises_exactly(
    PermissionDeniedError, InvalidInputError, ArtistProfileExistsError
)
READ_ARTIST_RAISES = raises_exactly(ArtistNotFoundError)
UPDATE_ARTIST_RAISES = raises_exactly(ArtistNotFoundError, PermissionDeniedError, InvalidInputError)
SUBMIT_RAISES = raises_exactly(ArtistNotFoundError, PermissionDeniedError, InvalidTransitionError)
IMAGE_RAISES = raises_exactly(
    ArtistNotFoundError, PermissionDeniedError,
    UploadNotFoundError, UploadNotReadyError,
)  # fmt: skip
# Services. Reading: the artist unknown or hidden, the service unknown, another's or off
# offer for the caller. Adding or changing (AddService, UpdateService): the fields, the
# deposit's shape and amounts (InvalidScheduleError; a fixed deposit left in another
# currency than a new price's, CurrencyMismatchError), a deposit the gateway cannot take,
# the artist unknown or another's, the service unknown or reserved by a project.
LIST_SERVICES_RAISES = raises_exactly(ArtistNotFoundError)
READ_SERVICE_RAISES = raises_exactly(ArtistNotFoundError, ServiceNotFoundError)
ADD_SERVICE_RAISES = raises_exactly(
    InvalidInputError, InvalidScheduleError, DepositCurrencyNotPayableError,
    ArtistNotFoundError, PermissionDeniedError,
)  # fmt: skip
UPDATE_SERVICE_RAISES = raises_exactly(
    InvalidInputError, InvalidScheduleError, CurrencyMismatchError, DepositCurrencyNotPayableError,
    ArtistNotFoundError, PermissionDeniedError, ServiceNotFoundError, ServiceReservedError,
)  # fmt: skip
# Studios: creating by admins and artists, the fields refused; reading a page refuses
# nothing, one studio may be unknown; editing: unknown, not the owner's nor an admin's, the
# fields refused.
CREATE_STUDIO_RAISES = raises_exactly(PermissionDeniedError, InvalidInputError)
LIST_STUDIOS_RAISES = raises_exactly()
READ_STUDIO_RAISES = raises_exactly(StudioNotFoundError)
UPDATE_STUDIO_RAISES = raises_exactly(StudioNotFoundError, PermissionDeniedError, InvalidInputError)
# Admins: listing refuses a non-admin and the text of ``city``/``q``; a review refuses the
# note's text, an unknown profile, one not awaiting review; a reinstatement one not
# suspended or not approved.
LIST_PROFILES_RAISES = raises_exactly(PermissionDeniedError, InvalidInputError)
REVIEW_RAISES = raises_exactly(
    InvalidInputError, ArtistNotFoundError, PermissionDeniedError, InvalidTransitionError
)
REINSTATE_RAISES = raises_exactly(
    ArtistNotFoundError, PermissionDeniedError, InvalidTransitionError
)


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


class ArtistsController(Public, context="catalog"):
    path = "/artists"
    tags = ["artists"]

    @post(
        guards=[authenticated, role_in(Role.ARTIST)],
        security=BEARER,
        summary="Create your artist profile (starts as a draft)",
        opt=CREATE_ARTIST_RAISES,
    )
    async def create(
        self, data: JSONBody[ArtistRequest], actor: Caller, catalog: CatalogDep
    ) -> ArtistView:
        return _view(catalog, await catalog.create_artist(actor, data.fields()))

    @get("/{artist_id:uuid}", summary="An artist (public once approved)", opt=READ_ARTIST_RAISES)
    async def read(
        self, artist_id: FromPath[UUID], maybe_actor: MaybeCaller, catalog: CatalogDep
    ) -> ArtistView:
        return _view(catalog, await catalog.get_artist(maybe_actor, ArtistId(artist_id)))

    @patch(
        "/{artist_id:uuid}",
        guards=[authenticated],
        security=BEARER,
        summary="Edit a profile (owner or admin)",
        opt=UPDATE_ARTIST_RAISES,
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
        opt=SUBMIT_RAISES,
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
        opt=IMAGE_RAISES,
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
        opt=IMAGE_RAISES,
    )
    async def set_cover(
        self,
        artist_id: FromPath[UUID],
        data: JSONBody[ArtistImageRequest],
        actor: Caller,
        catalog: CatalogDep,
    ) -> ArtistView:
        return await _set_image(catalog, actor, artist_id, ArtistImageKind.COVER, data)

    @get("/{artist_id:uuid}/services", summary="An artist's services", opt=LIST_SERVICES_RAISES)
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

    @get(
        "/{artist_id:uuid}/services/{service_id:uuid}",
        summary="One service",
        opt=READ_SERVICE_RAISES,
    )
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
        opt=ADD_SERVICE_RAISES,
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
        opt=UPDATE_SERVICE_RAISES,
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


class StudiosController(Public, context="catalog"):
    path = "/studios"
    tags = ["studios"]

    @post(
        guards=[authenticated, role_in(Role.ARTIST, Role.ADMIN)],
        security=BEARER,
        summary="Create a studio (admins, or an artist who then owns it)",
        opt=CREATE_STUDIO_RAISES,
    )
    async def create(
        self, data: JSONBody[StudioRequest], actor: Caller, catalog: CatalogDep
    ) -> StudioView:
        return StudioView.of(await catalog.create_studio(actor, data.fields()))

    @get(summary="Studios, oldest first, each with its public artists", opt=LIST_STUDIOS_RAISES)
    async def list_studios(
        self,
        catalog: CatalogDep,
        page: Annotated[int, QueryParameter(ge=1, le=MAX_PAGE)] = 1,
        page_size: Annotated[int, QueryParameter(name="pageSize", ge=1, le=MAX_PAGE_SIZE)] = 20,
    ) -> StudioPage:
        found = await catalog.list_studios(PageRequest(page, page_size))
        return StudioPage.of(found, StudioView.with_members)

    @get("/{studio_id:uuid}", summary="A studio and its public artists", opt=READ_STUDIO_RAISES)
    async def read(self, studio_id: FromPath[UUID], catalog: CatalogDep) -> StudioView:
        return StudioView.with_members(await catalog.get_studio(StudioId(studio_id)))

    @patch(
        "/{studio_id:uuid}",
        guards=[authenticated],
        security=BEARER,
        summary="Edit a studio (owner or admin)",
        opt=UPDATE_STUDIO_RAISES,
    )
    async def update(
        self,
        studio_id: FromPath[UUID],
        data: JSONBody[StudioRequest],
        actor: Caller,
        catalog: CatalogDep,
    ) -> StudioView:
        return StudioView.of(await catalog.update_studio(actor, StudioId(studio_id), data.fields()))


class AdminArtistsController(AdminOnly, context="catalog"):
    path = "/admin/artists"
    tags = ["admin"]

    @get(
        summary="Profiles, oldest first: review state, suspended, city, text (admins)",
        opt=LIST_PROFILES_RAISES,
    )
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

    @patch(
        "/{artist_id:uuid}/approval",
        summary="Approve or reject a submitted profile",
        opt=REVIEW_RAISES,
    )
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

    @post(
        "/{artist_id:uuid}/reinstate",
        status_code=HTTP_200_OK,
        summary="Lift a suspension",
        opt=REINSTATE_RAISES,
    )
    async def reinstate(
        self, artist_id: FromPath[UUID], actor: Caller, catalog: CatalogDep
    ) -> ArtistView:
        return _view(catalog, await catalog.reinstate_artist(actor, ArtistId(artist_id)))
