"""Telegram login payloads signed the way Telegram signs them, written here from Telegram's
documentation and not from ``booking_domain.accounts.telegram`` (a test of the checks
would otherwise check them against themselves)."""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any
from urllib.parse import urlencode

TEST_BOT_TOKEN = "123456789:AAH-inkslot-test-bot-token_0123456789"  # a test bot
OTHER_BOT_TOKEN = "987654321:AAH-some-other-bot-token_9876543210"


def _check_string(fields: dict[str, Any]) -> bytes:
    return "\n".join(f"{k}={fields[k]}" for k in sorted(fields)).encode()


def widget_data(
    auth_date: datetime,
    telegram_id: int = 424242,
    first_name: str = "Bat",
    *,
    token: str = TEST_BOT_TOKEN,
    extra: Mapping[str, str] | None = None,
    **more: str,
) -> dict[str, Any]:
    """What the Login Widget hands over: the fields and their ``hash``."""
    fields: dict[str, Any] = {
        "id": telegram_id,
        "first_name": first_name,
        "auth_date": int(auth_date.timestamp()),
        **(extra or {}),
        **more,
    }
    secret = hashlib.sha256(token.encode()).digest()
    fields["hash"] = hmac.new(secret, _check_string(fields), hashlib.sha256).hexdigest()
    return fields


def init_data(
    auth_date: datetime,
    user: dict[str, Any] | None = None,
    *,
    token: str = TEST_BOT_TOKEN,
    extra: Mapping[str, str] | None = None,
    **more: str,
) -> str:
    """A Mini App's ``initData``: a query string of its fields and their ``hash``."""
    person = user if user is not None else {"id": 424242, "first_name": "Bat"}
    fields: dict[str, Any] = {
        "query_id": "AAHdF6IQAAAAAN0XohDhrOrc",
        "user": json.dumps(person, separators=(",", ":"), ensure_ascii=False),
        "auth_date": int(auth_date.timestamp()),
        **(extra or {}),
        **more,
    }
    secret = hmac.new(b"WebAppData", token.encode(), hashlib.sha256).digest()
    fields["hash"] = hmac.new(secret, _check_string(fields), hashlib.sha256).hexdigest()
    return urlencode(fields)
