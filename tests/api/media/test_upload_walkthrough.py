"""docs/api.md's upload walkthrough, run line for line with bash and curl against a real
``inkslot serve`` (two processes: the PUT and the complete may land on either)."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import urllib.request
from pathlib import Path

import pytest
from PIL import Image

from tests.api.conftest import PASSWORD
from tests.support.server import running_server
from tests.support.walk_scripts import run_in_bash

pytestmark = pytest.mark.serial

DOCS = Path(__file__).resolve().parents[3] / "docs" / "api.md"
_BLOCK = re.compile(r"<!-- upload-walkthrough -->\s*```sh\n(.*?)```", re.S)


def _token(base: str) -> str:
    body = {
        "email": "walk@example.com",
        "password": PASSWORD,
        "name": "Walk",
        "role": "artist",
    }
    request = urllib.request.Request(
        f"{base}/api/v1/auth/register",
        data=json.dumps(body).encode(),
        headers={"content-type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as answer:
        return str(json.loads(answer.read())["tokens"]["accessToken"])


@pytest.mark.skipif(shutil.which("curl") is None, reason="the walkthrough uses curl")
def test_the_documented_upload_commands_work(database_url: str, tmp_path: Path) -> None:
    script = _BLOCK.search(DOCS.read_text())
    assert script is not None, "docs/api.md lost its upload walkthrough"
    photo = tmp_path / "photo.jpg"
    Image.new("RGB", (2400, 1800), (10, 120, 90)).save(photo, "JPEG")
    with running_server(database_url, tmp_path / "server") as server:
        env = {
            "PATH": os.environ["PATH"],
            "B": server.base_url + "/api/v1",
            "ARTIST_ACCESS": _token(server.base_url),
            "FILE": str(photo),
        }
        run = run_in_bash(script.group(1), cwd=tmp_path, env=env, timeout=120)
        assert run.returncode == 0, run.stderr + server.log_tail()
    assert run.stdout.strip().endswith("200 image/webp")
    with Image.open(io.BytesIO((tmp_path / "large.webp").read_bytes())) as large:
        assert (large.format, large.size) == ("WEBP", (1600, 1200))
