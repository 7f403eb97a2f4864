"""booking_domain (without .testing) loads only the standard library, never hypothesis."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[3] / "src"

SCRIPT = """
import sys, pkgutil, importlib
import booking_domain
before = set(sys.modules)
for info in pkgutil.walk_packages(booking_domain.__path__, "booking_domain."):
    if not info.name.startswith("booking_domain.testing"):
        importlib.import_module(info.name)
loaded = {name.split(".")[0] for name in set(sys.modules) - before}
loaded = {name for name in loaded if not name.startswith("_sysconfigdata")}  # stdlib internal
print(" ".join(sorted(loaded - set(sys.stdlib_module_names) - {"booking_domain"})))
"""


def test_domain_modules_import_only_the_standard_library() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True,
        env={**os.environ, "PYTHONPATH": str(SRC)},
    )  # fmt: skip
    assert result.stdout.split() == []
