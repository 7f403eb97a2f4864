"""The platform's fee on money a gateway collects for an artist (docs/payouts.md, "The
fee"): a percentage of each payment, in basis points (``0 .. 10_000``: 2.5 % is 250), and at
least a minimum per currency (minor units; a currency without one has none), never more than
the payment, rounded half up to a minor unit.

Shared because two contexts apply it: payments asks it of a charge that pays the artist's
share straight to their own account (the gateway's application fee), and payouts enters it
on what the platform collects for the artist.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from booking_domain.shared.errors import FieldError, InvalidInputError
from booking_domain.shared.money import Money

WHOLE = 10_000  # basis points in 100 %


@dataclass(frozen=True, slots=True)
class FeeRule:
    basis_points: int = 0
    minimums: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))

    def __post_init__(self) -> None:
        problems = []
        if type(self.basis_points) is not int or not 0 <= self.basis_points <= WHOLE:
            problems.append(FieldError("feePercent", "A fee is 0 to 100 percent."))
        for currency, minimum in self.minimums.items():
            if type(minimum) is not int or minimum < 0:
                problems.append(FieldError("feeMinimum", f"{currency}: a minimum is >= 0."))
        if problems:
            raise InvalidInputError(errors=tuple(problems))
        object.__setattr__(self, "minimums", MappingProxyType(dict(self.minimums)))

    def fee_for(self, collected: Money) -> Money:
        """The fee on one payment of ``collected``."""
        share = half_up(collected.amount * self.basis_points, WHOLE)
        fee = max(share, self.minimums.get(collected.currency, 0))
        return Money(min(fee, collected.amount), collected.currency)


def half_up(numerator: int, denominator: int) -> int:
    """``numerator / denominator`` rounded half up (both non-negative, the second above 0)."""
    return (2 * numerator + denominator) // (2 * denominator)
