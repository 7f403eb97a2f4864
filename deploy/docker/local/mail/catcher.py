"""A local SMTP catcher: every message received on port 1025 is written to $MAIL_DIR as one
.eml file (written aside, then renamed into place); port 8025 answers GET /readyz (as
Mailpit does) and GET /api/v1/messages ({"total": n, "messages": [{"ID", "Subject", "To"}]}).

For local checks of the compose stack only: no authentication, no TLS, no limits.
"""

from __future__ import annotations

import email
import email.policy
import itertools
import json
import os
import signal
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from aiosmtpd.controller import Controller

MAIL_DIR = Path(os.environ.get("MAIL_DIR", "/var/mail/catcher"))
SMTP_PORT = int(os.environ.get("SMTP_PORT", "1025"))
HTTP_PORT = int(os.environ.get("HTTP_PORT", "8025"))
_numbers = itertools.count(1)


class Catcher:
    async def handle_DATA(self, server, session, envelope):
        name = f"{time.time_ns()}-{next(_numbers):06d}.eml"
        draft = MAIL_DIR / f".{name}.part"
        draft.write_bytes(envelope.original_content or envelope.content)
        draft.rename(MAIL_DIR / name)
        print(f"caught {name} for {', '.join(envelope.rcpt_tos)}", flush=True)
        return "250 Message accepted"


def messages() -> list[dict[str, object]]:
    found = []
    for path in sorted(MAIL_DIR.glob("*.eml")):
        parsed = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        found.append(
            {
                "ID": path.name,
                "Subject": str(parsed["subject"] or ""),
                "To": str(parsed["to"] or ""),
            }
        )
    return found


class Web(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/readyz":
            self._answer(200, b"ok\n", "text/plain")
        elif self.path.startswith("/api/v1/messages"):
            found = messages()
            body = json.dumps({"total": len(found), "messages": found}).encode()
            self._answer(200, body, "application/json")
        else:
            self._answer(404, b"not found\n", "text/plain")

    def _answer(self, status: int, body: bytes, kind: str) -> None:
        self.send_response(status)
        self.send_header("content-type", kind)
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_: object) -> None:
        pass


def main() -> int:
    MAIL_DIR.mkdir(parents=True, exist_ok=True)
    controller = Controller(Catcher(), hostname="0.0.0.0", port=SMTP_PORT)  # noqa: S104
    controller.start()
    web = ThreadingHTTPServer(("0.0.0.0", HTTP_PORT), Web)  # noqa: S104
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    print(f"catching mail on :{SMTP_PORT} into {MAIL_DIR}; web on :{HTTP_PORT}", flush=True)
    try:
        web.serve_forever()
    finally:
        controller.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
