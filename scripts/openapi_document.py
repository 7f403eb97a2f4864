"""Write the API's OpenAPI document to a file, without a server or a database.

    .venv/bin/python scripts/openapi_document.py [PATH]   # PATH defaults to build/openapi.json

The app is built as ``scripts/openapi_diff.py`` builds it (in-memory adapters, throwaway
secrets), and its document is written as canonical JSON (sorted keys), the same bytes that
script compares. The documentation site renders the HTTP reference from it
(docs/reference/http.md, ``make docs``); ``build/`` is not kept in git, so the reference is
always the working tree's API.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PATH = ROOT / "build" / "openapi.json"


def openapi_schema() -> dict[str, Any]:
    """The document the app serves at ``/schema/openapi.json``."""
    from entrypoints.app import create_app
    from entrypoints.container import build_container, memory_adapters
    from entrypoints.settings import Settings

    secret = "x" * 40
    settings = Settings(jwt_secret=secret, database_url="postgresql://nobody@127.0.0.1:1/none")
    core = build_container(settings, jwt_secret=secret, adapters=memory_adapters(settings, secret))
    schema: dict[str, Any] = create_app(settings, container=core).openapi_schema.to_schema()
    return schema


def write_document(path: Path) -> Path:
    """Write the document to ``path`` (its folder made if missing), replacing it at once:
    a reader never sees half a file."""
    text = json.dumps(openapi_schema(), sort_keys=True, indent=1, default=str) + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", dir=path.parent, suffix=".tmp", delete=False
    ) as out:
        out.write(text)
    os.replace(out.name, path)
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_PATH)
    args = parser.parse_args()
    written = write_document(args.path)
    print(f"wrote {written} ({written.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
