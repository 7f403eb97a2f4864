"""What the catalogue needs from the outside world: storage of artists, studios and services.

Every adapter passes the contract suite in ``tests/contract/catalog``.
"""

from __future__ import annotations

from typing import Protocol

from booking_domain.catalog.artists import ArtistProfile
from booking_domain.catalog.services import Service
from booking_domain.catalog.studios import Studio
from booking_domain.shared.ids import ArtistId, ServiceId, StudioId, UserId
from booking_domain.shared.ports import HasOutbox, UnitOfWork


class ArtistRepository(Protocol):
    async def add(self, artist: ArtistProfile) -> None:
        """Raises ``ArtistProfileExistsError`` when the user already has a profile."""
        ...

    async def get(self, artist_id: ArtistId) -> ArtistProfile | None: ...

    async def get_by_user(self, user_id: UserId) -> ArtistProfile | None: ...

    async def update(self, artist: ArtistProfile) -> None: ...


class HasArtists(Protocol):
    @property
    def artists(self) -> ArtistRepository: ...


class StudioRepository(Protocol):
    async def add(self, studio: Studio) -> None: ...

    async def get(self, studio_id: StudioId) -> Studio | None: ...

    async def update(self, studio: Studio) -> None: ...


class HasStudios(Protocol):
    @property
    def studios(self) -> StudioRepository: ...


class ServiceRepository(Protocol):
    async def add(self, service: Service) -> None: ...

    async def get(self, service_id: ServiceId) -> Service | None: ...

    async def update(self, service: Service) -> None: ...

    async def list_for_artist(
        self, artist_id: ArtistId, *, include_inactive: bool
    ) -> tuple[Service, ...]:
        """An artist's services, by name."""
        ...


class HasServices(Protocol):
    @property
    def services(self) -> ServiceRepository: ...


class CatalogUnitOfWork(UnitOfWork, HasArtists, HasStudios, HasServices, HasOutbox, Protocol):
    """What catalogue use cases open: artists, studios, services, and the outbox for the
    events of reviews and moderation."""


class CatalogUnitOfWorkFactory(Protocol):
    def __call__(self, *, read_only: bool = False) -> CatalogUnitOfWork:
        """A new unit of work (``read_only``: see ``AccountsUnitOfWorkFactory``)."""
        ...
