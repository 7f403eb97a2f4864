"""Errors of media: object storage, uploads and image processing."""

from __future__ import annotations

from booking_domain.shared.errors import (
    ConflictError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    RuleViolationError,
    ServiceUnavailableError,
)


class InvalidKeyError(InvalidInputError):
    """An object key outside the rule (``storage.check_key``): keys are made by Inkslot, so
    this is a programming error surfacing, never a client's file name."""

    code = "invalid_object_key"
    default_message = "The object key is invalid."


class InvalidMetadataError(InvalidInputError):
    code = "invalid_object_metadata"
    default_message = "The object metadata is invalid."


class InvalidStorageRequestError(InvalidInputError):
    """A storage request outside the rules (expiry beyond the cap, a malformed type)."""

    code = "invalid_storage_request"
    default_message = "The storage request is invalid."


class ObjectNotFoundError(NotFoundError):
    code = "object_not_found"
    default_message = "The object does not exist."


class ObjectExistsError(ConflictError):
    """A write-once key already holds an object (S3's 412 Precondition Failed)."""

    code = "object_exists"
    default_message = "An object with this key exists already."


class ObjectTooLargeError(RuleViolationError):
    code = "object_too_large"
    default_message = "The object is larger than allowed."


class StorageUnavailableError(ServiceUnavailableError):
    code = "storage_unavailable"
    default_message = "File storage is unavailable; try again shortly."


class UploadNotFoundError(NotFoundError):
    """No upload with this id that the caller may see (another user's is "not found")."""

    code = "upload_not_found"
    default_message = "Upload not found."


class InvalidUploadError(InvalidInputError):
    """The upload request itself is unacceptable (type not allowed, size out of range,
    unknown purpose); the field errors say which."""

    code = "invalid_upload"
    default_message = "The upload request is invalid."


class UploadPurposeNotAllowedError(PermissionDeniedError):
    """The caller's role never uses an upload of this purpose (``uploads.PURPOSES_OF_ROLE``):
    a customer asking for a portfolio, avatar or cover upload, say."""

    code = "upload_purpose_not_allowed"
    default_message = "Your account cannot use an upload made for this purpose."


class UploadNotReceivedError(RuleViolationError):
    """``complete`` before the object was stored (the PUT has not happened or failed)."""

    code = "upload_not_received"
    default_message = "The file has not been uploaded yet; PUT it to the upload URL first."


class UploadMismatchError(RuleViolationError):
    """The stored object is not what the upload declared (size, type or owner)."""

    code = "upload_mismatch"
    default_message = "The uploaded file is not the one declared."


class UploadExpiredError(RuleViolationError):
    code = "upload_expired"
    default_message = "The upload URL has expired; request a new upload."


class ImageRejectedError(RuleViolationError):
    """The image failed its checks or could not be processed; the upload is closed (request
    a new one). ``reason`` says why: one of ``images.REJECTION_REASONS``."""

    code = "image_rejected"
    default_message = "The image cannot be used."

    def __init__(self, reason: str, message: str | None = None) -> None:
        super().__init__(message)
        self.reason = reason


class UploadNotReadyError(RuleViolationError):
    """The upload is not a processed image the caller may use (pending, rejected, or used
    already, made for another purpose, or another user's: an admin reads any upload but
    uses only their own)."""

    code = "upload_not_ready"
    default_message = "This upload is not a processed image available for this use."
