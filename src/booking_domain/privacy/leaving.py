"""What an account's leaving does beyond the account (rules: ``accounts.leaving``).

- every booking of the person that is pending or confirmed and has not started is
  cancelled by the person, in the role they hold in it: as its customer the refund follows
  the cancellation policy; as its artist everything paid is refunded (``bookings.cancel``),
  reason ``account_deleted``; bookings that started or closed are kept as they are, for the
  other party and the accounts;
- an artist's profile leaves public view for good: suspended, its name ``DELETED_NAME``, its
  bio, Instagram handle and pictures cleared; its services, portfolio and reviews stay
  stored but are no longer public (a suspended profile's are not);
- the person's tattoo requests in play close, and their words and pictures are erased from
  every request they were a party to, a leaving artist's quote notes too
  (``commissions.leaving``, ``Leave``, ``erased_quote``);
- the person's active projects (as either party) are cancelled by them
  (``commissions.cancel_project``), so nothing more is booked on them; their sessions are
  bookings, so the first rule is theirs: the upcoming ones are cancelled with the rest,
  those started or closed are kept.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from booking_domain.accounts import DELETED_NAME
from booking_domain.catalog import ArtistProfile

ACCOUNT_DELETED_REASON = "account_deleted"


def withdrawn(artist: ArtistProfile, now: datetime) -> ArtistProfile:
    """The artist's profile once its owner deleted the account (module rules)."""
    return replace(
        artist,
        suspended=True,
        display_name=DELETED_NAME,
        bio="",
        instagram=None,
        avatar=(),
        cover=(),
        updated_at=now,
    )
