"""Settings: the local profile needs nothing; production names everything that is missing."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from entrypoints.from_settings import telegram_bot
from entrypoints.local_secrets import local_jwt_secret
from entrypoints.settings import Profile, SettingsError, load_settings
from tests.support.bootstrap import build_app
from tests.support.builders import PRODUCTION_ENV
from tests.support.telegram import TEST_BOT_TOKEN


def test_no_environment_means_the_local_profile() -> None:
    settings = load_settings({})
    assert settings.profile is Profile.LOCAL
    assert settings.database_url is None and settings.seed_demo_data


def test_values_are_parsed_and_typed() -> None:
    settings = load_settings(
        {
            "INKSLOT_PORT": "9000",
            "INKSLOT_ACCESS_TOKEN_MINUTES": "5",
            "INKSLOT_CORS_ORIGINS": "https://a.example, https://b.example",
            "INKSLOT_SEED_DEMO_DATA": "false",
        }
    )
    assert settings.port == 9000
    assert settings.access_token_ttl == timedelta(minutes=5)
    assert settings.cors_origins == ("https://a.example", "https://b.example")
    assert settings.seed_demo_data is False


def test_production_names_every_missing_setting_in_one_message() -> None:
    with pytest.raises(SettingsError) as caught:
        load_settings({"INKSLOT_PROFILE": "production"})
    for name in (
        "DATABASE_URL", "JWT_SECRET", "ENCRYPTION_KEY", "R2_ACCESS_KEY_ID", "R2_SECRET_ACCESS_KEY"
    ):  # fmt: skip
        assert f"INKSLOT_{name}" in str(caught.value)


def test_a_production_start_with_nothing_set_names_every_setting_in_one_round() -> None:
    """The chosen gateway's settings are named with the rest, not after they are set."""
    with pytest.raises(SettingsError) as caught:
        load_settings({"INKSLOT_PROFILE": "production"})
    message = str(caught.value)
    required = (
        "DATABASE_URL", "JWT_SECRET", "ENCRYPTION_KEY", "R2_ACCOUNT_ID", "R2_ACCESS_KEY_ID",
        "R2_SECRET_ACCESS_KEY", "R2_MEDIA_PUBLIC_BASE_URL", "SMTP_HOST", "MAIL_FROM", "APP_URL",
        "QPAY_CLIENT_ID", "QPAY_CLIENT_SECRET", "QPAY_INVOICE_CODE",
    )  # fmt: skip
    assert [name for name in required if f"INKSLOT_{name}" not in message] == []


def test_production_refuses_a_short_secret_and_never_seeds() -> None:
    env = PRODUCTION_ENV
    with pytest.raises(SettingsError, match="at least 32"):
        load_settings({**env, "INKSLOT_JWT_SECRET": "short"})
    settings = load_settings({**env, "INKSLOT_JWT_SECRET": "s" * 40})
    assert settings.seed_demo_data is False
    in_the_clear = {"INKSLOT_SMTP_PASSWORD": "mail-secret", "INKSLOT_SMTP_TLS": "none"}
    with pytest.raises(SettingsError, match="in the clear") as caught:
        load_settings({**env, "INKSLOT_JWT_SECRET": "s" * 40, **in_the_clear})
    assert "mail-secret" not in str(caught.value)


def test_each_payment_gateway_needs_its_settings_and_the_sandbox_stays_local() -> None:
    assert load_settings({}).gateway == "sandbox"
    without_qpay = {k: v for k, v in PRODUCTION_ENV.items() if not k.startswith("INKSLOT_QPAY_")}
    production = {**without_qpay, "INKSLOT_JWT_SECRET": "s" * 40}
    with pytest.raises(SettingsError, match="INKSLOT_QPAY_CLIENT_SECRET"):
        load_settings(production)
    with pytest.raises(SettingsError, match="local profile only"):
        load_settings({**production, "INKSLOT_PAYMENT_GATEWAY": "sandbox"})
    edge = {
        **production,
        "INKSLOT_PAYMENT_GATEWAY": "edge",
        "INKSLOT_PAYMENT_EDGE_URL": "https://pay.example",
    }
    with pytest.raises(SettingsError, match="INKSLOT_PAYMENT_EDGE_SECRET"):
        load_settings(edge)
    with pytest.raises(SettingsError, match="at least 32"):
        load_settings({**edge, "INKSLOT_PAYMENT_EDGE_SECRET": "short"})
    settings = load_settings({**edge, "INKSLOT_PAYMENT_EDGE_SECRET": "e" * 40})
    assert settings.gateway == "edge"
    with pytest.raises(SettingsError, match="sandbox, qpay, edge or none"):
        load_settings({"INKSLOT_PAYMENT_GATEWAY": "paypal"})


