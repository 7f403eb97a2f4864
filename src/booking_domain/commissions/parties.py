"""Who someone is to a piece of custom work (a request, its project): the one rule of
access every commissions aggregate shares."""

from __future__ import annotations

from booking_domain.shared.identity import Actor, Role
from booking_domain.shared.ids import UserId


def party_role(actor: Actor, customer_id: UserId, artist_user_id: UserId) -> Role | None:
    """The actor's part: an admin (who reads everything), the customer, the artist, or
    None for anyone else. The role counts: the artist's account acting as a customer is no
    party."""
    if actor.is_admin:
        return Role.ADMIN
    if actor.role is Role.CUSTOMER and actor.user_id == customer_id:
        return Role.CUSTOMER
    if actor.role is Role.ARTIST and actor.user_id == artist_user_id:
        return Role.ARTIST
    return None
