"""Every documented walk runs word for word: the shell blocks of README.md and docs/*.md
marked ``<!-- walk: NAME STEP -->`` (a block may belong to several walks: ``<!-- walk: a 1,
b 1 -->``) are put together by walk in step order and run with bash (``-euo pipefail``, so
a failing ``curl -f`` or a lookup that finds nothing fails the walk) against a real ``inkslot
serve`` of the local profile with its demo data, in a fresh data directory, as ``make run``
serves a fresh clone. The walk is given what a reader has: ``$B`` (the base URL) and the
demo passwords ``make run`` printed, and its log (``$LOG``: the text messages of the local
profile are log lines)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.support.cli import cli_env
from tests.support.server import free_port, running_server

ROOT = Path(__file__).resolve().parents[3]
DOCUMENTS = (ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")))
_MARKED = re.compile(r"<!-- walk: ([^>]+?) -->\s*(?:<!--.*?-->\s*)*```sh\n(.*?)```", re.S)
_ACCOUNT = re.compile(r"^\s+(customer|artist|admin)\s+\S+@inkslot\.local\s+(\S+)\s*$", re.M)


def documented_walks() -> dict[str, str]:
    """Each walk's script: its blocks in step order, each headed by where it is written."""
    steps: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for document in DOCUMENTS:
        for names, block in _MARKED.findall(document.read_text()):
            for part in names.split(","):
                name, step = part.split()
                where = f"# --- {document.relative_to(ROOT)}, {name} step {step}\n"
                steps[name].append((int(step), where + block))
    return {name: "\n".join(b for _, b in sorted(blocks)) for name, blocks in steps.items()}


WALKS = documented_walks()


def test_the_walks_are_found_and_numbered_once() -> None:
    assert {"readme", "deposit-mail", "dispute"} <= WALKS.keys()
    for name in WALKS:
        numbers = [int(n) for n in re.findall(rf"^# --- .*, {name} step (\d+)$", WALKS[name], re.M)]
        assert numbers == list(range(1, len(numbers) + 1)), (name, numbers)


@pytest.mark.skipif(shutil.which("curl") is None, reason="the walks use curl")
@pytest.mark.parametrize("name", sorted(WALKS))
def test_the_documented_walk_runs(name: str, database_url: str, tmp_path: Path) -> None:
    # ``var/`` beside the walk's working directory is the server's data directory, as it is
    # beside the clone for ``make run`` (emails land in var/mail).
    data_dir = tmp_path / "var"
    # Seeding the demo data (a dozen artists, their pictures) takes a while on a busy machine.
    with (
        _walk_services(name, tmp_path) as extra,
        running_server(
            database_url,
            data_dir,
            workers=1,
            ready_within_s=300,
            INKSLOT_SEED_DEMO_DATA="true",
            **{k: v for k, v in extra.items() if k.startswith("INKSLOT_")},
        ) as server,
    ):
        passwords = dict(_ACCOUNT.findall(server.log_path.read_text()))
        assert {"customer", "artist", "admin"} <= passwords.keys(), server.log_tail()
        env = {
            "PATH": os.environ["PATH"],
            "HOME": str(tmp_path),
            "B": server.base_url + "/api/v1",
            "LOG": str(server.log_path),  # what `make run` prints, as a reader sees it
            "CUSTOMER_PASSWORD": passwords["customer"],
            "ARTIST_PASSWORD": passwords["artist"],
            "ADMIN_PASSWORD": passwords["admin"],
            **extra,
        }
        run = subprocess.run(
            ["bash", "-euo", "pipefail", "-c", WALKS[name]],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=240,
            check=False,
        )
        assert run.returncode == 0, f"{run.stdout}\n{run.stderr}\n{server.log_tail()}"


# docs/telegram.md, "Trying it locally": the fake Bot API its reader starts first, and what
# they export for `make run` and for the walk's own `.venv/bin/inkslot telegram set-webhook`.
LOCAL_BOT = {
    "INKSLOT_TELEGRAM_BOT_TOKEN": "123456:local-fake-token-for-make-run",
    "INKSLOT_TELEGRAM_BOT_USERNAME": "InkslotLocalBot",
}


@contextmanager
def _walk_services(name: str, tmp_path: Path) -> Iterator[dict[str, str]]:
    """What a walk's reader has running besides ``make run``, and the variables they
    exported (none for most walks)."""
    if name != "telegram":
        yield {}
        return
    port = free_port()
    fake = f"http://127.0.0.1:{port}"
    env = {**LOCAL_BOT, "INKSLOT_TELEGRAM_API_URL": fake}
    command = [sys.executable, "-m", "entrypoints.cli", "telegram", "fake-api", "--port", str(port)]
    process = subprocess.Popen(command, env=cli_env(**env), stdout=subprocess.DEVNULL)
    (tmp_path / ".venv").symlink_to(ROOT / ".venv")  # the walk runs from the clone
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(fake + "/", timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise
                time.sleep(0.1)  # polling a starting process, not waiting for domain time
        yield {**env, "FAKE": fake}
    finally:
        process.terminate()
        process.wait(timeout=10)
