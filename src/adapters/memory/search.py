"""In-memory search: every filter applied in Python over the stored rows, and "free within
N days" answered live by the domain's ``free_slots`` (so the double needs no projection;
its projection port keeps what it is given, for the refresher's sake).

Text matching is simpler than PostgreSQL's: every folded word of the query must be a word
of the document (name, styles, city, bio, studio name, flash tags), exactly (no near
matches).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TypeVar
from uuid import UUID

from adapters.memory.catalog import (
    InMemoryArtistRepository,
    InMemoryServiceRepository,
    InMemoryStudioRepository,
)
from adapters.memory.portfolio import InMemoryPortfolioRepository
from adapters.memory.search_state import InMemoryPortfolioLikes
from booking_domain.catalog import ArtistProfile, GeoPoint, Service
from booking_domain.catalog.ports import FlashRepository
from booking_domain.scheduling import free_slots
from booking_domain.scheduling.ports import SchedulingReader
from booking_domain.search import cursor
from booking_domain.search.cursor import NO_PRICE, NO_SLOT
from booking_domain.search.ports import (
    ArtistSearch,
)
from booking_domain.search.queries import (
    EARTH_RADIUS_M,
    MAX_FREE_WITHIN_DAYS,
    ArtistQuery,
    ArtistSort,
    Near,
    PortfolioQuery,
    StylesMatch,
)
from booking_domain.search.results import (
    THUMBNAILS,
    ArtistHit,
    ArtistSummary,
    CursorPage,
    NextSlot,
    PortfolioHit,
    Thumbnail,
)
from booking_domain.search.text import fold, words
from booking_domain.shared.ids import ArtistId, StudioId
from booking_domain.shared.money import Money
from booking_domain.shared.pages import PageRequest
from booking_domain.shared.time import Interval

H = TypeVar("H")


def great_circle_m(a: GeoPoint, b: GeoPoint) -> float:
    """Metres along the sphere earthdistance uses."""
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lng, b.lat, b.lng))
    h = (
        math.sin((la2 - la1) / 2) ** 2
        + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


def _words_in(q: str, document: str) -> bool:
    return set(words(q)) <= set(words(document))


class InMemoryArtistSearch(ArtistSearch):
    def __init__(
        self,
        artists: InMemoryArtistRepository,
        studios: InMemoryStudioRepository,
        services: InMemoryServiceRepository,
        portfolio: InMemoryPortfolioRepository,
        scheduling: SchedulingReader,
        likes: InMemoryPortfolioLikes,
        flash: FlashRepository,
    ) -> None:
        self._artists, self._studios, self._services = artists, studios, services
        self._portfolio, self._scheduling, self._likes = portfolio, scheduling, likes
        self._flash = flash

    async def _flash_tags(self, artist: ArtistProfile) -> list[str]:
        """The tags of the designs on the artist's flash sheet (words of the document)."""
        return [tag for entry in await self._flash.sheet(artist.id) for tag in entry.design.tags]

    async def _place(self, artist: ArtistProfile) -> tuple[GeoPoint | None, str | None, str]:
        """The artist's point, city and studio name (the studio's where the artist has none)."""
        studio = await self._studios.get(artist.studio_id) if artist.studio_id else None
        point = artist.location or (studio.location if studio else None)
        city = artist.city or (studio.city if studio else None)
        return point, city, studio.name if studio else ""

    async def _active(self, artist: ArtistProfile) -> list[Service]:
        return list(
            await self._services.list_for_artist(
                artist.id, include_inactive=False, include_flash=True
            )
        )

    async def _next_free(
        self, artist: ArtistProfile, services: list[Service], now: datetime, days: int
    ) -> NextSlot | None:
        found: list[NextSlot] = []
        window = Interval(now, now + timedelta(days=days))
        for service in services:
            context = await self._scheduling.context(artist.id, service.id, window, now)
            if context is None:
                continue
            starts = free_slots(
                service=context.service,
                policy=context.artist.policy,
                schedule=context.schedule,
                busy=context.busy,
                between=window,
                now=now,
                limit=1,
            )
            found += [NextSlot(starts[0], service.id)] if starts else []
        return min(found, key=lambda s: s.start) if found else None

    async def artists(self, query: ArtistQuery, now: datetime) -> CursorPage[ArtistHit]:
        scored: list[tuple[float | int | str, ArtistHit]] = []
        for artist in self._artists.all():
            hit = await self._match(artist, query, now)
            if hit is not None:
                scored.append((_artist_key(query, hit), hit))
        name, descending = _artist_order(query)
        return _paged(scored, lambda h: h.artist.id, query.page_size, query.after, name, descending)

    async def _match(
        self, artist: ArtistProfile, q: ArtistQuery, now: datetime
    ) -> ArtistHit | None:
        if not artist.visible_to(None):
            return None
        point, city, studio_name = await self._place(artist)
        flash = await self._flash_tags(artist) if q.q is not None else []
        document = " ".join(
            [artist.display_name, *artist.styles, artist.city or "", artist.bio, *flash]
        )
        if q.q is not None and not _words_in(q.q, f"{document} {studio_name}"):
            return None
        if q.styles and not await self._answers_styles(artist, q):
            return None
        distance = _distance(point, q.near)
        if q.near is not None and (distance is None or distance > q.near.radius_m):
            return None
        if q.city is not None and (city is None or fold(city) != fold(q.city)):
            return None
        if q.studio_id is not None and artist.studio_id != StudioId(q.studio_id):
            return None
        services = await self._active(artist)
        prices = [s.price.amount for s in services if s.price.currency == q.currency]
        low, high = q.price_min or 0, NO_PRICE if q.price_max is None else q.price_max
        if (q.price_min is not None or q.price_max is not None) and not any(
            low <= p <= high for p in prices
        ):
            return None
        if q.rating_min is not None and not (
            artist.review_count and artist.rating_total >= q.rating_min * artist.review_count
        ):
            return None
        matching = _matching_services(services, q)
        # The first start within 30 days answers "free within N days" too (N <= 30).
        next_free = await self._next_free(artist, matching, now, MAX_FREE_WITHIN_DAYS)
        if q.free_within is not None and not (
            next_free and next_free.start < now + timedelta(days=q.free_within.days)
        ):
            return None
        return ArtistHit(
            artist=ArtistSummary.of(artist),
            studio_name=studio_name or None,
            thumbnails=await self._thumbnails(artist.id),
            lowest_price=Money(min(prices), q.currency) if prices else None,
            distance_km=None if distance is None or q.near is None else distance / 1000.0,
            next_free=next_free,
        )

    async def _answers_styles(self, artist: ArtistProfile, q: ArtistQuery) -> bool:
        if _styles_match(artist.styles, q.styles, q.styles_match):
            return True
        if q.styles_match is not StylesMatch.ANY_OR_FLASH:
            return False
        return bool(await self._likes.flash_tags((artist.id,), q.styles))

    async def _thumbnails(self, artist_id: ArtistId) -> tuple[Thumbnail, ...]:
        page = await self._portfolio.page_for_artist(artist_id, PageRequest(1, THUMBNAILS))
        return tuple(Thumbnail(item.id, item.images) for item in page.items)

    async def portfolio(self, query: PortfolioQuery) -> CursorPage[PortfolioHit]:
        scored: list[tuple[float | int | str, PortfolioHit]] = []
        for item in self._portfolio.all():
            artist = await self._artists.get(item.artist_id)
            if artist is None or not artist.visible_to(None):
                continue
            document = " ".join([*item.style_tags, item.description])
            if query.q is not None and not _words_in(query.q, document):
                continue
            if query.styles and not set(query.styles) & set(item.style_tags):
                continue
            point, _, _ = await self._place(artist)
            distance = _distance(point, query.near)
            if query.near is not None and (distance is None or distance > query.near.radius_m):
                continue
            hit = PortfolioHit(
                item,
                ArtistSummary.of(artist),
                self._likes.count(item.id),
                None if distance is None else distance / 1000.0,
            )
            scored.append((str(item.id), hit))
        return _paged(scored, lambda h: h.item.id, query.page_size, query.after, "newest", True)


