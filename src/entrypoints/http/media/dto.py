"""Uploads on the wire."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

from msgspec import Meta

from booking_domain.media import MAX_UPLOAD_BYTES, ImageLink
from booking_domain.media.use_cases import RequestedUpload, UploadView
from entrypoints.http.wire import Dto, View, utc


class UploadRequest(Dto, frozen=True):
    content_type: Annotated[str, Meta(min_length=1, max_length=100)]
    size: Annotated[int, Meta(ge=1, le=MAX_UPLOAD_BYTES)]
    purpose: Annotated[str, Meta(min_length=1, max_length=20)]


class UploadTicketView(View, frozen=True):
    upload_id: UUID
    method: str
    url: str
    headers: dict[str, str]
    expires_at: datetime

    @classmethod
    def of(cls, requested: RequestedUpload) -> UploadTicketView:
        ticket = requested.ticket
        return cls(
            requested.upload.id,
            ticket.method,
            ticket.url,
            dict(ticket.headers),
            utc(ticket.expires_at),
        )


class ImageView(View, frozen=True):
    name: str
    url: str
    width: int
    height: int
    content_type: str

    @classmethod
    def of(cls, link: ImageLink) -> ImageView:
        v = link.variant
        return cls(v.name, link.url, v.width, v.height, v.content_type)


class UploadStateView(View, frozen=True):
    id: UUID
    purpose: str
    status: str
    content_type: str
    size: int
    images: list[ImageView]
    rejection: str | None
    created_at: datetime

    @classmethod
    def of(cls, view: UploadView) -> UploadStateView:
        u = view.upload
        return cls(
            u.id,
            u.purpose.value,
            u.status.value,
            u.content_type,
            u.size,
            [ImageView.of(link) for link in view.images],
            u.rejection,
            utc(u.created_at),
        )
