"""Privacy use cases, and their bundle (``PrivacyUseCases``)."""

from __future__ import annotations

from dataclasses import dataclass

from booking_domain.privacy.use_cases.deletion import DeleteAccount, Deletion
from booking_domain.privacy.use_cases.deps import PrivacyDeps
from booking_domain.privacy.use_cases.export import DataExport, ExportMyData, ExportPart
from booking_domain.shared.use_case import UseCaseBundle


@dataclass(frozen=True, slots=True)
class PrivacyUseCases(UseCaseBundle[PrivacyDeps]):
    export_my_data: ExportMyData
    delete_account: DeleteAccount


__all__ = [
    "DataExport",
    "DeleteAccount",
    "Deletion",
    "ExportMyData",
    "ExportPart",
    "PrivacyDeps",
    "PrivacyUseCases",
]