def _styles_match(have: tuple[str, ...], wanted: tuple[str, ...], how: StylesMatch) -> bool:
    if how is StylesMatch.ALL:
        return set(wanted) <= set(have)
    return bool(set(wanted) & set(have))


def _distance(point: GeoPoint | None, near: Near | None) -> float | None:
    if point is None or near is None:
        return None
    return great_circle_m(GeoPoint(near.lat, near.lng), point)


def _matching_services(services: list[Service], q: ArtistQuery) -> list[Service]:
    free = q.free_within
    if free is not None and free.service_id is not None:
        return [s for s in services if s.id == free.service_id]
    if free is not None and free.duration_minutes is not None:
        least = timedelta(minutes=free.duration_minutes)
        return [s for s in services if s.duration >= least]
    return services


def _artist_order(query: ArtistQuery) -> tuple[str, bool]:
    """(order name for cursors, descending?)"""
    if query.sort is ArtistSort.RELEVANCE:
        return "relevance", True
    return query.sort.value, query.sort is ArtistSort.RATING


def _artist_key(query: ArtistQuery, hit: ArtistHit) -> float | int | str:
    artist = hit.artist
    rating = artist.rating_total / artist.review_count if artist.review_count else 0.0
    match query.sort:
        case ArtistSort.RELEVANCE | ArtistSort.RATING:
            return rating
        case ArtistSort.DISTANCE:
            return (hit.distance_km or 0.0) * 1000.0
        case ArtistSort.PRICE:
            return hit.lowest_price.amount if hit.lowest_price else NO_PRICE
        case ArtistSort.SOONEST:
            return hit.next_free.start.timestamp() if hit.next_free else NO_SLOT


def _paged(
    scored: list[tuple[float | int | str, H]],
    id_of: Callable[[H], UUID],
    size: int,
    after: str | None,
    name: str,
    descending: bool,
) -> CursorPage[H]:
    ordered = sorted(scored, key=lambda pair: (pair[0], id_of(pair[1])), reverse=descending)
    if after is not None:
        key, row_id = cursor.decode(name, after)
        if descending:
            ordered = [p for p in ordered if (p[0], id_of(p[1])) < (key, row_id)]
        else:
            ordered = [p for p in ordered if (p[0], id_of(p[1])) > (key, row_id)]
    page = ordered[:size]
    more = len(ordered) > size
    next_cursor = cursor.encode(name, page[-1][0], id_of(page[-1][1])) if more else None
    return CursorPage(tuple(hit for _, hit in page), next_cursor)
