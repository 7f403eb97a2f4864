"""What analytics' use cases are given."""

from __future__ import annotations

from dataclasses import dataclass

from booking_domain.analytics.ports import AnalyticsUnitOfWorkFactory


@dataclass(frozen=True, slots=True)
class AnalyticsDeps:
    uow: AnalyticsUnitOfWorkFactory
