"""Scheduling over HTTP: an artist's settings, availability and free slots (under
``/api/v1/artists``, where clients find them) and ``/api/v1/availability`` (the caller's
weekly rules and date overrides)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

from litestar import MediaType, Response, delete, get, patch, post
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody, QueryParameter

from booking_domain.accounts import ApiKeyScope
from booking_domain.catalog import (
    ArtistNotFoundError,
    InvalidScheduleError,
    ServiceNotFoundError,
)
from booking_domain.scheduling import (
    ArtistNotBookableError,
    AvailabilityNotFoundError,
    OverlappingAvailabilityError,
)
from booking_domain.scheduling.use_cases import MAX_SLOTS_PER_QUERY, SchedulingUseCases
from booking_domain.shared import (
    ArtistId,
    InvalidInputError,
    NaiveDatetimeError,
    PermissionDeniedError,
    Role,
    ServiceId,
    TimeOutOfRangeError,
    UnknownTimeZoneError,
)
from entrypoints.http.auth import BEARER, authenticated, role_in, takes_api_key
from entrypoints.http.caller import Caller, MaybeCaller
from entrypoints.http.catalog import ArtistView
from entrypoints.http.controllers import Public
from entrypoints.http.problem_docs import raises_exactly
from entrypoints.http.scheduling.dto import (
    AvailabilityView,
    BlockRequest,
    OverrideRequest,
    OverrideView,
    RuleRequest,
    RuleView,
    SettingsRequest,
)
from entrypoints.http.scheduling.slots_body import SLOTS_BODY_SCHEMA, render_slots

SchedulingDep = NamedDependency[SchedulingUseCases]

# The settings (UpdateSchedulingPolicy): no such artist (or hidden), not the owner, a value
# the policy refuses (its zone, steps and holds).
SETTINGS_RAISES = raises_exactly(
    ArtistNotFoundError, PermissionDeniedError, InvalidScheduleError, UnknownTimeZoneError
)
# Availability: the artist not there or not for the caller's eyes. Slots: besides, the
# service not there, the artist or service not bookable, the range or its bounds refused.
AVAILABILITY_RAISES = raises_exactly(ArtistNotFoundError)
SLOTS_RAISES = raises_exactly(
    ArtistNotFoundError, ServiceNotFoundError, ArtistNotBookableError,
    InvalidInputError, NaiveDatetimeError, TimeOutOfRangeError,
)  # fmt: skip
# A weekly rule or a date override: the caller has no artist profile (or is not the named
# artist's owner), a time refused, overlapping windows, a date out of the horizon.
ADD_RULE_RAISES = raises_exactly(
    ArtistNotFoundError, PermissionDeniedError, InvalidScheduleError,
    OverlappingAvailabilityError,
)  # fmt: skip
PUT_OVERRIDE_RAISES = raises_exactly(
    ArtistNotFoundError, PermissionDeniedError, InvalidScheduleError,
    OverlappingAvailabilityError, InvalidInputError,
)  # fmt: skip
# Blocking part of a date: as an override, and a span that is not open then
# (InvalidScheduleError) or a date out of reach (InvalidInputError).
BLOCK_RAISES = raises_exactly(
    ArtistNotFoundError, PermissionDeniedError, InvalidScheduleError, InvalidInputError
)
# Removing one: not there, or not the caller's (the same 404).
REMOVE_RAISES = raises_exactly(AvailabilityNotFoundError)


class ArtistScheduleController(Public, context="scheduling"):
    path = "/artists"
    tags = ["artists"]

    @patch(
        "/{artist_id:uuid}/settings",
        guards=[authenticated],
        security=BEARER,
        summary="Change the scheduling policy (owner or admin)",
        opt={**SETTINGS_RAISES, **takes_api_key(ApiKeyScope.AVAILABILITY_MANAGE)},
    )
    async def settings(
        self,
        artist_id: FromPath[UUID],
        data: JSONBody[SettingsRequest],
        actor: Caller,
        scheduling: SchedulingDep,
    ) -> ArtistView:
        return ArtistView.of(
            await scheduling.update_policy(actor, ArtistId(artist_id), data.fields())
        )

    @get(
        "/{artist_id:uuid}/availability",
        summary="Weekly rules, upcoming overrides, time zone",
        opt=AVAILABILITY_RAISES,
    )
    async def availability(
        self, artist_id: FromPath[UUID], maybe_actor: MaybeCaller, scheduling: SchedulingDep
    ) -> AvailabilityView:
        return AvailabilityView.of(
            await scheduling.get_availability(maybe_actor, ArtistId(artist_id))
        )

    @get(
        "/{artist_id:uuid}/slots",
        summary="Free slots of a service (range up to 62 days)",
        responses=SLOTS_BODY_SCHEMA,
        opt=SLOTS_RAISES,
    )
    async def slots(
        self,
        artist_id: FromPath[UUID],
        service_id: Annotated[UUID, QueryParameter(name="serviceId")],
        start: Annotated[datetime, QueryParameter(name="from", description="ISO 8601 with offset")],
        end: Annotated[datetime, QueryParameter(name="to", description="ISO 8601 with offset")],
        maybe_actor: MaybeCaller,
        scheduling: SchedulingDep,
        limit: Annotated[int, QueryParameter(ge=1, le=MAX_SLOTS_PER_QUERY)] = MAX_SLOTS_PER_QUERY,
    ) -> Response[bytes]:
        found = await scheduling.find_free_slots(
            maybe_actor, ArtistId(artist_id), ServiceId(service_id), start, end, limit
        )
        return Response(render_slots(found), media_type=MediaType.JSON)


class AvailabilityController(Public, context="scheduling"):
    path = "/availability"
    tags = ["availability"]
    opt = takes_api_key(ApiKeyScope.AVAILABILITY_MANAGE)  # an API key's scope
    guards = [authenticated, role_in(Role.ARTIST, Role.ADMIN)]
    security = BEARER

    @post(
        summary="Add a weekly rule; overlapping rules on one day are refused (422)",
        opt=ADD_RULE_RAISES,
    )
    async def add_rule(
        self, data: JSONBody[RuleRequest], actor: Caller, scheduling: SchedulingDep
    ) -> RuleView:
        return RuleView.of(await scheduling.add_weekly_rule(actor, data.fields()))

    @delete("/{rule_id:uuid}", summary="Remove a weekly rule", opt=REMOVE_RAISES)
    async def delete_rule(
        self, rule_id: FromPath[UUID], actor: Caller, scheduling: SchedulingDep
    ) -> None:
        await scheduling.remove_weekly_rule(actor, rule_id)

    @post(
        "/overrides",
        summary="Close a date or replace its windows (replaces that date's override)",
        opt=PUT_OVERRIDE_RAISES,
    )
    async def put_override(
        self, data: JSONBody[OverrideRequest], actor: Caller, scheduling: SchedulingDep
    ) -> OverrideView:
        return OverrideView.of(await scheduling.put_date_override(actor, data.fields()))

    @post(
        "/blocks",
        summary="Block part of a date: its override keeps the rest of what it offered",
        opt=BLOCK_RAISES,
    )
    async def block(
        self, data: JSONBody[BlockRequest], actor: Caller, scheduling: SchedulingDep
    ) -> OverrideView:
        return OverrideView.of(await scheduling.block_time(actor, data.fields()))

    @delete("/overrides/{override_id:uuid}", summary="Remove a date override", opt=REMOVE_RAISES)
    async def delete_override(
        self, override_id: FromPath[UUID], actor: Caller, scheduling: SchedulingDep
    ) -> None:
        await scheduling.remove_date_override(actor, override_id)
