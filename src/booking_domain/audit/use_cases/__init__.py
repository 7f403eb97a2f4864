"""The audit trail's use cases, and their bundle (``AuditUseCases``)."""

from __future__ import annotations

from dataclasses import dataclass

from booking_domain.audit.use_cases.deps import AuditDeps
from booking_domain.audit.use_cases.listing import ListAudit
from booking_domain.shared.use_case import UseCaseBundle


@dataclass(frozen=True, slots=True)
class AuditUseCases(UseCaseBundle[AuditDeps]):
    """What the composition root builds of this context; adding a use case is one field."""

    list_audit: ListAudit


__all__ = ["AuditDeps", "AuditUseCases", "ListAudit"]
