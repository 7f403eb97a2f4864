"""``/api/v1/portfolio`` (an artist's own items; admins any) and
``/api/v1/artists/{id}/portfolio`` (public for approved artists)."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from litestar import delete, get, patch, post
from litestar.params import FromPath, JSONBody, QueryParameter

from booking_domain.catalog.portfolio import PortfolioItemId
from booking_domain.media import UploadId
from booking_domain.shared import MAX_PAGE, MAX_PAGE_SIZE, ArtistId
from booking_domain.shared.pages import PageRequest
from entrypoints.http.caller import Caller, MaybeCaller
from entrypoints.http.catalog.controller import CatalogDep
from entrypoints.http.catalog.portfolio_dto import (
    PortfolioItemChange,
    PortfolioItemRequest,
    PortfolioItemView,
    PortfolioPage,
)
from entrypoints.http.controllers import Public, SignedIn
from entrypoints.http.problem_docs import CHANGES, READS
from entrypoints.http.wire import given


class PortfolioController(SignedIn, context="catalog", raises=CHANGES):
    path = "/portfolio"
    tags = ["portfolio"]

    @post(summary="Add a finished upload (purpose portfolio) to your portfolio, last")
    async def add(
        self, data: JSONBody[PortfolioItemRequest], actor: Caller, catalog: CatalogDep
    ) -> PortfolioItemView:
        added = await catalog.add_portfolio_item(
            actor,
            UploadId(data.upload_id),
            description=data.description,
            style_tags=data.style_tags,
        )
        return PortfolioItemView.of(added)

    @patch("/{item_id:uuid}", summary="Change an item's description, tags or position")
    async def change(
        self,
        item_id: FromPath[UUID],
        data: JSONBody[PortfolioItemChange],
        actor: Caller,
        catalog: CatalogDep,
    ) -> PortfolioItemView:
        changed = await catalog.update_portfolio_item(
            actor,
            PortfolioItemId(item_id),
            description=given(data.description),
            style_tags=given(data.style_tags),
            position=given(data.position),
        )
        return PortfolioItemView.of(changed)

    @delete("/{item_id:uuid}", summary="Remove an item and its images")
    async def remove(self, item_id: FromPath[UUID], actor: Caller, catalog: CatalogDep) -> None:
        await catalog.delete_portfolio_item(actor, PortfolioItemId(item_id))


class ArtistPortfolioController(Public, context="catalog", raises=READS):
    path = "/artists/{artist_id:uuid}/portfolio"
    tags = ["portfolio"]

    @get(summary="An artist's portfolio, in its order (public once the artist is approved)")
    async def list_items(
        self,
        artist_id: FromPath[UUID],
        maybe_actor: MaybeCaller,
        catalog: CatalogDep,
        page: Annotated[int, QueryParameter(ge=1, le=MAX_PAGE)] = 1,
        page_size: Annotated[int, QueryParameter(name="pageSize", ge=1, le=MAX_PAGE_SIZE)] = 20,
    ) -> PortfolioPage:
        found = await catalog.list_portfolio(
            maybe_actor, ArtistId(artist_id), PageRequest(page, page_size)
        )
        return PortfolioPage.of(found, PortfolioItemView.of)
