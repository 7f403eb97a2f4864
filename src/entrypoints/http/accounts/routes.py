"""The routes the app serves of accounts (``ROUTES``), in the order the API lists them."""

from entrypoints.http.accounts.api_keys import ApiKeysController
from entrypoints.http.accounts.controller import (
    AdminUsersController,
    AuthController,
    MeController,
    PasswordController,
    SessionsController,
    SignUpController,
    StreamTicketController,
)
from entrypoints.http.accounts.email_links import EmailLinkController, MyEmailController
from entrypoints.http.accounts.phone import MyPhoneController, PhoneCodeController
from entrypoints.http.accounts.telegram import MyTelegramController, TelegramSignInController
from entrypoints.http.routes import Routes

ROUTES = Routes(
    controllers=(
        MeController,
        SessionsController,
        ApiKeysController,
        AdminUsersController,
        StreamTicketController,
    ),
    sign_in=(
        AuthController,
        PasswordController,
        PhoneCodeController,
        MyPhoneController,
        EmailLinkController,
        MyEmailController,
        TelegramSignInController,
        MyTelegramController,
    ),
    sign_up=(SignUpController,),
)
