"""What the contexts' ``Deps`` take from the settings (the registry's ``FromSettings``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from booking_domain.accounts import LockoutPolicy
from booking_domain.accounts.phone_codes import PhoneCodePolicy
from booking_domain.accounts.telegram import TelegramBot
from booking_domain.accounts.text_reach import TextReach
from booking_domain.accounts.use_cases import SessionPolicy
from booking_domain.bookings import LookupBudget
from booking_domain.notifications import RetrySchedule as NotificationRetrySchedule
from booking_domain.payouts import FeeRule
from booking_domain.shared.ids import BookingId
from booking_domain.telegram import webhook_secret
from booking_domain.webhooks import RetrySchedule as WebhookRetrySchedule
from entrypoints.settings import Settings

CALLBACK_PATH = "/api/v1/payments/callback"
MAX_CALLBACK_URL = 255  # QPay's limit on callback_url


@dataclass(frozen=True, slots=True)
class CallbackUrl:
    """``<base>/<number>?t=<token>``, the base ``<public URL>/api/v1/payments/callback``
    unless ``INKSLOT_PAYMENT_CALLBACK_BASE_URL`` names another (the payment edge's
    ``/v1/callbacks``, which passes callbacks on). QPay appends ``&qpay_payment_id=...``.
    None of our parameters is named ``payment_id``."""

    base: str

    def __call__(self, number: str, token: str) -> str:
        url = f"{self.base}/{number}?t={token}"
        if len(url) > MAX_CALLBACK_URL:
            raise ValueError("the callback base URL is too long for QPay's 255 characters")
        return url


RECEIPTS_PATH = "/api/v1/receipts"


@dataclass(frozen=True, slots=True)
class ReceiptUrl:
    """``<public URL>/api/v1/receipts/<token>``: a studio payment's receipt, opened from the
    customer's email without signing in (the token is the key)."""

    base: str

    def __call__(self, token: str) -> str:
        return f"{self.base}/{token}"


@dataclass(frozen=True, slots=True)
class BookingPageUrl:
    """``<web app>/bookings/<id>``: the booking's own page, where a customer paying on the
    provider's page (Stripe Checkout) comes back to."""

    base: str

    def __call__(self, booking_id: BookingId) -> str:
        return f"{self.base}/bookings/{booking_id}"


def booking_page_url(settings: Settings) -> BookingPageUrl:
    return BookingPageUrl(settings.web_url)


def payouts_page_url(settings: Settings) -> str:
    """The artist's console page of payouts, where Stripe's onboarding sends them back."""
    return settings.web_url + "/console/payouts"


def receipt_url(settings: Settings) -> ReceiptUrl:
    return ReceiptUrl(settings.base_url + RECEIPTS_PATH)


def fee_rule(settings: Settings) -> FeeRule:
    return FeeRule(settings.platform_fee_basis_points, settings.platform_fee_minimums)


def code_policy(settings: Settings) -> PhoneCodePolicy:
    return PhoneCodePolicy(
        daily_budget=settings.sms_daily_limit, per_range_daily=settings.sms_range_daily_limit
    )


def text_reach(settings: Settings) -> TextReach:
    return TextReach(settings.text_regions)


def lookup_budget(settings: Settings) -> LookupBudget:
    return LookupBudget(per_hour=settings.customer_lookups_per_hour)


def lockout_policy(settings: Settings) -> LockoutPolicy:
    return LockoutPolicy(
        max_failures=settings.login_max_failures, lock_duration=settings.login_lock
    )


def session_policy(settings: Settings) -> SessionPolicy:
    return SessionPolicy(
        refresh_token_ttl=settings.refresh_token_ttl, lockout=lockout_policy(settings)
    )


def telegram_bot(settings: Settings) -> TelegramBot | None:
    """The bot Telegram signs logins for; None (Telegram sign-in off) without a token."""
    token = settings.telegram_bot_token
    return TelegramBot(token) if token else None


def telegram_webhook_secret(settings: Settings) -> str | None:
    """What the bot's webhook checks: the configured secret, else one derived from the bot
    token; None (the bot off) without a token."""
    return webhook_secret(settings.telegram_bot_token, settings.telegram_webhook_secret)


def callback_url(settings: Settings) -> CallbackUrl:
    return CallbackUrl(settings.payment_callback_base_url or settings.base_url + CALLBACK_PATH)


def webhook_retries(settings: Settings) -> WebhookRetrySchedule:
    seconds = settings.webhook_retry_seconds
    return WebhookRetrySchedule() if seconds is None else WebhookRetrySchedule(_delays(seconds))


def notification_retries(settings: Settings) -> NotificationRetrySchedule:
    seconds = settings.notification_retry_seconds
    if seconds is None:
        return NotificationRetrySchedule()
    return NotificationRetrySchedule(_delays(seconds))


def _delays(seconds: tuple[int, ...]) -> tuple[timedelta, ...]:
    return tuple(timedelta(seconds=s) for s in seconds)
