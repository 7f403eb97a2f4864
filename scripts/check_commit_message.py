"""The commit-msg hook: a subject of at most 72 characters, and a blank line between it and
the body when there is one.

    .venv/bin/python scripts/check_commit_message.py .git/COMMIT_EDITMSG

Reads the message as git will record it (comment lines and everything below the scissors
line of ``git commit -v`` dropped, leading blank lines ignored). Prints each problem and
exits 1, which makes git refuse the commit and keep the message in the file given. The
subjects git writes for ``fixup!``, ``squash!`` and ``amend!`` commits are let through:
``git rebase --autosquash`` folds them away.
"""

from __future__ import annotations

import sys
from pathlib import Path

MAX_SUBJECT = 72
SCISSORS = "# ------------------------ >8 ------------------------"
AUTOSQUASH_PREFIXES = ("fixup! ", "squash! ", "amend! ")


def recorded_lines(message: str) -> list[str]:
    """The lines git records: up to the scissors line, without comments, from the first
    line that is not blank, trailing blanks removed."""
    lines: list[str] = []
    for line in message.splitlines():
        if line == SCISSORS:
            break
        if not line.startswith("#"):
            lines.append(line.rstrip())
    while lines and not lines[0]:
        lines.pop(0)
    return lines


def problems(message: str) -> list[str]:
    """What is wrong with ``message`` (nothing for an empty one: git refuses that itself)."""
    lines = recorded_lines(message)
    if not lines or lines[0].startswith(AUTOSQUASH_PREFIXES):
        return []
    subject, rest = lines[0], lines[1:]
    found: list[str] = []
    if len(subject) > MAX_SUBJECT:
        found.append(
            f"the subject line has {len(subject)} characters; at most {MAX_SUBJECT}"
            " (say what changed, and put the detail in the body)"
        )
    if rest and rest[0]:
        found.append("a blank line goes between the subject and the body")
    return found


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(f"usage: {argv[0]} COMMIT_MESSAGE_FILE", file=sys.stderr)
        return 2
    found = problems(Path(argv[1]).read_text(encoding="utf-8"))
    for problem in found:
        print(f"commit message: {problem}", file=sys.stderr)
    if found:
        print(f"(the message is kept in {argv[1]})", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
