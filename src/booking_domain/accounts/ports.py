"""What the accounts context needs from the outside world.

Adapters implement these (``adapters.memory``, ``adapters.postgres``, ``adapters.security``);
every adapter of a port passes the same contract suite in ``tests/contract/accounts``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Collection
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from booking_domain.accounts.api_keys import ApiKey, ApiKeyId
from booking_domain.accounts.devices import Session
from booking_domain.accounts.email_links import AccountEmail, EmailLink
from booking_domain.accounts.phone_codes import PhoneCode, SendingHistory
from booking_domain.accounts.sessions import RefreshToken, SessionFamilyId
from booking_domain.accounts.sign_in import SignInAttempts
from booking_domain.accounts.telegram import TelegramLink
from booking_domain.accounts.users import User
from booking_domain.shared.audit import HasAudit
from booking_domain.shared.identity import Role
from booking_domain.shared.ids import UserId
from booking_domain.shared.pages import Page, PageRequest
from booking_domain.shared.ports import UnitOfWork, UnitOfWorkFactory


@dataclass(frozen=True, slots=True)
class UserFilter:
    """Admins' list of accounts: by role; ``restricted`` (locked or suspended at ``now``, or
    neither); ``text`` found in the name or the email, ignoring case, accents and script
    (Mongolian Cyrillic is transliterated, as search does)."""

    role: Role | None = None
    restricted: bool | None = None
    text: str | None = None
    now: datetime | None = None  # when ``restricted`` is asked


class UserRepository(Protocol):
    async def add(self, user: User) -> None:
        """Store a new user. Raises ``EmailAlreadyRegisteredError`` if the email is taken,
        ``PhoneAlreadyVerifiedError`` if its verified number is another's (``update`` too)."""
        ...

    async def get(self, user_id: UserId) -> User | None: ...

    async def get_by_email(self, email: str) -> User | None:
        """Look up by normalised email (see ``users.normalize_email``)."""
        ...

    async def with_verified_phone(self, phone: str) -> User | None:
        """The one account that has proven ``phone`` (E.164) by a code, if any."""
        ...

    async def with_phone(self, phone: str, role: Role, *, limit: int) -> tuple[User, ...]:
        """Up to ``limit`` users of ``role`` whose phone is ``phone`` (E.164), oldest first:
        phone numbers are not unique, so a caller asks for two to tell one from several."""
        ...

    async def update(self, user: User) -> None:
        """Replace the stored user with this value. Raises ``UserNotFoundError`` if absent."""
        ...

    async def count(self) -> int: ...

    async def list(self, request: PageRequest, where: UserFilter | None = None) -> Page[User]:
        """Users, oldest first (ties broken by id), those ``where`` admits; the total
        counted as ``Page.counted`` says."""
        ...


class HasUsers(Protocol):
    @property
    def users(self) -> UserRepository: ...


class RefreshTokenRepository(Protocol):
    async def add(self, token: RefreshToken) -> None: ...

    async def get_by_hash_for_update(self, token_hash: str) -> RefreshToken | None:
        """Find a token and hold it until the unit of work ends, so that two concurrent
        rotations of one token are serialised (the second sees it spent)."""
        ...

    async def update(self, token: RefreshToken) -> None: ...

    async def revoke_family(self, family_id: SessionFamilyId, now: datetime) -> int:
        """Revoke every token of a family; return how many were newly revoked."""
        ...

    async def revoke_user_sessions(
        self, user_id: UserId, now: datetime, *, keep: SessionFamilyId | None = None
    ) -> int:
        """Revoke every family of a user except ``keep``; return how many tokens changed."""
        ...


class HasRefreshTokens(Protocol):
    @property
    def refresh_tokens(self) -> RefreshTokenRepository: ...


