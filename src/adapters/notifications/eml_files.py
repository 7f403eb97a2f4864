"""The local profile's email: each message is written as an ``.eml`` file, nothing is sent.

Contract (the ``EmailSender`` port):
- the file is ``<directory>/<name of the Message-ID>.eml``, the same MIME message SMTP would
  carry; a repeat of a Message-ID replaces the same file (never a second one), and a reader
  sees the old file or the new one, never half of one (temp file + ``os.replace`` in the
  same directory);
- ``ok(reference=<path>)``, with ``mail for <to> written to <path>`` logged at INFO on
  ``inkslot.notifications`` (where a developer finds it); a repeat reaches no one (the same
  file, written over);
- a malformed address or Message-ID fails, permanent; a file that cannot be written (disk
  full, permissions) fails, transient.
"""

from __future__ import annotations

import asyncio
import hashlib
import itertools
import logging
import os
import re
from dataclasses import dataclass, field
from email.headerregistry import Address
from pathlib import Path

from adapters.notifications.email_mime import InvalidMessageError, parse_sender
from adapters.notifications.email_text import mime_bytes
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
    """An ``EmailSender`` that writes ``.eml`` files into ``directory`` (made when missing).

    File I/O blocks, so it runs off the event loop (a slow disk never stalls the other jobs):
    the files asked for in one turn of the loop (a group's emails, sent at once) are written
    in one hop to a thread, in the order asked. A hop per file cost a worker's loop more
    than the writing (the thread woken, the loop woken back: 4 % of its time in a burst)."""

    def __init__(self, directory: Path, *, sender: str, clock: Clock) -> None:
        self._directory = Path(directory)
        self._sender: Address = parse_sender(sender)
        self._clock = clock
        self._batch: _Batch | None = None  # this turn's files, until their hop starts
        self._hops: set[asyncio.Task[None]] = set()  # running hops, kept from the collector

    async def send(self, message: EmailMessage) -> SendOutcome:
        try:
            data = mime_bytes(message, sender=self._sender, now=self._clock.now())
        except InvalidMessageError as error:
            return SendOutcome.failed(str(error), permanent=True)
        path = self._directory / eml_file_name(message.message_id)
        met = await self._written(path, data)
        if met is not None:
            return SendOutcome.failed(f"cannot write {path}: {met.strerror or met}")
        _log.info("mail for %s written to %s", message.to_address, path)
        return SendOutcome.ok(reference=str(path), repeat_reaches_no_one=True)

    def _written(self, path: Path, data: bytes) -> asyncio.Future[OSError | None]:
        """The error writing ``path`` met (None: written), once its hop is done. A hop
        takes what this loop asked until it starts; a batch of another loop (one that
        ended with its hop never started) is left to that loop."""
        loop = asyncio.get_running_loop()
        batch = self._batch
        if batch is None or batch.loop is not loop or batch.started:
            batch = self._batch = _Batch(loop)
            hop = loop.create_task(self._hop(batch))  # runs after the others of this turn
            self._hops.add(hop)
            hop.add_done_callback(self._hops.discard)
        write = _Write(path, data, loop.create_future())
        batch.writes.append(write)
        return write.done

    async def _hop(self, batch: _Batch) -> None:
        batch.started = True
        if self._batch is batch:
            self._batch = None
        writes = batch.writes
        try:
            met = await asyncio.to_thread(_write_each, [(w.path, w.data) for w in writes])
        except BaseException as failure:  # cancelled with the worker: so are the sends
            for write in writes:
                if not write.done.done():
                    write.done.set_exception(failure)
            raise
        for write, error in zip(writes, met, strict=True):
            if write.done.done():  # its send was cancelled meanwhile
                continue
            if error is None or isinstance(error, OSError):
                write.done.set_result(error)
            else:  # a bug, or memory: that send's own, as an exception
                write.done.set_exception(error)


@dataclass(frozen=True, slots=True)
class _Write:
    path: Path
    data: bytes
    done: asyncio.Future[OSError | None]


@dataclass(slots=True)
class _Batch:
    """The files one loop asked for until their hop started."""

    loop: asyncio.AbstractEventLoop
    writes: list[_Write] = field(default_factory=list)
    started: bool = False


def _write_each(writes: list[tuple[Path, bytes]]) -> list[Exception | None]:
    """Each file written (in a thread), and what each met: one failing (a full disk) fails
    its own message only."""
    met: list[Exception | None] = []
    for path, data in writes:
        try:
            _write_atomically(path, data)
            met.append(None)
        except Exception as error:  # handed to its own send, whatever it is
            met.append(error)
    return met


# Temporary names unique to this process's writes (the pid tells processes apart; a name a
# killed writer left behind is skipped, O_EXCL). Cheaper than mkstemp's random names.
_writes = itertools.count()


def _write_atomically(path: Path, content: bytes) -> None:
    # The temp file sits in the same directory: os.replace is atomic only within one file
    # system. Its name starts with "." and ends with ".tmp", so no *.eml glob ever sees it.
    temp, handle = _create_temp(path)
    try:
        try:
            view = memoryview(content)
            while view:
                view = view[os.write(handle, view) :]
        finally:
            os.close(handle)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def _create_temp(path: Path) -> tuple[Path, int]:
    """A new temporary file beside ``path``, open for writing, private to its owner (as
    mkstemp makes it); the directory is made when it is missing (the first write, or a
    developer emptied the outbox)."""
    while True:
        temp = path.with_name(f".{path.name}.{os.getpid()}.{next(_writes)}.tmp")
        try:
            return temp, os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileNotFoundError:
            path.parent.mkdir(parents=True, exist_ok=True)
        except FileExistsError:
            continue
