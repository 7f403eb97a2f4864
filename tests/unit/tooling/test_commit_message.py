"""The commit-msg hook (scripts/check_commit_message.py): a subject of at most 72 characters,
a blank line before the body; what git drops from a message is not judged."""

from __future__ import annotations

from pathlib import Path

import pytest
from scripts.check_commit_message import MAX_SUBJECT, SCISSORS, main, problems

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
