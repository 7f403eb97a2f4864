"""Opening PostgreSQL units of work: of one class, the base composed with the storage parts
of the contexts a deployment serves (``adapters.composition``), built once beforehand."""

from __future__ import annotations

from typing import Generic, TypeVar

from adapters.postgres.database import Database
from adapters.postgres.replica import ReplicaReads
from adapters.postgres.scheduling_reader import CatalogueCache
from adapters.postgres.search import SimilarWords
from adapters.postgres.uow import PostgresUnitOfWork
from adapters.postgres.webhook_queue import job_manager
from booking_domain.shared import SecretBox

U = TypeVar("U", bound=PostgresUnitOfWork)


class PostgresUnitOfWorkFactory(Generic[U]):
    """Units of work of the class ``unit`` on one database; they share this process's
    catalogue cache (see ``scheduling_reader.py``) and search's near-words memory
    (``search.py``). ``autocommit`` is the bookings port's knob for a creation that is one
    write; every other context opens transactions or read-only units."""

    def __init__(
        self,
        database: Database,
        *,
        unit: type[U],
        secrets: SecretBox,
        replica: ReplicaReads | None = None,
    ) -> None:
        """``unit`` is the composed class (the served contexts' parts); ``secrets`` seals
        the secrets rows keep (webhook signing secrets); ``replica`` serves the read-only
        units opened with ``may_lag`` while it is fresh enough (``replica.py``)."""
        self.database = database
        self.unit = unit
        self.secrets = secrets
        self.replica = replica
        self.catalogues = CatalogueCache()
        self.similar_words = SimilarWords()
        self.jobs = job_manager()

    def __call__(
        self, *, read_only: bool = False, autocommit: bool = False, may_lag: bool = False
    ) -> U:
        replica = self.replica if read_only and may_lag else None
        return self.unit(
            replica.database() if replica is not None else self.database,
            replica=replica,
            read_only=read_only,
            autocommit=autocommit,
            catalogues=self.catalogues,
            jobs=self.jobs,
            similar_words=self.similar_words,
            secrets=self.secrets,
        )
