"""Accounts: roles, the acting party, and the account rules (email, password policy, lockout)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from booking_domain.ids import UserId


class Role(StrEnum):
    CUSTOMER = "customer"
    ARTIST = "artist"
    ADMIN = "admin"


@dataclass(frozen=True, slots=True)
class Actor:
    """Who is acting: every use case and every domain transition receives one."""

    user_id: UserId
    role: Role

    @property
    def is_admin(self) -> bool:
        return self.role is Role.ADMIN
