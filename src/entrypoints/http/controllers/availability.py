"""``/api/v1/availability``: the caller's weekly rules and date overrides."""

from __future__ import annotations

from uuid import UUID

from litestar import Controller, delete, post
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody

from booking_domain.accounts import Actor, Role
from booking_domain.ids import ArtistId
from entrypoints.http.auth import authenticated, role_in
from entrypoints.http.catalog_dto import OverrideRequest, OverrideView, RuleRequest, RuleView
from entrypoints.http.services import ApiServices


class AvailabilityController(Controller):
    path = "/availability"
    tags = ["availability"]
    guards = [authenticated, role_in(Role.ARTIST, Role.ADMIN)]
    security = [{"bearer": []}]

    @post(summary="Add a weekly rule; overlapping rules on one day are refused (422)")
    async def add_rule(
        self,
        data: JSONBody[RuleRequest],
        actor: NamedDependency[Actor],
        services: NamedDependency[ApiServices],
    ) -> RuleView:
        artist = ArtistId(data.artist_id) if data.artist_id else None
        return RuleView.of(await services.availability.add_rule(actor, data.rule(), artist))

    @delete("/{rule_id:uuid}", summary="Remove a weekly rule")
    async def delete_rule(
        self,
        rule_id: FromPath[UUID],
        actor: NamedDependency[Actor],
        services: NamedDependency[ApiServices],
    ) -> None:
        await services.availability.delete_rule(actor, rule_id)

    @post(
        "/overrides", summary="Close a date or replace its windows (replaces that date's override)"
    )
    async def put_override(
        self,
        data: JSONBody[OverrideRequest],
        actor: NamedDependency[Actor],
        services: NamedDependency[ApiServices],
    ) -> OverrideView:
        artist = ArtistId(data.artist_id) if data.artist_id else None
        stored = await services.availability.put_override(
            actor, data.date, data.local_windows(), artist
        )
        return OverrideView.of(stored)

    @delete("/overrides/{override_id:uuid}", summary="Remove a date override")
    async def delete_override(
        self,
        override_id: FromPath[UUID],
        actor: NamedDependency[Actor],
        services: NamedDependency[ApiServices],
    ) -> None:
        await services.availability.delete_override(actor, override_id)
