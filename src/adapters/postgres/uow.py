"""PostgreSQL unit of work: one pooled connection, one transaction, explicit commit.

One class serves every context's unit-of-work port (it subclasses each, so strict mypy
checks it against all of them); a context's use cases see only the repositories their own
port names. Repositories are built when first used, on the unit of work's connection.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from functools import cached_property
from types import TracebackType
from typing import Self, TypeVar

import psycopg
from procrastinate.manager import JobManager
from psycopg import pq
from psycopg_pool import PoolTimeout

from adapters.postgres.accounts import (
    PostgresRefreshTokenRepository,
    PostgresSignInAttemptsRepository,
    PostgresUserRepository,
)
from adapters.postgres.aftercare import PostgresAftercareRepository
from adapters.postgres.analytics import PostgresAnalyticsReader
from adapters.postgres.audit import PostgresAuditTrail
from adapters.postgres.booking_links import PostgresBookingLinkRepository
from adapters.postgres.bookings import PostgresBookingRepository
from adapters.postgres.bookings_idempotency import PostgresIdempotencyRepository
from adapters.postgres.calendars import (
    PostgresCalendarFeedReader,
    PostgresCalendarFeedRepository,
)
from adapters.postgres.catalog import (
    PostgresArtistRepository,
    PostgresServiceRepository,
    PostgresStudioRepository,
)
from adapters.postgres.clients import PostgresClientRepository
from adapters.postgres.commissions import (
    PostgresRequestMessageRepository,
    PostgresRequestRepository,
)
from adapters.postgres.consent import PostgresConsentGate, PostgresConsentRepository
from adapters.postgres.consent_forms import (
    PostgresConsentFormRepository,
    PostgresConsentRequirementRepository,
)
from adapters.postgres.customer_lookups import PostgresCustomerLookupRepository
from adapters.postgres.database import Connection, Database
from adapters.postgres.disputes import (
    PostgresDisputeMessageRepository,
    PostgresDisputeRepository,
)
from adapters.postgres.email_links import PostgresEmailLinkRepository
from adapters.postgres.errors import translate
from adapters.postgres.external_calendars import (
    PostgresExternalCalendarRepository,
    ProcrastinateCalendarRefreshQueue,
)
from adapters.postgres.flash import PostgresFlashRepository
from adapters.postgres.free_starts import (
    PostgresFreeStartsProjection,
    PostgresPortfolioLikes,
    PostgresSearchFeedPosition,
)
from adapters.postgres.ideas import PostgresIdeaRepository
from adapters.postgres.ledger import PostgresTransactionLedger
from adapters.postgres.loyalty import (
    PostgresEarningCursor,
    PostgresProgramRepository,
    PostgresRedemptionRepository,
)
from adapters.postgres.loyalty_ledger import PostgresLoyaltyLedger
from adapters.postgres.media import PostgresUploadRepository
from adapters.postgres.notification_context import PostgresNotificationContext
from adapters.postgres.notifications import (
    PostgresInboxRepository,
    PostgresNotificationCursor,
    PostgresNotificationRepository,
    PostgresPreferencesRepository,
    PostgresReminderOffsetsRepository,
    ProcrastinateNotificationQueue,
)
from adapters.postgres.outbox import PostgresOutbox
from adapters.postgres.payments import (
    PostgresInvoiceRepository,
    PostgresReceivedPaymentRepository,
    PostgresRefundRepository,
    ProcrastinatePaymentJobs,
)
from adapters.postgres.phone_codes import PostgresPhoneCodeRepository
from adapters.postgres.portfolio import PostgresPortfolioRepository
from adapters.postgres.projects import PostgresProjectRepository, PostgresQuoteRepository
from adapters.postgres.replica import ReplicaReads
from adapters.postgres.reviews import PostgresArtistRatings, PostgresReviewRepository
from adapters.postgres.savepoints import savepoint
from adapters.postgres.scheduling import PostgresAvailabilityRepository
from adapters.postgres.scheduling_reader import CatalogueCache, PostgresSchedulingReader
from adapters.postgres.search import PostgresArtistSearch, SimilarWords
from adapters.postgres.sessions import PostgresSessionRepository
from adapters.postgres.telegram import PostgresTelegramRepository
from adapters.postgres.telegram_bot import (
    PostgresTelegramUpdateRepository,
    ProcrastinateTelegramUpdateQueue,
)
from adapters.postgres.telegram_chats import (
    PostgresChatLinkTokenRepository,
    PostgresTelegramChatRepository,
)
from adapters.postgres.text_allowance import PostgresTextAllowance
from adapters.postgres.waitlist import (
    PostgresWaitlistFeedPosition,
    PostgresWaitlistRepository,
    PostgresWaitlistSettingsRepository,
)
from adapters.postgres.webhooks import (
    PostgresDeliveryRepository,
    PostgresDispatchCursor,
    PostgresWebhookRepository,
    ProcrastinateDeliveryQueue,
    job_manager,
)
from booking_domain.accounts.ports import AccountsUnitOfWork
from booking_domain.analytics import AnalyticsUnitOfWork
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
from booking_domain.shared import SecretBox
from booking_domain.shared.ports import UnitOfWorkFactory
from booking_domain.telegram import TelegramUnitOfWork
from booking_domain.waitlist import WaitlistUnitOfWork
from booking_domain.webhooks.ports import WebhooksUnitOfWork

R = TypeVar("R")


def _on_connection(make: Callable[[Connection], R]) -> cached_property[R]:
    """A repository made on first use, on the unit of work's connection."""
    return cached_property(lambda uow: make(uow.connection))