class SignInAttemptsRepository(Protocol):
    """Failed sign-ins per (email, client address) pair (``sign_in.SignInAttempts``)."""

    async def get(self, key: str) -> SignInAttempts | None: ...

    async def lock(self, key: str, now: datetime) -> SignInAttempts:
        """The pair's record, held until the unit of work ends (so concurrent failures of
        one pair are counted one after another); an empty one if the pair has none yet."""
        ...

    async def save(self, attempts: SignInAttempts) -> None: ...

    async def clear(self, key: str) -> None:
        """Forget the pair (a success); nothing happens when it has no record."""
        ...


class HasSignInAttempts(Protocol):
    @property
    def sign_in_attempts(self) -> SignInAttemptsRepository: ...


class SessionRepository(Protocol):
    """One record per session (refresh-token family): its device, addresses and last use
    (``devices.Session``). Whether a session lives is read from its refresh tokens
    (``devices.family_is_live``); ending one is revoking its family."""

    async def add(self, session: Session) -> None:
        """Store a new record; one already stored under its id is kept as it is."""
        ...

    async def get(self, session_id: SessionFamilyId) -> Session | None:
        """The record, whether or not the session still lives."""
        ...

    async def update(self, session: Session) -> None: ...

    async def live(self, user_id: UserId, now: datetime, *, limit: int) -> tuple[Session, ...]:
        """Up to ``limit`` of the user's sessions live at ``now``, the most recently used
        first (``devices.newest_use_first``)."""
        ...

    async def get_live(self, session_id: SessionFamilyId, now: datetime) -> Session | None:
        """The session if it lives at ``now``, else None."""
        ...


class HasSessions(Protocol):
    @property
    def sessions(self) -> SessionRepository: ...


class PhoneCodeRepository(Protocol):
    """Codes sent by text message (``phone_codes``) and the daily budget of them."""

    async def lock_sending(self, phone: str, address_key: str) -> None:
        """Hold the asking address, the number's range, then the number, until the unit of
        work ends, so that sends from one address, to one range or to one number are decided
        one after the other (the cooldown and the limits hold under concurrency). Always in
        that order."""
        ...

    async def history(self, phone: str, address_key: str, since: datetime) -> SendingHistory:
        """When codes were sent to ``phone``, asked from ``address_key``, and sent to
        ``phone``'s range (``phone_codes.number_range``), at or after ``since``, oldest
        first."""
        ...

    async def add(self, code: PhoneCode) -> None:
        """Store a new code and spend (at its ``created_at``) every live code of its number."""
        ...

    async def live_for_update(self, phone: str, now: datetime) -> PhoneCode | None:
        """The number's live code (unspent and unexpired at ``now``), held until the unit of
        work ends so that concurrent entries are counted one after the other."""
        ...

    async def save(self, code: PhoneCode) -> None:
        """Store the code's attempts and spending."""
        ...

    async def take_from_budget(self, day: date, limit: int) -> bool:
        """Count one code message against ``day``'s budget when fewer than ``limit`` were
        counted; False (and nothing counted) when the budget is spent. Atomic."""
        ...

    async def purge(self, before: datetime) -> int:
        """Forget codes made before ``before``; return how many."""
        ...


class EmailLinkRepository(Protocol):
    """Links sent by email (``email_links``)."""

    async def add(self, link: EmailLink) -> None:
        """Store a new link and spend (at its ``created_at``) the account's live links of
        the same purpose."""
        ...

    async def live_for_update(self, token_hash: str, now: datetime) -> EmailLink | None:
        """The live link with this digest, held until the unit of work ends (two uses of
        one link are decided one after the other: the second finds it spent)."""
        ...

    async def save(self, link: EmailLink) -> None: ...

    async def spend_all(self, user_id: UserId, now: datetime) -> int:
        """Spend every live link of the account, whatever its purpose; how many."""
        ...