def test_stripe_needs_its_webhook_secret_the_fake_stays_local_and_some_gateway_is_on() -> None:
    key = {"INKSLOT_STRIPE_SECRET_KEY": "sk_test_x"}
    with pytest.raises(SettingsError, match="INKSLOT_STRIPE_WEBHOOK_SECRET"):
        load_settings(key)
    both = load_settings({**key, "INKSLOT_STRIPE_WEBHOOK_SECRET": "whsec_x"})
    assert (both.gateway, both.stripe_secret_key) == ("sandbox", "sk_test_x")
    assert "sk_test_x" not in repr(both) and "whsec_x" not in repr(both)
    with pytest.raises(SettingsError, match="leaves no gateway"):
        load_settings({"INKSLOT_PAYMENT_GATEWAY": "none"})
    with pytest.raises(SettingsError, match="STRIPE_FAKE is for the local profile only"):
        load_settings({"INKSLOT_PROFILE": "production", "INKSLOT_STRIPE_FAKE": "1"})
    alone = load_settings({"INKSLOT_PAYMENT_GATEWAY": "none", "INKSLOT_STRIPE_FAKE": "1"})
    assert (alone.gateway, alone.stripe_fake) == ("none", True)
    currencies = load_settings(
        {**key, "INKSLOT_STRIPE_WEBHOOK_SECRET": "w", "INKSLOT_STRIPE_CURRENCIES": "usd, EUR"}
    )
    assert currencies.stripe_currencies == frozenset({"USD", "EUR"})
    with pytest.raises(SettingsError, match="ISO 4217"):
        load_settings({"INKSLOT_STRIPE_CURRENCIES": "dollars"})
    with pytest.raises(SettingsError, match="JPY: only currencies with cents"):
        load_settings({"INKSLOT_STRIPE_CURRENCIES": "USD,JPY"})


def test_notification_channels_are_chosen_by_settings_and_production_needs_smtp() -> None:
    local = load_settings({})
    assert local.smtp_host is None and local.mail_dir == Path("var") / "mail"
    assert local.mail_domain == "inkslot.local" and local.web_url == "http://127.0.0.1:8000"
    with pytest.raises(SettingsError) as caught:
        load_settings({"INKSLOT_PROFILE": "production"})
    for name in ("SMTP_HOST", "MAIL_FROM", "APP_URL"):
        assert f"INKSLOT_{name}" in str(caught.value)
    with pytest.raises(SettingsError, match="go together"):
        load_settings({"INKSLOT_SMS_GATEWAY_URL": "https://sms.example/send"})
    with pytest.raises(SettingsError, match="starttls, implicit or none"):
        load_settings({"INKSLOT_SMTP_TLS": "ssl3"})
    with pytest.raises(SettingsError, match="INKSLOT_MAIL_FROM"):
        load_settings({"INKSLOT_MAIL_FROM": "nobody\r\nBcc: x@y.z"})
    chosen = load_settings(
        {"INKSLOT_MAIL_FROM": "Inkslot <hello@tattoo.mn>", "INKSLOT_APP_URL": "https://app.mn/"}
    )
    assert chosen.mail_domain == "tattoo.mn" and chosen.web_url == "https://app.mn"