def _with_jobs(make: Callable[[JobManager, Connection], R]) -> cached_property[R]:
    """A job queue made on first use: it defers jobs on the unit of work's connection, so a
    job is queued in the transaction of the change that wants it."""
    return cached_property(lambda uow: make(uow.jobs, uow.connection))


class PostgresUnitOfWork(
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
    AnalyticsUnitOfWork,
    ConsentUnitOfWork,
    LoyaltyUnitOfWork,
):
    """Borrows a connection for the block; anything not committed is rolled back, and
    database errors raised inside the block leave it as domain errors.

    A read-only or autocommit unit of work runs the connection in autocommit: each statement
    is its own transaction and sees its own snapshot, and there are no BEGIN, COMMIT or
    ROLLBACK round trips. Use it where one query answers or one statement is the change.
    """

    def __init__(
        self,
        database: Database,
        *,
        replica: ReplicaReads | None = None,
        read_only: bool = False,
        autocommit: bool = False,
        catalogues: CatalogueCache,
        jobs: JobManager,
        secrets: SecretBox,
        similar_words: SimilarWords | None = None,
    ) -> None:
        self._database = database
        self._replica = replica
        self.secrets = secrets
        self.catalogues = catalogues
        self.similar_words = similar_words or SimilarWords()
        self.jobs = jobs
        self._read_only = read_only
        self._autocommit = read_only or autocommit
        self._conn: Connection | None = None

    @property
    def connection(self) -> Connection:
        """The borrowed connection (only inside ``async with``)."""
        if self._conn is None:
            raise RuntimeError("repositories are used inside `async with uow:` only")
        return self._conn

    # Each repository is made on first use, on this unit of work's connection.
    users = _on_connection(PostgresUserRepository)
    refresh_tokens = _on_connection(PostgresRefreshTokenRepository)
    sign_in_attempts = _on_connection(PostgresSignInAttemptsRepository)
    telegram = _on_connection(PostgresTelegramRepository)
    phone_codes = _on_connection(PostgresPhoneCodeRepository)
    email_links = _on_connection(PostgresEmailLinkRepository)
    sessions = _on_connection(PostgresSessionRepository)
    portfolio = _on_connection(PostgresPortfolioRepository)
    booking_links = cached_property(
        lambda uow: PostgresBookingLinkRepository(uow.connection, uow.secrets)
    )
    ideas = _on_connection(PostgresIdeaRepository)
    clients = _on_connection(PostgresClientRepository)
    customer_lookups = _on_connection(PostgresCustomerLookupRepository)
    uploads = _on_connection(PostgresUploadRepository)
    artists = _on_connection(PostgresArtistRepository)
    studios = _on_connection(PostgresStudioRepository)
    services = _on_connection(PostgresServiceRepository)
    flash = _on_connection(PostgresFlashRepository)
    availability = _on_connection(PostgresAvailabilityRepository)
    external_calendars = cached_property(
        lambda uow: PostgresExternalCalendarRepository(uow.connection, uow.secrets)
    )
    calendar_refresh_queue = _with_jobs(ProcrastinateCalendarRefreshQueue)
    scheduling = cached_property(
        lambda uow: PostgresSchedulingReader(uow.connection, uow.catalogues)
    )
    bookings = cached_property(
        lambda uow: PostgresBookingRepository(uow.connection, uow.outbox, uow.audit)
    )
    outbox = _on_connection(PostgresOutbox)
    calendar_feeds = _on_connection(PostgresCalendarFeedRepository)
    calendar_feed_reader = _on_connection(PostgresCalendarFeedReader)
    idempotency = _on_connection(PostgresIdempotencyRepository)
    webhooks = cached_property(lambda uow: PostgresWebhookRepository(uow.connection, uow.secrets))
    deliveries = _on_connection(PostgresDeliveryRepository)
    dispatch_cursor = _on_connection(PostgresDispatchCursor)
    delivery_queue = _with_jobs(ProcrastinateDeliveryQueue)
    invoices = _on_connection(PostgresInvoiceRepository)
    received_payments = _on_connection(PostgresReceivedPaymentRepository)
    payment_jobs = _with_jobs(ProcrastinatePaymentJobs)
    refunds = _on_connection(PostgresRefundRepository)
    audit = _on_connection(PostgresAuditTrail)
    transactions = _on_connection(PostgresTransactionLedger)
    reviews = _on_connection(PostgresReviewRepository)
    disputes = _on_connection(PostgresDisputeRepository)
    dispute_messages = _on_connection(PostgresDisputeMessageRepository)
    tattoo_requests = _on_connection(PostgresRequestRepository)
    request_messages = _on_connection(PostgresRequestMessageRepository)
    quotes = _on_connection(PostgresQuoteRepository)
    projects = _on_connection(PostgresProjectRepository)
    analytics = _on_connection(PostgresAnalyticsReader)
    artist_search = cached_property(
        lambda uow: PostgresArtistSearch(uow.connection, uow.similar_words)
    )
    portfolio_likes = _on_connection(PostgresPortfolioLikes)
    free_starts = _on_connection(PostgresFreeStartsProjection)
    search_position = _on_connection(PostgresSearchFeedPosition)
    waitlist = _on_connection(PostgresWaitlistRepository)
    waitlist_settings = _on_connection(PostgresWaitlistSettingsRepository)
    waitlist_position = _on_connection(PostgresWaitlistFeedPosition)
    artist_ratings = _on_connection(PostgresArtistRatings)
    notifications = _on_connection(PostgresNotificationRepository)
    inbox = _on_connection(PostgresInboxRepository)
    notification_preferences = _on_connection(PostgresPreferencesRepository)
    reminder_offsets = _on_connection(PostgresReminderOffsetsRepository)
    notification_cursor = _on_connection(PostgresNotificationCursor)
    notification_queue = _with_jobs(ProcrastinateNotificationQueue)
    notification_context = _on_connection(PostgresNotificationContext)
    text_allowance = _on_connection(PostgresTextAllowance)
    aftercare = _on_connection(PostgresAftercareRepository)

    # Consent forms (consent): forms, requirements, signed consents, and bookings' gate.
    consent_forms = _on_connection(PostgresConsentFormRepository)
    consent_requirements = _on_connection(PostgresConsentRequirementRepository)
    consents = _on_connection(PostgresConsentRepository)
    consent_gate = cached_property(
        lambda uow: PostgresConsentGate(uow.consent_requirements, uow.consents)
    )
    telegram_chats = _on_connection(PostgresTelegramChatRepository)
    chat_link_tokens = _on_connection(PostgresChatLinkTokenRepository)
    telegram_updates = _on_connection(PostgresTelegramUpdateRepository)
    telegram_update_queue = _with_jobs(ProcrastinateTelegramUpdateQueue)

    # Loyalty (loyalty): programs, accounts and their entries, redemptions, the earner.
    loyalty_programs = _on_connection(PostgresProgramRepository)
    loyalty_ledger = _on_connection(PostgresLoyaltyLedger)
    loyalty_redemptions = _on_connection(PostgresRedemptionRepository)
    earning_cursor = _on_connection(PostgresEarningCursor)

    async def __aenter__(self) -> Self:
        try:
            conn = await self._borrow()
        except Exception as exc:
            raise (translate(exc) or exc) from exc
        self._conn = conn
        if conn.autocommit != self._autocommit:
            await conn.set_autocommit(self._autocommit)
        return self

    async def _borrow(self) -> Connection:
        """A connection of this unit's database; a lagging read whose replica cannot lend
        one reads from the primary instead (and the replica is distrusted until it is
        measured again)."""
        replica = self._replica
        if replica is None or self._database is replica.primary:
            return await self._database.getconn()
        try:
            return await self._database.getconn()
        except (psycopg.Error, PoolTimeout, OSError):
            replica.distrust()
            self._database = replica.primary
            return await self._database.getconn()

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        failure = exc
        if failure is None and self._autocommit and self._conn is not None:
            # Records of an autocommit unit that no write carried (one that failed drops them).
            try:
                await self._write_held()
            except Exception as unwritten:
                failure = unwritten
        if isinstance(failure, psycopg.OperationalError) and self._replica is not None:
            self._replica.distrust()  # the replica went away: the next lagging read won't wait
        conn, self._conn = self._conn, None
        if conn is not None:
            try:
                if conn.info.transaction_status != pq.TransactionStatus.IDLE:
                    await conn.rollback()
            except psycopg.Error:
                pass  # a broken connection: the pool discards it on return
            finally:
                await self._database.pool.putconn(conn)
        if failure is not None:
            domain_error = translate(failure)
            if domain_error is not None:
                raise domain_error from failure
            if failure is not exc:
                raise failure

    async def commit(self) -> None:
        if self._read_only:
            raise RuntimeError("a read-only unit of work cannot commit")
        await self._write_held()
        if self._conn is not None and not self._autocommit:
            await self._conn.commit()

    async def rollback(self) -> None:
        self._drop_held()
        if self._conn is not None and not self._autocommit:
            await self._conn.rollback()

    async def _write_held(self) -> None:
        """Write the events and audit entries recorded but not carried by a write yet (only
        where they were made: a unit of work that never recorded holds nothing)."""
        if "outbox" in self.__dict__:
            await self.outbox.write_held()
        if "audit" in self.__dict__:
            await self.audit.write_held()

    def _drop_held(self) -> None:
        if "outbox" in self.__dict__:
            self.outbox.drop_held()
        if "audit" in self.__dict__:
            self.audit.drop_held()

    @asynccontextmanager
    async def savepoint(self) -> AsyncIterator[None]:
        """``savepoints.savepoint`` on this unit's connection."""
        async with savepoint(
            self.connection,
            autocommit=self._autocommit,
            write_held=self._write_held,
            drop_held=self._drop_held,
        ):
            yield


