"""The words of a booking's own page (``mine.js``): English here (the message ids),
Mongolian in the catalogue of the pages (``locales/``), handed to its script already
translated as every page's are (``entrypoints.web.shared.texts.script_texts``); the words of
its consent section are the consent room's."""

from __future__ import annotations

from typing import Final

from entrypoints.web.consent import CONSENT_TEXTS
from entrypoints.web.shared.texts import ASK_TEXTS, BOOKING_STATE_TEXTS, SIGN_IN_TEXTS

# The customer's (or artist's) own booking at /bookings/{id}.
BOOKING_TEXTS: Final = {
    **ASK_TEXTS,
    **SIGN_IN_TEXTS,
    **BOOKING_STATE_TEXTS,
    "loadingBooking": "Loading your booking…",
    "signInToSee": "Sign in to see this booking.",
    "notFound": "This booking was not found. It may belong to another account.",
    "reference": "Reference: {reference}",
    "service": "Service: {name}",
    "artist": "Artist: {name}",
    "yourTime": "Your time ({zone}): {when}",
    "artistTime": "The artist's time ({zone}): {when}",
    "awaitingApproval": "The artist approves this request first; the deposit comes after.",
    "checkPayment": "I have paid",
    "paid": "The deposit is paid. See you soon!",
    "notPaidYet": "The payment has not arrived yet.",
    "cancel": "Cancel this booking",
    "cancelled": "The booking is cancelled.",
    "reschedule": "Move to another time",
    "showTimes": "Show free times",
    "noSlots": "No free times on this day.",
    "moved": "The booking now starts {when}.",
    "sendReview": "Send the review",
    "reviewSent": "Thank you for your review!",
    "statusOffered": "A freed time from the waitlist, held for you: take it or decline it",
    "statusOfferWaiting": "Offered to a customer from the waitlist: waiting for their answer",
    "heldUntil": "Held for you until {when} ({zone})",
    "acceptOffer": "Take this time",
    "declineOffer": "Decline the offer",
    "offerAccepted": "The time is yours.",
    "offerDeclined": "You declined the offer; the time goes to the next in line.",
    "signedInAs": "Signed in as {name}.",
    "signOut": "Sign out",
    "codeSent": "We sent a code to {phone}.",
    "error": "Something went wrong: {detail}",
    **CONSENT_TEXTS,
}
