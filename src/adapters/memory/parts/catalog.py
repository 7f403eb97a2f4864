"""Catalog's storage: artists, studios, services, portfolios, booking links, flash designs
and aftercare settings (with media's part: a profile takes uploads). Booking links count
their bookings over the bookings' table."""

from __future__ import annotations

from functools import cached_property

from adapters.memory.aftercare import InMemoryAftercareRepository
from adapters.memory.booking_links import InMemoryBookingLinkRepository
from adapters.memory.catalog import (
    InMemoryArtistRepository,
    InMemoryServiceRepository,
    InMemoryStudioRepository,
)
from adapters.memory.flash import InMemoryFlashRepository
from adapters.memory.parts import media, over_table
from adapters.memory.portfolio import InMemoryPortfolioRepository
from adapters.memory.studio_invites import InMemoryStudioInviteRepository
from booking_domain.catalog.ports import CatalogUnitOfWork


class Part(media.Part):
    artists = cached_property(
        lambda uow: InMemoryArtistRepository(uow.staged("artists"), uow.staged("users"))
    )
    studios = over_table(InMemoryStudioRepository, "studios")
    studio_invites = over_table(InMemoryStudioInviteRepository, "studio_invites")
    services = over_table(InMemoryServiceRepository, "services")
    portfolio = over_table(InMemoryPortfolioRepository, "portfolio_items")
    booking_links = cached_property(
        lambda uow: InMemoryBookingLinkRepository(
            uow.staged("booking_links"),
            uow.staged("booking_link_digests"),
            uow.staged("booking_link_days"),
            uow.staged("booking_link_visitors"),
            uow.staged("bookings"),
        )
    )
    flash = cached_property(
        lambda uow: InMemoryFlashRepository(uow.staged("flash_designs"), uow.services)
    )
    aftercare = over_table(InMemoryAftercareRepository, "artist_aftercare")


SERVES: type[CatalogUnitOfWork] = Part
