"""In-memory unit of work: explicit commit, rollback by default.

One class serves every context's unit-of-work port (it subclasses each, so strict mypy
checks it against all of them). Repositories, and the staged tables behind them, are made
when first used.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from functools import cached_property
from types import TracebackType
from typing import Any, Self, TypeVar

from adapters.memory.accounts import (
    InMemoryRefreshTokenRepository,
    InMemorySignInAttemptsRepository,
    InMemoryUserRepository,
)
from adapters.memory.aftercare import InMemoryAftercareRepository
from adapters.memory.audit import InMemoryAuditTrail
from adapters.memory.booking_links import InMemoryBookingLinkRepository
from adapters.memory.bookings import (
    InMemoryBookingRepository,
    InMemoryIdempotencyRepository,
    NameSources,
)
from adapters.memory.calendars import (
    InMemoryCalendarFeedReader,
    InMemoryCalendarFeedRepository,
)
from adapters.memory.catalog import (
    InMemoryArtistRepository,
    InMemoryServiceRepository,
    InMemoryStudioRepository,
)
from adapters.memory.clients import InMemoryClientRepository
from adapters.memory.commissions import (
    InMemoryProjectRepository,
    InMemoryQuoteRepository,
    InMemoryRequestMessageRepository,
    InMemoryRequestRepository,
)
from adapters.memory.consent import (
    InMemoryConsentFormRepository,
    InMemoryConsentGate,
    InMemoryConsentRepository,
    InMemoryConsentRequirementRepository,
)
from adapters.memory.customer_lookups import InMemoryCustomerLookupRepository
from adapters.memory.disputes import (
    InMemoryDisputeMessageRepository,
    InMemoryDisputeRepository,
)
from adapters.memory.email_links import InMemoryEmailLinkRepository
from adapters.memory.external_calendars import (
    InMemoryCalendarRefreshQueue,
    InMemoryExternalCalendarRepository,
)
from adapters.memory.flash import InMemoryFlashRepository
from adapters.memory.ideas import InMemoryIdeaRepository
from adapters.memory.loyalty import (
    InMemoryEarningCursor,
    InMemoryLoyaltyLedger,
    InMemoryProgramRepository,
    InMemoryRedemptionRepository,
)
from adapters.memory.media import InMemoryUploadRepository
from adapters.memory.notifications import (
    NOTIFICATION_JOBS,
    InMemoryInboxRepository,
    InMemoryNotificationContext,
    InMemoryNotificationCursor,
    InMemoryNotificationQueue,
    InMemoryNotificationRepository,
    InMemoryPreferencesRepository,
    InMemoryReminderOffsetsRepository,
)
from adapters.memory.outbox import OUTBOX, InMemoryOutbox
from adapters.memory.payments import (
    PAYMENT_JOBS,
    InMemoryInvoiceRepository,
    InMemoryPaymentJobs,
    InMemoryReceivedPaymentRepository,
    InMemoryRefundRepository,
    InMemoryTransactionLedger,
)
from adapters.memory.phone_codes import InMemoryPhoneCodeRepository
from adapters.memory.portfolio import InMemoryPortfolioRepository
from adapters.memory.reviews import InMemoryArtistRatings, InMemoryReviewRepository
from adapters.memory.scheduling import InMemoryAvailabilityRepository
from adapters.memory.scheduling_reader import RepositorySchedulingReader
from adapters.memory.search import InMemoryArtistSearch
from adapters.memory.search_state import (
    InMemoryFreeStartsProjection,
    InMemoryPortfolioLikes,
    InMemorySearchFeedPosition,
)
from adapters.memory.sessions import InMemorySessionRepository
from adapters.memory.store import InMemoryStore, StagedTable
from adapters.memory.telegram import InMemoryTelegramRepository
from adapters.memory.telegram_bot import (
    TELEGRAM_JOBS,
    InMemoryTelegramUpdateQueue,
    InMemoryTelegramUpdateRepository,
)
from adapters.memory.telegram_chats import (
    InMemoryChatLinkTokenRepository,
    InMemoryTelegramChatRepository,
)
from adapters.memory.text_allowance import InMemoryTextAllowance
from adapters.memory.waitlist import (
    InMemoryWaitlistFeedPosition,
    InMemoryWaitlistRepository,
    InMemoryWaitlistSettingsRepository,
)
from adapters.memory.webhooks import (
    DELIVERY_JOBS,
    InMemoryDeliveryQueue,
    InMemoryDeliveryRepository,
    InMemoryDispatchCursor,
    InMemoryWebhookRepository,
)
from booking_domain.accounts.ports import AccountsUnitOfWork
from booking_domain.bookings.ports import BookingsUnitOfWork, BookingsUnitOfWorkFactory
from booking_domain.calendars import CalendarsUnitOfWork
from booking_domain.catalog.ports import CatalogUnitOfWork
from booking_domain.commissions import CommissionsUnitOfWork
from booking_domain.consent import ConsentUnitOfWork
from booking_domain.disputes.ports import DisputesUnitOfWork
from booking_domain.loyalty import LoyaltyUnitOfWork
from booking_domain.media.ports import MediaUnitOfWork
from booking_domain.notifications.ports import NotificationsUnitOfWork
from booking_domain.payments.ports import PaymentsUnitOfWork
from booking_domain.privacy.ports import PrivacyUnitOfWork
from booking_domain.reviews.ports import ReviewsUnitOfWork
from booking_domain.scheduling.ports import SchedulingUnitOfWork
from booking_domain.search.ports import SearchUnitOfWork
from booking_domain.shared.ports import UnitOfWorkFactory
from booking_domain.telegram import TelegramUnitOfWork
from booking_domain.waitlist import WaitlistUnitOfWork
from booking_domain.webhooks.ports import WebhooksUnitOfWork

R = TypeVar("R")


def _over_table(make: Callable[[StagedTable[Any, Any]], R], name: str) -> cached_property[R]:
    """A repository made on first use, over the store's table as the unit of work sees it."""
    return cached_property(lambda uow: make(uow.staged(name)))


