"""``/api/v1/me/booking-links`` (the signed-in artist's links, with their counts) and
``/api/v1/booking-links/{token}/slot-views`` (a link's page counts that it showed free
slots: public, with the token and the ticket of the visit the page was rendered for)."""

from __future__ import annotations

from uuid import UUID

from litestar import get, post
from litestar.params import FromPath, JSONBody
from litestar.status_codes import HTTP_200_OK, HTTP_204_NO_CONTENT

from booking_domain.catalog.errors import BookingLinkGoneError
from booking_domain.catalog.links import BookingLinkId
from booking_domain.shared import ServiceId
from entrypoints.http.caller import Caller
from entrypoints.http.catalog.controller import CatalogDep
from entrypoints.http.catalog.links_dto import (
    BookingLinkList,
    BookingLinkRequest,
    BookingLinkView,
    SlotViewRequest,
)
from entrypoints.http.controllers import Public, SignedIn
from entrypoints.http.problem_docs import CHANGES


class BookingLinksController(SignedIn, context="catalog", raises=CHANGES):
    path = "/me/booking-links"
    tags = ["booking links"]

    @get(summary="Your booking links with their counts (the general one made on first use)")
    async def list_links(self, actor: Caller, catalog: CatalogDep) -> BookingLinkList:
        listing = await catalog.list_booking_links(actor)
        return BookingLinkList([BookingLinkView.of(entry) for entry in listing])

    @post(summary="Add a link for one of your services (none: the general link)")
    async def create(
        self, data: JSONBody[BookingLinkRequest], actor: Caller, catalog: CatalogDep
    ) -> BookingLinkView:
        service = None if data.service_id is None else ServiceId(data.service_id)
        return BookingLinkView.of(await catalog.create_booking_link(actor, service))

    @post(
        "/{link_id:uuid}/regenerate",
        status_code=HTTP_200_OK,
        summary="Give a link a new token; the old one answers 410 Gone from then on",
    )
    async def regenerate(
        self, link_id: FromPath[UUID], actor: Caller, catalog: CatalogDep
    ) -> BookingLinkView:
        renewed = await catalog.regenerate_booking_link(actor, BookingLinkId(link_id))
        return BookingLinkView.of(renewed)


class LinkSlotViewsController(Public, context="catalog", raises=(*CHANGES, BookingLinkGoneError)):
    path = "/booking-links/{token:str}/slot-views"
    tags = ["booking links"]

    @post(
        status_code=HTTP_204_NO_CONTENT,
        summary="Count that a link's page showed free slots, once per visitor and day",
    )
    async def count(
        self, token: FromPath[str], data: JSONBody[SlotViewRequest], catalog: CatalogDep
    ) -> None:
        await catalog.count_slot_view(token, data.visit)
