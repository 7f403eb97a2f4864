"""Commit messages: a subject of at most 72 characters, and a blank line between it and the
body when there is one. Two ways to run it:

    .venv/bin/python scripts/check_commit_message.py .git/COMMIT_EDITMSG
    .venv/bin/python scripts/check_commit_message.py --history [--rev HEAD]

The first is the commit-msg hook. It reads the message as git will record it (comment lines
and everything below the scissors line of ``git commit -v`` dropped, leading blank lines
ignored), prints each problem and exits 1, which makes git refuse the commit and keep the
message in the file given. The subjects git writes for ``fixup!``, ``squash!`` and
``amend!`` commits are let through: ``git rebase --autosquash`` folds them away.

The second is CI's (``make commit-messages``, run by ``make test``): CI checks out main and
has no base branch to compare with, so it checks every commit reachable from ``--rev``
since the commit that brought in the rule (``since`` in ``scripts/commit_messages.txt``),
merge commits included: whatever a submission adds is among them. The commits of that
range that broke the rule before CI checked it are listed there by hash, each with its
subject; history is not rewritten, so they stay listed. A ``fixup!`` commit in history was
never folded, so there it is a problem. It needs the history back to ``since``: a shallow
clone is refused with the command that fetches the rest.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

MAX_SUBJECT = 72
SCISSORS = "# ------------------------ >8 ------------------------"
AUTOSQUASH_PREFIXES = ("fixup! ", "squash! ", "amend! ")
HISTORY = Path(__file__).with_name("commit_messages.txt")


def recorded_lines(message: str) -> list[str]:
    """The lines git records: up to the scissors line, without comments, from the first
    line that is not blank, trailing blanks removed."""
    lines: list[str] = []
    for line in message.splitlines():
        if line == SCISSORS:
            break
        if not line.startswith("#"):
            lines.append(line.rstrip())
    return _from_first_line(lines)


def _from_first_line(lines: list[str]) -> list[str]:
    while lines and not lines[0]:
        lines.pop(0)
    return lines


def problems(message: str, *, recorded: bool = False) -> list[str]:
    """What is wrong with ``message`` (nothing for an empty one: git refuses that itself).
    ``recorded``: the message of a commit already made (``git log``), taken as it is, where
    an autosquash subject is a commit never folded."""
    if recorded:
        lines = _from_first_line([line.rstrip() for line in message.splitlines()])
    else:
        lines = recorded_lines(message)
    if not lines:
        return []
    subject, rest = lines[0], lines[1:]
    found: list[str] = []
    if subject.startswith(AUTOSQUASH_PREFIXES):
        if not recorded:
            return []
        found.append("a fixup!/squash!/amend! commit that was never folded into its target")
    if len(subject) > MAX_SUBJECT:
        found.append(
            f"the subject line has {len(subject)} characters; at most {MAX_SUBJECT}"
            " (say what changed, and put the detail in the body)"
        )
    if rest and rest[0]:
        found.append("a blank line goes between the subject and the body")
    return found


@dataclass(frozen=True)
class History:
    """``scripts/commit_messages.txt``: where the checked history starts, and the commits
    of it let through."""

    since: str
    let_through: frozenset[str]

    @classmethod
    def parse(cls, text: str) -> History:
        since: str | None = None
        listed: set[str] = set()
        for line in text.splitlines():
            words = line.split()
            if not words or words[0].startswith("#"):
                continue
            if words[0] == "since":
                since = words[1]
            else:
                listed.add(words[0])
        if since is None:
            raise ValueError("no `since <commit>` line")
        return cls(since, frozenset(listed))


def _git(*args: str, cwd: Path | None = None) -> str:
    done = subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, check=False, encoding="utf-8"
    )
    if done.returncode != 0:
        raise RuntimeError(f"git {' '.join(args)}: {done.stderr.strip()}")
    return done.stdout


def commits_since(since: str, rev: str, cwd: Path | None = None) -> list[tuple[str, str]]:
    """Each commit reachable from ``rev`` and not from before ``since`` (``since`` itself
    and merges included), newest first: its full hash and its message as recorded."""
    _git("cat-file", "-e", f"{since}^{{commit}}", cwd=cwd)
    parents = _git("rev-list", "--parents", "-n", "1", since, cwd=cwd).split()[1:]
    log = _git("log", "--format=%H%x00%B%x1e", rev, "--not", *parents, cwd=cwd)
    commits = []
    for record in log.split("\x1e"):
        record = record.lstrip("\n")
        if record:
            commit, message = record.split("\x00", 1)
            commits.append((commit, message))
    return commits


def check_history(history: History, rev: str, cwd: Path | None = None) -> list[str]:
    """One line per problem of each commit of the range not let through."""
    found: list[str] = []
    for commit, message in commits_since(history.since, rev, cwd):
        if commit in history.let_through:
            continue
        subject = (message.strip().splitlines() or [""])[0]
        found.extend(
            f"{commit[:12]} {subject[:60]!r}: {problem}"
            for problem in problems(message, recorded=True)
        )
    return found


def _check_file(path: str) -> int:
    found = problems(Path(path).read_text(encoding="utf-8"))
    for problem in found:
        print(f"commit message: {problem}", file=sys.stderr)
    if found:
        print(f"(the message is kept in {path})", file=sys.stderr)
    return 1 if found else 0


def _check_history(rev: str, listing: Path) -> int:
    history = History.parse(listing.read_text(encoding="utf-8"))
    try:
        found = check_history(history, rev)
    except RuntimeError as error:
        print(
            f"commit messages: cannot read the history back to {history.since[:12]}"
            f" ({error}); in a shallow clone, run `git fetch --unshallow` first",
            file=sys.stderr,
        )
        return 2
    for line in found:
        print(f"commit message of {line}", file=sys.stderr)
    if found:
        print(
            "Rewrite these messages before the merge (git rebase -i, reword); see"
            ' CONTRIBUTING.md, "Commits".',
            file=sys.stderr,
        )
    return 1 if found else 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog=Path(argv[0]).name, description=__doc__.split("\n")[0])
    parser.add_argument("message_file", nargs="?", help="the message to check (the hook's)")
    parser.add_argument("--history", action="store_true", help="check every commit since the rule")
    parser.add_argument("--rev", default="HEAD", help="the last commit of the history checked")
    parser.add_argument("--list", type=Path, default=HISTORY, help=argparse.SUPPRESS)
    args = parser.parse_args(argv[1:])
    if args.history == (args.message_file is not None):
        parser.print_usage(sys.stderr)
        return 2
    if args.history:
        return _check_history(args.rev, args.list)
    return _check_file(args.message_file)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
