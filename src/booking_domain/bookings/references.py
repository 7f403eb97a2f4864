"""Booking references: short, unambiguous, human-friendly codes such as ``INK-7K3M9Q``."""

from __future__ import annotations

import secrets

# Crockford-style alphabet without look-alikes (no 0/O, 1/I/L, U).
_REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"


def new_booking_reference() -> str:
    """A reference such as ``INK-7K3M9Q``: 6 symbols from 30, about 7.3e8 combinations."""
    return "INK-" + "".join(secrets.choice(_REFERENCE_ALPHABET) for _ in range(6))
