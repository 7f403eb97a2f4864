"""The accounts context over HTTP: ``/api/v1/auth`` and ``/api/v1/me/password`` (both
rate-limited per client address; sign-up more strictly), ``/api/v1/me``,
``/api/v1/me/sessions`` and ``/api/v1/admin/users``."""

from __future__ import annotations

from typing import Annotated, Literal
from uuid import UUID

from litestar import delete, get, patch, post
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody, QueryParameter
from litestar.status_codes import HTTP_200_OK, HTTP_204_NO_CONTENT

from booking_domain.accounts import (
    AccountDisabledError,
    AccountLockedError,
    Actor,
    EmailAlreadyRegisteredError,
    InvalidCredentialsError,
    InvalidTokenError,
    Moderation,
    RefreshTokenReusedError,
    SessionFamilyId,
    UserNotFoundError,
)
from booking_domain.accounts.errors import EmailNotVerifiedError, SessionNotFoundError
from booking_domain.accounts.phone_codes import (
    CodeCooldownError,
    SmsBudgetExhaustedError,
    TooManyCodesError,
)
from booking_domain.accounts.use_cases import AccountUseCases
from booking_domain.accounts.use_cases.phone_codes import CodeNotSentError
from booking_domain.shared import (
    MAX_PAGE,
    MAX_PAGE_SIZE,
    InvalidInputError,
    InvalidTransitionError,
    NaiveDatetimeError,
    PageRequest,
    PermissionDeniedError,
    Role,
    TimeOutOfRangeError,
)
from booking_domain.shared.ids import UserId
from entrypoints.http.accounts.dto import (
    AdminUserView,
    ChangePasswordRequest,
    DeviceSessionList,
    LockRequest,
    LoginRequest,
    RefreshRequest,
    RegisterRequest,
    SessionView,
    TicketView,
    UpdateMeRequest,
    UserPage,
    UserView,
)
from entrypoints.http.auth import client_address
from entrypoints.http.caller import AnyRequest, Caller, Claims
from entrypoints.http.controllers import AdminOnly, Public, SignedIn
from entrypoints.http.locale import negotiate_locale
from entrypoints.http.problem_docs import raises_exactly
from entrypoints.http.wire import given

AccountsDep = NamedDependency[AccountUseCases]

# Signing up (RegisterUser): the fields refused, the address taken (the check or the
# storage's constraint).
REGISTER_RAISES = raises_exactly(InvalidInputError, EmailAlreadyRegisteredError)
# Signing in (Login): the pair or the account locked, a wrong email or password, a
# suspended account. Refreshing (RefreshSession): a token unknown, spent or of an ended
# session, or a spent one presented again (its family revoked). Logging out: nothing.
LOGIN_RAISES = raises_exactly(AccountLockedError, InvalidCredentialsError, AccountDisabledError)
REFRESH_RAISES = raises_exactly(InvalidTokenError, RefreshTokenReusedError)
LOGOUT_RAISES = raises_exactly()
# Reading oneself (GetProfile): the account gone or suspended. Changing oneself
# (UpdateProfile): the fields, phone or email refused, the account gone, the new email
# another's; a verified number moving first needs a verified email and sends its code
# within the limits (cooldown, hourly, the daily budget) or fails to send it.
PROFILE_RAISES = raises_exactly(UserNotFoundError)
UPDATE_RAISES = raises_exactly(
    InvalidInputError, UserNotFoundError, EmailAlreadyRegisteredError, EmailNotVerifiedError,
    CodeCooldownError, TooManyCodesError, SmsBudgetExhaustedError, CodeNotSentError,
)  # fmt: skip
# Changing the password (ChangePassword): the account gone, the pair locked by failed
# sign-ins, a wrong current password or a weak new one (422 field errors).
PASSWORD_RAISES = raises_exactly(UserNotFoundError, AccountLockedError, InvalidInputError)
# One's sessions: listing raises nothing; ending one, another's or an ended one is 404. A
# stream ticket is issued for the caller's own session: nothing.
SESSIONS_RAISES = raises_exactly()
END_SESSION_RAISES = raises_exactly(SessionNotFoundError)
TICKET_RAISES = raises_exactly()
# Admins: listing refuses a non-admin (the guard's twin) and a query's text; moderating
# (ModerateAccount) refuses a non-admin or one's own account, an account gone, a state
# that takes no such change; a lock's ``until`` is refused by the kernel or the rule.
LIST_USERS_RAISES = raises_exactly(PermissionDeniedError, InvalidInputError)
LOCK_RAISES = raises_exactly(
    PermissionDeniedError, UserNotFoundError, InvalidTransitionError,
    InvalidInputError, NaiveDatetimeError, TimeOutOfRangeError,
)  # fmt: skip
MODERATE_RAISES = raises_exactly(PermissionDeniedError, UserNotFoundError, InvalidTransitionError)


