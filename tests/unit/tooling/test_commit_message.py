"""The commit-msg hook (scripts/check_commit_message.py): a subject of at most 72 characters,
a blank line before the body; what git drops from a message is not judged. And CI's check of
every commit since the rule came in (``--history``), on throwaway repositories."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from scripts.check_commit_message import (
    MAX_SUBJECT,
    SCISSORS,
    History,
    check_history,
    commits_since,
    main,
    problems,
)

GOOD_SUBJECT = "Ruff bounds complexity at 10; the functions over it split by rule"


@pytest.mark.parametrize(
    "message",
    [
        GOOD_SUBJECT + "\n",
        GOOD_SUBJECT,
        "x" * MAX_SUBJECT + "\n",
        GOOD_SUBJECT + "\n\nThe detail, in the body.\n",
        GOOD_SUBJECT + "\n\n\nThe body after two blank lines (git keeps one).\n",
        "\n\n" + GOOD_SUBJECT + "\n\nLeading blank lines are dropped by git.\n",
        "# Please enter the commit message\n" + GOOD_SUBJECT + "\n# a comment\n\nBody.\n",
        GOOD_SUBJECT + "\n\nBody.\n" + SCISSORS + "\ndiff --git a/x b/x\n" + "y" * 200 + "\n",
        "fixup! " + "x" * 90 + "\n",
        "",
        "# only comments\n",
    ],
    ids=[
        "subject",
        "no newline",
        "72 characters",
        "subject and body",
        "two blank lines",
        "leading blanks",
        "comments",
        "verbose diff",
        "fixup",
        "empty",
        "comments only",
    ],
)
def test_good_messages_pass(message: str) -> None:
    assert problems(message) == []


def test_a_subject_over_72_characters_is_refused() -> None:
    subject = "Admin lists count their matches up to 10,000: every list response gains totalExact."
    (problem,) = problems(subject + "\n\nThe detail.\n")
    assert f"{len(subject)} characters; at most 72" in problem
    assert len(problems("x" * (MAX_SUBJECT + 1))) == 1


def test_a_body_right_under_the_subject_is_refused() -> None:
    (problem,) = problems(GOOD_SUBJECT + "\nThe body, with no blank line before it.\n")
    assert "blank line" in problem


def test_both_problems_are_named_at_once() -> None:
    assert len(problems("x" * 90 + "\nbody\n")) == 2


def test_the_hook_exits_1_on_a_bad_message_and_0_on_a_good_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad, good = tmp_path / "BAD_MSG", tmp_path / "GOOD_MSG"
    bad.write_text("x" * 90 + "\n", encoding="utf-8")
    good.write_text(GOOD_SUBJECT + "\n\nBody.\n", encoding="utf-8")
    assert main(["check_commit_message.py", str(bad)]) == 1
    assert "90 characters" in capsys.readouterr().err
    assert main(["check_commit_message.py", str(good)]) == 0
    assert capsys.readouterr().err == ""


# CI's check of the history (`--history`): every commit since the rule came in, merges
# included, but those the committed list lets through.


def _git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=T", "-c", "user.email=t@example.com", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


def _commit(repo: Path, message: str) -> str:
    _git(repo, "commit", "-q", "--allow-empty", "--cleanup=verbatim", "-m", message)
    return _git(repo, "rev-parse", "HEAD")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    _git(tmp_path, "init", "-q", "-b", "main")
    return tmp_path


def test_a_recorded_fixup_is_a_commit_never_folded() -> None:
    assert problems("fixup! " + GOOD_SUBJECT + "\n") == []
    (problem,) = problems("fixup! " + GOOD_SUBJECT + "\n", recorded=True)
    assert "never folded" in problem


def test_a_recorded_message_is_taken_as_it_is() -> None:
    # git log gives no comments back: a body line that starts with '#' is text.
    assert problems(GOOD_SUBJECT + "\n#1 in the body\n", recorded=True) != []
    assert problems(GOOD_SUBJECT + "\n\n#1 in the body\n", recorded=True) == []


def test_the_list_names_where_the_history_starts_and_what_it_lets_through() -> None:
    history = History.parse(
        "# a comment\nsince abc123\n\n"
        "def456 A subject over the bound # with a hash sign\n  # an indented comment\n"
    )
    assert history == History("abc123", frozenset({"def456"}))
    with pytest.raises(ValueError, match="since"):
        History.parse("def456 no start\n")


def test_the_history_since_the_rule_is_checked_merges_included(repo: Path) -> None:
    before = _commit(repo, "x" * 90)  # before the rule: never read
    since = _commit(repo, "The rule comes in")
    _git(repo, "checkout", "-q", "-b", "side")
    side = _commit(repo, "A side commit\nwith its body right under it")
    _git(repo, "checkout", "-q", "main")
    _commit(repo, GOOD_SUBJECT + "\n\nA body.")
    _git(repo, "merge", "-q", "--no-ff", "side", "-m", "Merge side: " + "m" * 70)
    merge = _git(repo, "rev-parse", "HEAD")
    assert before not in {c for c, _ in commits_since(since, "HEAD", repo)}

    found = check_history(History(since, frozenset()), "HEAD", repo)
    assert [line[:12] for line in found] == [merge[:12], side[:12]]
    assert "82 characters" in found[0]
    assert "blank line" in found[1]
    assert check_history(History(since, frozenset({merge, side})), "HEAD", repo) == []
    assert check_history(History(since, frozenset()), "HEAD~1", repo) == []


def test_the_command_fails_on_a_bad_commit_and_names_it(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    since = _commit(repo, "The rule comes in")
    listing = repo / "commit_messages.txt"
    listing.write_text(f"since {since}\n", encoding="utf-8")
    monkeypatch.chdir(repo)
    assert main(["check_commit_message.py", "--history", "--list", str(listing)]) == 0
    bad = _commit(repo, "y" * 80)
    assert main(["check_commit_message.py", "--history", "--list", str(listing)]) == 1
    assert f"{bad[:12]} {'y' * 60!r}: the subject line has 80" in capsys.readouterr().err
    listing.write_text(f"since {since}\n{bad} {'y' * 80}\n", encoding="utf-8")
    assert main(["check_commit_message.py", "--history", "--list", str(listing)]) == 0


def test_a_history_that_does_not_reach_the_start_is_refused(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _commit(repo, GOOD_SUBJECT)
    listing = repo / "commit_messages.txt"
    listing.write_text("since " + "0" * 40 + "\n", encoding="utf-8")
    monkeypatch.chdir(repo)
    assert main(["check_commit_message.py", "--history", "--list", str(listing)]) == 2
    assert "git fetch --unshallow" in capsys.readouterr().err


def test_the_command_takes_a_file_or_the_history_not_both(tmp_path: Path) -> None:
    message = tmp_path / "MSG"
    message.write_text(GOOD_SUBJECT, encoding="utf-8")
    assert main(["check_commit_message.py"]) == 2
    assert main(["check_commit_message.py", "--history", str(message)]) == 2
