"""``inkslot telegram`` as an operator runs it, against the fake Bot API (a real process of
its own too: ``inkslot telegram fake-api``): the webhook registered with its secret, what
Telegram knows of it, and nothing done while Telegram is off."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from booking_domain.telegram import WEBHOOK_PATH, derived_secret
from entrypoints.telegram.commands import WEBHOOK_PATH as CLI_WEBHOOK_PATH
from tests.support.cli import cli_env, inkslot
from tests.support.server import free_port, wait_until_answering
from tests.support.telegram import TEST_BOT_TOKEN

pytestmark = pytest.mark.serial


@pytest.fixture
def fake_api(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """``inkslot telegram fake-api`` on a free port, its log in a file."""
    port, log = free_port(), tmp_path / "telegram.jsonl"
    env = cli_env(INKSLOT_TELEGRAM_BOT_TOKEN=TEST_BOT_TOKEN)
    command = [sys.executable, "-m", "entrypoints.cli", "telegram", "fake-api", "--port", str(port),
               "--log", str(log)]  # fmt: skip
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_answering(url + "/", process)
    except OSError:
        process.kill()
        raise
    try:
        yield url, log
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_set_webhook_registers_the_webhook_with_the_secret_and_status_reads_it_back(
    fake_api: tuple[str, Path],
) -> None:
    url, log = fake_api
    env = cli_env(
        INKSLOT_TELEGRAM_BOT_TOKEN=TEST_BOT_TOKEN,
        INKSLOT_TELEGRAM_API_URL=url,
        INKSLOT_PUBLIC_URL="https://inkslot.example.mn",
    )
    done = inkslot("telegram", "set-webhook", env=env)
    assert done.returncode == 0, done.stderr
    assert "https://inkslot.example.mn/api/v1/telegram/webhook" in done.stdout
    calls = [json.loads(line) for line in log.read_text().splitlines()]
    registered = next(c for c in calls if c.get("method") == "setWebhook")["request"]
    assert registered["url"] == "https://inkslot.example.mn" + WEBHOOK_PATH
    assert registered["secret_token"] == derived_secret(TEST_BOT_TOKEN)
    assert registered["allowed_updates"] == ["message", "callback_query", "my_chat_member"]
    assert TEST_BOT_TOKEN not in done.stdout + done.stderr
    status = inkslot("telegram", "status", env=env)
    assert status.returncode == 0 and registered["url"] in status.stdout
    other = inkslot("telegram", "set-webhook", "--url", "http://127.0.0.1:9/hook", env=env)
    assert other.returncode == 0 and "http://127.0.0.1:9/hook" in other.stdout


def test_without_a_bot_token_the_commands_say_telegram_is_off() -> None:
    for command in ("set-webhook", "status"):
        done = inkslot("telegram", command, env=cli_env())
        assert done.returncode == 2 and "Telegram is off" in done.stderr


def test_the_cli_posts_to_the_webhook_the_api_serves() -> None:
    assert CLI_WEBHOOK_PATH == WEBHOOK_PATH
