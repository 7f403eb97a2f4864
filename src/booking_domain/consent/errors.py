"""Errors of consent forms: each a subclass of a shared category, with a stable code
(docs/consent.md). Completion's own refusals (``consent_not_signed``, ``id_not_checked``)
are the bookings context's: completing is a booking's step."""

from __future__ import annotations

from booking_domain.shared.errors import (
    ConflictError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    RuleViolationError,
)


class InvalidConsentFormError(InvalidInputError):
    code = "invalid_consent_form"
    default_message = "The consent form is invalid."


class InvalidConsentError(InvalidInputError):
    """A signature whose answers, name or confirmations break the form's rules."""

    code = "invalid_consent"
    default_message = "The consent cannot be signed as sent."


class ConsentFormNotFoundError(NotFoundError):
    code = "consent_form_not_found"
    default_message = "Consent form not found."


class ConsentNotFoundError(NotFoundError):
    """No signed consent for a booking the caller may see (a download before signing)."""

    code = "consent_not_found"
    default_message = "No consent has been signed for this booking."


class ConsentActionNotAllowedError(PermissionDeniedError):
    code = "consent_action_not_allowed"
    default_message = "You are not allowed to do this with consent forms."


class ConsentFormRetiredError(ConflictError):
    code = "consent_form_retired"
    default_message = "This consent form was retired: it takes no new versions or signatures."


class ConsentFormInUseError(ConflictError):
    code = "consent_form_in_use"
    default_message = "This consent form is the one you require: require another or none first."


class TooManyConsentFormsError(RuleViolationError):
    code = "too_many_consent_forms"
    default_message = "You have as many consent forms as you may have: retire one first."


class ConsentNotRequiredError(ConflictError):
    code = "consent_not_required"
    default_message = "The artist of this booking requires no consent form."


class ConsentAlreadySignedError(ConflictError):
    code = "consent_already_signed"
    default_message = "The consent for this booking is signed already: it never changes."


class ConsentClosedError(ConflictError):
    code = "consent_closed"
    default_message = (
        "A consent is signed while the booking is pending or confirmed, before the "
        "appointment's end."
    )


class ConsentFormChangedError(ConflictError):
    """The form the signer was shown is not the artist's current one any more."""

    code = "consent_form_changed"
    default_message = "The artist changed the consent form: read it again and sign the new one."


class IdAlreadyCheckedError(ConflictError):
    code = "id_already_checked"
    default_message = "The customer's ID check is recorded already: it never changes."


class IdNotAdultError(RuleViolationError):
    code = "id_not_adult"
    default_message = "An ID check records an ID showing 18 or older; do not tattoo a minor."
