"""Inkslot's booking core: a standard-library-only library, one subpackage per bounded
context (docs/architecture.md, "Layout").

    shared        ids, money, time, pages, identity, the error base, Clock, unit of work
    accounts      users, password policy, sessions
    catalog       artists, studios, offered services, the artist's scheduling policy
    scheduling    intervals, weekly rules and overrides, timelines, free slots, bookability
    bookings      the Booking aggregate, its lifecycle, events and references
    disputes      disputes and their resolution
    testing       hypothesis strategies and builders for other projects' tests

A context imports only ``shared`` and the contexts before it in that list (import-linter
holds this). Import from a context's package (``from booking_domain.scheduling import
free_slots``); this top-level module imports nothing, so ``import booking_domain`` is cheap.
"""

__version__ = "0.2.0"