class ApiKeyRepository(Protocol):
    """Integrators' API keys (``api_keys``): their digests, never their secrets."""

    async def add(self, key: ApiKey) -> None: ...

    async def get(self, key_id: ApiKeyId) -> ApiKey | None: ...

    async def by_digest(self, digest: str) -> ApiKey | None:
        """The key whose secret has this digest, live or not."""
        ...

    async def of_user(self, user_id: UserId) -> tuple[ApiKey, ...]:
        """Every key of the account, the newest first."""
        ...

    async def live_count(self, user_id: UserId, now: datetime) -> int:
        """How many of the account's keys are live at ``now``."""
        ...

    async def save(self, key: ApiKey) -> None:
        """Store a key's last use and revocation (nothing else of a key changes)."""
        ...

    async def revoke_all(self, user_id: UserId, now: datetime) -> int:
        """Revoke every live key of the account at ``now``; how many."""
        ...


class HasApiKeys(Protocol):
    @property
    def api_keys(self) -> ApiKeyRepository: ...


class HasEmailLinks(Protocol):
    @property
    def email_links(self) -> EmailLinkRepository: ...


class HasPhoneCodes(Protocol):
    @property
    def phone_codes(self) -> PhoneCodeRepository: ...


class TelegramRepository(Protocol):
    """Telegram accounts linked to ours (``telegram.TelegramLink``: one each way), and the
    login payloads spent (by hash, until they would be too old anyway)."""

    async def add(self, link: TelegramLink) -> None:
        """Link a Telegram account. Raises ``TelegramAlreadyLinkedError`` when the Telegram
        account is linked already, or the user has a Telegram account linked."""
        ...

    async def get(self, telegram_id: int) -> TelegramLink | None: ...

    async def of_user(self, user_id: UserId) -> TelegramLink | None: ...

    async def remove(self, user_id: UserId) -> bool:
        """Unlink the user's Telegram account; False when none was linked."""
        ...

    async def spend(self, payload_hash: str, expires_at: datetime) -> bool:
        """Remember the payload as spent until ``expires_at``; False (and nothing changed)
        when it was spent already. Two units of work spending one payload at once: one
        gets True, the other False once the first commits."""
        ...

    async def purge_spent(self, now: datetime) -> int:
        """Forget the spent payloads whose ``expires_at`` is before ``now`` (a payload is
        still in time at its ``expires_at``); return how many."""
        ...


class HasTelegram(Protocol):
    @property
    def telegram(self) -> TelegramRepository: ...


class AccountsUnitOfWork(
    UnitOfWork,
    HasUsers,
    HasRefreshTokens,
    HasSessions,
    HasSignInAttempts,
    HasPhoneCodes,
    HasEmailLinks,
    HasTelegram,
    HasApiKeys,
    HasAudit,
    Protocol,
):
    """What account use cases open: users, their refresh tokens and sessions, failed
    sign-ins, codes sent by text, links sent by email, linked Telegram accounts."""


AccountsUnitOfWorkFactory = UnitOfWorkFactory[AccountsUnitOfWork]


class SessionCheck(Protocol):
    """Whether a session (a refresh-token family) may still act: what every request's access
    token is checked against, so a session ends for its access tokens too, within a second
    everywhere, and at once in the process that ended it."""

    async def is_live(self, session_id: SessionFamilyId, user_id: UserId, now: datetime) -> bool:
        """True while the family has a token that is not revoked and the user is neither
        disabled nor locked at ``now``. An adapter may answer from what it learned up to a
        second ago."""
        ...

    def forget(self, user_id: UserId) -> None:
        """Drop what this process remembers of the user's sessions (one just ended here)."""
        ...

    async def live_among(
        self, sessions: Collection[tuple[SessionFamilyId, UserId]], now: datetime
    ) -> frozenset[SessionFamilyId]:
        """Which of these (session, user) pairs are live at ``now``, as ``is_live`` rules,
        asked afresh (nothing remembered) and all at once: what open event streams are
        checked against, a few times a second, whatever their number."""
        ...


