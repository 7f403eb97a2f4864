"""The words of the pages that emails and texts link to (``linked.py``): English here (the
message ids), Mongolian in the booking page's catalogue, handed to their scripts already
translated as the booking page's are (``texts.script_texts``)."""

from __future__ import annotations

from typing import Final

# The customer's (or artist's) own booking at /bookings/{id}.
BOOKING_TEXTS: Final = {
    "loadingBooking": "Loading your booking…",
    "signInToSee": "Sign in to see this booking.",
    "notFound": "This booking was not found. It may belong to another account.",
    "reference": "Reference: {reference}",
    "service": "Service: {name}",
    "artist": "Artist: {name}",
    "yourTime": "Your time ({zone}): {when}",
    "artistTime": "The artist's time ({zone}): {when}",
    "statusConfirmed": "Confirmed",
    "statusPending": "Waiting for the deposit or the artist's approval",
    "statusCancelled": "Cancelled",
    "statusOther": "Status: {status}",
    "awaitingApproval": "The artist approves this request first; the deposit comes after.",
    "payDeposit": "Pay the deposit of {amount} with QPay",
    "scanQr": "Scan the QR code with your bank app, or open your bank's app below.",
    "checkPayment": "I have paid",
    "paid": "The deposit is paid. See you soon!",
    "notPaidYet": "The payment has not arrived yet.",
    "cancel": "Cancel this booking",
    "cancelled": "The booking is cancelled.",
    "reschedule": "Move to another time",
    "showTimes": "Show free times",
    "noSlots": "No free times on this day.",
    "moved": "The booking now starts {when}.",
    "signedInAs": "Signed in as {name}.",
    "signOut": "Sign out",
    "codeSent": "We sent a code to {phone}.",
    "error": "Something went wrong: {detail}",
}

# The pages of the account emails' links: /verify-email, /reset-password, /unlock.
ACCOUNT_TEXTS: Final = {
    "noToken": "This link is incomplete. Open the whole link from the email.",
    "working": "One moment…",
    "verified": "Your email address is confirmed. Thank you!",
    "passwordChanged": "Your password is changed. Sign in with the new one in the app.",
    "unlocked": "Your account is unlocked. You are signed in in this tab.",
    "error": "Something went wrong: {detail}",
}
