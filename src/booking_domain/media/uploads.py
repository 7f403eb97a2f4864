"""An upload: a file a user sends straight to object storage, then has checked and made
into image variants.

Life: ``pending`` (a signed PUT URL was handed out) -> ``ready`` (the stored object matched
the declaration and its variants were made) -> ``used`` (a portfolio item, an idea, an avatar
or a cover took it; an upload is used once). ``pending`` -> ``rejected`` when the object is
not what was declared or not an acceptable image: the client requests a new upload.

Rules:
- types: JPEG, PNG, WebP; 1 byte to 20 MB; the declared size is exact (the URL binds it);
- the object's key is ``incoming/<upload id>``, made here, never from a file name;
- a role asks only for the purposes it can use (``PURPOSES_OF_ROLE``): customers add
  ideas and evidence; artists also keep a portfolio, an avatar and a cover; admins set an
  artist's avatar or cover and add evidence;
- the signed URL lives ``URL_LIFETIME`` and takes one PUT: once the upload is completed or
  rejected its key keeps an empty object, so a second PUT is refused (412);
- an upload not used a day after it was requested (pending, ready or rejected) is abandoned
  and purged with its objects (``ABANDONED_AFTER``);
- only the owner completes or uses an upload (an admin reads any, and uses their own).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any, NewType
from uuid import UUID

from booking_domain.media.errors import (
    InvalidUploadError,
    UploadExpiredError,
    UploadMismatchError,
    UploadNotFoundError,
    UploadNotReadyError,
    UploadNotReceivedError,
    UploadPurposeNotAllowedError,
)
from booking_domain.media.storage import ObjectInfo
from booking_domain.shared.errors import FieldError, InvalidTransitionError
from booking_domain.shared.identity import Actor, Role
from booking_domain.shared.ids import UserId, new_uuid7
from booking_domain.shared.time import require_aware

UploadId = NewType("UploadId", UUID)

ALLOWED_TYPES: frozenset[str] = frozenset({"image/jpeg", "image/png", "image/webp"})
MAX_UPLOAD_BYTES = 20 * 1000 * 1000
URL_LIFETIME = timedelta(minutes=10)
ABANDONED_AFTER = timedelta(days=1)
OWNER_META = "owner-id"
UPLOAD_META = "upload-id"


class UploadPurpose(StrEnum):
    PORTFOLIO = "portfolio"
    IDEA = "idea"
    AVATAR = "avatar"
    COVER = "cover"
    EVIDENCE = "evidence"  # a picture for a dispute

    @property
    def is_private(self) -> bool:
        """Idea and evidence images are seen only by the booking's parties (and admins):
        their variants stay in the private store, served through short-lived signed URLs."""
        return self in (UploadPurpose.IDEA, UploadPurpose.EVIDENCE)


PURPOSES_OF_ROLE: dict[Role, frozenset[UploadPurpose]] = {
    Role.CUSTOMER: frozenset({UploadPurpose.IDEA, UploadPurpose.EVIDENCE}),
    Role.ARTIST: frozenset(UploadPurpose),
    # Admins set an artist's avatar or cover (docs/product.md) and add dispute evidence;
    # they keep no portfolio and add no ideas.
    Role.ADMIN: frozenset({UploadPurpose.AVATAR, UploadPurpose.COVER, UploadPurpose.EVIDENCE}),
}


class UploadStatus(StrEnum):
    PENDING = "pending"
    READY = "ready"
    REJECTED = "rejected"
    USED = "used"


TRANSITIONS: dict[UploadStatus, frozenset[UploadStatus]] = {
    UploadStatus.PENDING: frozenset({UploadStatus.READY, UploadStatus.REJECTED}),
    UploadStatus.READY: frozenset({UploadStatus.USED}),
    UploadStatus.REJECTED: frozenset(),
    UploadStatus.USED: frozenset(),
}


@dataclass(frozen=True, slots=True)
class Variant:
    """One processed image: ``name`` is its size class (``large``, ``small``)."""

    name: str
    key: str
    width: int
    height: int
    size: int
    content_type: str = "image/webp"


@dataclass(frozen=True, slots=True)
class Upload:
    id: UploadId
    owner_id: UserId
    purpose: UploadPurpose
    content_type: str
    size: int
    status: UploadStatus
    created_at: datetime
    updated_at: datetime
    variants: tuple[Variant, ...] = ()
    rejection: str | None = None  # why it was rejected (an ImageRejectedError reason)

    @property
    def key(self) -> str:
        return f"incoming/{self.id}"

    @property
    def url_expires_at(self) -> datetime:
        return self.created_at + URL_LIFETIME

    @property
    def metadata(self) -> dict[str, str]:
        """What the signed URL binds as ``x-amz-meta-*`` (checked again at completion)."""
        return {OWNER_META: str(self.owner_id), UPLOAD_META: str(self.id)}

    @classmethod
    def request(
        cls, owner: Actor, purpose: str, content_type: str, size: int, now: datetime
    ) -> Upload:
        now = require_aware(now, "now")
        errors = []
        chosen = next((p for p in UploadPurpose if p.value == purpose), None)
        if chosen is None:
            errors.append(FieldError("purpose", "one of " + ", ".join(UploadPurpose)))
        if content_type not in ALLOWED_TYPES:
            errors.append(FieldError("contentType", "one of " + ", ".join(sorted(ALLOWED_TYPES))))
        if not 1 <= size <= MAX_UPLOAD_BYTES:
            errors.append(FieldError("size", f"1 to {MAX_UPLOAD_BYTES} bytes"))
        if errors or chosen is None:
            raise InvalidUploadError(errors=tuple(errors))
        if chosen not in PURPOSES_OF_ROLE[owner.role]:
            raise UploadPurposeNotAllowedError()
        upload_id = UploadId(new_uuid7(int(now.timestamp() * 1000)))
        return cls(
            upload_id, owner.user_id, chosen, content_type, size, UploadStatus.PENDING, now, now
        )

    def readable_by(self, actor: Actor) -> Upload:
        """The upload, if ``actor`` may see it (its owner; admins too), else not found."""
        if actor.user_id != self.owner_id and not actor.is_admin:
            raise UploadNotFoundError()
        return self

    def check_stored(self, info: ObjectInfo | None, now: datetime) -> None:
        """The stored object must be the declared one. The signed URL already bound all of
        this; checking again is the defence that holds whatever the store enforces."""
        if self.status is not UploadStatus.PENDING:
            raise InvalidTransitionError(f"This upload is {self.status}.")
        if info is None:
            if require_aware(now, "now") >= self.url_expires_at:
                raise UploadExpiredError()
            raise UploadNotReceivedError()
        if (
            info.size != self.size
            or info.content_type != self.content_type
            or {k: info.metadata.get(k) for k in self.metadata} != self.metadata
        ):
            raise UploadMismatchError()

    def complete(self, variants: tuple[Variant, ...], now: datetime) -> Upload:
        return self._apply(now, status=UploadStatus.READY, variants=variants)

    def reject(self, reason: str, now: datetime) -> Upload:
        return self._apply(now, status=UploadStatus.REJECTED, rejection=reason)

    def use(self, actor: Actor, purpose: UploadPurpose, now: datetime) -> Upload:
        """Taken by a portfolio item, an idea, an avatar or a cover: once, by its owner, for
        the purpose it was made for. An admin reads anyone's upload but uses only their own:
        another user's image never becomes an admin's change."""
        self.readable_by(actor)
        if actor.user_id != self.owner_id:
            raise UploadNotReadyError("An upload is used only by the user who made it.")
        if self.status is not UploadStatus.READY or self.purpose is not purpose:
            raise UploadNotReadyError()
        return self._apply(now, status=UploadStatus.USED)

    def abandoned(self, now: datetime) -> bool:
        """Not used a day after it was requested: never completed, rejected, or completed
        and never taken. Its record and objects are purged."""
        return self.status is not UploadStatus.USED and now - self.created_at >= ABANDONED_AFTER

    def _apply(self, now: datetime, **changes: Any) -> Upload:
        """The one way an upload changes: along an edge of ``TRANSITIONS``, stamped."""
        now = require_aware(now, "now")
        to_status: UploadStatus = changes.get("status", self.status)
        if to_status is not self.status and to_status not in TRANSITIONS[self.status]:
            raise InvalidTransitionError(f"A {self.status} upload cannot become {to_status}.")
        return dataclasses.replace(self, updated_at=now, **changes)
