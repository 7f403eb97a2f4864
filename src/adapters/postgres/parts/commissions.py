"""Commissions' storage: requests and their threads, quotes and projects (with consent's
part: a project's sessions are bookings, through the bookings' whole unit of work)."""

from __future__ import annotations

from adapters.postgres.commissions import (
    PostgresRequestMessageRepository,
    PostgresRequestRepository,
)
from adapters.postgres.parts import consent, on_connection
from adapters.postgres.projects import PostgresProjectRepository, PostgresQuoteRepository
from booking_domain.commissions import CommissionsUnitOfWork
from booking_domain.commissions.ports import ProjectsUnitOfWork


class Part(consent.Part):
    tattoo_requests = on_connection(PostgresRequestRepository)
    request_messages = on_connection(PostgresRequestMessageRepository)
    quotes = on_connection(PostgresQuoteRepository)
    projects = on_connection(PostgresProjectRepository)


SERVES: tuple[type[CommissionsUnitOfWork], type[ProjectsUnitOfWork]] = (Part, Part)
