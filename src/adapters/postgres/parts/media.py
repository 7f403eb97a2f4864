"""Media's storage: uploads."""

from __future__ import annotations

from adapters.postgres.media import PostgresUploadRepository
from adapters.postgres.parts import on_connection
from adapters.postgres.uow import PostgresUnitOfWork
from booking_domain.media.ports import MediaUnitOfWork


class Part(PostgresUnitOfWork):
    uploads = on_connection(PostgresUploadRepository)


SERVES: type[MediaUnitOfWork] = Part
