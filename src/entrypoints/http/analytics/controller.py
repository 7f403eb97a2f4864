"""``GET /api/v1/artists/{id}/analytics`` (the artist or an admin) and
``GET /api/v1/admin/analytics`` (admins): figures per day, week or month over a range of
local dates, as JSON, or as CSV with ``?format=csv`` or ``Accept: text/csv``
(docs/analytics.md)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal
from uuid import UUID

import msgspec
from litestar import MediaType, Response, get
from litestar.di import NamedDependency
from litestar.openapi import ResponseSpec
from litestar.params import FromPath, QueryParameter

from booking_domain.analytics import (
    DateRange,
    Granularity,
    InvalidAnalyticsRangeError,
    Period,
    PlatformFilter,
)
from booking_domain.analytics.use_cases import AnalyticsUseCases
from booking_domain.catalog import ArtistNotFoundError
from booking_domain.shared import ArtistId, PermissionDeniedError
from entrypoints.http.analytics.dto import ArtistAnalyticsView, PlatformAnalyticsView, csv_of
from entrypoints.http.caller import AnyRequest, Caller
from entrypoints.http.controllers import AdminOnly, SignedIn
from entrypoints.http.problem_docs import raises_exactly

AnalyticsDep = NamedDependency[AnalyticsUseCases]
Format = Literal["json", "csv"]
From = Annotated[date, QueryParameter(name="from", description="First local date (included)")]
To = Annotated[date, QueryParameter(name="to", description="Last local date (included)")]
By = Annotated[Granularity, QueryParameter(description="Periods: day, week (Monday) or month")]
As = Annotated[Format | None, QueryParameter(name="format", description="csv: text/csv")]
CSV = "text/csv"  # Litestar adds "; charset=utf-8" to a text type

# An artist's figures (ArtistAnalytics): the range refused (DateRange), the artist unknown
# or hidden (404), a public one not the caller's (403). The platform's
# (PlatformAnalytics): the range refused, not an admin (the guard's twin).
ARTIST_RAISES = raises_exactly(
    InvalidAnalyticsRangeError, ArtistNotFoundError, PermissionDeniedError
)
PLATFORM_RAISES = raises_exactly(InvalidAnalyticsRangeError, PermissionDeniedError)


def _wants_csv(request: AnyRequest, given: Format | None) -> bool:
    if given is not None:
        return given == "csv"
    return "text/csv" in request.headers.get("accept", "")


def _answer(view: object, periods: tuple[Period, ...], as_csv: bool, name: str) -> Response[bytes]:
    if as_csv:
        disposition = f'attachment; filename="{name}.csv"'
        return Response(
            csv_of(periods), media_type=CSV, headers={"Content-Disposition": disposition}
        )
    return Response(msgspec.json.encode(view), media_type=MediaType.JSON)


def _spec(view: type) -> dict[int, ResponseSpec]:
    return {
        200: ResponseSpec(
            view, description="The figures (JSON; CSV when asked)", generate_examples=False
        )
    }


class ArtistAnalyticsController(SignedIn, context="analytics"):
    path = "/artists"
    tags = ["analytics"]

    @get(
        "/{artist_id:uuid}/analytics",
        summary="An artist's figures by period in their zone (the artist or an admin)",
        responses=_spec(ArtistAnalyticsView),
        opt=ARTIST_RAISES,
    )
    async def artist_analytics(
        self,
        request: AnyRequest,
        artist_id: FromPath[UUID],
        first: From,
        last: To,
        actor: Caller,
        analytics: AnalyticsDep,
        granularity: By = Granularity.DAY,
        format: As = None,
    ) -> Response[bytes]:
        span = DateRange(first, last, granularity)
        found = await analytics.artist_analytics(actor, ArtistId(artist_id), span)
        view = ArtistAnalyticsView.of(found)
        return _answer(view, found.periods, _wants_csv(request, format), "artist-analytics")


class PlatformAnalyticsController(AdminOnly, context="analytics"):
    path = "/admin/analytics"
    tags = ["admin"]

    @get(
        summary="The platform's figures by period, by city and by artist (admins)",
        responses=_spec(PlatformAnalyticsView),
        opt=PLATFORM_RAISES,
    )
    async def platform_analytics(
        self,
        request: AnyRequest,
        first: From,
        last: To,
        actor: Caller,
        analytics: AnalyticsDep,
        granularity: By = Granularity.DAY,
        city: Annotated[str | None, QueryParameter(min_length=1, max_length=100)] = None,
        artist_id: Annotated[UUID | None, QueryParameter(name="artistId")] = None,
        format: As = None,
    ) -> Response[bytes]:
        span = DateRange(first, last, granularity)
        where = PlatformFilter(city, None if artist_id is None else ArtistId(artist_id))
        found = await analytics.platform_analytics(actor, span, where)
        view = PlatformAnalyticsView.of(found)
        return _answer(view, found.periods, _wants_csv(request, format), "platform-analytics")
