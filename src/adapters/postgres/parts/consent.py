"""Consent's storage: forms and their versions, requirements, signed consents, and the
``ConsentGate`` port bookings declares and consent serves (with bookings' part, which this
part completes: it is held to bookings' unit of work as well as to consent's)."""

from __future__ import annotations

from functools import cached_property

from adapters.postgres.consent import PostgresConsentGate, PostgresConsentRepository
from adapters.postgres.consent_forms import (
    PostgresConsentFormRepository,
    PostgresConsentRequirementRepository,
)
from adapters.postgres.parts import bookings, on_connection
from booking_domain.bookings.ports import BookingsUnitOfWork
from booking_domain.consent import ConsentUnitOfWork


class Part(bookings.Part):
    consent_forms = on_connection(PostgresConsentFormRepository)
    consent_requirements = on_connection(PostgresConsentRequirementRepository)
    consents = on_connection(PostgresConsentRepository)
    consent_gate = cached_property(
        lambda uow: PostgresConsentGate(uow.consent_requirements, uow.consents)
    )


SERVES: tuple[type[ConsentUnitOfWork], type[BookingsUnitOfWork]] = (Part, Part)
