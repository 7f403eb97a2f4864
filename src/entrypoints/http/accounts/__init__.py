"""Accounts over HTTP: sign-up, sign-in, sessions, the profile, admins' user lists."""

from entrypoints.http.accounts.controller import (
    AdminUsersController,
    AuthController,
    MeController,
    PasswordController,
    SignUpController,
    StreamTicketController,
)
from entrypoints.http.routes import Routes

ROUTES = Routes(
    controllers=(MeController, AdminUsersController, StreamTicketController),
    sign_in=(AuthController, PasswordController),
    sign_up=(SignUpController,),
)
