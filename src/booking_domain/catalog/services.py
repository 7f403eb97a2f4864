"""Services an artist offers: duration, buffers, price, deposit, approval."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta

from booking_domain.catalog.errors import (
    DepositCurrencyNotPayableError,
    InvalidScheduleError,
    ServiceReservedError,
)
from booking_domain.catalog.flash import FlashOffer
from booking_domain.shared.ids import ArtistId, ServiceId
from booking_domain.shared.money import BASIS_POINTS_PER_WHOLE, Money
from booking_domain.shared.time import Interval

_MINUTE = timedelta(minutes=1)
_MAX_LENGTH = timedelta(hours=24)


@dataclass(frozen=True, slots=True)
class FixedDeposit:
    amount: Money


@dataclass(frozen=True, slots=True)
class PercentageDeposit:
    """A share of the price in basis points (2 500 = 25 %), 1 .. 10 000."""

    basis_points: int

    def __post_init__(self) -> None:
        bp = self.basis_points
        if not (type(bp) is int and 0 < bp <= BASIS_POINTS_PER_WHOLE):
            raise InvalidScheduleError("A percentage deposit is 0.01 % to 100 % (1-10000 bp).")

    @classmethod
    def percent(cls, whole_percent: int) -> PercentageDeposit:
        return cls(whole_percent * 100)


Deposit = FixedDeposit | PercentageDeposit


def _whole_minutes(value: timedelta, low: timedelta, name: str) -> None:
    if not (low <= value <= _MAX_LENGTH and value % _MINUTE == timedelta(0)):
        raise InvalidScheduleError(f"{name} must be whole minutes between {low} and 24 hours.")


@dataclass(frozen=True, slots=True)
class Service:
    """What a customer books.

    The appointment is ``[start, start + duration)``; its *blocked* time, which no other
    active booking may overlap, is ``[start - buffer_before, end + buffer_after)``. A fixed
    deposit above the price is refused; a percentage deposit is rounded half-up and so can
    never exceed the price. A zero deposit is the same as none.
    """

    id: ServiceId
    artist_id: ArtistId
    name: str
    duration: timedelta
    price: Money
    deposit: Deposit | None = None
    buffer_before: timedelta = timedelta(0)
    buffer_after: timedelta = timedelta(0)
    needs_approval: bool = False
    active: bool = True  # an inactive service is kept (bookings refer to it) but not offered
    flash: FlashOffer | None = None  # a size of a flash design (``catalog.flash``), or plain
    # Made for a project's sessions (commissions): never offered (inactive), never listed,
    # never changed through the services API (``ensure_editable``); only its project books it.
    reserved: bool = False

    def __post_init__(self) -> None:
        _whole_minutes(self.duration, _MINUTE, "duration")
        _whole_minutes(self.buffer_before, timedelta(0), "buffer_before")
        _whole_minutes(self.buffer_after, timedelta(0), "buffer_after")
        if isinstance(self.deposit, FixedDeposit) and not self.deposit.amount <= self.price:
            raise InvalidScheduleError("A fixed deposit cannot exceed the price.")

    @property
    def deposit_amount(self) -> Money:
        """The deposit owed when booking, in the price's currency (zero when none)."""
        match self.deposit:
            case None:
                return Money.zero(self.price.currency)
            case FixedDeposit(amount):
                return amount
            case PercentageDeposit(bp):
                return min(self.price.percentage(bp), self.price)

    def ensure_editable(self) -> None:
        """A reserved service keeps the terms its project was quoted
        (``ServiceReservedError``); any other is its owner's to change."""
        if self.reserved:
            raise ServiceReservedError()

    def appointment(self, start: datetime) -> Interval:
        return Interval(start, start + self.duration)

    def blocked_span(self, start: datetime) -> Interval:
        return Interval(start - self.buffer_before, start + self.duration + self.buffer_after)


def deposit_payable(deposit: Money, payable: Collection[str]) -> bool:
    """A deposit is paid through the payment gateway, so it can be paid only in a currency
    the gateway takes (``payable``: the gateway's, passed in by the wiring; the catalogue
    knows no gateway). No deposit (zero) is payable in any currency."""
    return deposit.is_zero or deposit.currency in payable


def require_payable_deposit(service: Service, payable: Collection[str]) -> None:
    """A service made or changed with a deposit nobody could pay is refused
    (``DepositCurrencyNotPayableError``): each booking of it would wait for a deposit that
    can never come and expire unexplained."""
    if not deposit_payable(service.deposit_amount, payable):
        raise DepositCurrencyNotPayableError()
