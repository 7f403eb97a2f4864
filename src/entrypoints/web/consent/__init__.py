"""The consent context's part of the pages: a booking's consent section (its template
``_consent.html.j2``, its script ``consent.js``, its words), which a booking's own page
shows and opens at ``/bookings/{id}/consent`` (``entrypoints.web.bookings``). The section
calls the consent API itself; it has no address of its own."""

from entrypoints.web.consent.texts import CONSENT_FORM_TEXTS, CONSENT_TEXTS

__all__ = ["CONSENT_FORM_TEXTS", "CONSENT_TEXTS"]
