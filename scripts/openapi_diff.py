"""Compare the OpenAPI document of a git revision with the working tree's.

    .venv/bin/python scripts/openapi_diff.py [REV]     # REV defaults to HEAD

Each side's app is built from its own source (``git archive REV`` into a temporary
directory) on in-memory adapters, with this environment's packages, and its document is
written as canonical JSON (sorted keys). Prints ``identical`` and the digest, or a unified
diff; exits 1 when they differ. A refactoring that must not change the API runs this.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Works against any revision that has create_app(settings, container=...) and
# build_container/memory_adapters (every one since the walking skeleton).
DUMP = """
import json, sys
sys.path.insert(0, sys.argv[1])
from entrypoints.app import create_app
from entrypoints.container import build_container, memory_adapters
from entrypoints.settings import Settings
secret = "x" * 40
settings = Settings(jwt_secret=secret, database_url="postgresql://nobody@127.0.0.1:1/none")
core = build_container(settings, jwt_secret=secret, adapters=memory_adapters(settings, secret))
schema = create_app(settings, container=core).openapi_schema.to_schema()
print(json.dumps(schema, sort_keys=True, indent=1, default=str))
"""


def schema_of(src: Path) -> str:
    """The document of the app in ``src``, as canonical JSON, built in a process of its own
    (none of the caller's imports reach it, nor any ``INKSLOT_`` setting of its
    environment). scripts/clients.py exports the committed document with it too."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("INKSLOT_")}
    env["PYTHONIOENCODING"] = "utf-8"
    result = subprocess.run(
        [sys.executable, "-c", DUMP, str(src)],
        capture_output=True, encoding="utf-8", env=env, check=False,
    )  # fmt: skip
    if result.returncode != 0:
        raise RuntimeError(f"exporting the OpenAPI document failed:\n{result.stderr}")
    return result.stdout


def schema_at(revision: str) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", revision, "src"], capture_output=True, check=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
        return schema_of(Path(tmp) / "src")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("revision", nargs="?", default="HEAD")
    args = parser.parse_args()
    before, after = schema_at(args.revision), schema_of(ROOT / "src")
    if before == after:
        digest = hashlib.sha256(after.encode()).hexdigest()[:16]
        print(f"identical: {len(after)} bytes, sha256 {digest}...")
        return 0
    sys.stdout.writelines(
        difflib.unified_diff(
            before.splitlines(keepends=True),
            after.splitlines(keepends=True),
            f"openapi@{args.revision}",
            "openapi@working-tree",
        )
    )
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