class PostgresUnitOfWorkFactory(UnitOfWorkFactory[PostgresUnitOfWork], BookingsUnitOfWorkFactory):
    """Units of work on one database; they share this process's catalogue cache (see
    ``scheduling_reader.py``) and search's near-words memory (``search.py``).
    ``autocommit`` is the bookings port's knob for a creation that is one write; every
    other context opens transactions or read-only units."""

    def __init__(
        self, database: Database, *, secrets: SecretBox, replica: ReplicaReads | None = None
    ) -> None:
        """``secrets`` seals the secrets rows keep (webhook signing secrets); ``replica``
        serves the read-only units opened with ``may_lag`` while it is fresh enough
        (``replica.py``)."""
        self.database = database
        self.secrets = secrets
        self.replica = replica
        self.catalogues = CatalogueCache()
        self.similar_words = SimilarWords()
        self.jobs = job_manager()

    def __call__(
        self, *, read_only: bool = False, autocommit: bool = False, may_lag: bool = False
    ) -> PostgresUnitOfWork:
        replica = self.replica if read_only and may_lag else None
        return PostgresUnitOfWork(
            replica.database() if replica is not None else self.database,
            replica=replica,
            read_only=read_only,
            autocommit=autocommit,
            catalogues=self.catalogues,
            jobs=self.jobs,
            similar_words=self.similar_words,
            secrets=self.secrets,
        )
