"""Account and session use cases, and their bundle (``AccountUseCases``)."""

from __future__ import annotations

from dataclasses import dataclass

from booking_domain.accounts.use_cases.deps import AccountsDeps, SessionPolicy
from booking_domain.accounts.use_cases.profile import ChangePassword, GetProfile, UpdateProfile
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
    EndedSessions,
    IssueStreamTicket,
    Login,
    Logout,
    RefreshSession,
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
    authenticate_stream_ticket: AuthenticateStreamTicket
    ended_sessions: EndedSessions
    get_profile: GetProfile
    update_profile: UpdateProfile
    change_password: ChangePassword


__all__ = [
    "AccountUseCases",
    "AccountsDeps",
    "Authenticate",
    "AuthenticateStreamTicket",
    "ChangePassword",
    "CreateAdmin",
    "EndedSessions",
    "GetProfile",
    "IssueStreamTicket",
    "ListUsers",
    "Login",
    "Logout",
    "ModerateAccount",
    "RefreshSession",
    "RegisterUser",
    "SessionPolicy",
    "SessionTokens",
    "SignedIn",
    "UpdateProfile",
]
