"""An artist's own payout account at a gateway (Stripe Connect; docs/payments.md, "Money to
the artist"): ``GET /me/payout-account`` (its status, asked of the gateway while it is not
active) and ``POST /me/payout-account/onboarding`` (opened or continued: a link to the
gateway's onboarding page)."""

from __future__ import annotations

from datetime import datetime

from litestar import get, post
from litestar.di import NamedDependency
from litestar.status_codes import HTTP_200_OK

from booking_domain.payments import (
    CardPayoutsOffError,
    PaymentNotFoundError,
    PaymentProviderError,
    PaymentProviderUnavailableError,
    PayoutAccount,
    PayoutAccountForArtistsError,
)
from booking_domain.payments.use_cases import PaymentUseCases, PayoutOnboarding
from entrypoints.http.caller import Caller
from entrypoints.http.controllers import SignedIn
from entrypoints.http.problem_docs import raises_exactly
from entrypoints.http.wire import View, utc

PaymentsDep = NamedDependency[PaymentUseCases]

# No gateway pays artists here; not an artist; the gateway away, refusing, or not knowing
# the account.
ACCOUNT_RAISES = raises_exactly(
    CardPayoutsOffError,
    PayoutAccountForArtistsError,
    PaymentProviderUnavailableError,
    PaymentProviderError,
    PaymentNotFoundError,
)


class PayoutAccountView(View, frozen=True):
    """``status``: ``none`` (not connected), ``onboarding`` (details still to give the
    gateway), ``restricted`` (the gateway holds it back) or ``active`` (card payments pay
    the artist's share straight to it)."""

    gateway: str
    status: str
    account_id: str | None = None
    updated_at: datetime | None = None

    @classmethod
    def of(cls, gateway: str, account: PayoutAccount | None) -> PayoutAccountView:
        if account is None:
            return cls(gateway, "none")
        return cls(gateway, account.status.value, account.account_id, utc(account.updated_at))


class OnboardingView(View, frozen=True):
    url: str  # the gateway's onboarding page: open it now, it lasts minutes
    account: PayoutAccountView

    @classmethod
    def of(cls, onboarding: PayoutOnboarding) -> OnboardingView:
        account = onboarding.account
        return cls(onboarding.url, PayoutAccountView.of(account.gateway, account))


class PayoutAccountController(SignedIn, context="payments"):
    path = "/me/payout-account"
    tags = ["payments"]

    @get(summary="Your payout account for card payments (artists)", opt=ACCOUNT_RAISES)
    async def mine(self, actor: Caller, payments: PaymentsDep) -> PayoutAccountView:
        return PayoutAccountView.of("stripe", await payments.get_payout_account(actor))

    @post(
        "/onboarding",
        status_code=HTTP_200_OK,
        summary="Connect (or finish connecting) your payout account: a link to the gateway",
        opt=ACCOUNT_RAISES,
    )
    async def onboard(self, actor: Caller, payments: PaymentsDep) -> OnboardingView:
        return OnboardingView.of(await payments.connect_payout_account(actor))