class InMemoryUnitOfWork(
    PrivacyUnitOfWork,  # first: it joins several of the others
    TelegramUnitOfWork,  # and so does this
    AccountsUnitOfWork,
    MediaUnitOfWork,
    CatalogUnitOfWork,
    WaitlistUnitOfWork,  # before scheduling's and the bookings': it joins the two
    SchedulingUnitOfWork,
    BookingsUnitOfWork,
    CalendarsUnitOfWork,
    PaymentsUnitOfWork,
    DisputesUnitOfWork,
    CommissionsUnitOfWork,
    WebhooksUnitOfWork,
    NotificationsUnitOfWork,
    ReviewsUnitOfWork,
    SearchUnitOfWork,
    ConsentUnitOfWork,
    LoyaltyUnitOfWork,
):
    """One transaction over a :class:`InMemoryStore`.

    Units of work that may write run one at a time (the store's lock is held from
    ``__aenter__`` to ``__aexit__``), which gives the serializable behaviour the PostgreSQL
    adapter gets from row locks and constraints.
    """

    def __init__(
        self, store: InMemoryStore, *, read_only: bool = False, autocommit: bool = False
    ) -> None:
        self._store = store
        self._read_only = read_only
        # Units of work run one at a time, so applying every write when the block ends is
        # indistinguishable from applying each as it returns (a failed write stages nothing).
        self._autocommit = autocommit and not read_only
        self._tables: list[StagedTable[Any, Any]] = []

    # Consent forms (consent): forms, requirements, signed consents, and bookings' gate.
    consent_forms = cached_property(
        lambda uow: InMemoryConsentFormRepository(
            uow.staged("consent_forms"), uow.staged("consent_form_versions")
        )
    )
    consent_requirements = _over_table(InMemoryConsentRequirementRepository, "consent_requirements")
    consents = cached_property(
        lambda uow: InMemoryConsentRepository(
            uow.staged("consents"), uow.staged("bookings"), uow.staged("consent_requirements")
        )
    )
    consent_gate = cached_property(
        lambda uow: InMemoryConsentGate(uow.consent_requirements, uow.consents)
    )

    def staged(self, name: str) -> StagedTable[Any, Any]:
        """A table of the store as this unit of work sees it (its writes staged)."""
        table: StagedTable[Any, Any] = StagedTable(self._store.table(name))
        self._tables.append(table)
        return table

    # Each repository (and the staged tables behind it) is made on first use.
    users = _over_table(InMemoryUserRepository, "users")
    refresh_tokens = _over_table(InMemoryRefreshTokenRepository, "refresh_tokens")
    sign_in_attempts = _over_table(InMemorySignInAttemptsRepository, "sign_in_attempts")
    telegram = cached_property(
        lambda uow: InMemoryTelegramRepository(
            uow.staged("telegram_links"), uow.staged("telegram_spent_logins")
        )
    )
    email_links = _over_table(InMemoryEmailLinkRepository, "email_links")
    phone_codes = cached_property(
        lambda uow: InMemoryPhoneCodeRepository(uow.staged("phone_codes"), uow.staged("sms_budget"))
    )
    sessions = cached_property(
        lambda uow: InMemorySessionRepository(uow.staged("sessions"), uow.refresh_tokens)
    )
    portfolio = _over_table(InMemoryPortfolioRepository, "portfolio_items")
    booking_links = cached_property(
        lambda uow: InMemoryBookingLinkRepository(
            uow.staged("booking_links"),
            uow.staged("booking_link_digests"),
            uow.staged("booking_link_days"),
            uow.staged("booking_link_visitors"),
            uow.staged("bookings"),
        )
    )
    ideas = _over_table(InMemoryIdeaRepository, "booking_ideas")
    clients = _over_table(InMemoryClientRepository, "clients")
    customer_lookups = _over_table(InMemoryCustomerLookupRepository, "customer_lookups")
    uploads = _over_table(InMemoryUploadRepository, "uploads")
    artists = _over_table(InMemoryArtistRepository, "artists")
    studios = _over_table(InMemoryStudioRepository, "studios")
    services = _over_table(InMemoryServiceRepository, "services")
    flash = cached_property(
        lambda uow: InMemoryFlashRepository(uow.staged("flash_designs"), uow.services)
    )
    availability = cached_property(
        lambda uow: InMemoryAvailabilityRepository(
            uow.staged("weekly_rules"), uow.staged("date_overrides")
        )
    )
    external_calendars = cached_property(
        lambda uow: InMemoryExternalCalendarRepository(
            uow.staged("external_calendars"), uow.staged("external_busy")
        )
    )
    calendar_refresh_queue = _over_table(InMemoryCalendarRefreshQueue, "calendar_refresh_jobs")
    scheduling = cached_property(
        lambda uow: RepositorySchedulingReader(
            uow.artists, uow.services, uow.availability, uow.bookings, uow.external_calendars
        )
    )
    outbox = _over_table(InMemoryOutbox, OUTBOX)
    calendar_feeds = _over_table(InMemoryCalendarFeedRepository, "calendar_feeds")
    calendar_feed_reader = cached_property(
        lambda uow: InMemoryCalendarFeedReader(
            uow.calendar_feeds, uow.users, uow.bookings, uow.artists, uow.services, uow.clients
        )
    )
    bookings = cached_property(
        lambda uow: InMemoryBookingRepository(
            uow.staged("bookings"),
            uow.staged("booking_events"),
            uow.outbox,
            uow.audit,
            NameSources(uow.users, uow.clients, uow.services),
        )
    )
    idempotency = _over_table(InMemoryIdempotencyRepository, "idempotency_keys")
    deliveries = _over_table(InMemoryDeliveryRepository, "webhook_deliveries")
    webhooks = cached_property(
        lambda uow: InMemoryWebhookRepository(uow.staged("webhook_endpoints"), uow.deliveries)
    )
    dispatch_cursor = _over_table(InMemoryDispatchCursor, "webhook_dispatch")
    delivery_queue = _over_table(InMemoryDeliveryQueue, DELIVERY_JOBS)
    invoices = cached_property(
        lambda uow: InMemoryInvoiceRepository(uow.staged("invoices"), uow.staged("bookings"))
    )
    received_payments = _over_table(InMemoryReceivedPaymentRepository, "received_payments")
    payment_jobs = _over_table(InMemoryPaymentJobs, PAYMENT_JOBS)
    refunds = cached_property(
        lambda uow: InMemoryRefundRepository(uow.staged("refunds"), uow.staged("bookings"))
    )
    audit = _over_table(InMemoryAuditTrail, "audit_log")
    transactions = cached_property(
        lambda uow: InMemoryTransactionLedger(uow.staged("invoices"), uow.staged("refunds"))
    )
    reviews = cached_property(
        lambda uow: InMemoryReviewRepository(uow.staged("reviews"), uow.users)
    )
    disputes = _over_table(InMemoryDisputeRepository, "disputes")
    dispute_messages = _over_table(InMemoryDisputeMessageRepository, "dispute_messages")
    tattoo_requests = _over_table(InMemoryRequestRepository, "tattoo_requests")
    request_messages = _over_table(InMemoryRequestMessageRepository, "request_messages")
    quotes = _over_table(InMemoryQuoteRepository, "tattoo_quotes")
    projects = cached_property(
        lambda uow: InMemoryProjectRepository(
            uow.staged("tattoo_projects"),
            uow.staged("project_sessions"),
            uow.bookings,
            uow.quotes,
        )
    )
    portfolio_likes = cached_property(
        lambda uow: InMemoryPortfolioLikes(
            uow.staged("portfolio_likes"),
            uow.staged("portfolio_items"),
            uow.artists,
            uow.staged("bookings"),
            uow.services,
            uow.flash,
        )
    )
    artist_search = cached_property(
        lambda uow: InMemoryArtistSearch(
            uow.artists,
            uow.studios,
            uow.services,
            uow.portfolio,
            uow.scheduling,
            uow.portfolio_likes,
            uow.flash,
        )
    )
    free_starts = _over_table(InMemoryFreeStartsProjection, "search_calendars")
    search_position = _over_table(InMemorySearchFeedPosition, "search_feed_position")
    waitlist = cached_property(
        lambda uow: InMemoryWaitlistRepository(
            uow.staged("waitlist_entries"), uow.waitlist_settings
        )
    )
    waitlist_settings = _over_table(InMemoryWaitlistSettingsRepository, "waitlist_settings")
    waitlist_position = _over_table(InMemoryWaitlistFeedPosition, "waitlist_feed_position")
    artist_ratings = cached_property(lambda uow: InMemoryArtistRatings(uow.artists))
    notifications = cached_property(
        lambda uow: InMemoryNotificationRepository(
            uow.staged("notifications"), uow.staged("notification_keys")
        )
    )
    inbox = _over_table(InMemoryInboxRepository, "inbox_items")
    notification_preferences = _over_table(
        InMemoryPreferencesRepository, "notification_preferences"
    )
    reminder_offsets = _over_table(InMemoryReminderOffsetsRepository, "reminder_offsets")
    notification_cursor = _over_table(InMemoryNotificationCursor, "notification_dispatch")
    notification_queue = _over_table(InMemoryNotificationQueue, NOTIFICATION_JOBS)
    text_allowance = _over_table(InMemoryTextAllowance, "text_allowance")
    notification_context = cached_property(
        lambda uow: InMemoryNotificationContext(
            uow.users,
            uow.notification_preferences,
            uow.bookings,
            uow.artists,
            uow.services,
            uow.studios,
            uow.clients,
            uow.reviews,
            uow.aftercare,
            uow.telegram_chats,
        )
    )
    telegram_chats = _over_table(InMemoryTelegramChatRepository, "telegram_chats")
    chat_link_tokens = _over_table(InMemoryChatLinkTokenRepository, "telegram_chat_tokens")
    telegram_updates = _over_table(InMemoryTelegramUpdateRepository, "telegram_updates")
    telegram_update_queue = _over_table(InMemoryTelegramUpdateQueue, TELEGRAM_JOBS)

    aftercare = _over_table(InMemoryAftercareRepository, "artist_aftercare")
    loyalty_programs = cached_property(
        lambda uow: InMemoryProgramRepository(uow.staged("loyalty_programs"), uow.artists)
    )
    loyalty_ledger = cached_property(
        lambda uow: InMemoryLoyaltyLedger(
            uow.staged("loyalty_accounts"), uow.staged("loyalty_entries")
        )
    )
    loyalty_redemptions = _over_table(InMemoryRedemptionRepository, "loyalty_redemptions")
    earning_cursor = _over_table(InMemoryEarningCursor, "loyalty_feed_position")

    async def __aenter__(self) -> Self:
        # Readers see committed data only and never wait: commits apply atomically.
        if not self._read_only:
            await self._store.lock.acquire()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            if self._autocommit:
                # Each write that returned is durable; what is still held was recorded for a
                # write that never came (written now) or that failed (dropped with it).
                try:
                    if exc is None:
                        self._write_held()
                finally:
                    self._apply()
            else:
                await self.rollback()
        finally:
            if not self._read_only:
                self._store.lock.release()

    async def commit(self) -> None:
        if self._read_only:
            raise RuntimeError("a read-only unit of work cannot commit")
        self._write_held()
        self._apply()

    def _write_held(self) -> None:
        """Write the events and audit entries recorded but not yet carried by a write (only
        where they were made: a unit of work that never recorded holds nothing)."""
        if "outbox" in self.__dict__:
            self.outbox.write_held()
        if "audit" in self.__dict__:
            self.audit.write_held()

    def _apply(self) -> None:
        for table in self._tables:
            table.apply()

    async def rollback(self) -> None:
        for table in self._tables:
            table.discard()
        self._drop_held()

    def _drop_held(self) -> None:
        if "outbox" in self.__dict__:
            self.outbox.drop_held()
        if "audit" in self.__dict__:
            self.audit.drop_held()

    @asynccontextmanager
    async def savepoint(self) -> AsyncIterator[None]:
        """What the unit holds is written to its staged tables first, so that a block that
        fails takes back exactly its own writes and records (tables it first used are
        emptied of them)."""
        self._write_held()
        marks = [(table, table.mark()) for table in self._tables]
        try:
            yield
        except BaseException:
            for table, mark in marks:
                table.restore(mark)
            for table in self._tables[len(marks) :]:
                table.discard()
            self._drop_held()
            raise


class InMemoryUnitOfWorkFactory(UnitOfWorkFactory[InMemoryUnitOfWork], BookingsUnitOfWorkFactory):
    """Callable that opens units of work over one shared store."""

    def __init__(self, store: InMemoryStore | None = None) -> None:
        self.store = store or InMemoryStore()

    def __call__(
        self, *, read_only: bool = False, autocommit: bool = False, may_lag: bool = False
    ) -> InMemoryUnitOfWork:
        """``may_lag`` changes nothing here: there is one store, never a copy that trails."""
        return InMemoryUnitOfWork(self.store, read_only=read_only, autocommit=autocommit)
