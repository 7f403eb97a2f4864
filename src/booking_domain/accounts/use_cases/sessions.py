"""Sessions: sign in, refresh (with reuse detection), sign out, and who a token speaks for."""

from __future__ import annotations

import hmac
from collections.abc import Collection

from booking_domain.accounts.devices import SessionDevice
from booking_domain.accounts.emails import normalize_email
from booking_domain.accounts.errors import (
    AccountDisabledError,
    InvalidCredentialsError,
    InvalidTokenError,
    RefreshTokenReusedError,
)
from booking_domain.accounts.guessing import count_a_failure, refuse_a_locked_pair
from booking_domain.accounts.ports import AccessClaims, IssuedAccessToken
from booking_domain.accounts.sessions import SessionFamilyId
from booking_domain.accounts.sign_in import sign_in_key
from booking_domain.accounts.use_cases.deps import AccountsDeps
from booking_domain.accounts.use_cases.session_tokens import SignedIn, open_session
from booking_domain.shared.ids import UserId
from booking_domain.shared.text import is_clean_text
from booking_domain.shared.use_case import UseCase


class Login(UseCase[AccountsDeps]):
    """Sign in with email and password, from a client ``address``.

    Unknown emails and wrong passwords fail alike, in the same time (an unknown email costs
    one hash verification and one recorded failure too), and a locked (email, address) pair
    is refused before any password is checked, whether or not the email has an account
    (``sign_in`` has the rules). A success clears the pair's failures and upgrades the stored
    hash when the hashing parameters have changed.
    """

    def __init__(self, deps: AccountsDeps) -> None:
        super().__init__(deps)
        self._dummy_hash: str | None = None

    async def _dummy(self) -> str:
        """A hash to verify for unknown emails, made once with the current parameters."""
        if self._dummy_hash is None:
            self._dummy_hash = await self._deps.hasher.hash("inkslot-dummy-password")
        return self._dummy_hash

    async def __call__(
        self, *, email: str, password: str, address: str, user_agent: str | None = None
    ) -> SignedIn:
        s = self._deps
        email = normalize_email(email)
        key = sign_in_key(email, address)
        attempts = await refuse_a_locked_pair(s, key)
        user = None
        if is_clean_text(email):  # no account has any other kind of email
            async with s.uow(read_only=True) as uow:
                user = await uow.users.get_by_email(email)
        # An account without a password (made by phone code) fails like an unknown email.
        has_password = user is not None and user.password_hash is not None
        stored = user.password_hash if user is not None and user.password_hash else None
        stored = stored or await self._dummy()
        matches = await s.hasher.verify(stored, password) and has_password
        if user is None or not matches:
            await count_a_failure(s, key)
            raise InvalidCredentialsError()
        new_hash = await s.hasher.hash(password) if s.hasher.needs_rehash(stored) else None
        async with s.uow() as uow:
            current = await uow.users.get(user.id)
            if current is None:
                raise InvalidCredentialsError()
            now = s.clock.now()
            current.ensure_not_locked(now)  # an operator's lock of the account
            if current.disabled:
                raise AccountDisabledError()
            if attempts is not None:
                await uow.sign_in_attempts.clear(key)
            updated = current if new_hash is None else current.with_password_hash(new_hash, now)
            if updated is not current:
                await uow.users.update(updated)
            device = SessionDevice(user_agent, address)
            tokens, _ = await open_session(s, uow, updated, now, device=device)
            await uow.commit()
        return SignedIn(updated, tokens)


class RefreshSession(UseCase[AccountsDeps]):
    """Trade a refresh token for a new pair. The old one is spent; a spent one presented again
    revokes its whole family (someone copied it). The session's last use moves to now, from
    ``address`` (and ``user_agent``) when given."""

    async def __call__(
        self, *, refresh_token: str, address: str | None = None, user_agent: str | None = None
    ) -> SignedIn:
        s = self._deps
        token_hash = s.tokens.hash_refresh_secret(refresh_token)
        async with s.uow() as uow:
            now = s.clock.now()
            record = await uow.refresh_tokens.get_by_hash_for_update(token_hash)
            if record is None:
                raise InvalidTokenError()
            if record.is_spent and record.revoked_at is None:
                await uow.refresh_tokens.revoke_family(record.family_id, now)
                await uow.commit()
                s.sessions.forget(record.user_id)
                raise RefreshTokenReusedError()
            if not record.is_usable(now):
                raise InvalidTokenError()
            user = await uow.users.get(record.user_id)
            if user is None or user.disabled:
                raise InvalidTokenError()
            device = SessionDevice(user_agent, address)
            tokens, successor = await open_session(
                s, uow, user, now, record.family_id, device=device
            )
            await uow.refresh_tokens.update(record.spent(now, successor.id))
            await uow.commit()
        return SignedIn(user, tokens)


