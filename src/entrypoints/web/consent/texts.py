"""The words of a booking's consent section (``consent.js``, ``_consent.html.j2``): the
section's own, in the page's language, and those on the form itself, in the form's."""

from __future__ import annotations

from typing import Final

# The consent section of a booking's page (consent.js; docs/consent.md), in the page's
# language: the booking's page puts them among its own words.
CONSENT_TEXTS: Final = {
    "consentTitle": "Consent form",
    "consentToSign": "The artist asks you to sign this form before your session.",
    "consentInPerson": "The client signs this form here, in person, on your device.",
    "consentNotSigned": "Not signed yet: the customer has not signed the consent form.",
    "consentClosed": "The consent form can no longer be signed for this booking.",
    "consentSignedBy": "Signed by {name} on {when}.",
    "consentIdUnchecked": "The photo ID is not checked yet: the artist checks it at the studio.",
    "consentIdChecked": "Photo ID checked ({document}) on {when}.",
    "consentSigned": "Thank you: the consent form is signed.",
    "consentChanged": "The artist changed the form since you opened it: read it again and sign.",
    "consentCopyHtml": "The signed copy (web page)",
    "consentCopyPdf": "The signed copy (PDF)",
    "idCheckRecorded": "The ID check is recorded.",
    "recordIdCheck": "Record the ID check",
}

# The words on a consent form itself, in the form's language (not the page's): its
# questions and confirmations are written in it, so the controls around them are too.
CONSENT_FORM_TEXTS: Final = {
    "yes": "Yes",
    "no": "No",
    "required": "required",
    "optional": "optional",
    "details": "Details (with a yes)",
    "confirmations": "Confirmations",
    "signedName": "Your full name, as your signature",
    "sign": "Sign the consent form",
}
