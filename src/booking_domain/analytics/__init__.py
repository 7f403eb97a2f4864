"""Analytics: an artist's and the platform's figures by day, week or month (booked time,
utilisation, cancellations, no-shows, lead time, repeat customers, top services, revenue).
A reader at the top of the order: read ports only, nothing written (docs/analytics.md).
"""

from booking_domain.analytics.errors import InvalidAnalyticsRangeError
from booking_domain.analytics.figures import (
    Period,
    Revenue,
    Tally,
    periods_of,
    ratio,
    sum_of,
    total_of,
)
from booking_domain.analytics.periods import MAX_DAYS, DateRange, Granularity, period_start
from booking_domain.analytics.ports import (
    AnalyticsReader,
    AnalyticsUnitOfWork,
    AnalyticsUnitOfWorkFactory,
    HasAnalyticsReader,
)
from booking_domain.analytics.reports import (
    TOP_ARTISTS,
    TOP_SERVICES,
    ArtistDays,
    ArtistReport,
    Breakdown,
    MethodRevenue,
    PlatformDays,
    PlatformFilter,
    PlatformReport,
    ServiceCount,
    available_seconds,
)

__all__ = [
    "MAX_DAYS",
    "TOP_ARTISTS",
    "TOP_SERVICES",
    "AnalyticsReader",
    "AnalyticsUnitOfWork",
    "AnalyticsUnitOfWorkFactory",
    "ArtistDays",
    "ArtistReport",
    "Breakdown",
    "DateRange",
    "Granularity",
    "HasAnalyticsReader",
    "InvalidAnalyticsRangeError",
    "MethodRevenue",
    "Period",
    "PlatformDays",
    "PlatformFilter",
    "PlatformReport",
    "Revenue",
    "ServiceCount",
    "Tally",
    "available_seconds",
    "period_start",
    "periods_of",
    "ratio",
    "sum_of",
    "total_of",
]
