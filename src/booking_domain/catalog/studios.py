"""Studios (salons): a name and an address grouping artists who work there.

Rules (docs/product.md, "1. People and roles"): a studio is created by an admin or by an artist (who
then owns it); its owner or an admin edits it; studios are public.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from booking_domain.catalog.artists import GeoPoint
from booking_domain.shared.errors import PermissionDeniedError
from booking_domain.shared.identity import Actor, Role
from booking_domain.shared.ids import StudioId, UserId


@dataclass(frozen=True, slots=True)
class Studio:
    id: StudioId
    name: str
    address: str
    city: str
    created_at: datetime
    updated_at: datetime
    location: GeoPoint | None = None
    owner_user_id: UserId | None = None

    def ensure_editable_by(self, actor: Actor) -> None:
        if actor.is_admin or (
            self.owner_user_id is not None and actor.user_id == self.owner_user_id
        ):
            return
        raise PermissionDeniedError()

    def ensure_joinable_by(self, actor: Actor) -> None:
        """Who may place an artist here: an admin (any artist), or the studio's owner (their
        own profile); nobody joins a studio they do not own by naming it."""
        if actor.is_admin or (
            self.owner_user_id is not None and actor.user_id == self.owner_user_id
        ):
            return
        raise PermissionDeniedError(
            "Join only a studio you own; an admin places artists in other studios."
        )

    def edited(self, actor: Actor, now: datetime, **changes: Any) -> Studio:
        self.ensure_editable_by(actor)
        return dataclasses.replace(self, updated_at=now, **changes)


def ensure_may_create_studio(actor: Actor) -> None:
    if actor.role not in (Role.ADMIN, Role.ARTIST):
        raise PermissionDeniedError("Studios are created by admins and artists.")
