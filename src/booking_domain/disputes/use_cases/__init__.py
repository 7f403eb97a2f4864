"""Dispute use cases, and their bundle (``DisputeUseCases``)."""

from __future__ import annotations

from dataclasses import dataclass

from booking_domain.disputes.use_cases.cases import (
    AddEvidence,
    DisputeView,
    EvidenceEntry,
    GetDispute,
    ListDisputes,
    OpenDispute,
    ResolveDispute,
)
from booking_domain.disputes.use_cases.chargebacks import OpenChargebackDisputes
from booking_domain.disputes.use_cases.deps import DisputesDeps
from booking_domain.shared.use_case import UseCaseBundle


@dataclass(frozen=True, slots=True)
class DisputeUseCases(UseCaseBundle[DisputesDeps]):
    open_dispute: OpenDispute
    get_dispute: GetDispute
    add_evidence: AddEvidence
    resolve_dispute: ResolveDispute
    list_disputes: ListDisputes
    open_chargeback_disputes: OpenChargebackDisputes


__all__ = [
    "AddEvidence",
    "DisputeUseCases",
    "DisputeView",
    "DisputesDeps",
    "EvidenceEntry",
    "GetDispute",
    "ListDisputes",
    "OpenChargebackDisputes",
    "OpenDispute",
    "ResolveDispute",
]
