"""``/api/v1/portfolio`` (an artist's own items; admins any) and
``/api/v1/artists/{id}/portfolio`` (public for approved artists)."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from litestar import delete, get, patch, post
from litestar.params import FromPath, JSONBody, QueryParameter

from booking_domain.catalog import ArtistNotFoundError, PortfolioItemNotFoundError
from booking_domain.catalog.errors import InvalidPortfolioItemError, PortfolioFullError
from booking_domain.catalog.portfolio import PortfolioItemId
from booking_domain.media import UploadId, UploadNotFoundError, UploadNotReadyError
from booking_domain.shared import (
    MAX_PAGE,
    MAX_PAGE_SIZE,
    ArtistId,
    InvalidInputError,
    PermissionDeniedError,
)
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
from entrypoints.http.problem_docs import raises_exactly
from entrypoints.http.wire import given

# Adding an item (AddPortfolioItem): not an artist, the text or tags refused, no profile of
# the caller's, the upload not theirs, not ready or not made for a portfolio, the portfolio
# full. Changing or removing one: unknown or hidden (404), another's public one (403), the
# text, tags or position refused. Reading a portfolio: the artist unknown or hidden.
ADD_RAISES = raises_exactly(
    PermissionDeniedError, InvalidInputError, InvalidPortfolioItemError,
    ArtistNotFoundError, UploadNotFoundError, UploadNotReadyError,
    PortfolioFullError,
)  # fmt: skip
CHANGE_RAISES = raises_exactly(
    PortfolioItemNotFoundError, PermissionDeniedError, InvalidInputError,
    InvalidPortfolioItemError,
)  # fmt: skip
REMOVE_RAISES = raises_exactly(PortfolioItemNotFoundError, PermissionDeniedError)
LIST_RAISES = raises_exactly(ArtistNotFoundError)


class PortfolioController(SignedIn, context="catalog"):
    path = "/portfolio"
    tags = ["portfolio"]

    @post(
        summary="Add a finished upload (purpose portfolio) to your portfolio, last",
        opt=ADD_RAISES,
    )
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

    @patch(
        "/{item_id:uuid}",
        summary="Change an item's description, tags or position",
        opt=CHANGE_RAISES,
    )
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

    @delete("/{item_id:uuid}", summary="Remove an item and its images", opt=REMOVE_RAISES)
    async def remove(self, item_id: FromPath[UUID], actor: Caller, catalog: CatalogDep) -> None:
        await catalog.delete_portfolio_item(actor, PortfolioItemId(item_id))


class ArtistPortfolioController(Public, context="catalog"):
    path = "/artists/{artist_id:uuid}/portfolio"
    tags = ["portfolio"]

    @get(
        summary="An artist's portfolio, in its order (public once the artist is approved)",
        opt=LIST_RAISES,
    )
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
