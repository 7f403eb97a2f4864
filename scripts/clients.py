"""Write the typed API clients from the OpenAPI document, or check that they are current.

    .venv/bin/python -m scripts.clients           # make clients: write them
    .venv/bin/python -m scripts.clients --check   # make clients-check: compare, write nothing

The document is exported without a server (the app on in-memory adapters, as
scripts/openapi_diff.py builds it) to ``clients/openapi.json``; openapi-python-client writes
the Python client (``clients/python``) from it, and openapi-typescript the TypeScript types
(``clients/typescript/src/schema.d.ts``). The same source gives the same bytes: the document
is canonical JSON (sorted keys), the generators and the ruff that formats the Python client
are pinned (uv.lock, package-lock.json), and nothing written carries a time or a path.
``--check`` exports and generates into a temporary directory and names each file that
differs from the committed one (docs/clients.md).
"""

from __future__ import annotations

import argparse
import copy
import fcntl
import filecmp
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from scripts.openapi_diff import schema_of

ROOT = Path(__file__).resolve().parent.parent
CLIENTS = ROOT / "clients"
DOCUMENT = "openapi.json"
PYTHON = "python"
TYPES = "typescript/src/schema.d.ts"
PYTHON_CONFIG = CLIENTS / "python-client.yaml"
TYPESCRIPT = CLIENTS / "typescript"
BIN = Path(sys.executable).parent  # the project's .venv/bin: its openapi-python-client, ruff
PROBLEM = "#/components/schemas/Problem"
MIN_NODE = 20  # clients/typescript/package.json "engines"
OPERATION_PREFIX = "ApiV1"  # every operation id: the path's /api/v1
REGENERATE = "run `make clients` and commit what it writes (docs/clients.md)"
# What running or testing a client leaves beside the generated files.
NOT_GENERATED = frozenset({"__pycache__", ".ruff_cache", ".mypy_cache", ".pytest_cache"})


class NodeMissingError(RuntimeError):
    """Node, npm or the TypeScript client's packages are not there: the reason, as a sentence."""


