"""Analytics' background work (docs/analytics.md, "The platform's summaries"): each tick
folds the daily tallies changed since the last into the platform's summaries."""

from __future__ import annotations

from booking_domain.analytics.use_cases import AnalyticsUseCases
from entrypoints.worker.work import Periodic, Work


async def fold_analytics(analytics: AnalyticsUseCases, timestamp: int) -> int:
    """The daily analytics tallies changed since the last tick, folded into the
    platform's summaries (reads are exact either way; unfolded rows make them slower)."""
    return await analytics.fold_analytics()


WORK = Work(
    AnalyticsUseCases,
    periodic=(
        Periodic(
            "fold_analytics", fold_analytics, cron=lambda settings: settings.fold_analytics_cron
        ),
    ),
)
