"""The routes the app serves of accounts (``ROUTES``), in the order the API lists them."""

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
