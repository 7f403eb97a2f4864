"""Demo data for the local profile: made once, when the database has no users at all."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from booking_domain.accounts import Role
from entrypoints.container import Core


@dataclass(frozen=True, slots=True)
class DemoAccount:
    role: str
    email: str
    password: str


async def seed_demo_data(core: Core) -> list[DemoAccount]:
    """Create an admin, a customer and an artist with fresh random passwords; return them
    (the only time the passwords exist in clear). Does nothing when any user exists."""
    async with core.adapters.uow()(read_only=True) as uow:
        if await uow.users.count() > 0:
            return []
    accounts = [
        DemoAccount("admin", "admin@inkslot.local", _password()),
        DemoAccount("customer", "customer@inkslot.local", _password()),
        DemoAccount("artist", "artist@inkslot.local", _password()),
    ]
    admin, customer, artist = accounts
    await core.create_admin()(email=admin.email, password=admin.password, name="Demo Admin")
    await core.register_user()(
        email=customer.email, password=customer.password, name="Demo Customer", role=Role.CUSTOMER
    )
    await core.register_user()(
        email=artist.email, password=artist.password, name="Demo Artist", role=Role.ARTIST
    )
    return accounts


def _password() -> str:
    return secrets.token_urlsafe(12)
