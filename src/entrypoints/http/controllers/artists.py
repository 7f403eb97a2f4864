"""``/api/v1/artists``: profiles, their settings, services, availability and free slots."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

from litestar import Controller, get, patch, post
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody, QueryParameter
from litestar.status_codes import HTTP_200_OK

from booking_domain.accounts import Actor, Role
from booking_domain.ids import ArtistId, ServiceId
from entrypoints.http.auth import authenticated, role_in
from entrypoints.http.catalog_dto import (
    ArtistRequest,
    ArtistView,
    AvailabilityView,
    ServiceRequest,
    ServiceView,
    SettingsRequest,
    SlotsView,
)
from entrypoints.http.services import ApiServices

Services = NamedDependency[ApiServices]
Caller = NamedDependency[Actor]
MaybeCaller = NamedDependency[Actor | None]


class ArtistsController(Controller):
    path = "/artists"
    tags = ["artists"]

    @post(guards=[authenticated, role_in(Role.ARTIST)], security=[{"bearer": []}],
          summary="Create your artist profile (starts as a draft)")  # fmt: skip
    async def create(
        self, data: JSONBody[ArtistRequest], actor: Caller, services: Services
    ) -> ArtistView:
        return ArtistView.of(await services.create_artist(actor, data.fields()))

    @get("/{artist_id:uuid}", summary="An artist (public once approved)")
    async def read(
        self, artist_id: FromPath[UUID], maybe_actor: MaybeCaller, services: Services
    ) -> ArtistView:
        return ArtistView.of(await services.get_artist(maybe_actor, ArtistId(artist_id)))

    @patch("/{artist_id:uuid}", guards=[authenticated], security=[{"bearer": []}],
           summary="Edit a profile (owner or admin)")  # fmt: skip
    async def update(
        self,
        artist_id: FromPath[UUID],
        data: JSONBody[ArtistRequest],
        actor: Caller,
        services: Services,
    ) -> ArtistView:
        return ArtistView.of(
            await services.update_artist(actor, ArtistId(artist_id), data.fields())
        )

    @post(
        "/{artist_id:uuid}/submit",
        status_code=HTTP_200_OK,
        guards=[authenticated],
        security=[{"bearer": []}],
        summary="Submit a draft or rejected profile for review",
    )
    async def submit(
        self, artist_id: FromPath[UUID], actor: Caller, services: Services
    ) -> ArtistView:
        return ArtistView.of(await services.artist_status.submit(actor, ArtistId(artist_id)))

    @patch("/{artist_id:uuid}/settings", guards=[authenticated], security=[{"bearer": []}],
           summary="Change the scheduling policy (owner or admin)")  # fmt: skip
    async def settings(
        self,
        artist_id: FromPath[UUID],
        data: JSONBody[SettingsRequest],
        actor: Caller,
        services: Services,
    ) -> ArtistView:
        return ArtistView.of(
            await services.update_policy(actor, ArtistId(artist_id), data.fields())
        )

    @get("/{artist_id:uuid}/availability", summary="Weekly rules, upcoming overrides, time zone")
    async def availability(
        self, artist_id: FromPath[UUID], maybe_actor: MaybeCaller, services: Services
    ) -> AvailabilityView:
        return AvailabilityView.of(
            await services.availability.read(maybe_actor, ArtistId(artist_id))
        )

    @get("/{artist_id:uuid}/slots", summary="Free slots of a service (range up to 62 days)")
    async def slots(
        self,
        artist_id: FromPath[UUID],
        service_id: Annotated[UUID, QueryParameter(name="serviceId")],
        start: Annotated[datetime, QueryParameter(name="from", description="ISO 8601 with offset")],
        end: Annotated[datetime, QueryParameter(name="to", description="ISO 8601 with offset")],
        maybe_actor: MaybeCaller,
        services: Services,
    ) -> SlotsView:
        found = await services.find_slots(
            maybe_actor, ArtistId(artist_id), ServiceId(service_id), start, end
        )
        return SlotsView.of(found)

    @get("/{artist_id:uuid}/services", summary="An artist's services")
    async def list_services(
        self, artist_id: FromPath[UUID], maybe_actor: MaybeCaller, services: Services
    ) -> list[ServiceView]:
        return [
            ServiceView.of(s) for s in await services.catalog.list(maybe_actor, ArtistId(artist_id))
        ]

    @get("/{artist_id:uuid}/services/{service_id:uuid}", summary="One service")
    async def read_service(
        self,
        artist_id: FromPath[UUID],
        service_id: FromPath[UUID],
        maybe_actor: MaybeCaller,
        services: Services,
    ) -> ServiceView:
        found = await services.catalog.get(maybe_actor, ArtistId(artist_id), ServiceId(service_id))
        return ServiceView.of(found)

    @post("/{artist_id:uuid}/services", guards=[authenticated], security=[{"bearer": []}],
          summary="Add a service (owner or admin)")  # fmt: skip
    async def create_service(
        self,
        artist_id: FromPath[UUID],
        data: JSONBody[ServiceRequest],
        actor: Caller,
        services: Services,
    ) -> ServiceView:
        return ServiceView.of(
            await services.catalog.create(actor, ArtistId(artist_id), data.fields())
        )

    @patch("/{artist_id:uuid}/services/{service_id:uuid}", guards=[authenticated],
           security=[{"bearer": []}], summary="Change a service (owner or admin)")  # fmt: skip
    async def update_service(
        self,
        artist_id: FromPath[UUID],
        service_id: FromPath[UUID],
        data: JSONBody[ServiceRequest],
        actor: Caller,
        services: Services,
    ) -> ServiceView:
        updated = await services.catalog.update(
            actor, ArtistId(artist_id), ServiceId(service_id), data.fields()
        )
        return ServiceView.of(updated)
