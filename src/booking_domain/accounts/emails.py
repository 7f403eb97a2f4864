"""Email addresses: one canonical form for storage and comparison, and the look-alikes that
are refused so that no second account can pass for an existing one.

- The canonical form is NFKC-normalised, trimmed, case-folded and lower-cased (the fold
  leaves a few scripts, Cherokee, in capitals): ``ADA@Example.COM`` typed in fullwidth
  letters (U+FF21 ...) and ``ada@example.com`` are one address, one account.
- Refused at sign-up: invisible characters (zero-width spaces and joiners, soft hyphens,
  direction marks, fillers: Unicode format characters and their look-alikes), and letters of
  more than one script inside the local part or inside one domain label (``admin`` spelt
  with a Cyrillic U+0430). Addresses wholly in one script, Cyrillic ones included, are
  welcome.
"""

from __future__ import annotations

import re
import unicodedata

from booking_domain.shared.errors import FieldError

# Pragmatic address check (RFC 5322 is far wider than what mail systems accept): one @,
# no spaces, a dot in the domain, sane lengths. Delivery is what proves an address.
_EMAIL_RE = re.compile(r"^[^@\s]{1,64}@[^@\s.]+(\.[^@\s.]+)+$")
MAX_EMAIL_LENGTH = 254
# Letters that render as nothing but are not format characters (Hangul and Mongolian fillers).
_INVISIBLE_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u180e")
# Japanese writes one word in several of these; they are one script for this rule.
_SCRIPT_FAMILIES = {"HIRAGANA": "CJK", "KATAKANA": "CJK", "HALFWIDTH": "CJK"}


def normalize_email(raw: str) -> str:
    """The canonical form used for storage and comparison (NFKC, trimmed, case-folded and
    lower-cased; applying it twice changes nothing)."""
    folded = unicodedata.normalize("NFKC", raw).strip().casefold().lower()
    return unicodedata.normalize("NFKC", folded)


def email_problem(email: str) -> FieldError | None:
    """Why a (normalised) address is refused at sign-up (codes ``invalid_email``,
    ``invisible_characters``, ``mixed_scripts``), or None when it is acceptable."""
    if len(email) > MAX_EMAIL_LENGTH or not _EMAIL_RE.match(email):
        return FieldError("email", "Enter a valid email address.", "invalid_email")
    if any(_invisible(ch) for ch in email):
        return FieldError(
            "email", "Remove invisible characters from the address.", "invisible_characters"
        )
    local, _, domain = email.partition("@")
    if any(len(_scripts(part)) > 1 for part in (local, *domain.split("."))):
        return FieldError(
            "email", "Use letters of one script in each part of the address.", "mixed_scripts"
        )
    return None


def _invisible(ch: str) -> bool:
    category = unicodedata.category(ch)
    return category in ("Cf", "Cc", "Cs", "Co", "Cn") or ch in _INVISIBLE_LETTERS


def _scripts(part: str) -> set[str]:
    """The scripts of a part's letters (the first word of each letter's Unicode name)."""
    scripts = set()
    for ch in part:
        if unicodedata.category(ch).startswith("L"):
            script = unicodedata.name(ch, "UNKNOWN").split(" ", 1)[0]
            scripts.add(_SCRIPT_FAMILIES.get(script, script))
    return scripts
