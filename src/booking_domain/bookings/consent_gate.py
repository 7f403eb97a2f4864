"""The consent a booking's completion waits for (docs/consent.md).

Bookings declares what completing a booking needs to know of consent forms and nothing
more: the booking's ``ConsentStanding``, answered by the ``ConsentGate`` port, which the
consent context's adapters serve (consent sits above bookings: signing needs the booking's
parties, status and times, read through ``load_visible``). The rule itself is one line of
``lifecycle.complete``: a booking held by a consent it lacks is refused, with what it
lacks."""

from __future__ import annotations

from enum import StrEnum
from typing import Protocol

from booking_domain.bookings.booking import Booking
from booking_domain.bookings.errors import ConsentNotSignedError, IdNotCheckedError


class ConsentStanding(StrEnum):
    """Where a booking stands with its artist's consent requirement."""

    NOT_REQUIRED = "not_required"  # its artist requires none for it
    UNSIGNED = "unsigned"  # required, not signed yet
    ID_UNCHECKED = "id_unchecked"  # signed; the customer's photo ID not checked yet
    READY = "ready"  # signed and the ID checked


def consent_lack(standing: ConsentStanding) -> ConsentNotSignedError | IdNotCheckedError | None:
    """What completing a booking of ``standing`` still waits for, as the refusal it would
    get (told before the tap), or None when the consent lets it be completed."""
    if standing is ConsentStanding.UNSIGNED:
        return ConsentNotSignedError()
    if standing is ConsentStanding.ID_UNCHECKED:
        return IdNotCheckedError()
    return None


def require_consent(standing: ConsentStanding) -> None:
    """Refuse a completion the consent does not allow yet (409, with what is missing)."""
    lack = consent_lack(standing)
    if lack is not None:
        raise lack


class ConsentGate(Protocol):
    async def standing(self, booking: Booking) -> ConsentStanding:
        """The booking's standing as stored in this unit of work (the artist's requirement
        now, and the booking's signed consent with its ID check)."""
        ...


class HasConsentGate(Protocol):
    @property
    def consent_gate(self) -> ConsentGate: ...
