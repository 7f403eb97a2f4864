"""The README's example as a script: its ```python blocks in order, and what they print.

A whole-line comment right after a line that calls ``print(`` is that call's output (a long
line may wrap over several comment lines: compared with whitespace collapsed)."""

from __future__ import annotations

import re
from pathlib import Path

BLOCK = re.compile(r"^```python\n(.*?)^```$", re.DOTALL | re.MULTILINE)
BETWEEN_BLOCKS = "---- next block ----"


def python_blocks(readme: Path) -> list[str]:
    return BLOCK.findall(readme.read_text(encoding="utf-8"))


def expected_output(block: str) -> str:
    """The comment lines that follow a ``print(`` call, whitespace collapsed."""
    said: list[str] = []
    printing = False
    for line in block.splitlines():
        if line.startswith("# ") and printing:
            said.append(line[2:])
            continue
        printing = line.lstrip().startswith("print(")
    return " ".join(" ".join(said).split())


def script_of(blocks: list[str]) -> str:
    """The blocks as one script that prints a marker between them."""
    return f"\nprint({BETWEEN_BLOCKS!r})\n".join(blocks)


def outputs_of(stdout: str) -> list[str]:
    """What each block printed, whitespace collapsed."""
    return [" ".join(part.split()) for part in stdout.split(BETWEEN_BLOCKS)]
