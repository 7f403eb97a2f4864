"""What the privacy use cases open: one unit of work over everything a person's account
touches, so that deleting an account (cancelling its bookings, hiding its artist profile,
closing and erasing its side of tattoo requests, ending its sessions, anonymising it) is
one transaction."""

from __future__ import annotations

from typing import Protocol

from booking_domain.accounts import AccountsUnitOfWork
from booking_domain.bookings import BookingsUnitOfWork
from booking_domain.catalog import CatalogUnitOfWork
from booking_domain.commissions import CommissionsUnitOfWork
from booking_domain.consent import ConsentUnitOfWork
from booking_domain.loyalty import LoyaltyUnitOfWork
from booking_domain.notifications import NotificationsUnitOfWork
from booking_domain.payments import PaymentsUnitOfWork
from booking_domain.reviews import ReviewsUnitOfWork
from booking_domain.scheduling import SchedulingUnitOfWork
from booking_domain.shared.ports import UnitOfWorkFactory
from booking_domain.waitlist import WaitlistUnitOfWork
from booking_domain.webhooks import WebhooksUnitOfWork


class PrivacyUnitOfWork(
    # The contexts whose records of a person it reads and changes in one transaction.
    AccountsUnitOfWork,
    CatalogUnitOfWork,
    WaitlistUnitOfWork,
    SchedulingUnitOfWork,
    BookingsUnitOfWork,
    PaymentsUnitOfWork,
    CommissionsUnitOfWork,
    WebhooksUnitOfWork,
    NotificationsUnitOfWork,
    ReviewsUnitOfWork,
    ConsentUnitOfWork,
    LoyaltyUnitOfWork,
    Protocol,
):
    """Accounts, bookings (with their ideas, clients and uploads), payments, tattoo requests
    (with their threads), signed consents and consent forms, reviews, waitlist entries, the
    artist's catalogue and availability, the inbox, loyalty points, webhook endpoints, the
    outbox and the audit trail."""


PrivacyUnitOfWorkFactory = UnitOfWorkFactory[PrivacyUnitOfWork]
