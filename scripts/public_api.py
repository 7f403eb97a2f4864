"""booking-domain's public API, written out: every name it promises, with its signature.

    python scripts/public_api.py           print it
    python scripts/public_api.py --write   write src/booking_domain/public_api.txt
    python scripts/public_api.py --check   exit 1 with the difference if that file is stale

What is public (src/booking_domain/README.md, "Its public API and its version"): what each
package's ``__init__`` exports in ``__all__``, each context's ``ports`` module and the
modules of ``booking_domain.testing``. One line per name: its kind and signature (a class's
constructor; an enumeration's members; a protocol's members, one line each), so a name
removed or a parameter changed shows as a changed line. The file ships in the wheel, and a
test compares it with the code (tests/unit/architecture/test_public_api.py).
"""

from __future__ import annotations

import argparse
import dataclasses
import difflib
import enum
import importlib
import inspect
import pkgutil
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import booking_domain

LIST_FILE = Path(booking_domain.__file__).parent / "public_api.txt"
HEADER = "# booking-domain {version}: its public API (scripts/public_api.py writes this file)"
# Postponed annotations come back as strings: `x: 'int'` is written `x: int`.
QUOTED_ANNOTATION = re.compile(r"(: |-> )'([^']*)'")
# A default's repr may hold the object's address (`<function f at 0x7f...>`): left out.
ADDRESS = re.compile(r" at 0x[0-9a-f]+")


def public_modules() -> list[ModuleType]:
    """The packages, the contexts' ports modules and the testing modules, by name."""
    names = ["booking_domain"]
    for info in pkgutil.walk_packages(booking_domain.__path__, "booking_domain."):
        leaf = info.name.rsplit(".", 1)[-1]
        if info.ispkg or leaf == "ports" or info.name.startswith("booking_domain.testing."):
            names.append(info.name)
    return [importlib.import_module(name) for name in sorted(names)]


def exported(module: ModuleType) -> list[str]:
    """``__all__``, or else the public names the module defines itself (a ports module)."""
    names = getattr(module, "__all__", None)
    if names is not None:
        return sorted(names)
    return sorted(
        name
        for name, value in vars(module).items()
        if not name.startswith("_") and getattr(value, "__module__", None) == module.__name__
    )


def _signature(value: Any) -> str:
    try:
        text = str(inspect.signature(value))
        return ADDRESS.sub("", QUOTED_ANNOTATION.sub(r"\1\2", text))
    except (TypeError, ValueError):  # a builtin or a class without an inspectable __init__
        return "(...)"


def _members(cls: type) -> list[str]:
    """A protocol's public members (what an adapter must provide), one line each."""
    lines = []
    for name, member in sorted(vars(cls).items()):
        if name.startswith("_"):
            continue
        if isinstance(member, property):
            lines.append(f"    .{name}: property")
        elif callable(member) or isinstance(member, staticmethod | classmethod):
            lines.append(f"    .{name}{_signature(getattr(cls, name))}")
    for name, annotation in sorted(vars(cls).get("__annotations__", {}).items()):
        lines.append(f"    .{name}: {annotation}")
    return lines


def describe(qualified: str, value: Any) -> list[str]:
    if isinstance(value, type) and issubclass(value, enum.Enum):
        members = ", ".join(member.name for member in value)
        return [f"{qualified}: enum {value.__name__}({members})"]
    if isinstance(value, type) and getattr(value, "_is_protocol", False):
        bases = ", ".join(base.__name__ for base in value.__bases__ if base.__name__ != "Protocol")
        heading = f"{qualified}: protocol {value.__name__}" + (f" [{bases}]" if bases else "")
        return [heading, *_members(value)]
    if isinstance(value, type):
        kind = "dataclass" if dataclasses.is_dataclass(value) else "class"
        bases = ", ".join(base.__name__ for base in value.__bases__ if base is not object)
        return [f"{qualified}: {kind} {value.__name__}{_signature(value)}"
                + (f" [{bases}]" if bases else "")]  # fmt: skip
    if inspect.isfunction(value) or inspect.isbuiltin(value):
        return [f"{qualified}: function {value.__name__}{_signature(value)}"]
    if isinstance(value, ModuleType):
        return [f"{qualified}: module {value.__name__}"]
    return [f"{qualified}: value of type {type(value).__name__}"]


def render() -> str:
    lines = [HEADER.format(version=booking_domain.__version__)]
    for module in public_modules():
        for name in exported(module):
            lines.extend(describe(f"{module.__name__}.{name}", getattr(module, name)))
    return "\n".join(lines) + "\n"


def difference(committed: str, current: str) -> str:
    return "".join(
        difflib.unified_diff(
            committed.splitlines(keepends=True), current.splitlines(keepends=True),
            "public_api.txt (committed)", "public_api.txt (the code)",
        )
    )  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--write", action="store_true", help="write the list file")
    action.add_argument("--check", action="store_true", help="fail if the list file is stale")
    args = parser.parse_args()
    current = render()
    if args.write:
        LIST_FILE.write_text(current, encoding="utf-8")
    elif args.check:
        stale = difference(LIST_FILE.read_text(encoding="utf-8"), current)
        sys.stdout.write(stale)
        return 1 if stale else 0
    else:
        sys.stdout.write(current)
    return 0


if __name__ == "__main__":
    sys.exit(main())
