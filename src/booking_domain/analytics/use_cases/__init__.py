"""Analytics' use cases, and their bundle (``AnalyticsUseCases``)."""

from __future__ import annotations

from dataclasses import dataclass

from booking_domain.analytics.use_cases.deps import AnalyticsDeps
from booking_domain.analytics.use_cases.folding import FoldAnalytics
from booking_domain.analytics.use_cases.reading import ArtistAnalytics, PlatformAnalytics
from booking_domain.shared.use_case import UseCaseBundle


@dataclass(frozen=True, slots=True)
class AnalyticsUseCases(UseCaseBundle[AnalyticsDeps]):
    """What the composition root builds of this context; adding a use case is one field."""

    artist_analytics: ArtistAnalytics
    platform_analytics: PlatformAnalytics
    fold_analytics: FoldAnalytics


__all__ = [
    "AnalyticsDeps",
    "AnalyticsUseCases",
    "ArtistAnalytics",
    "FoldAnalytics",
    "PlatformAnalytics",
]