def export_document() -> str:
    """The OpenAPI document of the working tree's ``src``, as canonical JSON (sorted keys),
    exported as scripts/openapi_diff.py exports it, written here with the indentation and
    characters the committed file has."""
    document = json.loads(schema_of(ROOT / "src"))
    return json.dumps(document, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def python_generator_input(document: dict[str, Any]) -> dict[str, Any]:
    """The document as openapi-python-client is given it, two things changed:

    - a component's class is named after the component, not its ``title``: Litestar names
      two DTOs of one name from different contexts ``catalog_dto_ServiceView`` and
      ``analytics_dto_ServiceView`` but titles both ``ServiceView``, and the generator drops
      one of two classes of one name;
    - an operation's functions are named without the ``ApiV1`` every operation id starts with
      (``bookings_create``, not ``api_v1_bookings_create``);
    - every problem answer is the ``Problem`` component: the document narrows it per status
      (``allOf`` with a ``status`` const and the ``code`` enum), which the generator cannot
      merge (integer and a literal) and would drop, leaving the answer untyped. The TypeScript
      types keep the narrowed codes.
    """
    prepared = copy.deepcopy(document)
    for schema in prepared.get("components", {}).get("schemas", {}).values():
        schema.pop("title", None)
    for path_item in prepared.get("paths", {}).values():
        for operation in path_item.values():
            if not isinstance(operation, dict):
                continue  # a path item's own `parameters`
            name = operation.get("operationId", "")
            if name.startswith(OPERATION_PREFIX):
                operation["operationId"] = name.removeprefix(OPERATION_PREFIX)
            for response in operation.get("responses", {}).values():
                problem = response.get("content", {}).get("application/problem+json")
                if problem is not None:
                    problem["schema"] = {"$ref": PROBLEM}
    return prepared


def write_python_client(document: str, into: Path) -> str:
    """openapi-python-client's package of ``document`` written to ``into`` (replaced whole);
    returns what the generator printed (its warnings)."""
    with tempfile.TemporaryDirectory(prefix="inkslot-openapi-") as tmp:
        source = Path(tmp) / "openapi.json"
        source.write_text(json.dumps(python_generator_input(json.loads(document))), "utf-8")
        # The post hooks (ruff) are looked up on PATH: this environment's, the locked version.
        env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
        result = subprocess.run(
            [
                str(BIN / "openapi-python-client"),
                "generate",
                "--path",
                str(source),
                "--output-path",
                str(into),
                "--overwrite",
                "--meta",
                "uv",
                "--config",
                str(PYTHON_CONFIG),
            ],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
    if result.returncode != 0 or not (into / "pyproject.toml").exists():
        raise RuntimeError(f"openapi-python-client failed:\n{result.stdout}{result.stderr}")
    return result.stdout + result.stderr


def ensure_node_modules() -> Path:
    """``clients/typescript/node_modules`` as ``npm ci`` installs it from the lockfile, run
    when it is missing or was installed from another lockfile (a stamp of the lockfile's
    digest, as tests/support/worker_edge.py keeps for the edge Worker), one install at a time
    on the machine. :class:`NodeMissingError` where node or npm is not installed; an install
    that fails is an error."""
    for tool in ("node", "npm"):
        if shutil.which(tool) is None:
            raise NodeMissingError(f"`{tool}` is not on PATH: the TypeScript client needs Node 20+")
    version = subprocess.run(["node", "--version"], capture_output=True, text=True, check=False)
    major = re.match(r"v(\d+)\.", version.stdout)
    if major is None or int(major.group(1)) < MIN_NODE:
        found = version.stdout.strip() or version.stderr.strip()
        raise NodeMissingError(f"the TypeScript client needs Node {MIN_NODE}+, `node` is {found}")
    modules = TYPESCRIPT / "node_modules"
    stamp = modules / ".inkslot-lock-sha256"
    digest = hashlib.sha256((TYPESCRIPT / "package-lock.json").read_bytes()).hexdigest()
    tag = hashlib.sha256(str(TYPESCRIPT).encode()).hexdigest()[:16]
    with open(Path(tempfile.gettempdir()) / f"inkslot-clients-npm-{tag}.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not stamp.is_file() or stamp.read_text().strip() != digest:
            result = subprocess.run(
                ["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"],
                cwd=TYPESCRIPT,
                capture_output=True,
                text=True,
                check=False,
            )
            if result.returncode != 0:
                raise RuntimeError(f"`npm ci` failed in {TYPESCRIPT}:\n{result.stderr[-4000:]}")
            stamp.write_text(digest + "\n")
    return modules


def write_typescript_types(document: str, into: Path) -> None:
    """openapi-typescript's types of ``document`` written to the file ``into``."""
    modules = ensure_node_modules()
    into.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="inkslot-openapi-") as tmp:
        source = Path(tmp) / "openapi.json"
        source.write_text(document, "utf-8")
        result = subprocess.run(
            [
                str(modules / ".bin" / "openapi-typescript"),
                str(source),
                "--output",
                str(into),
                # A field with a default may be left out of a request (`notes`): optional.
                "--default-non-nullable",
                "false",
            ],
            cwd=TYPESCRIPT,
            capture_output=True,
            text=True,
            check=False,
        )
    if result.returncode != 0:
        raise RuntimeError(f"openapi-typescript failed:\n{result.stdout}{result.stderr}")


def generate(document: str, into: Path, *, typescript: bool = True) -> str:
    """The document and the clients under ``into``, laid out as ``clients/`` (without the
    TypeScript types when ``typescript`` is false): returns the Python generator's warnings."""
    into.mkdir(parents=True, exist_ok=True)
    (into / DOCUMENT).write_text(document, "utf-8")
    warnings = write_python_client(document, into / PYTHON)
    if typescript:
        write_typescript_types(document, into / TYPES)
    return warnings


def differences(document: str, committed: Path = CLIENTS, *, typescript: bool = True) -> list[str]:
    """The files (relative to ``clients/``) in which what ``document`` generates differs from
    what is under ``committed``: changed, missing or left over. ``typescript=False`` leaves
    the TypeScript types out (where there is no Node)."""
    with tempfile.TemporaryDirectory(prefix="inkslot-clients-") as tmp:
        fresh = Path(tmp)
        generate(document, fresh, typescript=typescript)
        single = (DOCUMENT, TYPES) if typescript else (DOCUMENT,)
        differing = [name for name in single if not _same_file(fresh / name, committed / name)]
        differing += [
            f"{PYTHON}/{name}" for name in _tree_differences(fresh / PYTHON, committed / PYTHON)
        ]
    return differing


def _same_file(a: Path, b: Path) -> bool:
    return a.exists() and b.exists() and a.read_bytes() == b.read_bytes()


def _tree_differences(fresh: Path, committed: Path) -> list[str]:
    old, new = _generated_files(committed), _generated_files(fresh)
    changed = {n for n in old & new if not filecmp.cmp(fresh / n, committed / n, shallow=False)}
    return sorted(changed | (old ^ new))


def _generated_files(root: Path) -> set[str]:
    """The files under ``root``, less what running or testing a client leaves beside them."""
    if not root.is_dir():
        return set()
    names = (p.relative_to(root) for p in root.rglob("*") if p.is_file())
    return {n.as_posix() for n in names if not NOT_GENERATED.intersection(n.parts)}


def failure_message(differing: list[str]) -> str:
    shown = "\n  ".join(differing[:20]) + ("\n  ..." if len(differing) > 20 else "")
    return (
        f"the API clients are not what the OpenAPI document generates: {REGENERATE}.\n"
        f"{len(differing)} file(s) differ under clients/:\n  {shown}"
    )


def write() -> int:
    """``make clients``: export the document, write both clients in place."""
    document = export_document()
    (CLIENTS / DOCUMENT).write_text(document, "utf-8")
    warnings = write_python_client(document, CLIENTS / PYTHON)
    write_typescript_types(document, CLIENTS / TYPES)
    if "WARNING" in warnings:
        print(warnings, file=sys.stderr)
        print("openapi-python-client left parts out (above): see docs/clients.md", file=sys.stderr)
    print(f"wrote clients/{DOCUMENT}, clients/{PYTHON}, clients/{TYPES}")
    return 0


def check() -> int:
    """``make clients-check``: exit 1, naming the files, when the committed document or a
    client is not what the working tree generates."""
    differing = differences(export_document())
    if differing:
        print(failure_message(differing), file=sys.stderr)
        return 1
    print("the API clients are current")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare; write nothing")
    args = parser.parse_args()
    try:
        return check() if args.check else write()
    except NodeMissingError as missing:
        print(f"the TypeScript client cannot be generated: {missing}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
