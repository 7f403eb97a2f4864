"""The Upload aggregate: what may be uploaded, the life of an upload, and who may use it."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from uuid import uuid4

import pytest
from hypothesis import given
from hypothesis import strategies as st

from booking_domain.media import (
    ALLOWED_TYPES,
    MAX_UPLOAD_BYTES,
    PURPOSES_OF_ROLE,
    InvalidUploadError,
    ObjectInfo,
    Upload,
    UploadExpiredError,
    UploadMismatchError,
    UploadNotFoundError,
    UploadNotReadyError,
    UploadNotReceivedError,
    UploadPurpose,
    UploadPurposeNotAllowedError,
    UploadStatus,
    Variant,
)
from booking_domain.shared import Actor, Role, UserId
from booking_domain.shared.errors import InvalidTransitionError

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
OWNER = Actor(UserId(uuid4()), Role.ARTIST)
STRANGER = Actor(UserId(uuid4()), Role.CUSTOMER)
ADMIN = Actor(UserId(uuid4()), Role.ADMIN)
VARIANTS = (Variant("large", "img/x/large.webp", 1600, 1200, 1000),)


def _upload(purpose: str = "portfolio", size: int = 1000) -> Upload:
    return Upload.request(OWNER, purpose, "image/jpeg", size, NOW)


def _info(upload: Upload, **changes: object) -> ObjectInfo:
    values: dict[str, object] = {
        "key": upload.key,
        "size": upload.size,
        "content_type": upload.content_type,
        "metadata": upload.metadata,
        "etag": "e",
    }
    return ObjectInfo(**(values | changes))  # type: ignore[arg-type]


@given(
    st.sampled_from([p.value for p in UploadPurpose]),
    st.sampled_from(sorted(ALLOWED_TYPES)),
    st.integers(1, MAX_UPLOAD_BYTES),
)
def test_an_allowed_image_of_an_allowed_size_is_accepted(
    purpose: str, kind: str, size: int
) -> None:
    upload = Upload.request(OWNER, purpose, kind, size, NOW)
    assert upload.status is UploadStatus.PENDING
    assert upload.key == f"incoming/{upload.id}"  # made here, never from a file name
    assert upload.metadata == {"owner-id": str(OWNER.user_id), "upload-id": str(upload.id)}
    assert upload.url_expires_at == NOW + timedelta(minutes=10)


@given(
    st.text(max_size=30).filter(lambda t: t not in ALLOWED_TYPES),
    st.one_of(st.integers(max_value=0), st.integers(min_value=MAX_UPLOAD_BYTES + 1)),
)
def test_other_types_and_sizes_are_refused_field_by_field(kind: str, size: int) -> None:
    with pytest.raises(InvalidUploadError) as refusal:
        Upload.request(OWNER, "wallpaper", kind, size, NOW)
    assert {e.field for e in refusal.value.errors} == {"purpose", "contentType", "size"}


def test_the_stored_object_must_be_the_declared_one() -> None:
    upload = _upload()
    upload.check_stored(_info(upload), NOW)
    changes: Mapping[str, object]
    for changes in (
        {"size": 999},
        {"content_type": "image/png"},
        {"metadata": {**upload.metadata, "owner-id": str(STRANGER.user_id)}},
        {"metadata": {}},
    ):
        with pytest.raises(UploadMismatchError):
            upload.check_stored(_info(upload, **changes), NOW)


def test_no_object_yet_is_not_received_until_the_url_expires() -> None:
    upload = _upload()
    with pytest.raises(UploadNotReceivedError):
        upload.check_stored(None, NOW + timedelta(minutes=9))
    with pytest.raises(UploadExpiredError):
        upload.check_stored(None, NOW + timedelta(minutes=10))


def test_life_pending_ready_used_and_rejected_is_final() -> None:
    upload = _upload()
    ready = upload.complete(VARIANTS, NOW)
    used = ready.use(OWNER, UploadPurpose.PORTFOLIO, NOW)
    assert used.status is UploadStatus.USED
    with pytest.raises(UploadNotReadyError):
        used.use(OWNER, UploadPurpose.PORTFOLIO, NOW)  # once
    rejected = upload.reject("unreadable", NOW)
    assert rejected.rejection == "unreadable"
    with pytest.raises(InvalidTransitionError):
        rejected.complete(VARIANTS, NOW)
    with pytest.raises(InvalidTransitionError):
        ready.check_stored(_info(ready), NOW)


def test_only_the_owner_uses_it_and_only_for_its_purpose() -> None:
    ready = _upload("idea").complete(VARIANTS, NOW)
    with pytest.raises(UploadNotFoundError):
        ready.use(STRANGER, UploadPurpose.IDEA, NOW)
    with pytest.raises(UploadNotReadyError):
        ready.use(OWNER, UploadPurpose.PORTFOLIO, NOW)
    assert ready.readable_by(ADMIN) is ready
    with pytest.raises(UploadNotFoundError):
        ready.readable_by(STRANGER)


def test_only_idea_and_evidence_images_are_private() -> None:
    private = [UploadPurpose.IDEA, UploadPurpose.EVIDENCE]  # a booking's parties' only
    assert [p for p in UploadPurpose if p.is_private] == private


@given(st.sampled_from(list(Role)), st.sampled_from(list(UploadPurpose)))
def test_a_role_asks_only_for_the_purposes_it_can_use(role: Role, purpose: UploadPurpose) -> None:
    actor = Actor(UserId(uuid4()), role)
    if purpose in PURPOSES_OF_ROLE[role]:
        assert Upload.request(actor, purpose.value, "image/png", 10, NOW).purpose is purpose
    else:
        with pytest.raises(UploadPurposeNotAllowedError):
            Upload.request(actor, purpose.value, "image/png", 10, NOW)


def test_customers_never_make_public_images() -> None:
    assert not [p for p in PURPOSES_OF_ROLE[Role.CUSTOMER] if not p.is_private]
    assert UploadPurpose.PORTFOLIO not in PURPOSES_OF_ROLE[Role.ADMIN]
    assert UploadPurpose.IDEA not in PURPOSES_OF_ROLE[Role.ADMIN]  # admins add no ideas


def test_an_admin_reads_another_users_upload_but_never_uses_it() -> None:
    ready = _upload("avatar").complete(VARIANTS, NOW)
    assert ready.readable_by(ADMIN) is ready
    with pytest.raises(UploadNotReadyError):
        ready.use(ADMIN, UploadPurpose.AVATAR, NOW)
    own = Upload.request(ADMIN, "avatar", "image/png", 10, NOW).complete(VARIANTS, NOW)
    assert own.use(ADMIN, UploadPurpose.AVATAR, NOW).status is UploadStatus.USED


def test_an_upload_not_used_a_day_after_it_was_requested_is_abandoned() -> None:
    upload = _upload()
    ready = upload.complete(VARIANTS, NOW)
    for unused in (upload, ready, upload.reject("unreadable", NOW)):
        assert not unused.abandoned(NOW + timedelta(hours=23, minutes=59))
        assert unused.abandoned(NOW + timedelta(days=1))
    assert not ready.use(OWNER, UploadPurpose.PORTFOLIO, NOW).abandoned(NOW + timedelta(days=2))
