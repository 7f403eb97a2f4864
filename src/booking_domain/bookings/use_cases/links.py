"""A booking made through a booking link (catalog): the link its token names is recorded on
the booking, so the link counts it.

Rules: the token must name a current link of the artist booked (an unknown token, or one of
another artist, is a field error of ``bookingLink``); a replaced token is gone (410), as on
the link's page. A request without a token looks nothing up.
"""

from __future__ import annotations

import dataclasses

from booking_domain.accounts import KeyedDigest
from booking_domain.bookings.booking import Booking
from booking_domain.catalog import (
    BookingLink,
    BookingLinkGoneError,
    HasBookingLinks,
    could_be_token,
    token_digest,
)
from booking_domain.shared.errors import FieldError, InvalidInputError
from booking_domain.shared.ids import ArtistId

_UNKNOWN = "This is not a booking link of the artist."


async def link_for_booking(
    uow: HasBookingLinks, digest: KeyedDigest, token: str, artist_id: ArtistId
) -> BookingLink:
    """The current link ``token`` names, of ``artist_id`` (see the module rules)."""
    found = None
    if could_be_token(token):
        found = await uow.booking_links.find(token_digest(digest, token))
    if found is None or found.link.artist_id != artist_id:
        raise InvalidInputError(errors=(FieldError("bookingLink", _UNKNOWN, "unknown_link"),))
    if not found.current:
        raise BookingLinkGoneError()
    return found.link


def through(booking: Booking, link: BookingLink | None) -> Booking:
    """``booking`` as made through ``link`` (unchanged without one)."""
    return booking if link is None else dataclasses.replace(booking, link_id=link.id)
