"""``IcsCalendarWriter``: the calendars context's events as iCalendar text.

Each event's times are written in its zone (``DTSTART;TZID=Asia/Ulaanbaatar:...``) with one
``VTIMEZONE`` per zone, built by ``icalendar`` from the zoneinfo database for the years
around the events and cached: a zone's component is made once per process and span of
years, so an invitation costs its event's few properties and the serialisation (the
notification pipeline's budget: docs/performance.md). A zone the database does not know
(never an artist's: zones are checked when set) is written in UTC.

A feed has no ``METHOD`` (a published calendar); an invitation has ``METHOD:REQUEST`` or
``CANCEL`` with an ``ORGANIZER`` and one ``ATTENDEE`` (RFC 5546). A feed is built from
``icalendar``'s components; an invitation (one per booking email) is written line by line,
the same bytes (``invitation_text``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, date, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from icalendar import Calendar, Event, Timezone, vText
from icalendar.timezone.tzid import is_utc

from adapters.icalendar_writer.invitation_text import invitation_text, transparency
from booking_domain.calendars import (
    Attendee,
    CalendarEvent,
    CalendarWriter,
    InvitationMethod,
)

PRODID = "-//Inkslot//Bookings//EN"
# How many years around its events a zone's VTIMEZONE covers (a feed's window is 90 days
# back to 2 years ahead; an invitation's event is within the booking horizon).
_YEARS_BEFORE, _YEARS_AFTER = 1, 3


class IcsCalendarWriter(CalendarWriter):
    def feed(self, name: str, events: Sequence[CalendarEvent]) -> str:
        calendar = _calendar()
        calendar.add("name", name)
        calendar.add("x-wr-calname", name)
        for event in events:
            calendar.add_component(_event(event))
        return _with_zones(calendar, events)

    def invitation(
        self,
        event: CalendarEvent,
        method: InvitationMethod,
        *,
        organizer: Attendee,
        attendee: Attendee,
    ) -> str:
        # Written line by line, the bytes icalendar's components would write (its cost is
        # every booking email's: invitation_text says how the two are held equal).
        in_utc = _written_in_utc(event.time_zone)
        zone = None if in_utc else (event.time_zone, _zone_info(event.time_zone))
        return invitation_text(
            event,
            method,
            organizer=organizer,
            attendee=attendee,
            prodid=PRODID,
            zone=zone,
            zones="".join(_zones((event,))),
        )


def _calendar() -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    return calendar


def _event(e: CalendarEvent) -> Event:
    event = Event()
    event.add("uid", e.uid)
    event.add("sequence", e.sequence)
    event.add("dtstamp", e.stamp.astimezone(UTC))
    zone = _zone_info(e.time_zone)
    event.add("dtstart", e.start.astimezone(zone))
    event.add("dtend", e.end.astimezone(zone))
    event.add("summary", vText(e.summary))
    event.add("description", vText(e.description))
    event.add("status", e.status.value)
    event.add("transp", transparency(e.status))
    if e.url:
        event.add("url", e.url)
    return event


def _with_zones(calendar: Calendar, events: Iterable[CalendarEvent]) -> str:
    """The calendar's text with the events' VTIMEZONEs before its first component (where
    RFC 5545 wants them, before the events that name them). Each zone's text is made once
    (``_vtimezone``) and spliced in, not serialised again for every message."""
    text: str = calendar.to_ical().decode()
    zones = "".join(_zones(events))
    if not zones:
        return text
    at = text.find("BEGIN:VEVENT\r\n")
    at = at if at >= 0 else text.rindex("END:VCALENDAR")
    return text[:at] + zones + text[at:]


def _zones(events: Iterable[CalendarEvent]) -> list[str]:
    """One VTIMEZONE per zone the events use, covering the years of their starts."""
    spans: dict[str, tuple[int, int]] = {}
    for e in events:
        if _written_in_utc(e.time_zone):
            continue
        year = e.start.year
        low, high = spans.get(e.time_zone, (year, year))
        spans[e.time_zone] = (min(low, year), max(high, year))
    found = (_vtimezone(zone, low, high) for zone, (low, high) in sorted(spans.items()))
    return [zone for zone in found if zone is not None]


@lru_cache(maxsize=512)
def _zone_info(name: str) -> tzinfo:
    try:
        return UTC if name in ("UTC", "Etc/UTC") else ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


@lru_cache(maxsize=512)
def _written_in_utc(name: str) -> bool:
    """Whether icalendar writes this zone's times as UTC (``...Z``): UTC itself and the
    zones that have always been it (``Africa/Abidjan``), which need no VTIMEZONE."""
    zone = _zone_info(name)
    return zone is UTC or is_utc(zone)


@lru_cache(maxsize=512)
def _vtimezone(name: str, first_year: int, last_year: int) -> str | None:
    """The zone's VTIMEZONE text over those years (None: a zone zoneinfo does not know)."""
    try:
        zone = Timezone.from_tzid(
            name,
            first_date=date(first_year - _YEARS_BEFORE, 1, 1),
            last_date=date(last_year + _YEARS_AFTER, 1, 1),
        )
    except ValueError:
        return None
    text: str = zone.to_ical().decode()
    return text
