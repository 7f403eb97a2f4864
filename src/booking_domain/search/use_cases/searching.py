"""Searching artists and portfolio pieces (public)."""

from __future__ import annotations

from booking_domain.search.queries import ArtistQuery, PortfolioQuery
from booking_domain.search.results import CursorPage
from booking_domain.search.use_cases.cards import (
    ArtistCard,
    PortfolioCard,
    artist_card,
    portfolio_card,
)
from booking_domain.search.use_cases.deps import SearchDeps
from booking_domain.shared.use_case import UseCase


class SearchArtists(UseCase[SearchDeps]):
    async def __call__(self, query: ArtistQuery) -> CursorPage[ArtistCard]:
        checked = query.check()
        async with self._deps.uow(read_only=True, may_lag=True) as uow:
            found = await uow.artist_search.artists(checked, self._deps.clock.now())
        cards = tuple(artist_card(self._deps.stores, hit) for hit in found.items)
        return CursorPage(cards, found.next_cursor)


class SearchPortfolio(UseCase[SearchDeps]):
    async def __call__(self, query: PortfolioQuery) -> CursorPage[PortfolioCard]:
        checked = query.check()
        async with self._deps.uow(read_only=True, may_lag=True) as uow:
            found = await uow.artist_search.portfolio(checked)
        cards = tuple(portfolio_card(self._deps.stores, hit) for hit in found.items)
        return CursorPage(cards, found.next_cursor)
