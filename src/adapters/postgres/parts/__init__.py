"""Each context's storage part on PostgreSQL: ``parts/<context>.py`` exports ``Part``, a
subclass of :class:`~adapters.postgres.uow.PostgresUnitOfWork` holding the context's
repositories, each made on first use on the unit of work's connection.

The rules of a part (docs/architecture.md, "Storage: units of work"):

- It holds the repositories its context's ports declare (``Has…``), and includes (as base
  classes, highest context first) the parts of the lower contexts whose repositories its
  unit-of-work port names or its repositories are made of. The one exception goes the
  other way: bookings' ``ConsentGate`` port is served by consent's part, so the part that
  holds all of bookings' port is consent's, and a part whose port includes bookings' whole
  port (the waitlist's, commissions') includes consent's part.
- Below the part, ``SERVES`` names it once per port it answers for: strict mypy then holds
  the part to the port, and a repository the port names that the part lacks fails the
  typecheck.
- The outbox and the audit trail are the kernel's, on the base class.

A deployment's unit of work is the base composed with the parts of the registered contexts
(``adapters.composition``); the container finds a context's part by this module's name.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import TypeVar

from procrastinate.manager import JobManager

from adapters.postgres.database import Connection
from adapters.postgres.uow import PostgresUnitOfWork
from booking_domain.shared.audit import AuditUnitOfWork

R = TypeVar("R")

# The base alone serves the kernel's port (the audit context reads the trail through it).
SERVES: type[AuditUnitOfWork] = PostgresUnitOfWork


def on_connection(make: Callable[[Connection], R]) -> cached_property[R]:
    """A repository made on first use, on the unit of work's connection."""
    return cached_property(lambda uow: make(uow.connection))


def with_jobs(make: Callable[[JobManager, Connection], R]) -> cached_property[R]:
    """A job queue made on first use: it defers jobs on the unit of work's connection, so a
    job is queued in the transaction of the change that wants it."""
    return cached_property(lambda uow: make(uow.jobs, uow.connection))
