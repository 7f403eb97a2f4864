"""Artists' own payout accounts at a gateway (Stripe Connect, Express accounts): where a card
payment's share of the artist goes, straight from the gateway, rather than to the platform's
ledger of what it owes (docs/payments.md, "Money to the artist").

Rules:
- An artist has at most one payout account per gateway, opened at their request and kept
  for good (the gateway's account id never changes; onboarding again continues it).
- Its status follows what the gateway says of the account: ``active`` once it may take
  charges and be paid out, ``restricted`` when its holder submitted their details and the
  gateway still holds it back, ``onboarding`` before that. Only an ``active`` account is a
  charge's destination (``destination``): until then the artist's share is collected by the
  platform and owed through the ledger, as for QPay.
- A destination charge carries the platform's fee (the deployment's ``FeeRule``) as the
  gateway's application fee; the rest is paid to the account. A refund reverses the
  account's transfer and the fee in proportion, so the customer is repaid by both as both
  were paid.
- Every change goes through :func:`apply`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any, Protocol

from booking_domain.shared.ids import UserId
from booking_domain.shared.money import Money
from booking_domain.shared.time import require_aware

MAX_ACCOUNT_ID = 255


class PayoutAccountStatus(StrEnum):
    ONBOARDING = "onboarding"
    RESTRICTED = "restricted"
    ACTIVE = "active"


@dataclass(frozen=True, slots=True)
class GatewayAccountState:
    """What the gateway says of an account now."""

    charges_enabled: bool
    payouts_enabled: bool
    details_submitted: bool


@dataclass(frozen=True, slots=True)
class PayoutAccount:
    artist_user_id: UserId
    gateway: str
    account_id: str
    status: PayoutAccountStatus
    created_at: datetime
    updated_at: datetime

    def __post_init__(self) -> None:
        require_aware(self.created_at, "created_at")
        if not 0 < len(self.account_id) <= MAX_ACCOUNT_ID:
            raise ValueError("an account id is 1-255 characters")


@dataclass(frozen=True, slots=True)
class Payee:
    """A charge's destination: the account the gateway pays, and the platform's fee it keeps."""

    account_id: str
    fee: Money


def status_of(state: GatewayAccountState) -> PayoutAccountStatus:
    if state.charges_enabled and state.payouts_enabled:
        return PayoutAccountStatus.ACTIVE
    if state.details_submitted:
        return PayoutAccountStatus.RESTRICTED
    return PayoutAccountStatus.ONBOARDING


def opened(artist_user_id: UserId, gateway: str, account_id: str, now: datetime) -> PayoutAccount:
    return PayoutAccount(
        artist_user_id, gateway, account_id, PayoutAccountStatus.ONBOARDING, now, now
    )


def apply(account: PayoutAccount, now: datetime, **changes: Any) -> PayoutAccount:
    """The one way an account changes (its status, as the gateway tells it)."""
    if set(changes) - {"status"}:
        raise ValueError("only a payout account's status changes")
    return dataclasses.replace(account, updated_at=require_aware(now, "now"), **changes)


def destination(account: PayoutAccount | None) -> str | None:
    """The account a charge may pay the artist's share to: only an active one."""
    if account is None or account.status is not PayoutAccountStatus.ACTIVE:
        return None
    return account.account_id


class PayoutAccountGateway(Protocol):
    """A gateway's accounts for the people it pays (Stripe Connect). ``PaymentNotFoundError``
    for an account it does not know; ``PaymentProviderUnavailableError`` to try later."""

    name: str  # the gateway's name, as payments and the ledger know it ("stripe")

    async def open_account(self, reference: str) -> str:
        """A new account (``reference``: ours, the artist's, kept in its metadata; opening
        again with the same reference answers the same account); its id."""
        ...

    async def onboarding_link(self, account_id: str, return_url: str, refresh_url: str) -> str:
        """A link, valid for minutes, where the account's holder gives the gateway their
        details; the gateway sends them back to ``return_url`` (``refresh_url`` when the
        link expired)."""
        ...

    async def account_state(self, account_id: str) -> GatewayAccountState: ...
