"""Adapter containers, one per profile: which adapter serves which port.

Everything is created lazily on first use. ``await adapters.open()`` starts the connection
pool and ``await adapters.close()`` releases pools and threads; the HTTP lifespan and the CLI
call both, in the event loop that uses them.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from dependency_injector import containers, providers

from adapters.calendars.fetch import HttpCalendarFetcher
from adapters.consent_documents.documents import FileConsentDocuments
from adapters.icalendar_writer.writer import IcsCalendarWriter
from adapters.images.pillow import PillowImageProcessor
from adapters.memory.operations import InMemoryOperationsReadout
from adapters.memory.outbox import InMemoryOutboxFeed, InMemoryOutboxRelay
from adapters.memory.sessions import InMemorySessionCheck
from adapters.memory.uow_factory import InMemoryUnitOfWorkFactory
from adapters.notifications.account_mail import ChannelAccountMail
from adapters.notifications.bot_wording import BabelBotWording
from adapters.notifications.code_texts import SmsCodeTexts
from adapters.postgres.database import Database, PostgresHealthProbe
from adapters.postgres.feed_window import FeedWindow
from adapters.postgres.operations import PostgresOperationsReadout
from adapters.postgres.outbox import PostgresOutboxFeed
from adapters.postgres.outbox_relay import PostgresOutboxRelay
from adapters.postgres.replica import ReplicaReads
from adapters.postgres.secrets import PostgresStoredSecrets
from adapters.postgres.sessions import PostgresSessionCheck
from adapters.postgres.uow_factory import PostgresUnitOfWorkFactory
from adapters.receipt_documents.documents import FileReceiptDocuments
from adapters.security.digest import HmacDigest
from adapters.security.passwords import Argon2Parameters, Argon2PasswordHasher
from adapters.security.phones import LibPhoneNumbers
from adapters.security.secret_box import FernetSecretBox
from adapters.security.tokens import JwtTokenService
from adapters.system.clock import ShiftedClock, SystemClock
from adapters.webhooks.http import HttpWebhookSender
from booking_domain.shared import Clock, OutboxRelay
from entrypoints.container.notifications import Channels, channels_for
from entrypoints.container.payments import Payments, payments_for
from entrypoints.container.storage import Storage, storage_for
from entrypoints.container.units import memory_unit, postgres_unit
from entrypoints.local_secrets import encryption_keys_for
from entrypoints.settings import Settings

if TYPE_CHECKING:
    from redis.asyncio import Redis

# What a context's Deps may take by name (entrypoints/contexts.py): the ports the adapter
# containers serve, and nothing else they hold (settings, secrets, pools, hooks).
PORTS = (
    "uow",
    "clock",
    "hasher",
    "tokens",
    "sessions",
    "feed",
    "stores",
    "images",
    "gateway",
    "deposit_currencies",  # the gateway's ``currencies``: what a deposit may be asked in
    "gateway_event_reader",  # Stripe's webhook deliveries verified (None: Stripe off)
    "payout_gateway",  # artists' own payout accounts, Stripe Connect (None: Stripe off)
    "gateway_reports",  # the gateways' own reports, for the daily reconciliation
    "email",
    "sms",
    "sms_reports",
    "renderer",
    "webhook_sender",
    "calendar_fetcher",
    "phones",
    "digest",
    "texts",
    "mail",
    "calendar_writer",
    "consent_documents",
    "receipt_documents",
    "telegram_sender",
    "bot_api",
    "bot_wording",
)


async def _open_postgres(database: Database, replica: ReplicaReads | None) -> None:
    await database.open()
    if replica is not None:
        await replica.open()


async def _close_postgres(
    database: Database,
    replica: ReplicaReads | None,
    hasher: Argon2PasswordHasher,
    sender: HttpWebhookSender,
    storage: Storage,
    payments: Payments,
    channels: Channels,
    redis: Redis | None,
    mail: ChannelAccountMail,
) -> None:
    await mail.aclose()  # account emails still leaving (they need no database)
    if replica is not None:
        await replica.close()
    await database.close()
    await channels.close()
    await sender.close()
    await storage.close()
    await payments.close()
    if redis is not None:
        await redis.aclose()
    hasher.close()


def _replica(primary: Database, settings: Settings) -> ReplicaReads | None:
    """The streaming replica that serves lagging reads, when one is configured."""
    if not settings.database_replica_url:
        return None
    replica = Database(
        settings.database_replica_url,
        max_size=settings.database_pool_size,
        behind_pooler=settings.behind_pooler,
        name="inkslot-replica",
    )
    return ReplicaReads(primary, replica, max_lag=settings.database_replica_max_lag)


def _redis(settings: Settings) -> Redis | None:
    """A client when Redis is configured. The driver is imported only then: a process
    without Redis never pays for it (about 0.1 s at start)."""
    if not settings.redis_url:
        return None
    from redis.asyncio import Redis

    return Redis.from_url(settings.redis_url)


def _relay(feed: PostgresOutboxFeed, redis: Redis | None, settings: Settings) -> OutboxRelay:
    """Each process follows the outbox; with Redis, one process does, for all (the others
    hear it through Redis: ``adapters/redis/relay.py``)."""
    if redis is None:
        return PostgresOutboxRelay(feed)
    from adapters.redis.relay import LeaderRelay, RedisCheckpoint, RedisLease

    keys = f"{settings.redis_namespace}:events:relay"
    checkpoint = RedisCheckpoint(redis, f"{keys}:cursor")
    return LeaderRelay(
        lambda: PostgresOutboxRelay(feed, checkpoint=checkpoint),
        RedisLease(redis, f"{keys}:leader"),
    )


async def _nothing_to_open() -> None:
    return None


async def _close_memory(
    hasher: Argon2PasswordHasher,
    sender: HttpWebhookSender,
    storage: Storage,
    payments: Payments,
    channels: Channels,
    mail: ChannelAccountMail,
) -> None:
    await mail.aclose()
    await channels.close()
    await sender.close()
    await storage.close()
    await payments.close()
    hasher.close()


def _webhook_sender(settings: Settings) -> HttpWebhookSender:
    return HttpWebhookSender(allow_private_targets=settings.allows_private_webhook_targets)


def _calendar_fetcher(settings: Settings) -> HttpCalendarFetcher:
    # Feeds go out through the webhooks' guard, with the same allowance for local addresses.
    return HttpCalendarFetcher(allow_private_targets=settings.allows_private_webhook_targets)


def _secret_box(settings: Settings) -> FernetSecretBox:
    return FernetSecretBox(encryption_keys_for(settings))


def _clock(settings: Settings) -> Clock:
    """The wall clock; in the local profile, shifted by ``clock_shift_seconds`` when set."""
    if settings.clock_shift_seconds:
        return ShiftedClock(timedelta(seconds=settings.clock_shift_seconds))
    return SystemClock()


def _hasher(settings: Settings) -> Argon2PasswordHasher:
    return Argon2PasswordHasher(
        Argon2Parameters(
            time_cost=settings.argon2_time_cost,
            memory_cost_kib=settings.argon2_memory_kib,
            parallelism=settings.argon2_parallelism,
        )
    )


class _CommonAdapters(containers.DeclarativeContainer):
    settings = providers.Dependency(instance_of=Settings)
    jwt_secret = providers.Dependency(instance_of=str)
    clock = providers.Singleton(_clock, settings)
    hasher = providers.Singleton(_hasher, settings)
    webhook_sender = providers.Singleton(_webhook_sender, settings)
    calendar_fetcher = providers.Singleton(_calendar_fetcher, settings)
    secrets = providers.Singleton(_secret_box, settings)
    tokens = providers.Singleton(
        JwtTokenService, jwt_secret, access_ttl=settings.provided.access_token_ttl
    )
    storage = providers.Singleton(storage_for, settings, jwt_secret, clock)
    images = providers.Singleton(
        PillowImageProcessor, max_concurrent=settings.provided.image_workers
    )
    channels = providers.Singleton(channels_for, settings, clock)
    # Named as the contexts' ``Deps`` fields that take them (entrypoints/contexts.py).
    stores = storage.provided.stores
    email = channels.provided.email
    sms = channels.provided.sms
    sms_reports = channels.provided.sms_reports
    renderer = channels.provided.renderer
    telegram_sender = channels.provided.telegram
    bot_api = channels.provided.telegram
    bot_wording = providers.Singleton(BabelBotWording)
    phones = providers.Singleton(LibPhoneNumbers, settings.provided.phone_region)
    digest = providers.Singleton(HmacDigest, jwt_secret)
    calendar_writer = providers.Singleton(IcsCalendarWriter)
    consent_documents = providers.Singleton(FileConsentDocuments)
    receipt_documents = providers.Singleton(FileReceiptDocuments)
    mail = providers.Singleton(
        ChannelAccountMail,
        channels.provided.account_email,
        app_url=settings.provided.web_url,
        mail_domain=settings.provided.mail_domain,
    )
    texts = providers.Singleton(
        SmsCodeTexts, channels.provided.account_sms, show_secrets_in_log=settings.provided.is_local
    )


class PostgresAdapters(_CommonAdapters):
    database_url = providers.Dependency(instance_of=str)
    database = providers.Singleton(
        Database,
        database_url,
        max_size=_CommonAdapters.settings.provided.database_pool_size,
        behind_pooler=_CommonAdapters.settings.provided.behind_pooler,
    )
    replica = providers.Singleton(_replica, database, _CommonAdapters.settings)
    uow = providers.Singleton(
        PostgresUnitOfWorkFactory,
        database,
        unit=providers.Callable(postgres_unit),
        secrets=_CommonAdapters.secrets,
        replica=replica,
    )
    stored_secrets = providers.Singleton(PostgresStoredSecrets, database, _CommonAdapters.secrets)
    sessions = providers.Singleton(PostgresSessionCheck, database)
    health = providers.Singleton(PostgresHealthProbe, database)
    operations = providers.Singleton(PostgresOperationsReadout, database)
    # The relay reads the outbox itself; the followers share one window of what was read
    # last (adapters/postgres/feed_window.py).
    rows = providers.Singleton(PostgresOutboxFeed, database)
    feed = providers.Singleton(FeedWindow, rows)
    redis = providers.Singleton(_redis, _CommonAdapters.settings)
    payments = providers.Singleton(
        payments_for,
        _CommonAdapters.settings,
        _CommonAdapters.clock,
        database,
        _CommonAdapters.secrets,
    )
    gateway = payments.provided.gateway
    deposit_currencies = payments.provided.gateway.currencies
    gateway_event_reader = payments.provided.event_reader
    payout_gateway = payments.provided.payout_gateway
    gateway_reports = payments.provided.reports
    relay = providers.Singleton(_relay, rows, redis, _CommonAdapters.settings)
    open = providers.Coroutine(_open_postgres, database, replica)
    close = providers.Coroutine(
        _close_postgres,
        database,
        replica,
        _CommonAdapters.hasher,
        _CommonAdapters.webhook_sender,
        _CommonAdapters.storage,
        payments,
        _CommonAdapters.channels,
        redis,
        _CommonAdapters.mail,
    )


class LocalAdapters(PostgresAdapters):
    """The embedded default: PostgreSQL started by the CLI under ``data_dir``."""


class ProductionAdapters(PostgresAdapters):
    """A managed PostgreSQL at ``DATABASE_URL``; storage, payments and mail are chosen by
    their own settings (``entrypoints.container``)."""


class _AlwaysHealthy:
    async def check(self) -> None:
        return None


class _NoStoredSecrets:
    """Memory adapters keep secrets in the process only: nothing at rest to reseal."""

    async def reseal(self) -> int:
        return 0


class InMemoryAdapters(_CommonAdapters):
    """Everything in process: for tests, demos and other services' test suites."""

    stored_secrets = providers.Singleton(_NoStoredSecrets)

    uow = providers.Singleton(InMemoryUnitOfWorkFactory, unit=providers.Callable(memory_unit))
    sessions = providers.Singleton(InMemorySessionCheck, uow.provided.store)
    health = providers.Singleton(_AlwaysHealthy)
    operations = providers.Singleton(InMemoryOperationsReadout, uow.provided.store)
    feed = providers.Singleton(InMemoryOutboxFeed, uow.provided.store)
    relay = providers.Singleton(InMemoryOutboxRelay, feed)
    payments = providers.Singleton(
        payments_for, _CommonAdapters.settings, _CommonAdapters.clock, None, None
    )
    gateway = payments.provided.gateway
    deposit_currencies = payments.provided.gateway.currencies
    gateway_event_reader = payments.provided.event_reader
    payout_gateway = payments.provided.payout_gateway
    gateway_reports = payments.provided.reports
    open = providers.Coroutine(_nothing_to_open)
    close = providers.Coroutine(
        _close_memory,
        _CommonAdapters.hasher,
        _CommonAdapters.webhook_sender,
        _CommonAdapters.storage,
        payments,
        _CommonAdapters.channels,
        _CommonAdapters.mail,
    )
