"""Amounts as the pages write them."""

from __future__ import annotations

from booking_domain.shared import Money


def money_text(money: Money) -> str:
    """``MNT 150,000``: whole units, with cents only when there are any (two minor digits,
    as every currency the platform takes has)."""
    whole, cents = divmod(money.amount, 100)
    return f"{money.currency} {whole:,}" + (f".{cents:02d}" if cents else "")
