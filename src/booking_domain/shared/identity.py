"""Who acts: the role a person has, and the acting party every use case receives."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from booking_domain.shared.ids import UserId


class Role(StrEnum):
    """What a person is to Inkslot; admins are made by an operator, never signed up."""

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
