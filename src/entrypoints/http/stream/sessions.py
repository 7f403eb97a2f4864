"""Streams end with their session: the open streams of this process are checked together,
``EVERY`` seconds, against the store (``accounts.ended_sessions``: one query for all of
them), and a stream whose session ended (logout, a reused refresh token, a password change
elsewhere, a lock, a suspension, an account gone) is told through its own inbox and closes.

Why a check and not a signal: the session may end in any process, and without Redis the
only thing the processes share is the database; an outbox event would go to webhooks and to
admins' streams. The check costs one small query per process per ``EVERY`` while any stream
is open, none otherwise, and nothing per event.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Collection, Iterator
from contextlib import contextmanager

from booking_domain.accounts import AccessClaims, SessionFamilyId
from booking_domain.shared import UserId
from entrypoints.http.lifespan import LifespanTask

_log = logging.getLogger("inkslot.events")
EVERY = 0.5  # a stream ends within this (and a query) of its session's end
SESSION_ENDED = b""  # put in a stream's inbox when its session ends (events are never empty)

Inbox = asyncio.Queue[bytes]
Watched = tuple[SessionFamilyId, UserId]
# ``accounts.ended_sessions``: which of these sessions have ended, asked of the store afresh.
EndedSessions = Callable[[Collection[Watched]], Awaitable[frozenset[SessionFamilyId]]]


class SessionWatch(LifespanTask):
    """The sessions of this process's open streams, and the loop that checks them."""

    name = "inkslot-session-watch"

    def __init__(self, ended_sessions: EndedSessions, every: float = EVERY) -> None:
        super().__init__()
        self._ended_sessions = ended_sessions
        self._every = every
        self._inboxes: dict[Watched, set[Inbox]] = {}

    @contextmanager
    def watching(self, claims: AccessClaims, inbox: Inbox) -> Iterator[None]:
        """While the block runs, ``SESSION_ENDED`` goes into ``inbox`` when the session of
        ``claims`` ends."""
        key = (claims.session_id, claims.user_id)
        self._inboxes.setdefault(key, set()).add(inbox)
        try:
            yield
        finally:
            inboxes = self._inboxes.get(key)
            if inboxes is not None:
                inboxes.discard(inbox)
                if not inboxes:
                    del self._inboxes[key]

    async def check(self) -> None:
        """Tell the streams of every watched session that has ended."""
        watched = list(self._inboxes)
        if not watched:
            return
        ended = await self._ended_sessions(watched)
        for key in watched:
            if key[0] in ended:
                for inbox in self._inboxes.pop(key, ()):
                    inbox.put_nowait(SESSION_ENDED)

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(self._every)
            try:
                await self.check()
            except Exception:  # the store is away: streams stay open, checked again soon
                _log.exception("checking the sessions of open streams failed")
