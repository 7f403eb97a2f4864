"""Search: finding artists and portfolio pieces, "free within N days", likes and
recommendations. Read ports and query objects (docs/architecture.md, rule 9), plus the free-starts
projection that makes "free within N days" exact and index-backed.

    from booking_domain.search import ArtistQuery, Near, fold

Use cases are in :mod:`booking_domain.search.use_cases`; ports in
:mod:`booking_domain.search.ports`.
"""

from booking_domain.search.errors import InvalidSearchCursorError
from booking_domain.search.free_starts import (
    COVER,
    VALIDITY,
    ArtistCalendar,
    CalendarProjection,
    FreeStarts,
    StartRun,
    free_within,
    project,
    runs_of,
    runs_of_epochs,
)
from booking_domain.search.queries import (
    MAX_FREE_WITHIN_DAYS,
    ArtistQuery,
    ArtistSort,
    FreeWithin,
    Near,
    PortfolioQuery,
    StylesMatch,
)
from booking_domain.search.recommendations import Match, Taste
from booking_domain.search.results import (
    ArtistHit,
    CursorPage,
    NextSlot,
    PortfolioHit,
    Thumbnail,
)
from booking_domain.search.text import fold

__all__ = [
    "COVER",
    "MAX_FREE_WITHIN_DAYS",
    "VALIDITY",
    "ArtistCalendar",
    "ArtistHit",
    "ArtistQuery",
    "ArtistSort",
    "CalendarProjection",
    "CursorPage",
    "FreeStarts",
    "FreeWithin",
    "InvalidSearchCursorError",
    "Match",
    "Near",
    "NextSlot",
    "PortfolioHit",
    "PortfolioQuery",
    "StartRun",
    "StylesMatch",
    "Taste",
    "Thumbnail",
    "fold",
    "free_within",
    "project",
    "runs_of",
    "runs_of_epochs",
]
