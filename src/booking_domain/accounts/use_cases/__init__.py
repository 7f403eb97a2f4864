"""Account and session use cases, and their bundle (``AccountUseCases``)."""

from __future__ import annotations

from dataclasses import dataclass

from booking_domain.accounts.use_cases.api_keys import (
    AuthenticateApiKey,
    CreateApiKey,
    KeyCaller,
    ListApiKeys,
    MadeApiKey,
    RevokeApiKey,
)
from booking_domain.accounts.use_cases.deps import AccountsDeps, SessionPolicy
from booking_domain.accounts.use_cases.devices import EndSession, ListSessions
from booking_domain.accounts.use_cases.email_links import (
    ChangeEmail,
    ForgotPassword,
    LinkSent,
    RequestEmailVerification,
    RequestUnlockLink,
    ResetPassword,
    UnlockWithLink,
    VerifyEmail,
)
from booking_domain.accounts.use_cases.phone_codes import (
    ChangePhone,
    CodeSent,
    PurgePhoneCodes,
    SendPhoneCode,
    SignInWithPhoneCode,
)
from booking_domain.accounts.use_cases.profile import (
    ChangePassword,
    GetProfile,
    ProfileUpdate,
    UpdateProfile,
)
from booking_domain.accounts.use_cases.registration import (
    CreateAdmin,
    ListUsers,
    ModerateAccount,
    RegisterUser,
)
from booking_domain.accounts.use_cases.session_tokens import SessionTokens, SignedIn
from booking_domain.accounts.use_cases.sessions import (
    Authenticate,
    AuthenticateStreamTicket,
    CheckFormToken,
    EndedSessions,
    IssueFormToken,
    IssueStreamTicket,
    Login,
    Logout,
    RefreshSession,
)
from booking_domain.accounts.use_cases.telegram import (
    LinkTelegram,
    PurgeSpentTelegramLogins,
    SignInWithTelegram,
    SignInWithTelegramWebApp,
    UnlinkTelegram,
)
from booking_domain.shared.use_case import UseCaseBundle


@dataclass(frozen=True, slots=True)
class AccountUseCases(UseCaseBundle[AccountsDeps]):
    """What the composition root builds of this context; adding a use case is one field."""

    register_user: RegisterUser
    create_admin: CreateAdmin
    list_users: ListUsers
    moderate_account: ModerateAccount
    login: Login
    refresh_session: RefreshSession
    logout: Logout
    authenticate: Authenticate
    issue_stream_ticket: IssueStreamTicket
    issue_form_token: IssueFormToken
    check_form_token: CheckFormToken
    authenticate_stream_ticket: AuthenticateStreamTicket
    ended_sessions: EndedSessions
    get_profile: GetProfile
    update_profile: UpdateProfile
    change_password: ChangePassword
    send_phone_code: SendPhoneCode
    sign_in_with_phone_code: SignInWithPhoneCode
    change_phone: ChangePhone
    request_email_verification: RequestEmailVerification
    change_email: ChangeEmail
    verify_email: VerifyEmail
    forgot_password: ForgotPassword
    reset_password: ResetPassword
    request_unlock_link: RequestUnlockLink
    unlock_with_link: UnlockWithLink
    list_sessions: ListSessions
    end_session: EndSession
    sign_in_with_telegram: SignInWithTelegram
    sign_in_with_telegram_web_app: SignInWithTelegramWebApp
    link_telegram: LinkTelegram
    unlink_telegram: UnlinkTelegram
    purge_spent_telegram_logins: PurgeSpentTelegramLogins
    purge_phone_codes: PurgePhoneCodes
    create_api_key: CreateApiKey
    list_api_keys: ListApiKeys
    revoke_api_key: RevokeApiKey
    authenticate_api_key: AuthenticateApiKey


__all__ = [
    "AccountUseCases",
    "AccountsDeps",
    "Authenticate",
    "AuthenticateApiKey",
    "AuthenticateStreamTicket",
    "ChangeEmail",
    "ChangePassword",
    "ChangePhone",
    "CheckFormToken",
    "CodeSent",
    "CreateAdmin",
    "CreateApiKey",
    "EndSession",
    "EndedSessions",
    "ForgotPassword",
    "GetProfile",
    "IssueFormToken",
    "IssueStreamTicket",
    "KeyCaller",
    "LinkSent",
    "LinkTelegram",
    "ListApiKeys",
    "ListSessions",
    "ListUsers",
    "Login",
    "Logout",
    "MadeApiKey",
    "ModerateAccount",
    "ProfileUpdate",
    "PurgePhoneCodes",
    "PurgeSpentTelegramLogins",
    "RefreshSession",
    "RegisterUser",
    "RequestEmailVerification",
    "RequestUnlockLink",
    "ResetPassword",
    "RevokeApiKey",
    "SendPhoneCode",
    "SessionPolicy",
    "SessionTokens",
    "SignInWithPhoneCode",
    "SignInWithTelegram",
    "SignInWithTelegramWebApp",
    "SignedIn",
    "UnlinkTelegram",
    "UnlockWithLink",
    "UpdateProfile",
    "VerifyEmail",
]
