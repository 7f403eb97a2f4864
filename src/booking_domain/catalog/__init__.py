"""The catalogue: artist profiles, studios and the services artists offer.

It knows what is offered and by whom, not when: time zones and the scheduling policy are
stored on the profile, but every calendar rule is :mod:`booking_domain.scheduling`'s. Use
cases are in :mod:`booking_domain.catalog.use_cases`; ports in
:mod:`booking_domain.catalog.ports`.
"""

from booking_domain.catalog.artists import ArtistProfile, ArtistStatus, GeoPoint
from booking_domain.catalog.errors import (
    ArtistNotFoundError,
    ArtistProfileExistsError,
    InvalidScheduleError,
    ServiceNotFoundError,
    StudioNotFoundError,
)
from booking_domain.catalog.policy import SchedulingPolicy
from booking_domain.catalog.published import (
    ARTIST,
    ARTIST_EVENT_TYPES,
    ArtistChange,
    artist_outbox_event,
    artist_subject,
)
from booking_domain.catalog.services import Deposit, FixedDeposit, PercentageDeposit, Service
from booking_domain.catalog.studios import Studio, ensure_may_create_studio

__all__ = [
    "ARTIST",
    "ARTIST_EVENT_TYPES",
    "ArtistChange",
    "ArtistNotFoundError",
    "ArtistProfile",
    "ArtistProfileExistsError",
    "ArtistStatus",
    "Deposit",
    "FixedDeposit",
    "GeoPoint",
    "InvalidScheduleError",
    "PercentageDeposit",
    "SchedulingPolicy",
    "Service",
    "ServiceNotFoundError",
    "Studio",
    "StudioNotFoundError",
    "artist_outbox_event",
    "artist_subject",
    "ensure_may_create_studio",
]
