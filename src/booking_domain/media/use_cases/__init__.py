"""Media use cases, and their bundle (``MediaUseCases``)."""

from __future__ import annotations

from dataclasses import dataclass

from booking_domain.media.use_cases.deps import MediaDeps
from booking_domain.media.use_cases.taking import take_upload
from booking_domain.media.use_cases.uploads import (
    CompleteUpload,
    GetUpload,
    ImportImage,
    PurgeAbandonedUploads,
    RequestedUpload,
    RequestUpload,
    UploadView,
)
from booking_domain.media.use_cases.views import ImageLink, image_links, private_links
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
    "ImageLink",
    "ImportImage",
    "MediaDeps",
    "MediaUseCases",
    "PurgeAbandonedUploads",
    "RequestUpload",
    "RequestedUpload",
    "UploadView",
    "image_links",
    "private_links",
    "take_upload",
]
