"""Privacy: a person's own data, taken away (the export) and the account deleted with
what that does across the platform (docs/privacy.md). It sits at the top of the layers: it
reads every context's records of one person, and deleting an account cancels bookings,
withdraws an artist profile and anonymises the account in one transaction.

The account's own rules (proving the owner again, anonymising) are ``accounts``'
(``accounts.leaving``); what leaving does elsewhere is ``privacy.leaving``."""

from booking_domain.privacy.leaving import ACCOUNT_DELETED_REASON, withdrawn
from booking_domain.privacy.records import is_secret, record
from booking_domain.privacy.use_cases import (
    DataExport,
    Deletion,
    ExportPart,
    PrivacyDeps,
    PrivacyUseCases,
)

__all__ = [
    "ACCOUNT_DELETED_REASON",
    "DataExport",
    "Deletion",
    "ExportPart",
    "PrivacyDeps",
    "PrivacyUseCases",
    "is_secret",
    "record",
    "withdrawn",
]
