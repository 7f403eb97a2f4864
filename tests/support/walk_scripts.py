"""The documented walks' scripts: the shell blocks of README.md and docs/*.md marked
``<!-- walk: NAME STEP -->`` (a block may belong to several walks: ``<!-- walk: a 1, b 1
-->``), put together by walk in step order. Standard library only: scripts/walks.py reads
them on a clone that ``make run`` set up, without the test tools."""

from __future__ import annotations

import re
import subprocess
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = (ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")))
_MARKED = re.compile(r"<!-- walk: ([^>]+?) -->\s*(?:<!--.*?-->\s*)*```sh\n(.*?)```", re.S)


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


def run_in_bash(
    script: str, *, cwd: Path, env: dict[str, str], timeout: float
) -> subprocess.CompletedProcess[str]:
    """``script`` run as a reader runs a documented block: by bash, stopping at the first
    failing command, unset variable or failing pipe (``-euo pipefail``), in ``cwd``, with
    nothing of the caller's environment but ``env``; its output kept for the test."""
    return subprocess.run(
        ["bash", "-euo", "pipefail", "-c", script],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
