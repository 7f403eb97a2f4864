"""Run the documented walks one after another against one running ``make run``, as a reader
who follows every doc in turn on the same server would, and check what each leaves behind.

    make run 2>&1 | tee var/run.log                       # first terminal
    .venv/bin/python scripts/walks.py --log var/run.log   # second terminal, from the clone

The walks are the shell blocks of README.md and docs/*.md marked ``<!-- walk: NAME STEP
-->`` (tests/support/walks.py, where the test suite runs each on a server of its own). Each
runs with bash (``-euo pipefail``) from the clone's root, given what a reader has: ``$B``,
``$LOG`` and the demo passwords the log shows. After each walk the script checks that:

- the demo data is as ``make run`` made it: every artist's profile, settings, services,
  availability, aftercare, consent forms, waitlist and loyalty settings, flash and portfolio,
  and the demo accounts' profiles and notification choices (bookings, requests, messages and
  reviews a walk makes are what a walk is for, and stay);
- the walk wrote nothing into the clone (its files go under a temporary directory).

The telegram walk needs ``make run`` started with the bot's settings (docs/telegram.md,
"Trying it locally") and ``--fake`` the fake Bot API's URL; without ``--fake`` it is skipped.
The stripe walk needs ``make run`` started as docs/payments.md's "Trying Stripe locally"
starts it (``INKSLOT_STRIPE_FAKE=1 INKSLOT_PLATFORM_FEE_PERCENT=10``) and ``--stripe``;
without it, it is skipped.
Prints one line per walk and exits 1 if any failed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support.walk_scripts import WALKS  # noqa: E402 (the clone's root on the path first)

_ACCOUNT = re.compile(r"^\s+(customer|artist|admin)\s+(\S+@inkslot\.local)\s+(\S+)\s*$", re.M)
# What the walks' bookings, reviews and put-back settings move on purpose.
# A list's ``total`` counts the items a walk put away too (a service it offered, then made
# inactive), which the comparison leaves out of the items.
_ACTIVITY = {
    "rating", "ratingCount", "reviewCount", "averageRating", "bookingCount", "updatedAt",
    "total",
}  # fmt: skip
_ARTIST_READS = (
    "",
    "/services",
    "/aftercare",
    "/availability",
    "/consent-forms",
    "/consent-requirement",
    "/waitlist/settings",
    "/loyalty-program",
    "/flash",
    "/portfolio",
    "/reminders",
)
_ACCOUNT_READS = (
    "/me",
    "/me/notification-preferences",
    "/me/booking-links",
    "/me/external-calendars",
)


def _get(url: str, token: str | None = None) -> tuple[int, Any]:
    request = urllib.request.Request(url)  # noqa: S310 (the local server's URL)
    if token:
        request.add_header("authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, None


def _login(base: str, email: str, password: str) -> str:
    body = json.dumps({"email": email, "password": password}).encode()
    request = urllib.request.Request(  # noqa: S310
        f"{base}/auth/login", data=body, headers={"content-type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        return str(json.loads(response.read())["tokens"]["accessToken"])


def _without_activity(value: Any) -> Any:
    """What an artist offers, without the figures and history a walk adds on purpose (a
    retired consent form or flash design stays readable for the copies made with it)."""
    if isinstance(value, dict):
        return {k: _without_activity(v) for k, v in value.items() if k not in _ACTIVITY}
    if isinstance(value, list):
        return [_without_activity(v) for v in value if not _retired(v)]
    if isinstance(value, tuple):  # (status, body)
        return tuple(_without_activity(v) for v in value)
    return value


def _retired(item: Any) -> bool:
    """Retired, archived, or put away (a service a walk offered, then made inactive)."""
    if not isinstance(item, dict):
        return False
    return item.get("status") in {"retired", "archived"} or item.get("active") is False


_TOKENS: dict[str, str] = {}  # the demo accounts' access tokens, signed in once (limits)


def _token(base: str, role: str, accounts: dict[str, tuple[str, str]], *, again: bool) -> str:
    if again or role not in _TOKENS:
        _TOKENS[role] = _login(base, *accounts[role])
    return _TOKENS[role]


def _read(base: str, url: str, role: str, accounts: dict[str, tuple[str, str]]) -> tuple[int, Any]:
    answer = _get(url, _token(base, role, accounts, again=False))
    if answer[0] == 401:  # the access token expired during a long walk
        answer = _get(url, _token(base, role, accounts, again=True))
    return answer


def demo_data(base: str, accounts: dict[str, tuple[str, str]]) -> dict[str, Any]:
    """What ``make run`` seeded, as the API shows it to the demo accounts."""
    snapshot: dict[str, Any] = {}
    _, listing = _get(f"{base}/artists?limit=100")
    for artist in listing["items"]:
        for read in _ARTIST_READS:
            url = f"{base}/artists/{artist['id']}{read}"
            snapshot[url] = _without_activity(_read(base, url, "artist", accounts))
    for role in accounts:
        for read in _ACCOUNT_READS:
            snapshot[f"{role} {read}"] = _without_activity(
                _read(base, f"{base}{read}", role, accounts)
            )
    return snapshot


def _changes(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    return [
        key for key in sorted(before.keys() | after.keys()) if before.get(key) != after.get(key)
    ]


def _difference(before: Any, after: Any, where: str = "") -> list[str]:
    """The paths at which two answers differ, with both values (short enough to read)."""
    if isinstance(before, dict) and isinstance(after, dict):
        keys = sorted(before.keys() | after.keys())
        return [
            line
            for key in keys
            for line in _difference(before.get(key), after.get(key), f"{where}.{key}")
        ]
    if (
        isinstance(before, list | tuple)
        and isinstance(after, list | tuple)
        and len(before) == len(after)
    ):
        return [
            line
            for i, (b, a) in enumerate(zip(before, after, strict=True))
            for line in _difference(b, a, f"{where}[{i}]")
        ]
    if before == after:
        return []
    return [f"{where or '.'}: was {str(before)[:300]} now {str(after)[:300]}"]


def _untracked() -> set[str]:
    listed = subprocess.run(
        ["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=all"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return {line[3:] for line in listed.splitlines() if not line[3:].startswith("var/")}


def run(name: str, env: dict[str, str]) -> tuple[int, str, float]:
    began = time.monotonic()
    done = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", WALKS[name]],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    return done.returncode, done.stdout + done.stderr, time.monotonic() - began


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--log", required=True, type=Path, help="make run's output, as tee wrote it"
    )
    parser.add_argument("--base", default="http://127.0.0.1:8000/api/v1")
    parser.add_argument("--fake", help="the fake Bot API's URL, for the telegram walk")
    parser.add_argument(
        "--stripe", action="store_true", help="make run has the fake Stripe (the stripe walk)"
    )
    parser.add_argument("walks", nargs="*", help="the walks to run, in this order (default: all)")
    args = parser.parse_args()
    found = {
        role: (email, password) for role, email, password in _ACCOUNT.findall(args.log.read_text())
    }
    if found.keys() != {"customer", "artist", "admin"}:
        sys.exit(f"no demo passwords in {args.log}: is it make run's output from its first start?")
    names = args.walks or sorted(WALKS, key=lambda name: (name != "readme", name))
    env = {
        **os.environ,
        "B": args.base,
        "LOG": str(args.log.resolve()),
        **{f"{role.upper()}_PASSWORD": password for role, (_, password) in found.items()},
        **({"FAKE": args.fake} if args.fake else {}),
    }
    failed = 0
    seeded, files = demo_data(args.base, found), _untracked()
    for name in names:
        if name == "telegram" and not args.fake:
            print(f"{name:20} skipped (no --fake)")
            continue
        if name == "stripe" and not args.stripe:
            print(f"{name:20} skipped (no --stripe)")
            continue
        returncode, output, seconds = run(name, env)
        now, written = demo_data(args.base, found), _untracked() - files
        changed = _changes(seeded, now)
        ok = returncode == 0 and not changed and not written
        failed += not ok
        print(f"{name:20} {'ok' if ok else 'FAILED'} in {seconds:.0f} s", flush=True)
        if returncode:
            print(output[-4000:])
        for what in changed:
            print(f"    demo data changed: {what}")
            for line in _difference(seeded.get(what), now.get(what)):
                print(f"      {line}")
        for path in sorted(written):
            print(f"    left in the clone: {path}")
        seeded, files = now, files | written  # report each change once, by the walk that made it
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