def user_agent(request: AnyRequest) -> str | None:
    """The client's User-Agent header, as sent (the session's record cleans and bounds it)."""
    return request.headers.get("user-agent")


class SignUpController(Public, context="accounts"):
    path = "/auth"
    tags = ["auth"]

    @post(
        "/register", summary="Create a customer or artist account and sign in", opt=REGISTER_RAISES
    )
    async def register(
        self, request: AnyRequest, data: JSONBody[RegisterRequest], accounts: AccountsDep
    ) -> SessionView:
        locale = given(data.locale) or negotiate_locale(request.headers.get("accept-language"))
        return SessionView.of(
            await accounts.register_user(
                email=data.email,
                password=data.password,
                name=data.name,
                role=Role(data.role),
                locale=locale,
                user_agent=user_agent(request),
                address=client_address(request),
            )
        )


class AuthController(Public, context="accounts"):
    path = "/auth"
    tags = ["auth"]

    @post(
        "/login",
        status_code=HTTP_200_OK,
        summary="Sign in with email and password",
        opt=LOGIN_RAISES,
    )
    async def login(
        self, data: JSONBody[LoginRequest], request: AnyRequest, accounts: AccountsDep
    ) -> SessionView:
        return SessionView.of(
            await accounts.login(
                email=data.email,
                password=data.password,
                address=client_address(request),
                user_agent=user_agent(request),
            )
        )

    @post(
        "/refresh",
        status_code=HTTP_200_OK,
        summary="Trade a refresh token for a new pair",
        opt=REFRESH_RAISES,
    )
    async def refresh(
        self, data: JSONBody[RefreshRequest], request: AnyRequest, accounts: AccountsDep
    ) -> SessionView:
        return SessionView.of(
            await accounts.refresh_session(
                refresh_token=data.refresh_token,
                address=client_address(request),
                user_agent=user_agent(request),
            )
        )

    @post(
        "/logout",
        status_code=HTTP_204_NO_CONTENT,
        summary="End the refresh token's session",
        opt=LOGOUT_RAISES,
    )
    async def logout(self, data: JSONBody[RefreshRequest], accounts: AccountsDep) -> None:
        await accounts.logout(refresh_token=data.refresh_token)


class MeController(SignedIn, context="accounts"):
    path = "/me"
    tags = ["account"]

    @get(summary="The signed-in user", opt=PROFILE_RAISES)
    async def read(self, actor: Caller, accounts: AccountsDep) -> UserView:
        return UserView.of(await accounts.get_profile(actor))

    @patch(
        summary="Change name, language, phone or email",
        description="A new email waits for its link; a new verified number for its code.",
        opt=UPDATE_RAISES,
    )
    async def update(
        self,
        request: AnyRequest,
        data: JSONBody[UpdateMeRequest],
        actor: Caller,
        accounts: AccountsDep,
    ) -> UserView:
        return UserView.edited(
            await accounts.update_profile(
                actor,
                name=given(data.name),
                phone=data.phone_change(),
                locale=given(data.locale),
                email=given(data.email),
                address=client_address(request),
            )
        )


class PasswordController(SignedIn, context="accounts"):
    path = "/me/password"
    tags = ["account"]

    @post(status_code=HTTP_204_NO_CONTENT, summary="Change password", opt=PASSWORD_RAISES)
    async def change_password(
        self,
        data: JSONBody[ChangePasswordRequest],
        request: AnyRequest,
        actor: Caller,
        claims: Claims,
        accounts: AccountsDep,
    ) -> None:
        """Needs the current password (a wrong one counts as a failed sign-in); signs out
        every other session."""
        await accounts.change_password(
            actor,
            current_password=data.current_password,
            new_password=data.new_password,
            address=client_address(request),
            keep_family=claims.session_id,
        )


