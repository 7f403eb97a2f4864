"""``/api/v1/admin``: operator views. The guard checks the coarse role; the use case decides."""

from __future__ import annotations

from typing import Annotated, Literal

from litestar import Controller, get
from litestar.di import NamedDependency
from litestar.params import QueryParameter

from booking_domain.accounts import Actor, Role
from booking_domain.pages import MAX_PAGE_SIZE, PageRequest
from entrypoints.http.auth import authenticated, role_in
from entrypoints.http.dto import UserPage
from entrypoints.http.services import ApiServices


class AdminUsersController(Controller):
    path = "/admin/users"
    tags = ["admin"]
    guards = [authenticated, role_in(Role.ADMIN)]
    security = [{"bearer": []}]

    @get(summary="List accounts (admins only)")
    async def list_users(
        self,
        actor: NamedDependency[Actor],
        services: NamedDependency[ApiServices],
        page: Annotated[int, QueryParameter(ge=1)] = 1,
        page_size: Annotated[int, QueryParameter(name="pageSize", ge=1, le=MAX_PAGE_SIZE)] = 20,
        role: Annotated[Literal["customer", "artist", "admin"] | None, QueryParameter()] = None,
    ) -> UserPage:
        result = await services.list_users(
            actor, PageRequest(page, page_size), role=Role(role) if role else None
        )
        return UserPage.of(result)
