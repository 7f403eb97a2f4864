"""The schema as SQLAlchemy Core tables, one module per context: the single source for the
repositories and for Alembic (``migrations/env.py`` reads :data:`metadata`).

Naming conventions give every constraint a stable name, so error translation can recognise
which constraint a violation came from.
"""

from __future__ import annotations

from adapters.postgres.tables.accounts import refresh_tokens, sessions, sign_in_attempts, users
from adapters.postgres.tables.analytics import (
    analytics_artist_months,
    analytics_artist_years,
    analytics_city_days,
    analytics_days,
    analytics_days_folded,
)
from adapters.postgres.tables.audit import audit_log
from adapters.postgres.tables.base import metadata
from adapters.postgres.tables.booking_links import (
    booking_link_days,
    booking_link_retired,
    booking_link_visitors,
    booking_links,
)
from adapters.postgres.tables.bookings import (
    booking_history,
    booking_ideas,
    bookings,
    clients,
    customer_lookups,
    idempotency_keys,
)
from adapters.postgres.tables.calendars import calendar_feeds
from adapters.postgres.tables.catalog import artists, flash_designs, services, studios
from adapters.postgres.tables.commissions import (
    tattoo_request_images,
    tattoo_request_messages,
    tattoo_requests,
)
from adapters.postgres.tables.consent import (
    consent_form_versions,
    consent_forms,
    consent_requirements,
    consents,
)
from adapters.postgres.tables.disputes import dispute_messages, disputes
from adapters.postgres.tables.external_calendars import external_busy, external_calendars
from adapters.postgres.tables.loyalty import (
    loyalty_accounts,
    loyalty_entries,
    loyalty_feed_position,
    loyalty_programs,
    loyalty_redemptions,
)
from adapters.postgres.tables.media import portfolio_items, uploads
from adapters.postgres.tables.notifications import (
    inbox_items,
    notification_dispatch,
    notification_preferences,
    notifications,
    reminder_offsets,
    text_allowance,
)
from adapters.postgres.tables.outbox import outbox_events
from adapters.postgres.tables.payments import (
    payment_invoices,
    provider_tokens,
    received_payments,
    refunds,
    sandbox_invoices,
    sandbox_payments,
)
from adapters.postgres.tables.reviews import reviews
from adapters.postgres.tables.scheduling import date_overrides, weekly_rules
from adapters.postgres.tables.search import (
    EXPRESSION_INDEXES,
    portfolio_likes,
    search_calendars,
    search_feed_position,
    search_free_starts,
    search_vocabulary,
)
from adapters.postgres.tables.telegram import (
    telegram_chat_tokens,
    telegram_chats,
    telegram_updates,
)
from adapters.postgres.tables.waitlist import (
    waitlist_entries,
    waitlist_feed_position,
    waitlist_settings,
)
from adapters.postgres.tables.webhooks import (
    webhook_deliveries,
    webhook_dispatch,
    webhook_endpoints,
)

# Tables another library owns in our database (the job queue's), created by our migrations
# from that library's own schema file and left out of comparisons with the metadata.
FOREIGN_TABLE_PREFIXES = ("procrastinate_",)


def is_ours(name: str | None, type_: str, parent_names: object) -> bool:
    """Alembic's ``include_name`` hook: skip tables (and their indexes) of other libraries,
    and the expression indexes only the migrations describe."""
    if type_ == "index" and name in EXPRESSION_INDEXES:
        return False
    if type_ == "table" and name is not None:
        return not name.startswith(FOREIGN_TABLE_PREFIXES)
    return True


__all__ = [
    "FOREIGN_TABLE_PREFIXES",
    "analytics_artist_months",
    "analytics_artist_years",
    "analytics_city_days",
    "analytics_days",
    "analytics_days_folded",
    "artists",
    "audit_log",
    "booking_history",
    "booking_ideas",
    "booking_link_days",
    "booking_link_retired",
    "booking_link_visitors",
    "booking_links",
    "bookings",
    "calendar_feeds",
    "clients",
    "consent_form_versions",
    "consent_forms",
    "consent_requirements",
    "consents",
    "customer_lookups",
    "date_overrides",
    "dispute_messages",
    "disputes",
    "external_busy",
    "external_calendars",
    "flash_designs",
    "idempotency_keys",
    "inbox_items",
    "is_ours",
    "loyalty_accounts",
    "loyalty_entries",
    "loyalty_feed_position",
    "loyalty_programs",
    "loyalty_redemptions",
    "metadata",
    "notification_dispatch",
    "notification_preferences",
    "notifications",
    "outbox_events",
    "payment_invoices",
    "portfolio_items",
    "portfolio_likes",
    "provider_tokens",
    "received_payments",
    "refresh_tokens",
    "refunds",
    "reminder_offsets",
    "reviews",
    "sandbox_invoices",
    "sandbox_payments",
    "search_calendars",
    "search_feed_position",
    "search_free_starts",
    "search_vocabulary",
    "services",
    "sessions",
    "sign_in_attempts",
    "studios",
    "tattoo_request_images",
    "tattoo_request_messages",
    "tattoo_requests",
    "telegram_chat_tokens",
    "telegram_chats",
    "telegram_updates",
    "text_allowance",
    "uploads",
    "users",
    "waitlist_entries",
    "waitlist_feed_position",
    "waitlist_settings",
    "webhook_deliveries",
    "webhook_dispatch",
    "webhook_endpoints",
    "weekly_rules",
]
