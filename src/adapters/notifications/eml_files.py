"""The local profile's email: each message is written as an ``.eml`` file, nothing is sent.

Contract (the ``EmailSender`` port):
- the file is ``<directory>/<name of the Message-ID>.eml``, the same MIME message SMTP would
  carry; a repeat of a Message-ID replaces the same file (never a second one), and a reader
  sees the old file or the new one, never half of one (temp file + ``os.replace`` in the
  same directory);
- ``ok(reference=<path>)``, with ``mail for <to> written to <path>`` logged at INFO on
  ``inkslot.notifications`` (where a developer finds it);
- a malformed address or Message-ID fails, permanent; a file that cannot be written (disk
  full, permissions) fails, transient.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import os
import re
import tempfile
from email.headerregistry import Address
from pathlib import Path

from adapters.notifications.email_mime import InvalidMessageError, build_mime, parse_sender
from booking_domain.notifications.messages import EmailMessage, SendOutcome
from booking_domain.notifications.senders import EmailSender
from booking_domain.shared.clock import Clock

_log = logging.getLogger("inkslot.notifications")

# A Message-ID made of these is its own file name (ours are "<uuid@domain>"); any other is
# cleaned and marked with "~" and a hash of the exact id, so no two ids share a file.
_PLAIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@+-]{0,150}")
_UNSAFE = re.compile(r"[^A-Za-z0-9._@+-]")


def eml_file_name(message_id: str) -> str:
    """The file name of a Message-ID: the same id, the same name; two ids, two names."""
    bare = message_id.strip().removeprefix("<").removesuffix(">")
    if _PLAIN.fullmatch(bare):
        return f"{bare}.eml"
    digest = hashlib.sha256(message_id.encode()).hexdigest()[:16]
    cleaned = _UNSAFE.sub("_", bare)[:80].lstrip(".")
    return f"{cleaned}~{digest}.eml"


class EmlFileEmailSender(EmailSender):
    """An ``EmailSender`` that writes ``.eml`` files into ``directory`` (made when missing)."""

    def __init__(self, directory: Path, *, sender: str, clock: Clock) -> None:
        self._directory = Path(directory)
        self._sender: Address = parse_sender(sender)
        self._clock = clock

    async def send(self, message: EmailMessage) -> SendOutcome:
        try:
            mime = build_mime(message, sender=self._sender, now=self._clock.now())
        except InvalidMessageError as error:
            return SendOutcome.failed(str(error), permanent=True)
        path = self._directory / eml_file_name(message.message_id)
        try:
            # File I/O blocks: off the event loop, so a slow disk never stalls other requests.
            await asyncio.to_thread(_write_atomically, path, mime.as_bytes())
        except OSError as error:
            return SendOutcome.failed(f"cannot write {path}: {error.strerror or error}")
        _log.info("mail for %s written to %s", message.to_address, path)
        return SendOutcome.ok(reference=str(path))


def _write_atomically(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # The temp file sits in the same directory: os.replace is atomic only within one file
    # system. Its name starts with "." and ends with ".tmp", so no *.eml glob ever sees it.
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(content)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
