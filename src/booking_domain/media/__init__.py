"""Media: files users send straight to object storage, checked and made into image variants.

Uploads (a signed PUT URL, then completion: the stored object checked against what was
declared, decoded under the image rules, made into WebP variants with every piece of
metadata dropped), the ``ObjectStore`` port both stores serve (private ``uploads``, public
``media``) and the ``ImageProcessor`` port. Catalog (portfolios, avatars) and bookings
(ideas) take finished uploads.
"""

from booking_domain.media.errors import (
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
    UploadMismatchError,
    UploadNotFoundError,
    UploadNotReadyError,
    UploadNotReceivedError,
)
from booking_domain.media.images import (
    MAX_PIXELS,
    VARIANTS,
    ImageProcessor,
    ProcessedImage,
    VariantSpec,
)
from booking_domain.media.ports import (
    MediaStores,
    MediaUnitOfWork,
    MediaUnitOfWorkFactory,
    UploadRepository,
)
from booking_domain.media.storage import (
    ObjectInfo,
    ObjectStore,
    PresignedPut,
    UploadTicket,
    check_key,
    check_metadata,
)
from booking_domain.media.uploads import (
    ALLOWED_TYPES,
    MAX_UPLOAD_BYTES,
    Upload,
    UploadId,
    UploadPurpose,
    UploadStatus,
    Variant,
)

__all__ = [
    "ALLOWED_TYPES",
    "MAX_PIXELS",
    "MAX_UPLOAD_BYTES",
    "VARIANTS",
    "ImageProcessor",
    "ImageRejectedError",
    "InvalidKeyError",
    "InvalidMetadataError",
    "InvalidStorageRequestError",
    "InvalidUploadError",
    "MediaStores",
    "MediaUnitOfWork",
    "MediaUnitOfWorkFactory",
    "ObjectExistsError",
    "ObjectInfo",
    "ObjectNotFoundError",
    "ObjectStore",
    "ObjectTooLargeError",
    "PresignedPut",
    "ProcessedImage",
    "StorageUnavailableError",
    "Upload",
    "UploadExpiredError",
    "UploadId",
    "UploadMismatchError",
    "UploadNotFoundError",
    "UploadNotReadyError",
    "UploadNotReceivedError",
    "UploadPurpose",
    "UploadRepository",
    "UploadStatus",
    "UploadTicket",
    "Variant",
    "VariantSpec",
    "check_key",
    "check_metadata",
]
