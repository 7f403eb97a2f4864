"""Booking references: short, unambiguous, human-friendly codes such as ``INK-7K3M9Q``.

People read them out over the phone, copy them from a text, and type them on a Mongolian
keyboard, so a reference typed back is read leniently (``read_booking_reference``): case,
spaces, any dash, full-width forms and Cyrillic letters that look like Latin ones are all
taken for what they look like; the ``INK`` prefix may be left out. What still is not six
symbols of the alphabet is no reference at all."""

from __future__ import annotations

import secrets
import unicodedata

from booking_domain.shared.errors import FieldError, InvalidInputError

# Crockford-style alphabet without look-alikes (no 0/O, 1/I/L, U).
_REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
_PREFIX = "INK"
_SYMBOLS = 6
# Longer input is refused before any work: a reference with generous spacing fits.
MAX_REFERENCE_INPUT = 40

# Cyrillic capitals drawn like Latin ones (after upper-casing), A V E K M N O R S T H DZE I
# JE, read as the Latin letters they look like: a reference typed on a Mongolian keyboard
# layout. The Mongolian letters with no Latin twin (OE, STRAIGHT U) stay invalid.
_CYRILLIC_TWINS = str.maketrans(
    "\u0410\u0412\u0415\u041a\u041c\u041d\u041e\u0420\u0421\u0422\u0425\u0405\u0406\u0408",
    "ABEKMHOPCTXSIJ",
)
# Everything people put between the parts: spaces, hyphens, dashes, minus signs, dots.
_SEPARATORS = frozenset(" -_.\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d")


def new_booking_reference() -> str:
    """A reference such as ``INK-7K3M9Q``: 6 symbols from 30, about 7.3e8 combinations."""
    return "INK-" + "".join(secrets.choice(_REFERENCE_ALPHABET) for _ in range(_SYMBOLS))


def read_booking_reference(text: str) -> str:
    """The reference ``text`` spells, in its stored form (``INK-7K3M9Q``): ``ink 7k3m9q``,
    ``7K3M9Q`` in full-width digits and letters, and ``INK-7K3M9Q`` with an en dash and
    Cyrillic KA and EM all read ``INK-7K3M9Q``. Anything else raises ``InvalidInputError``
    on the field ``reference`` (a 422)."""
    if len(text) <= MAX_REFERENCE_INPUT:
        folded = unicodedata.normalize("NFKC", text).upper().translate(_CYRILLIC_TWINS)
        symbols = "".join(c for c in folded if c not in _SEPARATORS)
        if len(symbols) == len(_PREFIX) + _SYMBOLS and symbols.startswith(_PREFIX):
            symbols = symbols[len(_PREFIX) :]
        if len(symbols) == _SYMBOLS and all(c in _REFERENCE_ALPHABET for c in symbols):
            return f"{_PREFIX}-{symbols}"
    raise InvalidInputError(
        errors=(FieldError("reference", "Not a booking reference (INK-7K3M9Q).", "invalid"),)
    )
