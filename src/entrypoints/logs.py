"""Logging set-up: one JSON object per line on stderr."""

from __future__ import annotations

import logging
import sys
import time
from datetime import UTC, datetime
from typing import Any

import msgspec

_encode = msgspec.json.Encoder(enc_hook=str).encode
_LOADED_AT = time.time()


class FieldsRecord(logging.LogRecord):
    """A record of ``fields`` only (no message to format, no caller to look up), made for the
    one line every request writes: ``logging.LogRecord.__init__`` costs several times more."""

    def __init__(self, name: str, level: int, fields: dict[str, Any]) -> None:
        # Every attribute handlers and formatters read, and nothing else.
        self.name, self.msg, self.args = name, fields.get("event", ""), ()
        self.levelno, self.levelname = level, logging.getLevelName(level)
        self.pathname, self.filename, self.module = __file__, "logs.py", "logs"
        self.lineno, self.funcName = 0, "request"
        self.exc_info, self.exc_text, self.stack_info = None, None, None
        self.created = time.time()
        self.msecs = (self.created - int(self.created)) * 1000
        self.relativeCreated = (self.created - _LOADED_AT) * 1000
        self.thread = self.threadName = self.process = self.processName = None
        self.taskName = None
        self.fields = fields


class JsonFormatter(logging.Formatter):
    def __init__(self) -> None:
        super().__init__()
        self._second = -1
        self._second_text = ""

    def _time(self, created: float) -> str:
        """ISO 8601 in UTC to the millisecond; the part up to the second is made once a
        second (this runs for every request)."""
        second = int(created)
        if second != self._second:
            self._second = second
            self._second_text = datetime.fromtimestamp(second, UTC).strftime("%Y-%m-%dT%H:%M:%S")
        return f"{self._second_text}.{int((created - second) * 1000):03d}+00:00"

    def format(self, record: logging.LogRecord) -> str:
        fields = getattr(record, "fields", None)
        payload = fields if isinstance(fields, dict) else {"message": record.getMessage()}
        entry = {
            "time": self._time(record.created),
            "level": record.levelname.lower(),
            "logger": record.name,
            **payload,
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return _encode(entry).decode()


def configure_logging(level: str = "INFO") -> None:
    # The JSON lines carry none of these record fields, and the access log writes one
    # record per request: skip collecting them (the logging docs' "Optimization" list).
    logging._srcfile = None  # no caller frame lookup
    logging.logThreads = False
    logging.logProcesses = False
    logging.logMultiprocessing = False
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # Third-party loggers that would otherwise repeat what our access log says, and the job
    # queue's three lines per job (failures and retries still come through as warnings).
    # httpx logs every request's full URL at INFO, and some URLs carry secrets (a payment
    # callback's token, signed storage URLs): never below WARNING.
    for noisy in (
        "uvicorn.access",
        "sqlalchemy.engine",
        "alembic",
        "procrastinate",
        "httpx",
        "httpcore",
    ):
        logging.getLogger(noisy).setLevel(logging.WARNING)
