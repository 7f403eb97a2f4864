"""The invitation written line by line is, byte for byte, what ``icalendar``'s components
write for the same invitation: whatever the texts and names hold (separators, line breaks,
quotes, carets, backslashes, any script, lengths that fold mid-character), whatever the
zone (one with a VTIMEZONE, UTC and the zones that always were, one the database does not
know), method, status and moment."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import vCalAddress

from adapters.icalendar_writer.invitation_text import _fold_ascii, _fold_chars
from adapters.icalendar_writer.writer import IcsCalendarWriter, _calendar, _event, _with_zones
from booking_domain.calendars import Attendee, CalendarEvent, EventStatus, InvitationMethod

TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=200)
# Texts dense in what escaping, quoting and folding treat specially.
TRICKY = st.text(st.sampled_from(list(",;:\\^\"'\r\n \tNé漢😀a")), max_size=160)
ZONES = st.sampled_from(
    [
        "Asia/Ulaanbaatar",
        "Asia/Hovd",
        "Europe/Berlin",
        "America/Argentina/Buenos_Aires",
        "America/Port-au-Prince",
        "Australia/Lord_Howe",
        "Etc/GMT+8",
        "UTC",
        "Etc/UTC",
        "Africa/Abidjan",
        "Not/A_Zone",
    ]
)
MOMENTS = st.datetimes(datetime(2000, 1, 1), datetime(2040, 1, 1), timezones=st.just(UTC))
PARTIES = st.builds(Attendee, st.one_of(TEXT, TRICKY), st.emails())
URLS = st.none() | st.from_regex(
    r"\Ahttps://[a-z0-9.-]{1,30}(/[A-Za-z0-9._~%!$&'()*+,;=:@-]{0,60})*\Z"
)


@st.composite
def events(draw: st.DrawFn) -> CalendarEvent:
    start = draw(MOMENTS)
    return CalendarEvent(
        uid=draw(st.one_of(st.just("018f0000-0000-7000-8000-0000000000b1@inkslot"), TRICKY)),
        sequence=draw(st.integers(0, 10**9)),
        stamp=draw(MOMENTS),
        start=start,
        end=start + draw(st.timedeltas(timedelta(minutes=15), timedelta(hours=12))),
        time_zone=draw(ZONES),
        summary=draw(st.one_of(TEXT, TRICKY)),
        description=draw(st.one_of(TEXT, TRICKY)),
        status=draw(st.sampled_from(EventStatus)),
        url=draw(URLS),
    )


def by_components(
    e: CalendarEvent, method: InvitationMethod, organizer: Attendee, attendee: Attendee
) -> str:
    """The invitation as ``icalendar``'s components write it: the feed's calendar and event
    (the writer's own builders) with the method and the two parties (the writer's code
    before it wrote lines itself)."""
    calendar = _calendar()
    calendar.add("method", method.value)
    event = _event(e)  # the feed's event, as icalendar's components write it
    event.add("organizer", address(organizer))
    party = address(attendee)
    party.params["ROLE"] = "REQ-PARTICIPANT"
    party.params["RSVP"] = "FALSE"
    event.add("attendee", party)
    calendar.add_component(event)
    return _with_zones(calendar, (e,))


def address(party: Attendee) -> vCalAddress:
    found = vCalAddress(f"mailto:{party.email}")
    if party.name:
        found.params["CN"] = party.name
    return found


@settings(max_examples=300, deadline=None)
@given(events(), st.sampled_from(InvitationMethod), PARTIES, PARTIES)
def test_the_lines_written_are_the_components_text(
    event: CalendarEvent, method: InvitationMethod, organizer: Attendee, attendee: Attendee
) -> None:
    written = IcsCalendarWriter().invitation(event, method, organizer=organizer, attendee=attendee)
    assert written == by_components(event, method, organizer, attendee)


def event_with(summary: str, name: str = "A") -> tuple[str, str]:
    e = CalendarEvent(
        "u@inkslot", 0, datetime(2026, 3, 2, tzinfo=UTC), datetime(2026, 3, 5, 2, tzinfo=UTC),
        datetime(2026, 3, 5, 4, tzinfo=UTC), "Asia/Ulaanbaatar", summary, "d",
        EventStatus.CONFIRMED,
    )  # fmt: skip
    method, organizer, attendee = (
        InvitationMethod.REQUEST,
        Attendee(name, "a@x.mn"),
        Attendee("B", "b@x.mn"),
    )
    written = IcsCalendarWriter().invitation(e, method, organizer=organizer, attendee=attendee)
    return written, by_components(e, method, organizer, attendee)


@pytest.mark.parametrize("escape", ["\\", "^", '"', "\n"])
@pytest.mark.parametrize("at", range(58, 72))
def test_a_fold_next_to_an_escape_is_where_icalendar_makes_it(escape: str, at: int) -> None:
    written, expected = event_with("a" * at + escape + "b" * 30, name="n" * at + escape + "m" * 30)
    assert written == expected
    lines = written.split("\r\n")
    assert all(len(line.encode()) <= 75 for line in lines)


def test_a_line_of_wide_characters_folds_between_characters() -> None:
    written, expected = event_with("漢" * 30 + "😀" * 20 + ",;" * 20)
    assert written == expected
    assert all(len(line.encode()) <= 75 for line in written.split("\r\n"))


@pytest.mark.parametrize(
    ("email", "url"),
    [
        ("a@x.mn\r\nATTACH:https://evil.test/x", None),
        ("a@x.mn\nX-EVIL:1", None),
        ("a@x.mn", "https://x.test/b\r\nATTACH:https://evil.test/x"),
        ("a@x.mn", "https://x.test/b\rX"),
    ],
)
def test_a_line_break_in_an_address_or_url_is_refused_as_icalendar_refuses_it(
    email: str, url: str | None
) -> None:
    e = CalendarEvent(
        "u@inkslot", 0, datetime(2026, 3, 2, tzinfo=UTC), datetime(2026, 3, 5, 2, tzinfo=UTC),
        datetime(2026, 3, 5, 4, tzinfo=UTC), "Asia/Ulaanbaatar", "s", "d",
        EventStatus.CONFIRMED, url,
    )  # fmt: skip
    method, organizer, attendee = (
        InvitationMethod.REQUEST,
        Attendee("A", "o@x.mn"),
        Attendee("B", email),
    )
    with pytest.raises(ValueError, match="may not contain CR or LF"):
        by_components(e, method, organizer, attendee)
    with pytest.raises(ValueError, match="holds a line break"):
        IcsCalendarWriter().invitation(e, method, organizer=organizer, attendee=attendee)


@given(st.text(st.sampled_from('ab\\^;,:"')) | st.text(st.characters(max_codepoint=127)))
def test_an_ascii_line_folds_by_slices_as_it_does_character_by_character(line: str) -> None:
    # backslashes and carets near every fold point, and any ASCII at all
    assert _fold_ascii(line) == _fold_chars(line)
