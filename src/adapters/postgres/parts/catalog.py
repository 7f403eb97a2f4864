"""Catalog's storage: artists, studios, services, portfolios, booking links, flash designs
and aftercare settings (with media's part: a profile takes uploads)."""

from __future__ import annotations

from functools import cached_property

from adapters.postgres.aftercare import PostgresAftercareRepository
from adapters.postgres.booking_links import PostgresBookingLinkRepository
from adapters.postgres.catalog import (
    PostgresArtistRepository,
    PostgresServiceRepository,
    PostgresStudioRepository,
)
from adapters.postgres.flash import PostgresFlashRepository
from adapters.postgres.parts import media, on_connection
from adapters.postgres.portfolio import PostgresPortfolioRepository
from adapters.postgres.studio_invites import PostgresStudioInviteRepository
from booking_domain.catalog.ports import CatalogUnitOfWork


class Part(media.Part):
    artists = on_connection(PostgresArtistRepository)
    studios = on_connection(PostgresStudioRepository)
    studio_invites = on_connection(PostgresStudioInviteRepository)
    services = on_connection(PostgresServiceRepository)
    portfolio = on_connection(PostgresPortfolioRepository)
    booking_links = cached_property(
        lambda uow: PostgresBookingLinkRepository(uow.connection, uow.secrets)
    )
    flash = on_connection(PostgresFlashRepository)
    aftercare = on_connection(PostgresAftercareRepository)


SERVES: type[CatalogUnitOfWork] = Part
