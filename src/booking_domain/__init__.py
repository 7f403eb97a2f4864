"""Inkslot's booking core: a standard-library-only library, one subpackage per bounded
context (docs/architecture.md, "Layout").

    shared         ids, money, time, pages, identity, errors, the Clock, the unit of work,
                   the outbox and the audit trail's entry
    accounts       users, passwords, sign-in lockout, sessions
    media          uploads, image variants, the object stores
    catalog        artists, studios, services, portfolios, the artist's scheduling policy
    scheduling     intervals, weekly rules and overrides, timelines, free slots, bookability
    bookings       the Booking aggregate, its lifecycle and history, references, ideas
    payments       deposit invoices, payments, refunds, the ledger, the payment gateway
    disputes       disputes, their evidence and resolution
    reviews        reviews, replies, ratings
    notifications  what is said to whom, reminders, the inbox
    webhooks       endpoints and deliveries
    search         artist and portfolio search, the free-starts projection, likes
    stream         a user's changes as they happen, and their replay
    audit          the audit trail, read
    testing        hypothesis strategies and builders for other projects' tests

A context imports only ``shared`` and the contexts before it in that list (the last five,
from notifications to audit, not each other), and only through their packages: import from
a context's package (``from booking_domain.scheduling import free_slots``). import-linter
holds both. This top-level module imports nothing, so ``import booking_domain`` is cheap.
"""

__version__ = "0.2.0"
