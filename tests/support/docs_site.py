"""Building the documentation site (mkdocs.yml) as ``make docs-build`` builds it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "mkdocs.yml"
# Material prints a notice about MkDocs 2.0 on each build; it says nothing about the site.
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def mkdocs_build(config: Path, site: Path) -> subprocess.CompletedProcess[str]:
    """``mkdocs build --strict`` of ``config`` into ``site`` (the HTTP reference reads the
    OpenAPI document the repository keeps: clients/openapi.json)."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config),
         "--site-dir", str(site)],
        cwd=config.parent, env=ENV, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