class SessionsController(SignedIn, context="accounts"):
    path = "/me/sessions"
    tags = ["account"]

    @get(summary="Your signed-in sessions: device, address, last use", opt=SESSIONS_RAISES)
    async def list_sessions(self, claims: Claims, accounts: AccountsDep) -> DeviceSessionList:
        """Live sessions only (signed out, replaced or expired ones are gone), the most
        recently used first, at most 100; ``current`` marks the one asking."""
        return DeviceSessionList.of(await accounts.list_sessions(claims))

    @delete(
        "/{session_id:uuid}",
        status_code=HTTP_204_NO_CONTENT,
        summary="End one of your sessions (sign that device out)",
        opt=END_SESSION_RAISES,
    )
    async def end_session(
        self, session_id: FromPath[UUID], claims: Claims, accounts: AccountsDep
    ) -> None:
        """Its refresh token stops working and its access tokens are refused within a
        second. Ending your own current session signs you out. Another user's session, an
        unknown or an ended one: 404 ``session_not_found``."""
        await accounts.end_session(claims, SessionFamilyId(session_id))


class StreamTicketController(SignedIn, context="accounts"):
    path = "/events/tickets"
    tags = ["events"]

    @post(summary="A one-minute ticket to open the event stream from a browser", opt=TICKET_RAISES)
    async def issue(self, claims: Claims, accounts: AccountsDep) -> TicketView:
        """For ``new EventSource('/api/v1/events/stream?ticket=...')``: EventSource cannot
        send an Authorization header. The ticket opens the stream only, ends with your
        session, and expires after a minute (an open stream stays open)."""
        return TicketView.of(await accounts.issue_stream_ticket(claims))


class AdminUsersController(AdminOnly, context="accounts"):
    path = "/admin/users"
    tags = ["admin"]

    @get(
        summary="List accounts: by role, restricted or not, text in name or email (admins)",
        opt=LIST_USERS_RAISES,
    )
    async def list_users(
        self,
        actor: Caller,
        accounts: AccountsDep,
        page: Annotated[int, QueryParameter(ge=1, le=MAX_PAGE)] = 1,
        page_size: Annotated[int, QueryParameter(name="pageSize", ge=1, le=MAX_PAGE_SIZE)] = 20,
        role: Annotated[Literal["customer", "artist", "admin"] | None, QueryParameter()] = None,
        restricted: Annotated[
            bool | None, QueryParameter(description="Locked or suspended now (true) or not")
        ] = None,
        q: Annotated[str | None, QueryParameter(max_length=200)] = None,
    ) -> UserPage:
        found = await accounts.list_users(
            actor,
            PageRequest(page, page_size),
            role=Role(role) if role else None,
            restricted=restricted,
            text=q,
        )
        return UserPage.of(found, AdminUserView.of)

    @post(
        "/{user_id:uuid}/lock",
        status_code=HTTP_200_OK,
        summary="Lock an account until a moment; its sessions end (admins)",
        opt=LOCK_RAISES,
    )
    async def lock(
        self,
        user_id: FromPath[UUID],
        data: JSONBody[LockRequest],
        actor: Caller,
        accounts: AccountsDep,
    ) -> AdminUserView:
        done = await accounts.moderate_account(
            actor, UserId(user_id), Moderation.LOCK, until=data.until
        )
        return AdminUserView.of(done)

    @post(
        "/{user_id:uuid}/unlock",
        status_code=HTTP_200_OK,
        summary="Lift a lock (admins)",
        opt=MODERATE_RAISES,
    )
    async def unlock(
        self, user_id: FromPath[UUID], actor: Caller, accounts: AccountsDep
    ) -> AdminUserView:
        return await _moderate(accounts, actor, user_id, Moderation.UNLOCK)

    @post(
        "/{user_id:uuid}/suspend",
        status_code=HTTP_200_OK,
        summary="Suspend an account until reinstated; its sessions end (admins)",
        opt=MODERATE_RAISES,
    )
    async def suspend(
        self, user_id: FromPath[UUID], actor: Caller, accounts: AccountsDep
    ) -> AdminUserView:
        return await _moderate(accounts, actor, user_id, Moderation.SUSPEND)

    @post(
        "/{user_id:uuid}/reinstate",
        status_code=HTTP_200_OK,
        summary="Lift a suspension (admins)",
        opt=MODERATE_RAISES,
    )
    async def reinstate(
        self, user_id: FromPath[UUID], actor: Caller, accounts: AccountsDep
    ) -> AdminUserView:
        return await _moderate(accounts, actor, user_id, Moderation.REINSTATE)


async def _moderate(
    accounts: AccountUseCases, actor: Actor, user_id: UUID, action: Moderation
) -> AdminUserView:
    return AdminUserView.of(await accounts.moderate_account(actor, UserId(user_id), action))
