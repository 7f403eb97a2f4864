"""The words of one's points page (``loyalty.js``)."""

from __future__ import annotations

from typing import Final

# One's points at /loyalty (the link in the points messages; docs/loyalty.md).
LOYALTY_TEXTS: Final = {
    "loadingPoints": "Loading your points…",
    "signInToSee": "Sign in to see your points.",
    "noPoints": "No points yet: they are earned on what you pay through Inkslot for a "
    "completed booking, and on your published reviews.",
    "balance": "{points} points, worth {value} off an invoice now",
    "tier": "Tier: {tier}",
    "nextTier": "{points} more points to {tier}",
    "expiring": "{points} points expire first, on {when}",
    "history": "Latest changes",
    "entry": "{when}: {points} ({reason})",
    "reason.booking_completed": "a completed booking's deposit",
    "reason.balance_paid": "a balance paid",
    "reason.review_published": "a published review",
    "reason.review_hidden": "a review taken down",
    "reason.refund": "a refund",
    "reason.invoice": "an invoice's discount",
    "reason.invoice_lapsed": "an invoice left unpaid",
    "reason.expired": "expired",
    "reason.account_deleted": "the account was deleted",
    "signedInAs": "Signed in as {name}.",
    "signOut": "Sign out",
    "codeSent": "We sent a code to {phone}.",
    "error": "Something went wrong: {detail}",
}
