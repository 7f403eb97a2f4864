"""What the request use cases share: loading a request its caller may see, and the signed
links of pictures (recording a change: ``commissions.recording``)."""

from __future__ import annotations

from dataclasses import dataclass

from booking_domain.commissions.errors import RequestNotFoundError
from booking_domain.commissions.ports import CommissionsUnitOfWork
from booking_domain.commissions.requests import (
    RequestId,
    RequestMessage,
    TattooRequest,
)
from booking_domain.commissions.use_cases.deps import CommissionsDeps
from booking_domain.media import ImageLink, private_links
from booking_domain.shared.identity import Actor, Role

IMAGE_URL_SECONDS = 300


@dataclass(frozen=True, slots=True)
class MessageEntry:
    message: RequestMessage
    images: tuple[ImageLink, ...]  # signed URLs, valid IMAGE_URL_SECONDS


@dataclass(frozen=True, slots=True)
class RequestView:
    """A request as one of its parties (or an admin) sees it, with its pictures' links."""

    request: TattooRequest
    images: tuple[tuple[ImageLink, ...], ...]  # per reference picture, its variants
    viewer: Role


async def load_visible(
    uow: CommissionsUnitOfWork, actor: Actor, request_id: RequestId, *, for_update: bool = False
) -> TattooRequest:
    """The request if ``actor`` is its customer, its artist or an admin; anyone else (and a
    missing id) gets ``RequestNotFoundError``."""
    request = await uow.tattoo_requests.get(request_id, for_update=for_update)
    if request is None:
        raise RequestNotFoundError()
    request.ensure_visible_to(actor)
    return request


async def entry(deps: CommissionsDeps, message: RequestMessage) -> MessageEntry:
    return MessageEntry(
        message, await private_links(deps.stores, message.images, IMAGE_URL_SECONDS)
    )


async def view(deps: CommissionsDeps, request: TattooRequest, actor: Actor) -> RequestView:
    images = tuple(
        [
            await private_links(deps.stores, image.variants, IMAGE_URL_SECONDS)
            for image in request.images
        ]
    )
    return RequestView(request, images, request.ensure_visible_to(actor))
