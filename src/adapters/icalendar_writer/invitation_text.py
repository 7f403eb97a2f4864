"""An invitation's iCalendar text, written line by line.

A booking email carries one invitation, so the notification pipeline pays for one per
email; building ``icalendar``'s components for a single event and serialising them cost
more than the rest of the email (docs/performance.md). This module writes the same bytes
``icalendar`` 7 writes for that calendar without building them:

- the properties in ``icalendar``'s order (the calendar's and the event's canonical
  properties first, then the rest by name; parameters by name);
- TEXT values escaped as ``icalendar`` escapes them (``\\``, ``;``, ``,``, every line
  break as ``\\n``);
- parameter values through ``icalendar``'s own ``param_value`` (RFC 6868, quoted where
  needed; a ``CN`` with a space or an apostrophe always quoted, as ``icalendar`` does);
- lines folded at 75 octets, never inside a character or between a backslash or caret
  and the character it escapes.

The feed (many events, once per fetch) is still built from components. A property test
(``tests/unit/calendars/test_invitation_text.py``) holds this writer's text equal, byte for
byte, to what ``icalendar``'s components write for the same invitation, so an upgrade that
changes ``icalendar``'s output shows there first.
"""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo

from icalendar.parser import param_value

from booking_domain.calendars import Attendee, CalendarEvent, EventStatus, InvitationMethod

_FOLD_AT = 75  # octets a line may reach before it is folded (RFC 5545 3.1)
# Characters that escape the next one: a fold never separates them from it.
_ESCAPES = "\\^"
# A CN with one of these is always quoted (``icalendar.Parameters.quote_also``).
_CN_QUOTED_WITH = " '"


def invitation_text(
    event: CalendarEvent,
    method: InvitationMethod,
    *,
    organizer: Attendee,
    attendee: Attendee,
    prodid: str,
    zone: tuple[str, tzinfo] | None,
    zones: str,
) -> str:
    """The invitation: ``METHOD``, ``zones`` (the ``VTIMEZONE`` text, spliced before the
    event) and one ``VEVENT`` with its organizer and one attendee. ``zone`` is the
    ``TZID`` the event's times are written in with its zone, or None to write them in UTC
    (``...Z``)."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{_text(prodid)}",
        "CALSCALE:GREGORIAN",
        f"METHOD:{_text(method.value)}",
    ]
    _one_line(organizer.email, attendee.email, event.url or "")
    event_lines = _event_lines(event, zone, organizer, attendee)
    return _joined(lines) + zones + _joined(event_lines)


def _one_line(*values: str) -> None:
    """An address or a URL is written as it is (not TEXT): a line break in one would start a
    property of its own, so it is refused, as ``icalendar``'s ``vCalAddress`` and ``vUri``
    refuse it."""
    if any("\r" in value or "\n" in value for value in values):
        raise ValueError("an address or URL in an invitation holds a line break")


def _joined(lines: list[str]) -> str:
    return "".join(f"{_fold(line)}\r\n" for line in lines)


def _event_lines(
    e: CalendarEvent, zone: tuple[str, tzinfo] | None, organizer: Attendee, attendee: Attendee
) -> list[str]:
    lines = [
        "BEGIN:VEVENT",
        f"SUMMARY:{_text(e.summary)}",
        _moment("DTSTART", e.start, zone),
        _moment("DTEND", e.end, zone),
        f"DTSTAMP:{_stamp(e.stamp.astimezone(UTC))}Z",
        f"UID:{_text(e.uid)}",
        f"SEQUENCE:{e.sequence}",
        _party("ATTENDEE", attendee, "ROLE=REQ-PARTICIPANT;RSVP=FALSE"),
        f"DESCRIPTION:{_text(e.description)}",
        _party("ORGANIZER", organizer, ""),
        f"STATUS:{_text(e.status.value)}",
        f"TRANSP:{transparency(e.status)}",
    ]
    if e.url:
        lines.append(f"URL:{e.url}")
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return lines


def transparency(status: EventStatus) -> str:
    """``TRANSP``: a cancelled appointment no longer blocks anyone's time."""
    return "TRANSPARENT" if status is EventStatus.CANCELLED else "OPAQUE"


def _moment(name: str, at: datetime, zone: tuple[str, tzinfo] | None) -> str:
    if zone is None:
        return f"{name}:{_stamp(at.astimezone(UTC))}Z"
    tzid, info = zone
    return f"{name};TZID={param_value(tzid)}:{_stamp(at.astimezone(info))}"


def _stamp(at: datetime) -> str:
    # icalendar's form: zero-padded, seconds kept, fractions dropped.
    return f"{at.year:04}{at.month:02}{at.day:02}T{at.hour:02}{at.minute:02}{at.second:02}"


def _party(name: str, party: Attendee, rest: str) -> str:
    params = []
    if party.name:
        quoted = any(c in party.name for c in _CN_QUOTED_WITH)
        params.append(f"CN={param_value(party.name, always_quote=quoted)}")
    if rest:
        params.append(rest)
    head = ";".join([name, *params])
    return f"{head}:mailto:{party.email}"


def _text(value: str) -> str:
    """A TEXT value escaped as RFC 5545 3.3.11 asks (and as ``icalendar`` does it: ``\\N``
    read as a line break, each of CRLF, LF and a lone CR written as ``\\n``)."""
    return (
        value.replace(r"\N", "\n")
        .replace("\\", "\\\\")
        .replace(";", r"\;")
        .replace(",", r"\,")
        .replace("\r\n", r"\n")
        .replace("\n", r"\n")
        .replace("\r", r"\n")
    )


def _fold(line: str) -> str:
    """The line folded (``CRLF`` and a space) before it would reach 75 octets."""
    return _fold_ascii(line) if line.isascii() else _fold_chars(line)


def _fold_chars(line: str) -> str:
    """``_fold`` character by character, counting each one's UTF-8 octets."""
    folded: list[str] = []
    current: list[str] = []
    size = 0
    for char in line:
        width = len(char.encode())
        if current and size + width >= _FOLD_AT:
            if len(current) > 1 and current[-1] in _ESCAPES:
                carried = current.pop()
                folded.append("".join(current))
                current, size = [carried], len(carried.encode())
            else:
                folded.append("".join(current))
                current, size = [], 0
        current.append(char)
        size += width
    if current:
        folded.append("".join(current))
    return "\r\n ".join(folded)


def _fold_ascii(line: str) -> str:
    """``_fold`` of an ASCII line, by slices: each piece is 74 characters (one octet each),
    or 73 when its last would be a backslash or a caret (an escape's first character), which
    goes to the next."""
    width = _FOLD_AT - 1
    pieces: list[str] = []
    start = 0
    while len(line) - start > width:
        end = start + width
        if line[end - 1] in _ESCAPES:
            end -= 1
        pieces.append(line[start:end])
        start = end
    pieces.append(line[start:])
    return "\r\n ".join(pieces)
