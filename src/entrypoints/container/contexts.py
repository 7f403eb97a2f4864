"""One sub-container per bounded context: its collaborators and its bundle of use cases.

A context's container takes only what its use cases need from the adapters. Adding a use
case to a context changes its bundle (``booking_domain.<context>.use_cases``), not this file.
"""

from __future__ import annotations

from datetime import timedelta

from dependency_injector import containers, providers

from booking_domain.accounts import LockoutPolicy
from booking_domain.accounts.use_cases import AccountsDeps, AccountUseCases, SessionPolicy
from booking_domain.bookings.use_cases import BookingsDeps, BookingUseCases
from booking_domain.catalog.use_cases import CatalogDeps, CatalogUseCases
from booking_domain.disputes.use_cases import DisputesDeps, DisputeUseCases
from booking_domain.events.use_cases import EventsDeps, EventUseCases
from booking_domain.media.use_cases import MediaDeps, MediaUseCases
from booking_domain.notifications import RetrySchedule as NotificationRetrySchedule
from booking_domain.notifications.use_cases import NotificationsDeps, NotificationUseCases
from booking_domain.payments.use_cases import PaymentsDeps, PaymentUseCases
from booking_domain.reviews.use_cases import ReviewsDeps, ReviewUseCases
from booking_domain.scheduling.use_cases import SchedulingDeps, SchedulingUseCases
from booking_domain.search.use_cases import SearchDeps, SearchUseCases
from booking_domain.webhooks import RetrySchedule
from booking_domain.webhooks.use_cases import WebhooksDeps, WebhookUseCases
from entrypoints.container.payments import callback_url_for
from entrypoints.settings import Settings


class AccountsContainer(containers.DeclarativeContainer):
    settings = providers.Dependency(instance_of=Settings)
    adapters = providers.DependenciesContainer()
    policy = providers.Singleton(
        SessionPolicy,
        refresh_token_ttl=settings.provided.refresh_token_ttl,
        lockout=providers.Singleton(
            LockoutPolicy,
            max_failures=settings.provided.login_max_failures,
            lock_duration=settings.provided.login_lock,
        ),
    )
    deps = providers.Singleton(
        AccountsDeps,
        uow=adapters.uow,
        hasher=adapters.hasher,
        tokens=adapters.tokens,
        sessions=adapters.sessions,
        clock=adapters.clock,
        policy=policy,
    )
    use_cases = providers.Singleton(AccountUseCases.build, deps)


class MediaContainer(containers.DeclarativeContainer):
    adapters = providers.DependenciesContainer()
    deps = providers.Singleton(
        MediaDeps,
        uow=adapters.uow,
        stores=adapters.storage.provided.stores,
        images=adapters.images,
        clock=adapters.clock,
    )
    use_cases = providers.Singleton(MediaUseCases.build, deps)


class CatalogContainer(containers.DeclarativeContainer):
    adapters = providers.DependenciesContainer()
    deps = providers.Singleton(
        CatalogDeps,
        uow=adapters.uow,
        clock=adapters.clock,
        stores=adapters.storage.provided.stores,
    )
    use_cases = providers.Singleton(CatalogUseCases.build, deps)


class SchedulingContainer(containers.DeclarativeContainer):
    adapters = providers.DependenciesContainer()
    deps = providers.Singleton(SchedulingDeps, uow=adapters.uow, clock=adapters.clock)
    use_cases = providers.Singleton(SchedulingUseCases.build, deps)


class BookingsContainer(containers.DeclarativeContainer):
    adapters = providers.DependenciesContainer()
    deps = providers.Singleton(
        BookingsDeps,
        uow=adapters.uow,
        clock=adapters.clock,
        stores=adapters.storage.provided.stores,
    )
    use_cases = providers.Singleton(BookingUseCases.build, deps)


class PaymentsContainer(containers.DeclarativeContainer):
    settings = providers.Dependency(instance_of=Settings)
    adapters = providers.DependenciesContainer()
    deps = providers.Singleton(
        PaymentsDeps,
        uow=adapters.uow,
        gateway=adapters.payments.provided.gateway,
        clock=adapters.clock,
        callback_url=providers.Singleton(callback_url_for, settings),
    )
    use_cases = providers.Singleton(PaymentUseCases.build, deps)


class EventsContainer(containers.DeclarativeContainer):
    adapters = providers.DependenciesContainer()
    deps = providers.Singleton(
        EventsDeps, feed=adapters.feed, clock=adapters.clock, uow=adapters.uow
    )
    use_cases = providers.Singleton(EventUseCases.build, deps)


def _retry_schedule(settings: Settings) -> RetrySchedule:
    return RetrySchedule(tuple(timedelta(seconds=s) for s in settings.webhook_retry_seconds))


class WebhooksContainer(containers.DeclarativeContainer):
    settings = providers.Dependency(instance_of=Settings)
    adapters = providers.DependenciesContainer()
    deps = providers.Singleton(
        WebhooksDeps,
        uow=adapters.uow,
        feed=adapters.feed,
        sender=adapters.webhook_sender,
        clock=adapters.clock,
        allow_private_targets=settings.provided.allows_private_webhook_targets,
        retries=providers.Singleton(_retry_schedule, settings),
    )
    use_cases = providers.Singleton(WebhookUseCases.build, deps)


def _notification_retries(settings: Settings) -> NotificationRetrySchedule:
    return NotificationRetrySchedule(
        tuple(timedelta(seconds=s) for s in settings.notification_retry_seconds)
    )


class NotificationsContainer(containers.DeclarativeContainer):
    settings = providers.Dependency(instance_of=Settings)
    adapters = providers.DependenciesContainer()
    deps = providers.Singleton(
        NotificationsDeps,
        uow=adapters.uow,
        feed=adapters.feed,
        clock=adapters.clock,
        email=adapters.channels.provided.email,
        sms=adapters.channels.provided.sms,
        renderer=adapters.channels.provided.renderer,
        retries=providers.Singleton(_notification_retries, settings),
        app_url=settings.provided.web_url,
        mail_domain=settings.provided.mail_domain,
    )
    use_cases = providers.Singleton(NotificationUseCases.build, deps)


class DisputesContainer(containers.DeclarativeContainer):
    adapters = providers.DependenciesContainer()
    deps = providers.Singleton(
        DisputesDeps,
        uow=adapters.uow,
        clock=adapters.clock,
        stores=adapters.storage.provided.stores,
    )
    use_cases = providers.Singleton(DisputeUseCases.build, deps)


class ReviewsContainer(containers.DeclarativeContainer):
    adapters = providers.DependenciesContainer()
    deps = providers.Singleton(ReviewsDeps, uow=adapters.uow, clock=adapters.clock)
    use_cases = providers.Singleton(ReviewUseCases.build, deps)


class SearchContainer(containers.DeclarativeContainer):
    adapters = providers.DependenciesContainer()
    deps = providers.Singleton(
        SearchDeps,
        uow=adapters.uow,
        clock=adapters.clock,
        feed=adapters.feed,
        stores=adapters.storage.provided.stores,
    )
    use_cases = providers.Singleton(SearchUseCases.build, deps)
