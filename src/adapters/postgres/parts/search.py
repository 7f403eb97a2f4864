"""Search's storage: the artist search, likes, the free-starts projection and its place in
the outbox feed."""

from __future__ import annotations

from functools import cached_property

from adapters.postgres.free_starts import (
    PostgresFreeStartsProjection,
    PostgresPortfolioLikes,
    PostgresSearchFeedPosition,
)
from adapters.postgres.parts import on_connection
from adapters.postgres.search import PostgresArtistSearch
from adapters.postgres.uow import PostgresUnitOfWork
from booking_domain.search.ports import SearchUnitOfWork


class Part(PostgresUnitOfWork):
    artist_search = cached_property(
        lambda uow: PostgresArtistSearch(uow.connection, uow.similar_words)
    )
    portfolio_likes = on_connection(PostgresPortfolioLikes)
    free_starts = on_connection(PostgresFreeStartsProjection)
    search_position = on_connection(PostgresSearchFeedPosition)


SERVES: type[SearchUnitOfWork] = Part