class Logout(UseCase[AccountsDeps]):
    """End the session the refresh token belongs to. Unknown tokens are ignored: logging out
    twice, or with a stale token, is not an error."""

    async def __call__(self, *, refresh_token: str) -> None:
        s = self._deps
        async with s.uow() as uow:
            record = await uow.refresh_tokens.get_by_hash_for_update(
                s.tokens.hash_refresh_secret(refresh_token)
            )
            if record is None:
                return
            await uow.refresh_tokens.revoke_family(record.family_id, s.clock.now())
            await uow.commit()
        s.sessions.forget(record.user_id)


class Authenticate(UseCase[AccountsDeps]):
    """Who an access token speaks for now: its claims, or ``InvalidTokenError`` for a
    missing, malformed, tampered or expired token, and for one whose session has ended
    (logout, a reused refresh token, a password change elsewhere, a locked or disabled
    account). Guards call this on every request."""

    async def __call__(self, token: str) -> AccessClaims:
        now = self._deps.clock.now()
        claims = self._deps.tokens.verify_access_token(token, now)
        if not await self._deps.sessions.is_live(claims.session_id, claims.user_id, now):
            raise InvalidTokenError("This session has ended; please sign in again.")
        return claims


class IssueStreamTicket(UseCase[AccountsDeps]):
    """A one-minute ticket to open the event stream from a browser (``?ticket=``), for the
    caller's own session: it ends with the session like the caller's access tokens."""

    async def __call__(self, claims: AccessClaims) -> IssuedAccessToken:
        return self._deps.tokens.issue_stream_ticket(claims, self._deps.clock.now())


class EndedSessions(UseCase[AccountsDeps]):
    """Which of these (session, user) pairs have ended now (logout, a reused refresh token,
    a password change elsewhere, a lock, a suspension, an account gone), asked of the store
    afresh, all in one question: how open event streams learn that their session ended,
    whichever process ended it."""

    async def __call__(
        self, sessions: Collection[tuple[SessionFamilyId, UserId]]
    ) -> frozenset[SessionFamilyId]:
        if not sessions:
            return frozenset()
        live = await self._deps.sessions.live_among(sessions, self._deps.clock.now())
        return frozenset(s for s, _ in sessions if s not in live)


class AuthenticateStreamTicket(UseCase[AccountsDeps]):
    """Who a stream ticket speaks for: as ``Authenticate``, for tickets only."""

    async def __call__(self, ticket: str) -> AccessClaims:
        now = self._deps.clock.now()
        claims = self._deps.tokens.verify_stream_ticket(ticket, now)
        if not await self._deps.sessions.is_live(claims.session_id, claims.user_id, now):
            raise InvalidTokenError("This session has ended; please sign in again.")
        return claims


class IssueFormToken(UseCase[AccountsDeps]):
    """The token every form of a signed-in browser page carries (the console's), against
    cross-site request forgery: bound to the caller's session (it ends with it) and made
    with the server's key, so another site can neither read nor make it."""

    def __call__(self, claims: AccessClaims) -> str:
        return self._deps.tokens.form_token(claims.session_id)


class CheckFormToken(UseCase[AccountsDeps]):
    """Whether ``token`` is the form token of the caller's session (compared in constant
    time: how much of it matched never shows in the answer's time)."""

    def __call__(self, claims: AccessClaims, token: str) -> bool:
        expected = self._deps.tokens.form_token(claims.session_id)
        return hmac.compare_digest(expected.encode(), token.encode("utf-8", "surrogatepass"))
