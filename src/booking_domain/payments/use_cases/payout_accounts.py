"""Artists' own payout accounts at a gateway (Stripe Connect; ``connect.py`` has the rules).

- ``ConnectPayoutAccount``: the artist opens their account at the gateway, or continues the
  one they have: a link to the gateway's onboarding page, which sends them back to their
  console's payouts page. The gateway is called outside any transaction; two requests at
  once open one account (the gateway answers the same account for the same reference, and
  storage keeps one per artist).
- ``GetPayoutAccount``: the artist's account as the gateway says it is now (an account not
  yet active is asked again, and its status kept), or none.
"""

from __future__ import annotations

from dataclasses import dataclass

from booking_domain.payments import connect
from booking_domain.payments.connect import PayoutAccount, PayoutAccountGateway
from booking_domain.payments.errors import CardPayoutsOffError, PayoutAccountForArtistsError
from booking_domain.payments.use_cases.deps import PaymentsDeps
from booking_domain.shared.errors import ConflictError
from booking_domain.shared.identity import Actor, Role
from booking_domain.shared.use_case import UseCase


@dataclass(frozen=True, slots=True)
class PayoutOnboarding:
    url: str  # the gateway's onboarding page, valid for minutes
    account: PayoutAccount


def _gateway(deps: PaymentsDeps, actor: Actor) -> PayoutAccountGateway:
    if deps.payout_gateway is None:
        raise CardPayoutsOffError()
    if actor.role is not Role.ARTIST:
        raise PayoutAccountForArtistsError()
    return deps.payout_gateway


class ConnectPayoutAccount(UseCase[PaymentsDeps]):
    async def __call__(self, actor: Actor) -> PayoutOnboarding:
        gateway = _gateway(self._deps, actor)
        async with self._deps.uow(read_only=True) as uow:
            account = await uow.payout_accounts.get(actor.user_id, gateway.name)
        if account is None:
            account = await self._open(actor, gateway)
        page = self._deps.payouts_page_url
        url = await gateway.onboarding_link(account.account_id, page, page + "?again=1")
        return PayoutOnboarding(url, account)

    async def _open(self, actor: Actor, gateway: PayoutAccountGateway) -> PayoutAccount:
        account_id = await gateway.open_account(str(actor.user_id))
        try:
            async with self._deps.uow() as uow:
                now = self._deps.clock.now()
                account = connect.opened(actor.user_id, gateway.name, account_id, now)
                await uow.payout_accounts.add(account)
                await uow.commit()
                return account
        except ConflictError:  # a request of the artist's at the same time kept it first
            async with self._deps.uow(read_only=True) as uow:
                kept = await uow.payout_accounts.get(actor.user_id, gateway.name)
            if kept is None:
                raise
            return kept


class GetPayoutAccount(UseCase[PaymentsDeps]):
    async def __call__(self, actor: Actor) -> PayoutAccount | None:
        gateway = _gateway(self._deps, actor)
        async with self._deps.uow(read_only=True) as uow:
            account = await uow.payout_accounts.get(actor.user_id, gateway.name)
        if account is None or account.status is connect.PayoutAccountStatus.ACTIVE:
            return account
        status = connect.status_of(await gateway.account_state(account.account_id))
        if status is account.status:
            return account
        async with self._deps.uow() as uow:
            current = await uow.payout_accounts.get(actor.user_id, gateway.name, for_update=True)
            if current is None:
                return None
            changed = connect.apply(current, self._deps.clock.now(), status=status)
            await uow.payout_accounts.update(changed)
            await uow.commit()
        return changed
