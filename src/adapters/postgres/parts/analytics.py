"""Analytics' storage: the figures' reader (with catalog's part: figures are an artist's)."""

from __future__ import annotations

from adapters.postgres.analytics import PostgresAnalyticsReader
from adapters.postgres.parts import catalog, on_connection
from booking_domain.analytics import AnalyticsUnitOfWork


class Part(catalog.Part):
    analytics = on_connection(PostgresAnalyticsReader)


SERVES: type[AnalyticsUnitOfWork] = Part
