"""The registry of bounded contexts: every context the entrypoints serve is one line here.

A line names the context (the field), its bundle of use cases (the annotation) and, where
it has any, what its ``Deps`` take from the settings (``FromSettings``). Every other field of
its ``Deps`` is given the port of the same name that the adapters serve (``uow``, ``clock``,
``stores``, ``feed``, ``gateway`` ...: ``entrypoints.container.adapters.PORTS``) or keeps
its default.

From these lines the composition root derives:

- each context's wiring: its ``Deps`` and its bundle (``entrypoints.container``);
- ``Bundles``, what the entrypoints receive (``entrypoints.bundles``): an instance of this
  class, plus the few services that are no context's;
- the HTTP layer's dependencies, one per context under its name, and its routes: the
  ``ROUTES`` of ``entrypoints.http.<name>.routes`` (``entrypoints.http.app``);
- the worker's tasks and followers of the outbox: the ``WORK`` of
  ``entrypoints.worker.<name>``, where the context has background work
  (``entrypoints.worker.work``);
- the units of work: each backend's base composed with the storage part
  ``adapters.<backend>.parts.<name>.Part`` of each context that has one
  (``entrypoints.container.units``).

Adding a context (docs/architecture.md, "Adding a bounded context") is its packages and one
line below, where the context sits in the order of the layers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, fields
from operator import attrgetter
from typing import Annotated, Any, get_args, get_origin, get_type_hints

from booking_domain.accounts.use_cases import AccountUseCases
from booking_domain.analytics.use_cases import AnalyticsUseCases
from booking_domain.audit.use_cases import AuditUseCases
from booking_domain.bookings.use_cases import BookingUseCases
from booking_domain.calendars.use_cases import CalendarUseCases
from booking_domain.catalog.use_cases import CatalogUseCases
from booking_domain.commissions.use_cases import CommissionUseCases
from booking_domain.consent.use_cases import ConsentUseCases
from booking_domain.disputes.use_cases import DisputeUseCases
from booking_domain.loyalty.use_cases import LoyaltyUseCases
from booking_domain.media.use_cases import MediaUseCases
from booking_domain.notifications.use_cases import NotificationUseCases
from booking_domain.payments.use_cases import PaymentUseCases
from booking_domain.payouts.use_cases import PayoutUseCases
from booking_domain.privacy.use_cases import PrivacyUseCases
from booking_domain.reviews.use_cases import ReviewUseCases
from booking_domain.scheduling.use_cases import SchedulingUseCases
from booking_domain.search.use_cases import SearchUseCases
from booking_domain.shared.use_case import UseCaseBundle
from booking_domain.stream.use_cases import StreamUseCases
from booking_domain.telegram.use_cases import TelegramUseCases
from booking_domain.waitlist.use_cases import WaitlistUseCases
from booking_domain.webhooks.use_cases import WebhookUseCases
from entrypoints.from_settings import (
    booking_page_url,
    callback_url,
    code_policy,
    fee_rule,
    lockout_policy,
    lookup_budget,
    notification_retries,
    payouts_page_url,
    receipt_url,
    session_policy,
    telegram_bot,
    telegram_webhook_secret,
    text_reach,
    webhook_retries,
)
from entrypoints.settings import Settings

Factory = Callable[[Settings], object]


@dataclass(frozen=True, slots=True)
class FromSettings:
    """What a context's ``Deps`` take from the settings: ``name=factory`` gives the field
    ``name`` the value ``factory(settings)``."""

    factories: Mapping[str, Factory]

    def __init__(self, **factories: Factory) -> None:
        object.__setattr__(self, "factories", factories)


def setting(name: str) -> Factory:
    """A ``Deps`` field given one setting as it is."""
    return attrgetter(name)


@dataclass(frozen=True, slots=True)
class Contexts:
    """Every context's use cases, in the order of the layers (docs/architecture.md)."""

    accounts: Annotated[
        AccountUseCases,
        FromSettings(
            policy=session_policy, codes=code_policy, telegram=telegram_bot, reach=text_reach
        ),
    ]
    media: MediaUseCases
    catalog: Annotated[CatalogUseCases, FromSettings(link_base_url=setting("web_url"))]
    scheduling: SchedulingUseCases
    bookings: Annotated[BookingUseCases, FromSettings(lookups=lookup_budget)]
    loyalty: LoyaltyUseCases
    payments: Annotated[
        PaymentUseCases,
        FromSettings(
            callback_url=callback_url,
            receipt_url=receipt_url,
            return_url=booking_page_url,
            fee_rule=fee_rule,
            payouts_page_url=payouts_page_url,
        ),
    ]
    calendars: Annotated[
        CalendarUseCases,
        FromSettings(feed_base_url=setting("base_url"), app_url=setting("web_url")),
    ]
    consent: ConsentUseCases
    waitlist: WaitlistUseCases
    disputes: DisputeUseCases
    commissions: CommissionUseCases
    payouts: Annotated[PayoutUseCases, FromSettings(fees=fee_rule)]
    reviews: ReviewUseCases
    notifications: Annotated[
        NotificationUseCases,
        FromSettings(
            retries=notification_retries,
            app_url=setting("web_url"),
            mail_domain=setting("mail_domain"),
            telegram_bot_username=setting("telegram_bot_username"),
            reach=text_reach,
            daily_texts=setting("sms_account_daily_limit"),
        ),
    ]
    webhooks: Annotated[
        WebhookUseCases,
        FromSettings(
            retries=webhook_retries,
            allow_private_targets=setting("allows_private_webhook_targets"),
            rounds=setting("webhook_rounds"),
        ),
    ]
    search: SearchUseCases
    stream: StreamUseCases
    audit: AuditUseCases
    analytics: AnalyticsUseCases
    privacy: Annotated[PrivacyUseCases, FromSettings(codes=code_policy, lockout=lockout_policy)]
    telegram: Annotated[
        TelegramUseCases,
        FromSettings(app_url=setting("web_url"), webhook_secret=telegram_webhook_secret),
    ]


@dataclass(frozen=True, slots=True)
class Entry:
    """One registry line, read: the context's name, its bundle, its ``Deps`` and what they
    take from the settings."""

    name: str
    bundle: type[UseCaseBundle[Any]]
    deps: type
    from_settings: Mapping[str, Factory]


def registered() -> Iterator[Entry]:
    """The registry's lines, in order."""
    hints = get_type_hints(Contexts, include_extras=True)
    for line in fields(Contexts):
        bundle, *extras = get_args(hints[line.name]) or (hints[line.name],)
        made = next((e.factories for e in extras if isinstance(e, FromSettings)), {})
        yield Entry(line.name, bundle, _deps_of(bundle), made)


def _deps_of(bundle: type[UseCaseBundle[Any]]) -> type:
    """``XDeps`` of ``class XUseCases(UseCaseBundle[XDeps])``."""
    for base in getattr(bundle, "__orig_bases__", ()):
        if get_origin(base) is UseCaseBundle:
            deps: type = get_args(base)[0]
            return deps
    raise TypeError(f"{bundle.__name__} is not a UseCaseBundle[<Deps>]")
