"""The catalogue's background work: the hourly purge forgets the booking links' visitors
of days before yesterday; their counts stay (docs/booking-page.md)."""

from __future__ import annotations

from booking_domain.catalog.use_cases import CatalogUseCases
from entrypoints.worker.rounds import PURGE
from entrypoints.worker.work import Step, Work

WORK = Work(CatalogUseCases, steps=(Step(PURGE, lambda catalog: catalog.forget_link_visitors()),))
