"""What search needs from storage: read ports for the questions (docs/architecture.md, rule 9), the
likes it records, and the free-starts projection with its place in the outbox's feed.

``tests/contract/search`` holds the adapters to these contracts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from booking_domain.catalog import PortfolioItemId
from booking_domain.search.free_starts import ArtistCalendar, CalendarProjection
from booking_domain.search.queries import ArtistQuery, PortfolioQuery
from booking_domain.search.recommendations import Taste
from booking_domain.search.results import ArtistHit, CursorPage, PortfolioHit
from booking_domain.shared.ids import ArtistId, UserId
from booking_domain.shared.ports import UnitOfWork, UnitOfWorkFactory


class ArtistSearch(Protocol):
    async def artists(self, query: ArtistQuery, now: datetime) -> CursorPage[ArtistHit]:
        """Visible artists matching every filter of the (checked) query, in its order, one
        page after ``query.after``. ``free_within`` is answered from the projection as of
        its last refresh (see ``free_starts``)."""
        ...

    async def portfolio(self, query: PortfolioQuery) -> CursorPage[PortfolioHit]:
        """Items of visible artists matching the query, newest first."""
        ...


class PortfolioLikes(Protocol):
    async def is_visible(self, item_id: PortfolioItemId) -> bool:
        """Whether the item exists and its artist is visible to everyone."""
        ...

    async def like(self, item_id: PortfolioItemId, user_id: UserId, at: datetime) -> None:
        """Record the like once (liking again changes nothing); the item's count follows."""
        ...

    async def unlike(self, item_id: PortfolioItemId, user_id: UserId) -> None:
        """Forget the like if there is one; the item's count follows."""
        ...

    async def taste(self, user_id: UserId) -> Taste:
        """The styles of the pieces the user liked, of the artists they booked and the tags
        of the flash designs they booked (``recommendations``), the city of their latest
        booking's artist, and the artists they have seen enough of."""
        ...

    async def flash_tags(
        self, artist_ids: Sequence[ArtistId], tags: Sequence[str]
    ) -> Mapping[ArtistId, tuple[str, ...]]:
        """For each of the artists, which of ``tags`` an open design on their flash sheet
        has (not removed, not a taken one-off); artists with none are left out."""
        ...


class FreeStartsProjection(Protocol):
    async def due(self, now: datetime, limit: int) -> Sequence[ArtistId]:
        """Artists whose projection is missing, was computed from an older catalogue
        version, or stopped holding at ``now`` (a day passed, a hold ran out); at most
        ``limit``."""
        ...

    async def calendar(self, artist_id: ArtistId, now: datetime) -> ArtistCalendar | None:
        """What the artist's projection is computed from (``free_starts.read_window``),
        in one snapshot; None for an unknown artist."""
        ...

    async def store_all(self, projections: Sequence[CalendarProjection]) -> None:
        """Replace each of these artists' projections (one artist at most once): all at
        once, so an adapter may write them in a few statements."""
        ...

    async def offer_nothing(self, artist_id: ArtistId, now: datetime, until: datetime) -> None:
        """The artist offers nothing until ``until`` or their next change (their stored
        calendar cannot be computed): not due before then."""
        ...


@dataclass(frozen=True, slots=True)
class FeedPosition:
    after: str | None  # the feed cursor of the last event handled; None: none yet


class SearchFeedPosition(Protocol):
    async def claim(self) -> FeedPosition | None:
        """Take the refresher's turn for this unit of work (None: another has it)."""
        ...

    async def advance(self, cursor: str) -> None: ...


class SearchUnitOfWork(UnitOfWork, Protocol):
    @property
    def artist_search(self) -> ArtistSearch: ...

    @property
    def portfolio_likes(self) -> PortfolioLikes: ...

    @property
    def free_starts(self) -> FreeStartsProjection: ...

    @property
    def search_position(self) -> SearchFeedPosition: ...


SearchUnitOfWorkFactory = UnitOfWorkFactory[SearchUnitOfWork]
