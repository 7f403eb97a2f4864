"""The local mail channel's `.eml` files, as a `make run` user reads them in var/mail:
the newest mail to an address, the token of its link, and an address verified by it."""

from __future__ import annotations

import email
import re
from email.message import Message
from pathlib import Path

import anyio

from tests.api.conftest import Api

_TOKEN = re.compile(r"\?token=([A-Za-z0-9_\-%]+)")


def _mails(mail_dir: Path) -> list[Message]:
    return [
        email.message_from_bytes(p.read_bytes())
        for p in sorted(mail_dir.glob("*.eml"), key=lambda p: p.stat().st_mtime_ns)
    ]


async def mail_to(tmp_path: Path, address: str, subject: str, *, count: int = 1) -> Message:
    """The newest mail to ``address`` with ``subject``, once ``count`` of them are written
    (some leave in the background: the answer never waits for them)."""
    mail_dir = tmp_path / "var" / "mail"
    with anyio.fail_after(10):
        while True:
            found = [m for m in _mails(mail_dir) if address in m["To"] and m["Subject"] == subject]
            if len(found) >= count:
                return found[-1]
            await anyio.sleep(0.02)


def token_in(message: Message) -> str:
    part = next(p for p in message.walk() if p.get_content_type() == "text/plain")
    payload = part.get_payload(decode=True)
    assert isinstance(payload, bytes)
    match = _TOKEN.search(payload.decode())
    assert match, "no link in the mail"
    return match.group(1)


async def verified(api: Api, tmp_path: Path, address: str) -> None:
    """Open the sign-up's verification link of ``address``."""
    link = await mail_to(tmp_path, address, "Confirm your email address")
    response = await api.client.post("/api/v1/auth/email/verify", json={"token": token_in(link)})
    assert response.status_code == 200, response.text
