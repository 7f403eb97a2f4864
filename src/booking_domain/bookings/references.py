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

# Cyrillic capitals drawn like Latin ones (after upper-casing): a reference typed on a
# Mongolian keyboard layout. Ө and Ү have no Latin twin in the alphabet and stay invalid.
_CYRILLIC_TWINS = str.maketrans("АВЕКМНОРСТХЅІЈ", "ABEKMHOPCTXSIJ")
# Everything people put between the parts: spaces, hyphens, dashes, minus signs, dots.
_SEPARATORS = frozenset(" -_.\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d")


def new_booking_reference() -> str:
    """A reference such as ``INK-7K3M9Q``: 6 symbols from 30, about 7.3e8 combinations."""
    return "INK-" + "".join(secrets.choice(_REFERENCE_ALPHABET) for _ in range(_SYMBOLS))


def read_booking_reference(text: str) -> str:
    """The reference ``text`` spells, in its stored form (``INK-7K3M9Q``): ``ink 7k3m9q``,
    ``７K3M9Q`` and ``INK–7К3М9Q`` (an en dash, Cyrillic К and М) all read ``INK-7K3M9Q``.
    Anything else raises ``InvalidInputError`` on the field ``reference`` (a 422)."""
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
