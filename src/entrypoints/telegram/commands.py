"""``inkslot telegram``: register the bot's webhook with Telegram (``set-webhook``), see
what Telegram knows of it (``status``), and serve the local fake of the Bot API
(``fake-api``). They need no database: the settings and Telegram only. What they use is
imported when they run, so that every other command starts as fast as before."""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from adapters.notifications.telegram_bot_api import HttpBotApi, WebhookInfo
    from booking_domain.notifications import SendOutcome
    from entrypoints.settings import Settings

WEBHOOK_PATH = "/api/v1/telegram/webhook"  # booking_domain.telegram.WEBHOOK_PATH

OFF = "inkslot: Telegram is off: INKSLOT_TELEGRAM_BOT_TOKEN is not set"


def add_telegram_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    telegram = commands.add_parser("telegram", help="the Telegram bot: its webhook, a fake API")
    telegram_commands = telegram.add_subparsers(dest="telegram_command", required=True)
    hook = telegram_commands.add_parser(
        "set-webhook", help="tell Telegram where to post the bot's updates, with the secret"
    )
    hook.add_argument("--url", help=f"the webhook (default: the public URL + {WEBHOOK_PATH})")
    telegram_commands.add_parser("status", help="what Telegram knows of the bot's webhook")
    fake = telegram_commands.add_parser("fake-api", help="serve a local fake of the Bot API")
    fake.add_argument("--host", default="127.0.0.1")
    fake.add_argument("--port", type=int, default=8081)
    fake.add_argument("--log", type=Path, help="append every call and update to this file")


def telegram_command(args: argparse.Namespace, settings: Settings) -> int:
    from adapters.notifications.telegram_bot_api import HttpBotApi

    if args.telegram_command == "fake-api":
        return _fake_api(args, settings)
    token = settings.telegram_bot_token
    if not token:
        print(OFF, file=sys.stderr)
        return 2
    api = HttpBotApi(settings.telegram_api_url, token)
    if args.telegram_command == "set-webhook":
        url = args.url or settings.base_url + WEBHOOK_PATH
        return _reported(asyncio.run(_set_webhook(api, url, settings)), url)
    return _status(asyncio.run(_webhook_info(api)), settings)


async def _set_webhook(api: HttpBotApi, url: str, settings: Settings) -> SendOutcome:
    from entrypoints.from_settings import telegram_webhook_secret

    secret = telegram_webhook_secret(settings)
    assert secret is not None  # there is a token
    try:
        return await api.set_webhook(url, secret)
    finally:
        await api.aclose()


async def _webhook_info(api: HttpBotApi) -> WebhookInfo | None:
    try:
        return await api.webhook_info()
    finally:
        await api.aclose()


def _reported(outcome: SendOutcome, url: str) -> int:
    if not outcome.sent:
        print(f"inkslot: Telegram did not take the webhook: {outcome.error}", file=sys.stderr)
        return 1
    print(f"webhook set: {url} (with the secret token)")
    return 0


def _status(info: WebhookInfo | None, settings: Settings) -> int:
    if info is None:
        print("inkslot: Telegram did not answer getWebhookInfo", file=sys.stderr)
        return 1
    expected = settings.base_url + WEBHOOK_PATH
    print(f"webhook: {info.url or '(none: run inkslot telegram set-webhook)'}")
    if info.url and info.url != expected:
        print(f"note: this server's own would be {expected}")
    print(f"updates waiting at Telegram: {info.pending_update_count}")
    if info.last_error_message:
        print(f"last delivery error: {info.last_error_message}")
    return 0


def _fake_api(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    from entrypoints.telegram.fake_api import FakeBotApi

    if args.log is not None:
        args.log.parent.mkdir(parents=True, exist_ok=True)
    app = FakeBotApi(token=settings.telegram_bot_token, log_path=args.log)
    print(f"fake Telegram Bot API on http://{args.host}:{args.port} (GET / for its controls)")
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", lifespan="off")
    return 0
