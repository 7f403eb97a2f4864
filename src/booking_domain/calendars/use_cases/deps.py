"""What calendar use cases are built with."""

from __future__ import annotations

from dataclasses import dataclass

from booking_domain.accounts import KeyedDigest
from booking_domain.calendars.ports import CalendarsUnitOfWorkFactory, CalendarWriter
from booking_domain.shared.clock import Clock


@dataclass(frozen=True, slots=True)
class CalendarsDeps:
    uow: CalendarsUnitOfWorkFactory
    clock: Clock
    digest: KeyedDigest  # makes and finds feed tokens (feeds.py)
    calendar_writer: CalendarWriter
    feed_base_url: str = "http://localhost:8000"  # where calendar apps reach /cal/...
    app_url: str = ""  # the web app: an event links to its booking there ("" : no link)
