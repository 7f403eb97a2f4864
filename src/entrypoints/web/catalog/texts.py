"""The booking page's own words (``book.js``): English here, Mongolian in the room's
catalogue (``locales/``), with the shared words of asking first, signing in and a booking's
state (``entrypoints.web.shared.texts``)."""

from __future__ import annotations

from typing import Final

from entrypoints.web.shared.texts import ASK_TEXTS, BOOKING_STATE_TEXTS, SIGN_IN_TEXTS

# What the script says, by key: English here, Mongolian in the catalogue.
SCRIPT_TEXTS: Final = {
    **ASK_TEXTS,
    **SIGN_IN_TEXTS,
    **BOOKING_STATE_TEXTS,
    "loading": "Loading free times…",
    "noSlots": "No free times on this day.",
    "pickDay": "Pick a day to see its free times.",
    "noFreeDayThisMonth": "No free times this month.",
    "nextFreeDay": "Go to the next free day: {date}",
    "noFreeDaySoon": "No free times in the next four months.",
    "slotsOn": "Free times on {date}",
    "timesIn": "Times are shown in your time zone: {zone}.",
    "prevMonth": "Previous month",
    "nextMonth": "Next month",
    "chosen": "You chose {when}.",
    "signInFirst": "Sign in to book this time.",
    "codeSent": "We sent a code to {phone}.",
    "book": "Book this time",
    "booking": "Booking…",
    "booked": "Booked: {reference}",
    "checkPayment": "I have paid",
    "paid": "The deposit is paid. See you soon!",
    "notPaidYet": "The payment has not arrived yet.",
    "cancel": "Cancel this booking",
    "cancelled": "The booking is cancelled.",
    "reschedule": "Move to another time",
    "rescheduleHint": "Pick a new day and time above, then confirm.",
    "moveHere": "Move the booking to this time",
    "moved": "The booking now starts {when}.",
    "signedInAs": "Signed in as {name}.",
    "signOut": "Sign out",
    "error": "Something went wrong: {detail}",
    "awaitingApproval": "The artist approves this request first; the deposit comes after.",
}
