"""``/api/v1/me/booking-links`` (the signed-in artist's links, with their counts) and
``/api/v1/booking-links/{token}/slot-views`` (a link's page counts that it showed free
slots: public, with the token and the ticket of the visit the page was rendered for)."""

from __future__ import annotations

from uuid import UUID

from litestar import get, post
from litestar.params import FromPath, JSONBody
from litestar.status_codes import HTTP_200_OK, HTTP_204_NO_CONTENT

from booking_domain.catalog import (
    ArtistNotFoundError,
    BookingLinkExistsError,
    BookingLinkNotAllowedError,
    BookingLinkNotFoundError,
    ServiceNotFoundError,
)
from booking_domain.catalog.errors import BookingLinkGoneError
from booking_domain.catalog.links import BookingLinkId
from booking_domain.shared import InvalidInputError, ServiceId
from entrypoints.http.caller import Caller
from entrypoints.http.catalog.controller import CatalogDep
from entrypoints.http.catalog.links_dto import (
    BookingLinkList,
    BookingLinkRequest,
    BookingLinkView,
    SlotViewRequest,
)
from entrypoints.http.controllers import Public, SignedIn
from entrypoints.http.problem_docs import raises_exactly

# The artist's links: no profile of the caller's (404), links refused to a profile not
# approved or for a service not their own active one, a second link for one service, an
# unknown service or link. A slot view: a token unknown (404) or replaced (410), a visit's
# ticket refused (422).
LIST_RAISES = raises_exactly(ArtistNotFoundError, BookingLinkNotAllowedError)
CREATE_RAISES = raises_exactly(
    ArtistNotFoundError, ServiceNotFoundError, BookingLinkExistsError, BookingLinkNotAllowedError
)
REGENERATE_RAISES = raises_exactly(ArtistNotFoundError, BookingLinkNotFoundError)
SLOT_VIEW_RAISES = raises_exactly(BookingLinkNotFoundError, BookingLinkGoneError, InvalidInputError)


class BookingLinksController(SignedIn, context="catalog"):
    path = "/me/booking-links"
    tags = ["booking links"]

    @get(
        summary="Your booking links with their counts (the general one made on first use)",
        opt=LIST_RAISES,
    )
    async def list_links(self, actor: Caller, catalog: CatalogDep) -> BookingLinkList:
        listing = await catalog.list_booking_links(actor)
        return BookingLinkList([BookingLinkView.of(entry) for entry in listing])

    @post(
        summary="Add a link for one of your services (none: the general link)",
        opt=CREATE_RAISES,
    )
    async def create(
        self, data: JSONBody[BookingLinkRequest], actor: Caller, catalog: CatalogDep
    ) -> BookingLinkView:
        service = None if data.service_id is None else ServiceId(data.service_id)
        return BookingLinkView.of(await catalog.create_booking_link(actor, service))

    @post(
        "/{link_id:uuid}/regenerate",
        status_code=HTTP_200_OK,
        summary="Give a link a new token; the old one answers 410 Gone from then on",
        opt=REGENERATE_RAISES,
    )
    async def regenerate(
        self, link_id: FromPath[UUID], actor: Caller, catalog: CatalogDep
    ) -> BookingLinkView:
        renewed = await catalog.regenerate_booking_link(actor, BookingLinkId(link_id))
        return BookingLinkView.of(renewed)


class LinkSlotViewsController(Public, context="catalog"):
    path = "/booking-links/{token:str}/slot-views"
    tags = ["booking links"]

    @post(
        status_code=HTTP_204_NO_CONTENT,
        summary="Count that a link's page showed free slots, once per visitor and day",
        opt=SLOT_VIEW_RAISES,
    )
    async def count(
        self, token: FromPath[str], data: JSONBody[SlotViewRequest], catalog: CatalogDep
    ) -> None:
        await catalog.count_slot_view(token, data.visit)
