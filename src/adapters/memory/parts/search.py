"""Search's storage: the artist search, likes, the free-starts projection and its place in
the outbox feed (with bookings' part: the search is assembled from the catalogue, the
scheduling reader and the bookings)."""

from __future__ import annotations

from functools import cached_property

from adapters.memory.parts import bookings, over_table
from adapters.memory.search import InMemoryArtistSearch
from adapters.memory.search_state import (
    InMemoryFreeStartsProjection,
    InMemoryPortfolioLikes,
    InMemorySearchFeedPosition,
)
from booking_domain.search.ports import SearchUnitOfWork


class Part(bookings.Part):
    portfolio_likes = cached_property(
        lambda uow: InMemoryPortfolioLikes(
            uow.staged("portfolio_likes"),
            uow.staged("portfolio_items"),
            uow.artists,
            uow.staged("bookings"),
            uow.services,
            uow.flash,
        )
    )
    artist_search = cached_property(
        lambda uow: InMemoryArtistSearch(
            uow.artists,
            uow.studios,
            uow.services,
            uow.portfolio,
            uow.scheduling,
            uow.portfolio_likes,
            uow.flash,
        )
    )
    free_starts = over_table(InMemoryFreeStartsProjection, "search_calendars")
    search_position = over_table(InMemorySearchFeedPosition, "search_feed_position")


SERVES: type[SearchUnitOfWork] = Part
