"""What starting a session gives a client: an access token and a refresh token of a family,
the refresh token's hash stored, and the session's record (device, address, last use)
(``open_session``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from booking_domain.accounts.devices import Session, SessionDevice
from booking_domain.accounts.ports import AccountsUnitOfWork, IssuedAccessToken
from booking_domain.accounts.sessions import RefreshToken, SessionFamilyId, issue_refresh_token
from booking_domain.accounts.use_cases.deps import AccountsDeps
from booking_domain.accounts.users import User


@dataclass(frozen=True, slots=True)
class SessionTokens:
    """What a client receives when a session starts or is refreshed. ``refresh_token`` is
    the only copy of the secret: the server keeps just its hash."""

    access: IssuedAccessToken
    refresh_token: str
    refresh_expires_at: datetime
    family_id: SessionFamilyId


@dataclass(frozen=True, slots=True)
class SignedIn:
    user: User
    tokens: SessionTokens


async def open_session(
    deps: AccountsDeps,
    uow: AccountsUnitOfWork,
    user: User,
    now: datetime,
    family: SessionFamilyId | None = None,
    *,
    device: SessionDevice | None = None,
) -> tuple[SessionTokens, RefreshToken]:
    """Store a new refresh token (in ``family``, or a new one) and issue an access token
    bound to that family. Returns what the client gets and the stored record.

    A new family is a sign-in: its session is recorded from ``device`` (None: nothing
    known of it). An existing one is a refresh: its session's last use moves to ``now``,
    from ``device``'s address (a family from before sessions were recorded gets its record
    now)."""
    secret = deps.tokens.new_refresh_secret()
    record = issue_refresh_token(
        user.id, deps.tokens.hash_refresh_secret(secret), now, deps.policy.refresh_token_ttl, family
    )
    await uow.refresh_tokens.add(record)
    await _record_use(uow, record, now, device, is_new=family is None)
    access = deps.tokens.issue_access_token(user.id, user.role, record.family_id, now)
    return SessionTokens(access, secret, record.expires_at, record.family_id), record


async def _record_use(
    uow: AccountsUnitOfWork,
    record: RefreshToken,
    now: datetime,
    device: SessionDevice | None,
    *,
    is_new: bool,
) -> None:
    known = None if is_new else await uow.sessions.get(record.family_id)
    if known is None:
        await uow.sessions.add(Session.opened(record.family_id, record.user_id, now, device))
    else:
        await uow.sessions.update(known.used(now, device))
