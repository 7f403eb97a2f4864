"""Emails about the account itself (links to verify an address or reset a password),
through the notifications' email channel (``AccountMail``).

``send_soon`` sends in a task of its own and returns at once: the forgotten-password answer
must take the same time whether or not the address has an account. A task still running at
shutdown is awaited by ``aclose`` (a person asks again if one is lost to a crash).
"""

from __future__ import annotations

import asyncio
import html
import logging
from collections.abc import Awaitable, Callable
from urllib.parse import quote

from booking_domain.accounts.email_links import AccountEmail
from booking_domain.accounts.ports import AccountMail
from booking_domain.notifications.messages import EmailMessage
from booking_domain.notifications.senders import EmailSender

_log = logging.getLogger("inkslot.notifications")
MAX_PENDING = 1_000  # background sends at once; beyond, more are dropped (and logged)


class ChannelAccountMail(AccountMail):
    def __init__(self, email: EmailSender, *, app_url: str, mail_domain: str) -> None:
        self._email = email
        self._app_url = app_url.rstrip("/")
        self._domain = mail_domain
        self._pending: set[asyncio.Task[None]] = set()

    def link(self, path: str, token: str) -> str:
        return f"{self._app_url}{path}?token={quote(token, safe='')}"

    async def send(self, email: AccountEmail) -> bool:
        outcome = await self._email.send(self._message(email))
        if not outcome.sent:
            _log.warning("an account email was not sent: %s", outcome.error)
        return outcome.sent

    def send_soon(self, email: AccountEmail) -> None:
        self.in_background(lambda: self.send(email))

    def in_background(self, work: Callable[[], Awaitable[object]]) -> None:
        if len(self._pending) >= MAX_PENDING:  # a flood: refuse more work than mail can take
            _log.warning("account mail: %d sends pending, one dropped", len(self._pending))
            return
        task = asyncio.get_running_loop().create_task(_logged(work))
        self._pending.add(task)
        task.add_done_callback(self._pending.discard)

    async def aclose(self) -> None:
        if self._pending:
            await asyncio.gather(*self._pending, return_exceptions=True)

    def _message(self, email: AccountEmail) -> EmailMessage:
        paragraphs = "".join(
            f"<p>{_linked(html.escape(part), email.link)}</p>" for part in email.text.split("\n\n")
        )
        page = (
            f'<!DOCTYPE html><html lang="{email.locale}"><head><meta charset="utf-8">'
            f"<title>{html.escape(email.subject)}</title></head><body>{paragraphs}</body></html>"
        )
        return EmailMessage(
            message_id=f"<{email.key}@{self._domain}>",
            to_address=email.to,
            to_name=email.name,
            subject=email.subject,
            text=email.text,
            html=page,
            locale=email.locale,
        )


async def _logged(work: Callable[[], Awaitable[object]]) -> None:
    try:
        await work()
    except Exception:  # a background send has no caller to tell
        _log.exception("an account email failed in the background")


def _linked(escaped: str, link: str | None) -> str:
    """The paragraph, its link (when it is the link alone) made clickable."""
    if link is not None and escaped == html.escape(link):
        return f'<a href="{escaped}">{escaped}</a>'
    return escaped.replace("\n", "<br>")
