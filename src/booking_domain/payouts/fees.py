"""The platform's fee on money it collects for an artist (docs/payouts.md, "The fee").

- **The rule** (``FeeRule``, a deployment's setting): a percentage of each payment a gateway
  collected, in basis points (``0 .. 10_000``: 2.5 % is 250), and at least a minimum per
  currency (minor units; a currency without one has none), never more than the payment.
  Rounded half up to a minor unit. The rule in force when the payment is entered counts.
- **Refunds give back the fee in proportion**: after refunds of ``refunded`` of ``collected``
  on a booking, the platform keeps ``fees * (collected - refunded) / collected`` of the
  fees it took on it (rounded half up), so a booking refunded in full keeps no fee, and
  partial refunds never return more than was taken, whatever their number.
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
        share = _half_up(collected.amount * self.basis_points, WHOLE)
        fee = max(share, self.minimums.get(collected.currency, 0))
        return Money(min(fee, collected.amount), collected.currency)


def fee_kept(fees: int, collected: int, refunded: int) -> int:
    """What the platform keeps of ``fees`` taken on ``collected`` once ``refunded`` of it
    went back (each in minor units; ``0 <= refunded``; more refunded than collected keeps
    nothing)."""
    if collected <= 0 or refunded >= collected:
        return 0
    return _half_up(fees * (collected - max(refunded, 0)), collected)


def _half_up(numerator: int, denominator: int) -> int:
    return (2 * numerator + denominator) // (2 * denominator)
