"""What every consent use case is given."""

from __future__ import annotations

from dataclasses import dataclass

from booking_domain.consent.ports import ConsentDocuments, ConsentUnitOfWorkFactory
from booking_domain.shared.clock import Clock


@dataclass(frozen=True, slots=True)
class ConsentDeps:
    uow: ConsentUnitOfWorkFactory
    clock: Clock
    consent_documents: ConsentDocuments  # the signed copy as HTML and PDF
