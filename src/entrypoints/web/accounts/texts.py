"""The words of the account emails' pages (``account.js``)."""

from __future__ import annotations

from typing import Final

# The pages of the account emails' links: /verify-email, /reset-password, /unlock.
ACCOUNT_TEXTS: Final = {
    "noToken": "This link is incomplete. Open the whole link from the email.",
    "working": "One moment…",
    "verified": "Your email address is confirmed. Thank you!",
    "passwordChanged": "Your password is changed. Sign in with the new one in the app.",
    "unlocked": "Your account is unlocked. You are signed in in this tab.",
    "error": "Something went wrong: {detail}",
}
