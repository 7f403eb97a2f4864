"""Sessions a user can see (``devices``): list one's live sessions, end one of them."""

from __future__ import annotations

from booking_domain.accounts.devices import (
    MAX_LISTED_SESSIONS,
    SeenSession,
    seen_by,
    session_to_end,
)
from booking_domain.accounts.ports import AccessClaims
from booking_domain.accounts.sessions import SessionFamilyId
from booking_domain.accounts.use_cases.deps import AccountsDeps
from booking_domain.shared.use_case import UseCase


class ListSessions(UseCase[AccountsDeps]):
    """The caller's live sessions (at most ``MAX_LISTED_SESSIONS``), the most recently used
    first, the one asking (``claims.session_id``) marked current."""

    async def __call__(self, claims: AccessClaims) -> tuple[SeenSession, ...]:
        s = self._deps
        async with s.uow(read_only=True) as uow:
            live = await uow.sessions.live(claims.user_id, s.clock.now(), limit=MAX_LISTED_SESSIONS)
        return seen_by(live, claims.session_id)


class EndSession(UseCase[AccountsDeps]):
    """End one of the caller's live sessions: its refresh-token family is revoked (as a
    logout of it), and its access tokens stop working at once in this process and within a
    second in the others. The caller's own session may be ended (it is a logout); another
    user's, an unknown or an ended one is ``SessionNotFoundError``."""

    async def __call__(self, claims: AccessClaims, session_id: SessionFamilyId) -> None:
        s = self._deps
        async with s.uow() as uow:
            now = s.clock.now()
            session = session_to_end(await uow.sessions.get_live(session_id, now), claims.user_id)
            await uow.refresh_tokens.revoke_family(session.id, now)
            await uow.commit()
        s.sessions.forget(claims.user_id)
