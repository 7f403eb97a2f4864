"""Running the ``inkslot`` command as an operator would: a real process, with a clean
environment (no INKSLOT_* from the caller) and cheap argon2."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.support.server import CHEAP_ARGON2_ENV


def cli_env(**extra: str) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("INKSLOT_")}
    return {**base, **CHEAP_ARGON2_ENV, **extra}


def inkslot(*args: str, env: dict[str, str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "entrypoints.cli", *args],
        input=stdin,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
