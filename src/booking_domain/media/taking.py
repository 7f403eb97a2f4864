"""Taking a finished upload for what it was made for (a portfolio piece, an idea, an
evidence picture, an avatar or a cover): the step every such use case shares."""

from __future__ import annotations

from datetime import datetime

from booking_domain.media.errors import UploadNotFoundError
from booking_domain.media.ports import UploadRepository
from booking_domain.media.uploads import Upload, UploadId, UploadPurpose
from booking_domain.shared.identity import Actor


async def take_upload(
    uploads: UploadRepository,
    upload_id: UploadId,
    actor: Actor,
    purpose: UploadPurpose,
    now: datetime,
) -> Upload:
    """The upload, locked and marked used (``Upload.use``: its owner's, ready, made for
    ``purpose``); ``UploadNotFoundError`` when there is none. The caller saves it with
    the change that uses it."""
    upload = await uploads.lock(upload_id)
    if upload is None:
        raise UploadNotFoundError()
    return upload.use(actor, purpose, now)