def test_the_database_topology_settings() -> None:
    plain = load_settings({"INKSLOT_DATABASE_URL": "postgresql://db/inkslot"})
    assert not plain.behind_pooler and plain.workers_listen
    assert plain.direct_database_url == "postgresql://db/inkslot"
    assert plain.database_replica_url is None and plain.database_replica_max_lag == 5.0
    pooled = load_settings(
        {
            "INKSLOT_DATABASE_URL": "postgresql://pgbouncer/inkslot",
            "INKSLOT_DATABASE_POOLER": "Transaction",
            "INKSLOT_DATABASE_REPLICA_URL": "postgresql://replica/inkslot",
            "INKSLOT_DATABASE_REPLICA_MAX_LAG": "2.5",
        }
    )
    # Only a transaction pooler between the workers and the database: they poll.
    assert pooled.behind_pooler and not pooled.workers_listen
    assert pooled.direct_database_url == "postgresql://pgbouncer/inkslot"
    assert pooled.database_replica_max_lag == 2.5
    direct = load_settings(
        {
            "INKSLOT_DATABASE_URL": "postgresql://pgbouncer/inkslot",
            "INKSLOT_DATABASE_POOLER": "transaction",
            "INKSLOT_DATABASE_DIRECT_URL": "postgresql://db/inkslot",
        }
    )
    assert direct.workers_listen and direct.direct_database_url == "postgresql://db/inkslot"
    for name, value in [
        ("POOLER", "statement"),
        ("REPLICA_MAX_LAG", "0"),
        ("REPLICA_MAX_LAG", "nan"),
        ("REPLICA_MAX_LAG", "inf"),
        ("REPLICA_MAX_LAG", "soon"),
    ]:
        with pytest.raises(SettingsError, match=f"INKSLOT_DATABASE_{name}"):
            load_settings({f"INKSLOT_DATABASE_{name}": value})


def test_callbacks_through_the_edge_are_two_urls() -> None:
    api = load_settings({"INKSLOT_PAYMENT_CALLBACK_BASE_URL": "https://pay.example/v1/callbacks/"})
    assert api.payment_callback_base_url == "https://pay.example/v1/callbacks"
    edge = load_settings(
        {"INKSLOT_PAYMENT_EDGE_FORWARD_URL": "http://api:8000/api/v1/payments/callback"}
    )
    assert edge.payment_edge_forward_url == "http://api:8000/api/v1/payments/callback"
    for value in ("ftp://pay.example", "https://pay.example/cb?x=1", "pay.example"):
        with pytest.raises(SettingsError, match="INKSLOT_PAYMENT_CALLBACK_BASE_URL"):
            load_settings({"INKSLOT_PAYMENT_CALLBACK_BASE_URL": value})
    production = {**PRODUCTION_ENV, "INKSLOT_JWT_SECRET": "s" * 40}
    through = "INKSLOT_PAYMENT_CALLBACK_BASE_URL"
    assert load_settings({**production, through: "https://pay.example/v1/callbacks"})
    with pytest.raises(SettingsError, match="must be https:// in production"):
        load_settings({**production, through: "http://pay.example/v1/callbacks"})


def test_bad_values_and_unknown_profiles_are_reported() -> None:
    with pytest.raises(SettingsError, match="INKSLOT_PORT"):
        load_settings({"INKSLOT_PORT": "eighty"})
    with pytest.raises(SettingsError, match="PROFILE"):
        load_settings({"INKSLOT_PROFILE": "staging"})


def test_the_local_secret_is_made_once_and_kept_private(tmp_path: Path) -> None:
    first = local_jwt_secret(tmp_path)
    assert local_jwt_secret(tmp_path) == first and len(first) >= 32
    assert (tmp_path / "jwt-secret").stat().st_mode & 0o077 == 0


def test_the_telegram_bot_token_is_checked_and_never_shown() -> None:
    secret = TEST_BOT_TOKEN.split(":")[1]
    settings = load_settings({"INKSLOT_TELEGRAM_BOT_TOKEN": f" {TEST_BOT_TOKEN} "})
    assert settings.telegram_bot_token == TEST_BOT_TOKEN
    bot = telegram_bot(settings)
    assert bot is not None and bot.token == TEST_BOT_TOKEN
    deps = build_app(telegram_bot_token=TEST_BOT_TOKEN).accounts_deps
    assert deps.telegram == bot
    for shown in (repr(settings), str(settings), repr(bot), repr(deps)):
        assert secret not in shown
    bad = "12345:" + secret[:10]  # too short a secret
    with pytest.raises(SettingsError, match="INKSLOT_TELEGRAM_BOT_TOKEN") as caught:
        load_settings({"INKSLOT_TELEGRAM_BOT_TOKEN": bad})
    assert secret[:10] not in str(caught.value)
    assert telegram_bot(load_settings({})) is None  # unset: Telegram sign-in is off


