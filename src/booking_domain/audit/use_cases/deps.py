"""What the audit trail's use cases are given."""

from __future__ import annotations

from dataclasses import dataclass

from booking_domain.shared.audit import AuditUnitOfWorkFactory


@dataclass(frozen=True, slots=True)
class AuditDeps:
    uow: AuditUnitOfWorkFactory
