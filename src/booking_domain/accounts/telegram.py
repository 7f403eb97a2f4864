"""Signing in with Telegram: the Login Widget's data and a Mini App's ``initData``.

Rules (docs/api.md, "Telegram sign-in"):
- Telegram signs what it hands the client with the bot's token. The data-check-string is
  every received field but ``hash``, as ``key=value``, sorted by key, joined by "\\n"; the
  payload is genuine when ``hash`` is the hex HMAC-SHA-256 of it under a key made from the
  token: SHA-256(token) for the Login Widget, HMAC-SHA-256(key="WebAppData", token) for a
  Mini App. Hashes are compared in constant time;
- a payload is at most ``MAX_AGE`` old by ``auth_date`` (exactly ``MAX_AGE`` is still in
  time), and at most ``FUTURE_SKEW`` ahead of our clock;
- a payload is accepted once: its hash is remembered as spent until it would be too old
  anyway (``TelegramLogin.expires_at``);
- a Telegram account is linked to at most one account; an account made by Telegram is a
  customer, named from the first and last names (``telegram_name``), speaking Mongolian
  when Telegram says the person does;
- unlinking Telegram is refused while it is the account's only way in
  (``has_another_way_in``).

Every refusal of a payload is one error, ``InvalidTelegramLoginError``, whatever was wrong.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qsl

from booking_domain.accounts.users import DEFAULT_LOCALE, MAX_NAME_LENGTH, User, checked_name
from booking_domain.shared.errors import (
    ConflictError,
    FieldError,
    NotAuthenticatedError,
    NotFoundError,
)
from booking_domain.shared.ids import UserId

MAX_AGE = timedelta(days=1)
FUTURE_SKEW = timedelta(minutes=5)  # how far ahead of our clock Telegram's may run
MAX_TELEGRAM_ID = 2**63 - 1  # what the store holds (Telegram's ids fit in 52 bits)
_MAX_UNIX_SECONDS = 253_402_300_799  # 9999-12-31T23:59:59Z
_MAX_INIT_DATA_FIELDS = 64
_WEB_APP_KEY = b"WebAppData"


class InvalidTelegramLoginError(NotAuthenticatedError):
    """Telegram's data is tampered with, signed for another bot, malformed, too old or from
    the future: deliberately one error for all."""

    code = "invalid_telegram_login"
    default_message = "The Telegram login is invalid or has expired; sign in with Telegram again."


class TelegramLoginReusedError(NotAuthenticatedError):
    """A payload that was accepted once already (someone replays it)."""

    code = "telegram_login_reused"
    default_message = "This Telegram login was used already; sign in with Telegram again."


class TelegramOffError(NotFoundError):
    """No bot token is configured (``INKSLOT_TELEGRAM_BOT_TOKEN``): nothing of Telegram
    (sign-in, the bot, its messages) exists on this server."""

    code = "telegram_off"
    default_message = "Telegram is not available on this server."


class TelegramAlreadyLinkedError(ConflictError):
    code = "telegram_taken"
    default_message = "This Telegram account is linked to another account."


class TelegramNotLinkedError(NotFoundError):
    code = "telegram_not_linked"
    default_message = "No Telegram account is linked to this account."


class TelegramOnlyWayInError(ConflictError):
    code = "telegram_only_way_in"
    default_message = (
        "Telegram is the only way into this account: set a password or verify a phone number first."
    )


@dataclass(frozen=True, slots=True)
class TelegramBot:
    """The bot whose token Telegram signs logins with. The token is a credential: never in
    a repr, a log line or a response."""

    token: str = field(repr=False)

    @property
    def login_widget_key(self) -> bytes:
        return hashlib.sha256(self.token.encode()).digest()

    @property
    def web_app_key(self) -> bytes:
        return hmac.new(_WEB_APP_KEY, self.token.encode(), hashlib.sha256).digest()


@dataclass(frozen=True, slots=True)
class TelegramLogin:
    """A verified payload: who Telegram says signs in, and the hash that spends it."""

    telegram_id: int
    first_name: str
    auth_date: datetime
    payload_hash: str
    last_name: str | None = None
    username: str | None = None
    language_code: str | None = None

    @property
    def expires_at(self) -> datetime:
        """When the payload is too old to be accepted: how long it is remembered as spent."""
        return self.auth_date + MAX_AGE

    @property
    def locale(self) -> str:
        return "mn" if self.language_code == "mn" else DEFAULT_LOCALE


@dataclass(frozen=True, slots=True)
class TelegramLink:
    """A Telegram account linked to an account of ours (one each way)."""

    telegram_id: int
    user_id: UserId
    username: str | None
    linked_at: datetime


def data_check_string(fields: Mapping[str, str]) -> str:
    """Every field but ``hash`` as ``key=value``, sorted by key, one per line."""
    return "\n".join(f"{k}={fields[k]}" for k in sorted(fields) if k != "hash")


def signature(key: bytes, fields: Mapping[str, str]) -> str:
    """The hex HMAC-SHA-256 of the fields' data-check-string under ``key``."""
    text = data_check_string(fields).encode("utf-8", "surrogatepass")
    return hmac.new(key, text, hashlib.sha256).hexdigest()


