"""The fake Stripe's Connect: Express accounts, their onboarding links, and onboarding
completed by the account's holder (``account.updated``). A destination charge's transfer to
an account is the books' (``state.py``)."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass, field

from entrypoints.fake_stripe.wire import Answer, Obj, error, missing, nested, return_query


@dataclass
class FakeConnect:
    """``base_url()``: the fake's address; ``now()``: Unix seconds; ``event(type, obj)``:
    an event made (the books keep and deliver it)."""

    base_url: Callable[[], str]
    now: Callable[[], int]
    event: Callable[[str, Obj], Obj]
    accounts: dict[str, Obj] = field(default_factory=dict)

    def create_account(self, p: Obj) -> Answer:
        if p.get("type") != "express":
            return error(400, "Only Express accounts are supported here.", param="type")
        account: Obj = {
            "id": "acct_" + secrets.token_hex(8),
            "object": "account",
            "type": "express",
            "country": p.get("country"),
            "email": p.get("email"),
            "metadata": nested(p, "metadata"),
            "charges_enabled": False,
            "payouts_enabled": False,
            "details_submitted": False,
            "created": self.now(),
        }
        self.accounts[account["id"]] = account
        return 200, account

    def get_account(self, account_id: str) -> Answer:
        account = self.accounts.get(account_id)
        return (200, account) if account is not None else missing("account", account_id)

    def account_link(self, p: Obj) -> Answer:
        account = str(p.get("account", ""))
        if account not in self.accounts:
            return missing("account", account)
        if p.get("type") != "account_onboarding" or not p.get("return_url"):
            return error(400, "Missing required param: return_url.", param="return_url")
        return 200, {
            "object": "account_link",
            "created": self.now(),
            "expires_at": self.now() + 300,
            "url": f"{self.base_url()}/onboarding/{account}?{return_query(p)}",
        }

    def onboard(self, account_id: str) -> Obj:
        account = self.accounts[account_id]
        account.update(charges_enabled=True, payouts_enabled=True, details_submitted=True)
        self.event("account.updated", account)
        return dict(account)

    def restrict(self, account_id: str) -> Obj:
        account = self.accounts[account_id]
        account.update(charges_enabled=False, payouts_enabled=False)
        self.event("account.updated", account)
        return dict(account)
