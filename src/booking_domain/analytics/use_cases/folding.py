"""``FoldAnalytics``: the worker's periodic upkeep. It folds the daily tallies changed since
the last fold into the platform's coarser summaries; the figures read are the same before
and after (docs/analytics.md), only cheaper to read."""

from __future__ import annotations

from booking_domain.analytics.use_cases.deps import AnalyticsDeps
from booking_domain.shared.use_case import UseCase


class FoldAnalytics(UseCase[AnalyticsDeps]):
    async def __call__(self) -> int:
        async with self._deps.uow() as uow:
            folded = await uow.analytics.fold()
            await uow.commit()
        return folded