def test_phone_codes_settings_are_read_and_checked() -> None:
    settings = load_settings({"INKSLOT_PHONE_REGION": " gb ", "INKSLOT_SMS_DAILY_LIMIT": "50"})
    assert (settings.phone_region, settings.sms_daily_limit) == ("GB", 50)
    assert (load_settings({}).phone_region, load_settings({}).sms_daily_limit) == ("MN", 1_000)
    with pytest.raises(SettingsError, match="INKSLOT_PHONE_REGION"):
        load_settings({"INKSLOT_PHONE_REGION": "XX"})
    with pytest.raises(SettingsError, match="INKSLOT_SMS_DAILY_LIMIT"):
        load_settings({"INKSLOT_SMS_DAILY_LIMIT": "0"})


def test_where_texts_go_and_their_bounds_are_read_and_checked() -> None:
    """The regions texted default to the phone region; the range and account bounds to 50."""
    default = load_settings({})
    assert default.text_regions == frozenset({"MN"})
    assert (default.sms_range_daily_limit, default.sms_account_daily_limit) == (50, 50)
    assert load_settings({"INKSLOT_PHONE_REGION": "GB"}).text_regions == frozenset({"GB"})
    settings = load_settings(
        {
            "INKSLOT_SMS_REGIONS": " mn, kz ",
            "INKSLOT_SMS_RANGE_DAILY_LIMIT": "20",
            "INKSLOT_SMS_ACCOUNT_DAILY_LIMIT": "10",
        }
    )
    assert settings.text_regions == frozenset({"MN", "KZ"})
    assert (settings.sms_range_daily_limit, settings.sms_account_daily_limit) == (20, 10)
    bad_values = (
        ("SMS_REGIONS", "MN,XX"),
        ("SMS_REGIONS", " , "),
        ("SMS_RANGE_DAILY_LIMIT", "0"),
        ("SMS_ACCOUNT_DAILY_LIMIT", "0"),
    )
    for name, bad in bad_values:
        with pytest.raises(SettingsError, match=f"INKSLOT_{name}"):
            load_settings({f"INKSLOT_{name}": bad})


def test_a_shifted_clock_is_the_local_profiles_only() -> None:
    """A rehearsal of another day runs on a clock shifted by whole seconds; production
    refuses any shift, and a shift that is no number of seconds is refused everywhere."""
    assert load_settings({}).clock_shift_seconds == 0
    assert load_settings({"INKSLOT_CLOCK_SHIFT_SECONDS": "-3600"}).clock_shift_seconds == -3600
    assert load_settings({"INKSLOT_CLOCK_SHIFT_SECONDS": "86400"}).clock_shift_seconds == 86400
    for bad in ("1.5", "1e3", "٣٦٠٠", "3600\x00", "999999999999"):
        with pytest.raises(SettingsError, match="CLOCK_SHIFT_SECONDS"):
            load_settings({"INKSLOT_CLOCK_SHIFT_SECONDS": bad})
    with pytest.raises(SettingsError, match="local profile only"):
        load_settings({**PRODUCTION_ENV, "INKSLOT_CLOCK_SHIFT_SECONDS": "60"})


def test_a_worker_is_taken_for_dead_after_the_stalled_seconds() -> None:
    assert load_settings({}).worker_stalled_seconds == 20.0
    assert load_settings({"INKSLOT_WORKER_STALLED_SECONDS": "6"}).worker_stalled_seconds == 6.0
    for refused in ("4.9", "1", "0", "-5", "nan", "inf", "3601", "twenty"):
        with pytest.raises(SettingsError, match="INKSLOT_WORKER_STALLED_SECONDS"):
            load_settings({"INKSLOT_WORKER_STALLED_SECONDS": refused})
