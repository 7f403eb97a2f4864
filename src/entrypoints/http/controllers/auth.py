"""``/api/v1/auth``: sign-up, sign-in, refresh, sign-out. Rate-limited per client address."""

from __future__ import annotations

from litestar import Controller, post
from litestar.di import NamedDependency
from litestar.params import JSONBody
from litestar.status_codes import HTTP_200_OK, HTTP_204_NO_CONTENT

from booking_domain.accounts import Role
from entrypoints.http.dto import LoginRequest, RefreshRequest, RegisterRequest, SessionView
from entrypoints.http.services import ApiServices


class AuthController(Controller):
    path = "/auth"
    tags = ["auth"]

    @post("/register", summary="Create a customer or artist account and sign in")
    async def register(
        self, data: JSONBody[RegisterRequest], services: NamedDependency[ApiServices]
    ) -> SessionView:
        signed_in = await services.register_user(
            email=data.email, password=data.password, name=data.name, role=Role(data.role)
        )
        return SessionView.of(signed_in)

    @post("/login", status_code=HTTP_200_OK, summary="Sign in with email and password")
    async def login(
        self, data: JSONBody[LoginRequest], services: NamedDependency[ApiServices]
    ) -> SessionView:
        return SessionView.of(await services.login(email=data.email, password=data.password))

    @post("/refresh", status_code=HTTP_200_OK, summary="Trade a refresh token for a new pair")
    async def refresh(
        self, data: JSONBody[RefreshRequest], services: NamedDependency[ApiServices]
    ) -> SessionView:
        return SessionView.of(await services.refresh_session(refresh_token=data.refresh_token))

    @post("/logout", status_code=HTTP_204_NO_CONTENT, summary="End the refresh token's session")
    async def logout(
        self, data: JSONBody[RefreshRequest], services: NamedDependency[ApiServices]
    ) -> None:
        await services.logout(refresh_token=data.refresh_token)