class PhoneNumbers(Protocol):
    """Phone numbers as people type them, in the platform's default region."""

    def mobile(self, text: str) -> str | None:
        """The number in E.164 when ``text`` is a valid mobile number (national numbers are
        read in the default region); None otherwise."""
        ...

    def contact(self, text: str) -> str | None:
        """The number in E.164 when ``text`` is any valid phone number (a contact number:
        mobile or fixed line); None otherwise."""
        ...

    def region_of(self, number: str) -> str | None:
        """The region (ISO 3166 alpha-2) a number in E.164 belongs to; ``001`` for a
        global service's (non-geographic) number; None when it is no valid number."""
        ...


class KeyedDigest(Protocol):
    """A digest keyed by a server secret: stored in place of codes and client addresses, so
    a copy of the database reveals neither and cannot be brute-forced without the key."""

    def digest(self, *parts: str) -> str: ...


class CodeTexts(Protocol):
    """How a text message leaves for a number (the notifications' SMS channel)."""

    async def send(self, key: str, to: str, text: str, *, secret: bool) -> bool:
        """Send ``text`` to ``to`` (E.164) once per ``key``; True when it left. ``secret``:
        the text carries a code, which logs must not show outside local development."""
        ...


class AccountMail(Protocol):
    """How an email about the account leaves (the notifications' email channel)."""

    async def send(self, email: AccountEmail) -> bool:
        """Send it now; True when it left."""
        ...

    def send_soon(self, email: AccountEmail) -> None:
        """Send it in the background and return at once (signing up waits for no mail
        server)."""
        ...

    def in_background(self, work: Callable[[], Awaitable[object]]) -> None:
        """Run ``work`` (which sends mail) in the background and return at once: for
        answers that must take the same time whether or not there is anything to send.
        A failure is logged, never raised to the caller."""
        ...

    def link(self, path: str, token: str) -> str:
        """The link a person opens: ``<app URL><path>?token=<token>``."""
        ...


class PasswordHasher(Protocol):
    """Slow, salted password hashing. Async because hashing is deliberately CPU-heavy and
    must not block an event loop."""

    async def hash(self, password: str) -> str: ...

    async def verify(self, password_hash: str, password: str) -> bool:
        """True when the password matches; False (never an exception) otherwise."""
        ...

    def needs_rehash(self, password_hash: str) -> bool:
        """True when the hash was made with other parameters than the current ones."""
        ...


@dataclass(frozen=True, slots=True)
class AccessClaims:
    """What a valid access token asserts."""

    user_id: UserId
    role: Role
    session_id: SessionFamilyId
    token_id: str
    issued_at: datetime
    expires_at: datetime


@dataclass(frozen=True, slots=True)
class IssuedAccessToken:
    token: str
    expires_at: datetime


class TokenService(Protocol):
    """Access tokens (signed, short-lived) and refresh-token secrets (opaque, hashed)."""

    def issue_access_token(
        self, user_id: UserId, role: Role, session_id: SessionFamilyId, now: datetime
    ) -> IssuedAccessToken:
        """A signed token naming the user, their role and the session family it belongs to."""
        ...

    def verify_access_token(self, token: str, now: datetime) -> AccessClaims:
        """Raise ``InvalidTokenError`` for anything but a valid, unexpired token."""
        ...

    def issue_stream_ticket(self, claims: AccessClaims, now: datetime) -> IssuedAccessToken:
        """A ticket for the event stream (for browsers, whose EventSource cannot send an
        Authorization header): same user, role and session as ``claims``, valid one minute,
        refused by ``verify_access_token``."""
        ...

    def verify_stream_ticket(self, ticket: str, now: datetime) -> AccessClaims:
        """Raise ``InvalidTokenError`` for anything but a valid, unexpired stream ticket."""
        ...

    def new_refresh_secret(self) -> str:
        """A fresh random opaque refresh token, given to the client once."""
        ...

    def form_token(self, session_id: SessionFamilyId) -> str:
        """The token a browser's forms carry for the session ``session_id`` (against
        cross-site request forgery): the same for the session's whole life, different for
        every session, and impossible to make without the server's key."""
        ...

    def hash_refresh_secret(self, secret: str) -> str:
        """The stable digest under which a refresh token is stored and looked up."""
        ...
