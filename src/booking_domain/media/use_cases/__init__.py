"""Media use cases, and their bundle (``MediaUseCases``)."""

from __future__ import annotations

from dataclasses import dataclass

from booking_domain.media.use_cases.deps import MediaDeps
from booking_domain.media.use_cases.uploads import (
    CompleteUpload,
    GetUpload,
    ImportImage,
    PurgeAbandonedUploads,
    RequestedUpload,
    RequestUpload,
    UploadView,
)
from booking_domain.shared.use_case import UseCaseBundle


@dataclass(frozen=True, slots=True)
class MediaUseCases(UseCaseBundle[MediaDeps]):
    """What the composition root builds of this context; adding a use case is one field."""

    request_upload: RequestUpload
    get_upload: GetUpload
    complete_upload: CompleteUpload
    purge_abandoned_uploads: PurgeAbandonedUploads
    import_image: ImportImage


__all__ = [
    "CompleteUpload",
    "GetUpload",
    "ImportImage",
    "MediaDeps",
    "MediaUseCases",
    "PurgeAbandonedUploads",
    "RequestUpload",
    "RequestedUpload",
    "UploadView",
]
