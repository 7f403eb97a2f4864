"""Bookings' storage: bookings, clients and their rosters, ideas, idempotency keys and
customer lookups (with scheduling's part and accounts'). Its port's ``ConsentGate`` is
consent's to serve, so the part is held to bookings' own ports here and to the whole unit
of work in consent's."""

from __future__ import annotations

from functools import cached_property

from adapters.postgres.bookings import PostgresBookingRepository
from adapters.postgres.bookings_idempotency import PostgresIdempotencyRepository
from adapters.postgres.client_roster import PostgresClientRoster
from adapters.postgres.clients import PostgresClientRepository
from adapters.postgres.customer_lookups import PostgresCustomerLookupRepository
from adapters.postgres.ideas import PostgresIdeaRepository
from adapters.postgres.parts import accounts, on_connection, scheduling
from booking_domain.bookings.ports import (
    HasBookings,
    HasClientRoster,
    HasClients,
    HasCustomerLookups,
    HasIdeas,
    HasIdempotencyKeys,
)


class Part(scheduling.Part, accounts.Part):
    bookings = cached_property(
        lambda uow: PostgresBookingRepository(uow.connection, uow.outbox, uow.audit)
    )
    idempotency = on_connection(PostgresIdempotencyRepository)
    ideas = on_connection(PostgresIdeaRepository)
    clients = on_connection(PostgresClientRepository)
    client_roster = on_connection(PostgresClientRoster)
    customer_lookups = on_connection(PostgresCustomerLookupRepository)


SERVES: tuple[
    type[HasBookings],
    type[HasClientRoster],
    type[HasClients],
    type[HasCustomerLookups],
    type[HasIdeas],
    type[HasIdempotencyKeys],
] = (Part, Part, Part, Part, Part, Part)