def verified_login(bot: TelegramBot, fields: Mapping[str, str], now: datetime) -> TelegramLogin:
    """The Login Widget's fields (as received, ``hash`` among them), verified at ``now``."""
    _check_signature(bot.login_widget_key, fields)
    return _login(fields, fields, now)


def verified_web_app(bot: TelegramBot, init_data: str, now: datetime) -> TelegramLogin:
    """A Mini App's raw ``initData`` query string, verified at ``now``; the person is its
    ``user`` field (JSON)."""
    fields = _query_fields(init_data)
    _check_signature(bot.web_app_key, fields)
    try:
        person = json.loads(fields.get("user", ""))
    except ValueError:
        raise InvalidTelegramLoginError() from None
    if not isinstance(person, dict):
        raise InvalidTelegramLoginError()
    return _login(fields, person, now)


def _check_signature(key: bytes, fields: Mapping[str, str]) -> None:
    given = fields.get("hash")
    if not isinstance(given, str):
        raise InvalidTelegramLoginError()
    expected = signature(key, fields)
    if not hmac.compare_digest(expected.encode(), given.encode("utf-8", "replace")):
        raise InvalidTelegramLoginError()


def _query_fields(init_data: str) -> dict[str, str]:
    """The pairs of a query string; a key given twice is refused (which one was signed?)."""
    try:
        pairs = parse_qsl(
            init_data,
            keep_blank_values=True,
            strict_parsing=True,
            max_num_fields=_MAX_INIT_DATA_FIELDS,
        )
    except ValueError:
        raise InvalidTelegramLoginError() from None
    fields = dict(pairs)
    if len(fields) != len(pairs):
        raise InvalidTelegramLoginError()
    return fields


def _login(fields: Mapping[str, str], person: Mapping[str, object], now: datetime) -> TelegramLogin:
    """The signed fields' ``auth_date`` (in time at ``now``) and the person described."""
    auth_date = _auth_date(fields.get("auth_date"))
    if not now - MAX_AGE <= auth_date <= now + FUTURE_SKEW:
        raise InvalidTelegramLoginError()
    telegram_id = _telegram_id(person.get("id"))
    first_name = person.get("first_name")
    if not isinstance(first_name, str):
        raise InvalidTelegramLoginError()
    return TelegramLogin(
        telegram_id=telegram_id,
        first_name=first_name,
        auth_date=auth_date,
        payload_hash=fields["hash"],
        last_name=_text(person.get("last_name")),
        username=_text(person.get("username")),
        language_code=_text(person.get("language_code")),
    )


def _auth_date(raw: str | None) -> datetime:
    if raw is None or not (raw.isascii() and raw.isdigit()) or len(raw) > 12:
        raise InvalidTelegramLoginError()
    seconds = int(raw)
    if seconds > _MAX_UNIX_SECONDS:
        raise InvalidTelegramLoginError()
    return datetime.fromtimestamp(seconds, UTC)


def _telegram_id(raw: object) -> int:
    """The id: a JSON number in a Mini App's ``user``, a decimal string in widget data."""
    if isinstance(raw, str) and raw.isascii() and raw.isdigit() and len(raw) <= 19:
        raw = int(raw)
    if isinstance(raw, bool) or not isinstance(raw, int) or not 0 < raw <= MAX_TELEGRAM_ID:
        raise InvalidTelegramLoginError()
    return raw


def _text(raw: object) -> str | None:
    return raw if isinstance(raw, str) and raw else None


def telegram_name(login: TelegramLogin) -> str:
    """The name of an account made by Telegram: first and last names, cleaned as any name
    (``users.checked_name``), cut to ``MAX_NAME_LENGTH``; when that is no acceptable name
    (control characters, blank), the username, else "Telegram user"."""
    full = " ".join(part for part in (login.first_name, login.last_name) if part)
    for candidate in (full, login.username or ""):
        errors: list[FieldError] = []
        cleaned = checked_name(" ".join(candidate.split())[:MAX_NAME_LENGTH], errors)
        if not errors:
            return cleaned
    return "Telegram user"


def has_another_way_in(user: User) -> bool:
    """Whether the account can be signed into without Telegram: by a code to its verified
    number, or by its email and password."""
    return user.phone_verified or (user.email is not None and user.password_hash is not None)
