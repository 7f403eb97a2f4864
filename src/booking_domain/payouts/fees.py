"""The platform's fee on money it collects for an artist (docs/payouts.md, "The fee").

- **The rule** (``FeeRule``, a deployment's setting, in ``shared.fees``: payments applies it
  to charges paying an artist's own account): a percentage of each payment a gateway
  collected, in basis points (``0 .. 10_000``: 2.5 % is 250), and at least a minimum per
  currency (minor units; a currency without one has none), never more than the payment.
  Rounded half up to a minor unit. The rule in force when the payment is entered counts.
- **Refunds give back the fee in proportion**: after refunds of ``refunded`` of ``collected``
  on a booking, the platform keeps ``fees * (collected - refunded) / collected`` of the
  fees it took on it (rounded half up), so a booking refunded in full keeps no fee, and
  partial refunds never return more than was taken, whatever their number.
"""

from __future__ import annotations

from booking_domain.shared.fees import WHOLE, FeeRule, half_up

__all__ = ["WHOLE", "FeeRule", "fee_kept"]


def fee_kept(fees: int, collected: int, refunded: int) -> int:
    """What the platform keeps of ``fees`` taken on ``collected`` once ``refunded`` of it
    went back (each in minor units; ``0 <= refunded``; more refunded than collected keeps
    nothing)."""
    if collected <= 0 or refunded >= collected:
        return 0
    return half_up(fees * (collected - max(refunded, 0)), collected)
