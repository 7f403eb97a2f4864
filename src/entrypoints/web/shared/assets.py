"""The pages' static files (each room's ``static/``: scripts and the style sheet), addressed
by content, all under one address whichever room holds them (``folders.py``).

Rules (docs/booking-page.md, "Caching and compression"):
- each file is read once, when the process starts, with its **version**: the first 16 hex
  digits of its SHA-256. Pages link it as ``/static/booking-page/<name>?v=<version>``
  (``asset_url``, the templates' ``asset()``), so a changed file is a new address;
- asked for with its current version, a file is cached by everyone for a year
  (``public, max-age=31536000, immutable``): the address can never name other content.
  Asked for without it, or with another (a page rendered by the release before, during a
  rollout), it is the current file cached for 5 minutes, as before versions;
- an unknown name is 404; only the files of the rooms' ``static/`` are ever served.
"""

from __future__ import annotations

import hashlib
import mimetypes
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Final

from litestar import Response, get
from litestar.exceptions import NotFoundException
from litestar.params import FromPath, QueryParameter

from entrypoints.web.shared.folders import files

ASSETS_PATH: Final = "/static/booking-page"
IMMUTABLE: Final = "public, max-age=31536000, immutable"
UNVERSIONED: Final = "public, max-age=300"
_TYPES: Final = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}


@dataclass(frozen=True, slots=True)
class Asset:
    body: bytes
    media_type: str
    version: str


def load_assets(paths: Mapping[str, Path]) -> dict[str, Asset]:
    """Every file of ``paths`` by name, with its type and version."""
    found: dict[str, Asset] = {}
    for name, path in paths.items():
        body = path.read_bytes()
        kind = _TYPES.get(path.suffix) or mimetypes.guess_type(name)[0]
        version = hashlib.sha256(body).hexdigest()[:16]
        found[name] = Asset(body, kind or "application/octet-stream", version)
    return found


ASSETS: Final = load_assets(files("static"))


def asset_url(name: str) -> str:
    """The versioned address of the static file ``name`` (KeyError for a file not there: a
    template naming a missing file fails where it is rendered, not in the browser)."""
    return f"{ASSETS_PATH}/{name}?v={ASSETS[name].version}"


@get(f"{ASSETS_PATH}/{{name:str}}", include_in_schema=False)
async def static_asset(
    name: FromPath[str], v: Annotated[str | None, QueryParameter(max_length=64)] = None
) -> Response[bytes]:
    """One static file; cached for a year when asked for by its current version."""
    found = ASSETS.get(name)
    if found is None:
        raise NotFoundException()
    cache = IMMUTABLE if v == found.version else UNVERSIONED
    headers = {"Cache-Control": cache, "ETag": f'"{found.version}"'}
    return Response(found.body, media_type=found.media_type, headers=headers)
