"""Media: files users send straight to object storage, checked and made into image variants.

Uploads (a signed PUT URL, then completion: the stored object checked against what was
declared, decoded under the image rules, made into WebP variants with every piece of
metadata dropped), the ``ObjectStore`` port both stores serve (private ``uploads``, public
``media``) and the ``ImageProcessor`` port. Catalog (portfolios, avatars), bookings
(ideas) and disputes (evidence) take finished uploads (``take_upload``) and show them
(``image_links``, ``private_links``).
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
    UploadPurposeNotAllowedError,
)
from booking_domain.media.images import (
    MAX_PIXELS,
    VARIANTS,
    ImageProcessor,
    ProcessedImage,
    VariantSpec,
)
from booking_domain.media.links import (
    PRIVATE_URL_SECONDS,
    ImageLink,
    image_links,
    private_links,
    variant_store,
)
from booking_domain.media.ports import (
    HasUploads,
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
from booking_domain.media.taking import take_upload
from booking_domain.media.uploads import (
    ALLOWED_TYPES,
    MAX_UPLOAD_BYTES,
    PURPOSES_OF_ROLE,
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
    "PRIVATE_URL_SECONDS",
    "PURPOSES_OF_ROLE",
    "VARIANTS",
    "HasUploads",
    "ImageLink",
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
    "UploadPurposeNotAllowedError",
    "UploadRepository",
    "UploadStatus",
    "UploadTicket",
    "Variant",
    "VariantSpec",
    "check_key",
    "check_metadata",
    "image_links",
    "private_links",
    "take_upload",
    "variant_store",
]
