"""``/api/v1/me``: the signed-in user's own account."""

from __future__ import annotations

from litestar import Controller, get, patch, post
from litestar.di import NamedDependency
from litestar.params import JSONBody
from litestar.status_codes import HTTP_204_NO_CONTENT
from msgspec import UNSET

from booking_domain.accounts import Actor
from booking_domain.ports import AccessClaims
from entrypoints.http.auth import authenticated
from entrypoints.http.dto import ChangePasswordRequest, UpdateMeRequest, UserView
from entrypoints.http.services import ApiServices


class MeController(Controller):
    path = "/me"
    tags = ["account"]
    guards = [authenticated]
    security = [{"bearer": []}]

    @get(summary="The signed-in user")
    async def read(
        self, actor: NamedDependency[Actor], services: NamedDependency[ApiServices]
    ) -> UserView:
        return UserView.of(await services.get_profile(actor))

    @patch(summary="Change name or phone")
    async def update(
        self,
        data: JSONBody[UpdateMeRequest],
        actor: NamedDependency[Actor],
        services: NamedDependency[ApiServices],
    ) -> UserView:
        user = await services.update_profile(
            actor,
            name=None if data.name is UNSET else data.name,
            # An explicit null clears the phone; leaving it out keeps it.
            phone=None if data.phone is UNSET else (data.phone or ""),
        )
        return UserView.of(user)

    @post("/password", status_code=HTTP_204_NO_CONTENT, summary="Change password")
    async def change_password(
        self,
        data: JSONBody[ChangePasswordRequest],
        actor: NamedDependency[Actor],
        claims: NamedDependency[AccessClaims],
        services: NamedDependency[ApiServices],
    ) -> None:
        """Needs the current password; signs out every other session."""
        await services.change_password(
            actor,
            current_password=data.current_password,
            new_password=data.new_password,
            keep_family=claims.session_id,
        )
