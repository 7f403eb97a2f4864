"""Search use cases, and their bundle (``SearchUseCases``)."""

from __future__ import annotations

from dataclasses import dataclass

from booking_domain.search.use_cases.deps import SearchDeps
from booking_domain.search.use_cases.likes import LikePortfolioItem, UnlikePortfolioItem
from booking_domain.search.use_cases.recommending import RecommendArtists
from booking_domain.search.use_cases.refreshing import RefreshFreeStarts
from booking_domain.search.use_cases.searching import SearchArtists, SearchPortfolio
from booking_domain.shared.use_case import UseCaseBundle


@dataclass(frozen=True, slots=True)
class SearchUseCases(UseCaseBundle[SearchDeps]):
    search_artists: SearchArtists
    search_portfolio: SearchPortfolio
    like_portfolio_item: LikePortfolioItem
    unlike_portfolio_item: UnlikePortfolioItem
    recommend_artists: RecommendArtists
    refresh_free_starts: RefreshFreeStarts


__all__ = [
    "LikePortfolioItem",
    "RecommendArtists",
    "RefreshFreeStarts",
    "SearchArtists",
    "SearchDeps",
    "SearchPortfolio",
    "SearchUseCases",
    "UnlikePortfolioItem",
]
