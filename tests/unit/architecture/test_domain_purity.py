"""booking_domain is a library of its own: it imports only the standard library (and
booking_domain.testing may import hypothesis). Checked on the source, so an import hidden
inside a function is caught too."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import booking_domain

PACKAGE_DIR = Path(booking_domain.__file__).parent


def _imported_roots(path: Path) -> set[str]:
    roots: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
    return roots


def test_booking_domain_imports_only_the_standard_library() -> None:
    offenders: dict[str, set[str]] = {}
    for path in PACKAGE_DIR.rglob("*.py"):
        allowed = set(sys.stdlib_module_names) | {"booking_domain"}
        if "testing" in path.relative_to(PACKAGE_DIR).parts:
            allowed.add("hypothesis")
        foreign = _imported_roots(path) - allowed
        if foreign:
            offenders[str(path.relative_to(PACKAGE_DIR))] = foreign
    assert offenders == {}


def test_the_check_would_notice_a_foreign_import(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("def f():\n    import sqlalchemy\n    from msgspec import Struct\n")
    assert _imported_roots(module) == {"sqlalchemy", "msgspec"}


def test_only_booking_domain_testing_imports_the_testing_package() -> None:
    offenders = []
    for path in PACKAGE_DIR.rglob("*.py"):
        if "testing" in path.relative_to(PACKAGE_DIR).parts:
            continue
        source = path.read_text()
        if "booking_domain.testing" in source or "from .testing" in source:
            offenders.append(str(path.relative_to(PACKAGE_DIR)))
    assert offenders == []
