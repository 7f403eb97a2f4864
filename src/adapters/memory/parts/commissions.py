"""Commissions' storage: requests and their threads, quotes and projects (with consent's
part: a project's sessions are bookings, through the bookings' whole unit of work)."""

from __future__ import annotations

from functools import cached_property

from adapters.memory.commissions import (
    InMemoryProjectRepository,
    InMemoryQuoteRepository,
    InMemoryRequestMessageRepository,
    InMemoryRequestRepository,
)
from adapters.memory.parts import consent, over_table
from booking_domain.commissions import CommissionsUnitOfWork
from booking_domain.commissions.ports import ProjectsUnitOfWork


class Part(consent.Part):
    tattoo_requests = over_table(InMemoryRequestRepository, "tattoo_requests")
    request_messages = over_table(InMemoryRequestMessageRepository, "request_messages")
    quotes = over_table(InMemoryQuoteRepository, "tattoo_quotes")
    projects = cached_property(
        lambda uow: InMemoryProjectRepository(
            uow.staged("tattoo_projects"),
            uow.staged("project_sessions"),
            uow.bookings,
            uow.quotes,
        )
    )


SERVES: tuple[type[CommissionsUnitOfWork], type[ProjectsUnitOfWork]] = (Part, Part)
