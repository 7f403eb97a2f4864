"""Consent use cases: forms, the artist's requirement, signing, the ID check, downloads and
the retention purge."""

from __future__ import annotations

from dataclasses import dataclass

from booking_domain.consent.use_cases.deps import ConsentDeps
from booking_domain.consent.use_cases.forms import (
    CreateConsentForm,
    FormDetail,
    GetConsentForm,
    GetFormVersion,
    ListConsentForms,
    RetireConsentForm,
    ReviseConsentForm,
)
from booking_domain.consent.use_cases.purge import PURGE_BATCH, PurgeConsents
from booking_domain.consent.use_cases.requirement import (
    GetConsentRequirement,
    RequirementView,
    SetConsentRequirement,
)
from booking_domain.consent.use_cases.signing import (
    BookingConsent,
    CheckCustomerId,
    DocumentFormat,
    Download,
    DownloadConsent,
    GetBookingConsent,
    SignConsent,
)
from booking_domain.shared.use_case import UseCaseBundle


@dataclass(frozen=True, slots=True)
class ConsentUseCases(UseCaseBundle[ConsentDeps]):
    """What the composition root builds of this context; adding a use case is one field."""

    create_form: CreateConsentForm
    list_forms: ListConsentForms
    get_form: GetConsentForm
    get_form_version: GetFormVersion
    revise_form: ReviseConsentForm
    retire_form: RetireConsentForm
    get_requirement: GetConsentRequirement
    set_requirement: SetConsentRequirement
    get_booking_consent: GetBookingConsent
    sign: SignConsent
    check_id: CheckCustomerId
    download: DownloadConsent
    purge: PurgeConsents


__all__ = [
    "PURGE_BATCH",
    "BookingConsent",
    "CheckCustomerId",
    "ConsentDeps",
    "ConsentUseCases",
    "CreateConsentForm",
    "DocumentFormat",
    "Download",
    "DownloadConsent",
    "FormDetail",
    "GetBookingConsent",
    "GetConsentForm",
    "GetConsentRequirement",
    "GetFormVersion",
    "ListConsentForms",
    "RequirementView",
    "RetireConsentForm",
    "ReviseConsentForm",
    "SetConsentRequirement",
    "SignConsent",
]
