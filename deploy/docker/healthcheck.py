"""The image's HEALTHCHECK: one script for every role the image runs (standard library only).

It finds the ``inkslot`` process of the container (PID 1, or the child of an init such as
``docker run --init``) and checks what that role serves:

- ``serve``: ``GET /health/ready`` (a database round trip) on the port it listens on;
- ``payment-edge``: ``GET /health``;
- ``worker`` and the one-shot commands: the process is there (the worker's own liveness).

Exit 0 when healthy, 1 otherwise (Docker's convention).
"""

from __future__ import annotations

import os
import sys
import urllib.request
from pathlib import Path

DEFAULT_PORTS = {"serve": 8000, "payment-edge": 8100}
PATHS = {"serve": "/health/ready", "payment-edge": "/health"}
TIMEOUT_SECONDS = 3.0


def inkslot_argv() -> list[str] | None:
    """The arguments after ``inkslot`` of the oldest process that runs it, or None."""
    pids = sorted(int(entry) for entry in os.listdir("/proc") if entry.isdigit())
    for pid in pids:
        try:
            raw = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        argv = [part.decode(errors="replace") for part in raw.split(b"\0") if part]
        for index, part in enumerate(argv[:2]):
            if os.path.basename(part) == "inkslot":
                return argv[index + 1 :]
    return None


def option(argv: list[str], name: str) -> str | None:
    """The value of ``--name V`` or ``--name=V``."""
    for index, part in enumerate(argv):
        if part == name and index + 1 < len(argv):
            return argv[index + 1]
        if part.startswith(name + "="):
            return part.split("=", 1)[1]
    return None


def main() -> int:
    argv = inkslot_argv()
    if argv is None:
        print("no inkslot process in this container", file=sys.stderr)
        return 1
    role = argv[0] if argv else ""
    if role not in PATHS:
        return 0  # the worker and one-shot commands: alive while the process is
    port = option(argv, "--port")
    if port is None and role == "serve":
        port = os.environ.get("INKSLOT_PORT")
    url = f"http://127.0.0.1:{port or DEFAULT_PORTS[role]}{PATHS[role]}"
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT_SECONDS) as response:
            healthy = response.status == 200
    except OSError as exc:
        print(f"{url}: {exc}", file=sys.stderr)
        return 1
    return 0 if healthy else 1


if __name__ == "__main__":
    raise SystemExit(main())
