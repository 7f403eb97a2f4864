"""``/api/v1/uploads``: ask for a signed upload URL, PUT the file there, complete. Any
signed-in user; another user's upload is "not found"."""

from __future__ import annotations

from uuid import UUID

from litestar import get, post
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody
from litestar.status_codes import HTTP_200_OK

from booking_domain.media import (
    ImageRejectedError,
    InvalidKeyError,
    InvalidMetadataError,
    InvalidStorageRequestError,
    InvalidUploadError,
    ObjectExistsError,
    ObjectNotFoundError,
    ObjectTooLargeError,
    StorageUnavailableError,
    UploadExpiredError,
    UploadId,
    UploadMismatchError,
    UploadNotFoundError,
    UploadNotReceivedError,
    UploadPurposeNotAllowedError,
)
from booking_domain.media.use_cases import MediaUseCases
from booking_domain.shared import ConcurrentUpdateError, InvalidTransitionError
from entrypoints.http.caller import Caller
from entrypoints.http.controllers import SignedIn
from entrypoints.http.media.dto import UploadRequest, UploadStateView, UploadTicketView
from entrypoints.http.problem_docs import raises_exactly

MediaDep = NamedDependency[MediaUseCases]


# Asking to upload (RequestUpload): the file's kind, size or purpose refused (or not the
# caller's to use), the storage's checks of the signed request.
REQUEST_RAISES = raises_exactly(
    InvalidUploadError,
    UploadPurposeNotAllowedError,
    InvalidStorageRequestError,
    InvalidKeyError,
    InvalidMetadataError,
)
# Reading one: not there, or not the caller's (the same 404).
READ_RAISES = raises_exactly(UploadNotFoundError)
# Completing one (CompleteUpload): besides, nothing received, expired, not what was
# announced, an image refused, done already; the storage's answers (a vanished or
# oversized object, one there already, the store unreachable); a write that lost a race.
COMPLETE_RAISES = raises_exactly(
    UploadNotFoundError,
    UploadNotReceivedError,
    UploadExpiredError,
    UploadMismatchError,
    ImageRejectedError,
    InvalidTransitionError,
    ObjectNotFoundError,
    ObjectTooLargeError,
    ObjectExistsError,
    StorageUnavailableError,
    ConcurrentUpdateError,
)


class UploadsController(SignedIn, context="media"):
    path = "/uploads"
    tags = ["media"]

    @post(
        summary="Ask to upload an image: where and how to PUT it (valid 10 minutes)",
        opt=REQUEST_RAISES,
    )
    async def request_upload(
        self, data: JSONBody[UploadRequest], actor: Caller, media: MediaDep
    ) -> UploadTicketView:
        requested = await media.request_upload(
            actor, purpose=data.purpose, content_type=data.content_type, size=data.size
        )
        return UploadTicketView.of(requested)

    @get("/{upload_id:uuid}", summary="An upload's state and its images", opt=READ_RAISES)
    async def read(
        self, upload_id: FromPath[UUID], actor: Caller, media: MediaDep
    ) -> UploadStateView:
        return UploadStateView.of(await media.get_upload(actor, UploadId(upload_id)))

    @post(
        "/{upload_id:uuid}/complete",
        status_code=HTTP_200_OK,
        summary="The PUT is done: check the file and make its images (422 if it is refused)",
        opt=COMPLETE_RAISES,
    )
    async def complete(
        self, upload_id: FromPath[UUID], actor: Caller, media: MediaDep
    ) -> UploadStateView:
        return UploadStateView.of(await media.complete_upload(actor, UploadId(upload_id)))
