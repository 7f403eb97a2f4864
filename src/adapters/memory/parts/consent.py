"""Consent's storage: forms and their versions, requirements, signed consents, and the
``ConsentGate`` port bookings declares and consent serves (with bookings' part, which this
part completes: it is held to bookings' unit of work as well as to consent's)."""

from __future__ import annotations

from functools import cached_property

from adapters.memory.consent import (
    InMemoryConsentFormRepository,
    InMemoryConsentGate,
    InMemoryConsentRepository,
    InMemoryConsentRequirementRepository,
)
from adapters.memory.parts import bookings, over_table
from booking_domain.bookings.ports import BookingsUnitOfWork
from booking_domain.consent import ConsentUnitOfWork


class Part(bookings.Part):
    consent_forms = cached_property(
        lambda uow: InMemoryConsentFormRepository(
            uow.staged("consent_forms"), uow.staged("consent_form_versions")
        )
    )
    consent_requirements = over_table(InMemoryConsentRequirementRepository, "consent_requirements")
    consents = cached_property(
        lambda uow: InMemoryConsentRepository(
            uow.staged("consents"), uow.staged("bookings"), uow.staged("consent_requirements")
        )
    )
    consent_gate = cached_property(
        lambda uow: InMemoryConsentGate(uow.consent_requirements, uow.consents)
    )


SERVES: tuple[type[ConsentUnitOfWork], type[BookingsUnitOfWork]] = (Part, Part)
