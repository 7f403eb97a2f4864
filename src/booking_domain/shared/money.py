"""Money: a non-negative integer of minor units plus an ISO 4217 currency code.

No floats anywhere: percentages are integer basis points (1 % = 100 bp) and every division
rounds half-up explicitly. Amounts in different currencies never combine silently.
"""

from __future__ import annotations

from dataclasses import dataclass

from booking_domain.shared.errors import CurrencyMismatchError, InvalidMoneyError

BASIS_POINTS_PER_WHOLE = 10_000


@dataclass(frozen=True, slots=True, order=False)
class Money:
    """``amount`` minor units (cents, möngö...) of ``currency`` (three upper-case letters)."""

    amount: int
    currency: str

    def __post_init__(self) -> None:
        # bool is an int subclass; True cents is a bug, not an amount.
        if type(self.amount) is not int or self.amount < 0:
            raise InvalidMoneyError(f"Invalid amount {self.amount!r}: use minor units >= 0.")
        c = self.currency
        if not (isinstance(c, str) and len(c) == 3 and c.isascii() and c.isalpha() and c.isupper()):
            raise InvalidMoneyError(f"Invalid currency {c!r}: use an ISO 4217 code.")

    @classmethod
    def zero(cls, currency: str) -> Money:
        return cls(0, currency)

    @property
    def is_zero(self) -> bool:
        return self.amount == 0

    def _same(self, other: Money) -> None:
        if self.currency != other.currency:
            raise CurrencyMismatchError(f"{self.currency} and {other.currency} do not combine.")

    def __add__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.amount + other.amount, self.currency)

    def __sub__(self, other: Money) -> Money:
        """Subtraction never goes below zero: that would be a bug in the caller's arithmetic."""
        self._same(other)
        return Money(self.amount - other.amount, self.currency)

    def __lt__(self, other: Money) -> bool:
        self._same(other)
        return self.amount < other.amount

    def __le__(self, other: Money) -> bool:
        self._same(other)
        return self.amount <= other.amount

    def __gt__(self, other: Money) -> bool:
        self._same(other)
        return self.amount > other.amount

    def __ge__(self, other: Money) -> bool:
        self._same(other)
        return self.amount >= other.amount

    def percentage(self, basis_points: int) -> Money:
        """``basis_points`` / 10 000 of this amount, rounded half-up to a whole minor unit."""
        if type(basis_points) is not int or basis_points < 0:
            raise InvalidMoneyError("A percentage is a non-negative integer of basis points.")
        numerator = self.amount * basis_points
        # Half-up on non-negative integers: add half the divisor, then floor.
        rounded = (2 * numerator + BASIS_POINTS_PER_WHOLE) // (2 * BASIS_POINTS_PER_WHOLE)
        return Money(rounded, self.currency)

    def __str__(self) -> str:
        return f"{self.amount} {self.currency} (minor units)"
