"""Inkslot's booking core: a standard-library-only library, one subpackage per bounded
context (docs/architecture.md, "Layout"), 21 contexts in the order of the layers (lowest
first; contexts on one line of the layers contract do not import each other):

    shared         ids, money, time, pages, identity, errors, the Clock, the unit of work,
                   the outbox and the audit trail's entry
    accounts       users, passwords, sign-in lockout, sessions, phone codes, email links
    media          uploads, image variants, the object stores
    catalog        artists, studios, services, portfolios, flash, booking links, aftercare,
                   the artist's scheduling policy
    scheduling     intervals, weekly rules and overrides, timelines, free slots,
                   bookability, external calendars
    bookings       the Booking aggregate, its lifecycle and history, references, ideas,
                   touch-ups, an artist's clients
    loyalty        programs, points earned on money paid, redemption
    payments       deposit and balance invoices, payments, refunds, the ledger, gateways
    calendars      bookings as iCalendar events: feeds and invitations
    consent        consent forms, a booking's signed consent and ID check
    waitlist       waiting for freed time, offers held for the first who fits
    disputes       disputes, their evidence and resolution
    commissions    tattoo requests, quotes, multi-session projects
    payouts        what the platform owes each artist: collected, fees, refunds, payouts
    reviews        reviews, replies, ratings
    notifications  what is said to whom, on which channel, reminders, the inbox
    webhooks       endpoints and deliveries
    search         artist and portfolio search, the free-starts projection, likes
    stream         a user's changes as they happen, and their replay
    audit          the audit trail, read
    analytics      an artist's and the platform's figures (read ports only)
    privacy        a person's data exported, an account deleted across the platform
    telegram       the bot: its updates and conversation
    testing        hypothesis strategies and builders for other projects' tests

A context imports only ``shared`` and the contexts below it (the layers contract of
``pyproject.toml``: ``loyalty`` below ``payments``, ``calendars``, ``consent`` and
``waitlist``, which do not import each other; ``notifications`` to ``analytics`` likewise;
``privacy`` and ``telegram`` at the top), and only through their packages: import from a
context's package (``from booking_domain.scheduling import free_slots``). import-linter
holds both, and a test holds the contract's order to the registry of the entrypoints. This
top-level module imports nothing, so ``import booking_domain`` is cheap.
"""

__version__ = "1.0.0"
