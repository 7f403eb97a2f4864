"""The checks across settings that ``load_settings`` runs on every start, beside each
variable's own parsing, so that one refusal names everything to fix: what production cannot
run without, the chosen payment gateway's needs, the message channels' pairs and the chosen
SMS provider's settings. Each returns its problems (naming settings, never showing their
values); none raises.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from entrypoints.setting_values import PREFIX

# Each gateway's own settings, required when it is chosen.
GATEWAY_NEEDS = {
    "sandbox": (),
    "qpay": ("QPAY_CLIENT_ID", "QPAY_CLIENT_SECRET", "QPAY_INVOICE_CODE"),
    "edge": ("PAYMENT_EDGE_URL", "PAYMENT_EDGE_SECRET"),
    "none": (),
}

# What production cannot run without; the chosen payment gateway's own needs are
# ``GATEWAY_NEEDS`` (QPay's credentials, or the payment edge's address and secret).
REQUIRED_IN_PRODUCTION = (
    "DATABASE_URL",
    "JWT_SECRET",
    "ENCRYPTION_KEY",  # seals the secrets stored in the database
    "R2_ACCOUNT_ID",
    "R2_ACCESS_KEY_ID",
    "R2_SECRET_ACCESS_KEY",
    "R2_MEDIA_PUBLIC_BASE_URL",
    "SMTP_HOST",
    "MAIL_FROM",
    "APP_URL",  # the links in every message open the web app, not this API
)


def missing_in_production(env: Mapping[str, str]) -> list[str]:
    """One problem naming every required setting production lacks (first in the message)."""
    missing = [PREFIX + n for n in REQUIRED_IN_PRODUCTION if not env.get(PREFIX + n)]
    if missing:
        return ["missing required settings for production: " + ", ".join(missing)]
    return []


def short_jwt_secret(values: Mapping[str, Any]) -> list[str]:
    """Production signs tokens with a secret of at least 32 characters."""
    secret = values.get("jwt_secret")
    if isinstance(secret, str) and len(secret) < 32:
        return [f"{PREFIX}JWT_SECRET must be at least 32 characters"]
    return []


def message_channel_problems(values: Mapping[str, Any], *, production: bool) -> list[str]:
    """Production never sends the SMTP password in the clear; the SMS gateway's URL and key
    come together."""
    problems: list[str] = []
    if production and values.get("smtp_password") and values.get("smtp_tls", "starttls") == "none":
        problems.append(f"{PREFIX}SMTP_TLS=none would send the SMTP password in the clear")
    if bool(values.get("sms_gateway_url")) != bool(values.get("sms_gateway_key")):
        problems.append(f"{PREFIX}SMS_GATEWAY_URL and {PREFIX}SMS_GATEWAY_KEY go together")
    return problems + _sms_provider_problems(values)


def _sms_provider_problems(values: Mapping[str, Any]) -> list[str]:
    """The chosen SMS provider's settings are all there (named, never shown); Twilio's API
    key comes with its secret, and texts come from a number or a Messaging Service."""
    provider = values.get("sms_provider") or (
        "twilio" if values.get("twilio_account_sid") else None
    )
    problems: list[str] = []
    if provider == "gateway" and not values.get("sms_gateway_url"):
        problems.append(
            f"{PREFIX}SMS_PROVIDER=gateway needs {PREFIX}SMS_GATEWAY_URL and "
            f"{PREFIX}SMS_GATEWAY_KEY"
        )
    if bool(values.get("twilio_api_key_sid")) != bool(values.get("twilio_api_key_secret")):
        problems.append(f"{PREFIX}TWILIO_API_KEY_SID and {PREFIX}TWILIO_API_KEY_SECRET go together")
    if provider != "twilio":
        return problems
    missing = [
        PREFIX + name
        for name in ("TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN")
        if not values.get(name.lower())
    ]
    if missing:
        problems.append("the twilio SMS provider needs " + ", ".join(missing))
    if bool(values.get("twilio_from")) == bool(values.get("twilio_messaging_service_sid")):
        problems.append(
            f"the twilio SMS provider needs one of {PREFIX}TWILIO_FROM and "
            f"{PREFIX}TWILIO_MESSAGING_SERVICE_SID"
        )
    return problems


def _stripe_problems(values: Mapping[str, Any], gateway: str, local: bool) -> list[str]:
    """Stripe's key and webhook secret go together; the fake only locally; some gateway."""
    problems = []
    key, fake = values.get("stripe_secret_key"), values.get("stripe_fake")
    if fake and not local:
        problems.append(f"{PREFIX}STRIPE_FAKE is for the local profile only")
    if key and not values.get("stripe_webhook_secret") and not fake:
        problems.append(f"Stripe needs {PREFIX}STRIPE_WEBHOOK_SECRET beside its secret key")
    if gateway == "none" and not key and not fake:
        problems.append(
            f"{PREFIX}PAYMENT_GATEWAY=none leaves no gateway: set {PREFIX}STRIPE_SECRET_KEY"
        )
    return problems


def payment_problems(env: Mapping[str, str], values: Mapping[str, Any], local: bool) -> list[str]:
    """The chosen gateway's missing settings; the sandbox only in the local profile; an
    edge secret long enough to sign with. Checked on every start, beside the other
    settings' problems, so that one refusal names them all."""
    if env.get(PREFIX + "PAYMENT_GATEWAY") and "payment_gateway" not in values:
        return []  # an unknown gateway is already named; its needs are unknown
    gateway = values.get("payment_gateway") or ("sandbox" if local else "qpay")
    problems = []
    if gateway == "sandbox" and not local:
        problems.append(f"{PREFIX}PAYMENT_GATEWAY=sandbox is for the local profile only")
    missing = [PREFIX + n for n in GATEWAY_NEEDS.get(gateway, ()) if not env.get(PREFIX + n)]
    if missing:
        problems.append(f"the {gateway} payment gateway needs " + ", ".join(missing))
    secret = values.get("payment_edge_secret")
    if gateway == "edge" and isinstance(secret, str) and len(secret) < 32:
        problems.append(f"{PREFIX}PAYMENT_EDGE_SECRET must be at least 32 characters")
    url = values.get("payment_edge_url")
    if gateway == "edge" and not local and isinstance(url, str) and not url.startswith("https://"):
        problems.append(f"{PREFIX}PAYMENT_EDGE_URL must be https:// in production")
    problems.extend(_stripe_problems(values, gateway, local))
    callbacks = values.get("payment_callback_base_url")
    if not local and isinstance(callbacks, str) and not callbacks.startswith("https://"):
        problems.append(f"{PREFIX}PAYMENT_CALLBACK_BASE_URL must be https:// in production")
    return problems
