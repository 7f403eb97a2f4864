"""Bookings' storage: bookings, clients and their rosters, ideas, idempotency keys and
customer lookups (with scheduling's part and accounts'). Its port's ``ConsentGate`` is
consent's to serve, so the part is held to bookings' own ports here and to the whole unit
of work in consent's."""

from __future__ import annotations

from functools import cached_property

from adapters.memory.bookings import (
    InMemoryBookingRepository,
    InMemoryIdempotencyRepository,
    NameSources,
)
from adapters.memory.client_roster import InMemoryClientRoster
from adapters.memory.clients import InMemoryClientRepository
from adapters.memory.customer_lookups import InMemoryCustomerLookupRepository
from adapters.memory.ideas import InMemoryIdeaRepository
from adapters.memory.parts import accounts, over_table, scheduling
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
        lambda uow: InMemoryBookingRepository(
            uow.staged("bookings"),
            uow.staged("booking_events"),
            uow.outbox,
            uow.audit,
            NameSources(uow.users, uow.clients, uow.services),
        )
    )
    idempotency = over_table(InMemoryIdempotencyRepository, "idempotency_keys")
    ideas = over_table(InMemoryIdeaRepository, "booking_ideas")
    clients = over_table(InMemoryClientRepository, "clients")
    client_roster = cached_property(
        lambda uow: InMemoryClientRoster(uow.staged("bookings"), uow.users, uow.clients)
    )
    customer_lookups = over_table(InMemoryCustomerLookupRepository, "customer_lookups")


SERVES: tuple[
    type[HasBookings],
    type[HasClientRoster],
    type[HasClients],
    type[HasCustomerLookups],
    type[HasIdeas],
    type[HasIdempotencyKeys],
] = (Part, Part, Part, Part, Part, Part)
