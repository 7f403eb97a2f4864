"""Search: ``GET /artists`` (public), ``GET /portfolio`` (public), likes on portfolio
pieces (customers), ``GET /me/recommendations`` (customers)."""

from __future__ import annotations

from typing import Annotated, Literal
from uuid import UUID

from litestar import delete, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath, QueryParameter
from litestar.status_codes import HTTP_204_NO_CONTENT

from booking_domain.catalog import PortfolioItemId, PortfolioItemNotFoundError
from booking_domain.search import (
    ArtistQuery,
    ArtistSort,
    FreeWithin,
    InvalidSearchCursorError,
    Near,
    PortfolioQuery,
    StylesMatch,
)
from booking_domain.search.use_cases import SearchUseCases
from booking_domain.shared import ConcurrentUpdateError, InvalidInputError, PermissionDeniedError
from booking_domain.shared.ids import ServiceId, StudioId
from entrypoints.http.auth import BEARER, authenticated
from entrypoints.http.caller import Caller
from entrypoints.http.controllers import Public, SignedIn
from entrypoints.http.problem_docs import raises_exactly
from entrypoints.http.search.dto import (
    ArtistCardView,
    ArtistSearchPage,
    PortfolioCardView,
    PortfolioSearchPage,
    RecommendationList,
    RecommendationView,
)

SearchDep = NamedDependency[SearchUseCases]

Text = Annotated[str | None, QueryParameter(max_length=200)]
Styles = Annotated[
    str | None,
    QueryParameter(max_length=500, description="Comma-separated, e.g. blackwork,fine-line"),
]
Point = Annotated[
    str | None, QueryParameter(max_length=100, description="lat,lng in decimal degrees")
]
Radius = Annotated[float | None, QueryParameter(name="radiusKm")]
Cursor = Annotated[str | None, QueryParameter(name="cursor", max_length=500)]
PageSize = Annotated[int, QueryParameter(name="pageSize")]
Sort = Literal["relevance", "distance", "rating", "price", "soonest"]


def _styles(text: str | None) -> tuple[str, ...]:
    return tuple(s for s in (text or "").split(",") if s.strip())


def _near(text: str | None, radius_km: float | None) -> Near | None:
    return None if text is None else Near.parse(text, radius_km)


# A search: the query refused, a cursor this API never made.
SEARCH_RAISES = raises_exactly(InvalidInputError, InvalidSearchCursorError)
# Liking a piece: not a customer, the piece not there (or hidden); a write that lost a
# race (concurrent_update, as on every change). Unliking: not a customer.
LIKE_RAISES = raises_exactly(
    PermissionDeniedError, PortfolioItemNotFoundError, ConcurrentUpdateError
)
UNLIKE_RAISES = raises_exactly(PermissionDeniedError, ConcurrentUpdateError)
# Recommendations: not a customer.
RECOMMEND_RAISES = raises_exactly(PermissionDeniedError)


class ArtistSearchController(Public, context="search"):
    path = "/artists"
    tags = ["search"]

    @get(
        summary="Find artists: text, styles, place, price, rating, free within N days",
        opt=SEARCH_RAISES,
    )
    async def search_artists(
        self,
        search: SearchDep,
        q: Text = None,
        styles: Styles = None,
        styles_match: Annotated[Literal["any", "all"], QueryParameter(name="stylesMatch")] = "any",
        near: Point = None,
        radius_km: Radius = None,
        city: Text = None,
        studio_id: Annotated[UUID | None, QueryParameter(name="studioId")] = None,
        price_min: Annotated[int | None, QueryParameter(name="priceMin")] = None,
        price_max: Annotated[int | None, QueryParameter(name="priceMax")] = None,
        currency: Annotated[str, QueryParameter(max_length=3)] = "MNT",
        rating_min: Annotated[float | None, QueryParameter(name="ratingMin")] = None,
        free_within_days: Annotated[int | None, QueryParameter(name="freeWithinDays")] = None,
        service_id: Annotated[UUID | None, QueryParameter(name="serviceId")] = None,
        duration_minutes: Annotated[int | None, QueryParameter(name="durationMinutes")] = None,
        sort: Annotated[Sort, QueryParameter()] = "relevance",
        cursor: Cursor = None,
        page_size: PageSize = 20,
    ) -> ArtistSearchPage:
        free = None
        if free_within_days is not None:
            service = None if service_id is None else ServiceId(service_id)
            free = FreeWithin(free_within_days, service, duration_minutes)
        query = ArtistQuery(
            q=q,
            styles=_styles(styles),
            styles_match=StylesMatch(styles_match),
            near=_near(near, radius_km),
            city=city,
            studio_id=None if studio_id is None else StudioId(studio_id),
            price_min=price_min,
            price_max=price_max,
            currency=currency,
            rating_min=rating_min,
            free_within=free,
            sort=ArtistSort(sort),
            page_size=page_size,
            after=cursor,
            radius_given=radius_km is not None,
            service_or_duration_given=service_id is not None or duration_minutes is not None,
        )
        found = await search.search_artists(query)
        return ArtistSearchPage([ArtistCardView.of(c) for c in found.items], found.next_cursor)


class PortfolioSearchController(Public, context="search"):
    path = "/portfolio"
    tags = ["search"]

    @get(
        summary="Find portfolio pieces of approved artists: text, styles, place", opt=SEARCH_RAISES
    )
    async def search_portfolio(
        self,
        search: SearchDep,
        q: Text = None,
        styles: Styles = None,
        near: Point = None,
        radius_km: Radius = None,
        cursor: Cursor = None,
        page_size: PageSize = 20,
    ) -> PortfolioSearchPage:
        query = PortfolioQuery(
            q=q,
            styles=_styles(styles),
            near=_near(near, radius_km),
            page_size=page_size,
            after=cursor,
            radius_given=radius_km is not None,
        )
        found = await search.search_portfolio(query)
        items = [PortfolioCardView.of(c) for c in found.items]
        return PortfolioSearchPage(items, found.next_cursor)

    @post(
        "/{item_id:uuid}/like",
        status_code=HTTP_204_NO_CONTENT,
        guards=[authenticated],
        security=BEARER,
        summary="Like a piece (customers; twice is once)",
        opt=LIKE_RAISES,
    )
    async def like(self, item_id: FromPath[UUID], actor: Caller, search: SearchDep) -> None:
        await search.like_portfolio_item(actor, PortfolioItemId(item_id))

    @delete(
        "/{item_id:uuid}/like",
        guards=[authenticated],
        security=BEARER,
        summary="Take a like back (customers)",
        opt=UNLIKE_RAISES,
    )
    async def unlike(self, item_id: FromPath[UUID], actor: Caller, search: SearchDep) -> None:
        await search.unlike_portfolio_item(actor, PortfolioItemId(item_id))


class RecommendationsController(SignedIn, context="search"):
    path = "/me/recommendations"
    tags = ["search"]

    @get(
        summary="Artists in the styles you liked and booked, each with the reason",
        opt=RECOMMEND_RAISES,
    )
    async def recommend(
        self,
        actor: Caller,
        search: SearchDep,
        limit: Annotated[int, QueryParameter(ge=1, le=20)] = 10,
    ) -> RecommendationList:
        found = await search.recommend_artists(actor, limit)
        return RecommendationList([RecommendationView.of(r) for r in found])
