"""The free-slots answer written straight to JSON: the bytes ``SlotsView`` encodes to, byte
for byte, without four ``datetime`` objects per slot.

A slot's four times (``start``/``end`` in UTC, ``localStart``/``localEnd`` with the artist's
offset) differ from the previous slot's only by the grid step, and their dates and the
offset change a few times a day at most. So back-to-back grid starts (a *run*, at most a
day of them) are cut into *segments* on which all four dates stay the same. A run's text
depends only on the clock time of its first start, the length, the step, its count and the
offsets, so it is built once per shape (a weekly schedule repeats the same few shapes all
month) with the dates left as placeholders; a segment then costs one replace per distinct
date in it, usually one or two.

The zone's offset is read once per two days of slots, not per slot: two readings at most
:data:`_SAME_OFFSET_SPAN` (48 h) apart that agree prove that nothing changed between them,
because no zone changes its offset twice within 95 hours (the closest pair in the tz
database: Freetown, 1939). A run in which the offset does change is written slot by slot,
each with the offsets of its own start and end. Offset text comes from msgspec itself, so
it matches what msgspec writes for a ``datetime`` (down to its rounding of pre-1900 offsets
that have seconds); dates come from ``date.isoformat``, which pads the year as msgspec does.
The starts must be ascending, as ``FreeSlots.epochs`` are.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo

import msgspec

from booking_domain.scheduling.use_cases import FreeSlots
from entrypoints.http.response_docs import documented
from entrypoints.http.scheduling.dto import SlotsView, SlotView
from entrypoints.http.wire import View, utc

_DAY = 86_400
_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
# Longest stretch over which one offset reading at each end is trusted (see the docstring).
_SAME_OFFSET_SPAN = 2 * _DAY
# The last instant read ahead of need: a day short of 9999-12-31, in every zone a datetime.
_LATEST_PROBE = int(datetime(9999, 12, 30, tzinfo=UTC).timestamp())
# Shapes are cached for runs of at most this many starts (a weekday of a 15-minute grid is
# 32), so the cache stays a few MB whatever ranges and grids clients ask for.
_CHUNK = 64
_SHAPES_KEPT = 1024
# Placeholders for the (up to four) dates of a segment's slots; JSON text never holds them.
_PLACEHOLDERS = ("\x01", "\x02", "\x03", "\x04")
_TWO_HOURS = timedelta(hours=2)


# Ulaanbaatar (+08:00, no daylight saving): a two-hour service on a two-hour grid from 10:00,
# asked for with limit=3, so nextFrom is the fourth free start.
_ZONE = timezone(timedelta(hours=8))
_EXAMPLE_STARTS = [datetime(2026, 3, 9, hour, tzinfo=_ZONE) for hour in (10, 12, 14)]
SLOTS_EXAMPLE = SlotsView(
    artist_id=uuid.UUID("3f2b8c1e-7d4a-4e59-9a61-0c5d2e8b7f14"),
    service_id=uuid.UUID("a4c7e9d2-1b3f-4a86-8e20-5f9c6d1b3a72"),
    time_zone="Asia/Ulaanbaatar",
    items=[
        SlotView(utc(start), utc(start + _TWO_HOURS), start, start + _TWO_HOURS)
        for start in _EXAMPLE_STARTS
    ],
    next_from=utc(datetime(2026, 3, 9, 16, tzinfo=_ZONE)),
)

# The body is SlotsView's JSON, so the document describes it as SlotsView (and schemathesis
# checks the answers against that).
SLOTS_BODY_SCHEMA = {
    200: documented(
        SLOTS_EXAMPLE,
        "Request fulfilled, document follows",
        "The first three free starts of a two-hour service (limit=3)",
    )
}


class _SlotsBody(View, frozen=True):
    """``SlotsView`` with its items already written: the same fields, in the same order."""

    artist_id: uuid.UUID
    service_id: uuid.UUID
    time_zone: str
    items: msgspec.Raw
    next_from: datetime | None = None


def render_slots(found: FreeSlots) -> bytes:
    """The JSON body of ``SlotsView.of(found)``."""
    duration = int(found.service.duration.total_seconds())
    step = int(found.artist.policy.slot_step.total_seconds())
    items = _items(found.epochs, duration, step, found.artist.policy.zone)
    next_from = None if found.next_from is None else utc(found.next_from)
    body = _SlotsBody(
        found.artist.id,
        found.service.id,
        found.artist.time_zone,
        msgspec.Raw(items.encode()),
        next_from,
    )
    return msgspec.json.encode(body)


def _items(epochs: tuple[int, ...], duration: int, step: int, zone: ZoneInfo) -> str:
    """The JSON array of the slots starting at ``epochs`` (ascending)."""
    parts: list[str] = []
    count = len(epochs)
    offsets = _Offsets(zone)
    # A run's starts span at most a day: a day's worth of steps, at least one.
    most = max(1, _DAY // step)
    i = 0
    while i < count:
        j, stop = i + 1, min(count, i + most)  # the run of back-to-back grid starts
        while j < stop and epochs[j] - epochs[j - 1] == step:
            j += 1
        first = epochs[i]
        offset = offsets.constant_over(first, epochs[j - 1] + duration)
        if offset is not None:
            _write_run(parts, first, j - i, duration, step, offset, offset)
        else:  # an offset change inside: each slot with the offsets of its own two ends
            for start in epochs[i:j]:
                start_offset = _offset_at(zone, start)
                end_offset = _offset_at(zone, start + duration)
                _write_run(parts, start, 1, duration, step, start_offset, end_offset)
        i = j
    return "[" + ",".join(parts) + "]"


class _Offsets:
    """The zone's offset over ascending stretches of time, read as rarely as is safe: two
    readings at most :data:`_SAME_OFFSET_SPAN` apart that agree prove the offset constant
    between them (changes are at least 95 hours apart), so one reading covers two days."""

    def __init__(self, zone: ZoneInfo) -> None:
        self._zone = zone
        self._offset = 0
        self._high: int | None = None  # the offset is known constant up to here

    def constant_over(self, low: int, high: int) -> int | None:
        """The offset throughout ``[low, high]`` (``low`` never below an earlier call's),
        or None when it changes in there."""
        if self._high is None or low - self._high > _SAME_OFFSET_SPAN:
            self._offset, self._high = _offset_at(self._zone, low), low
        while self._high < high:
            # Two days ahead, so one reading covers the next runs too; by the end of year
            # 9999, where a reading ahead would not fit a datetime, only as far as needed.
            probe = self._high + _SAME_OFFSET_SPAN
            if probe > _LATEST_PROBE:
                probe = high
            if _offset_at(self._zone, probe) != self._offset:
                self._high = None  # start again after the change
                return None
            self._high = probe
        return self._offset


def _write_run(
    parts: list[str],
    first: int,
    count: int,
    duration: int,
    step: int,
    start_offset: int,
    end_offset: int,
) -> None:
    """Append ``count`` slots starting ``first, first + step, ...``, from their shape's
    cached segments with the dates filled in."""
    while count > _CHUNK:  # rare: a long stretch of a fine grid
        _write_run(parts, first, _CHUNK, duration, step, start_offset, end_offset)
        first, count = first + _CHUNK * step, count - _CHUNK
    day = first // _DAY
    shape = _run_shape(first % _DAY, duration, step, count, start_offset, end_offset)
    for text, days in shape:
        for placeholder, delta in zip(_PLACEHOLDERS, days, strict=False):
            text = text.replace(placeholder, _date_text(day + delta))
        parts.append(text)


@lru_cache(maxsize=_SHAPES_KEPT)
def _run_shape(
    clock: int, duration: int, step: int, count: int, start_offset: int, end_offset: int
) -> tuple[tuple[str, tuple[int, ...]], ...]:
    """The text of ``count`` slot objects, the first starting at ``clock`` (seconds into its
    UTC day) and each ``step`` after the last, cut into segments on which the four dates
    stay the same. A segment's dates are placeholders; with each comes the list of days,
    counted from the first start's UTC day, that its placeholders stand for, in order."""
    start_suffix, end_suffix = _offset_text(start_offset), _offset_text(end_offset)
    segments: list[tuple[str, tuple[int, ...]]] = []
    objects: list[str] = []
    shown: tuple[int, ...] = ()
    days: tuple[int, ...] = ()
    for k in range(count):
        start = clock + k * step
        end = start + duration
        instants = (start, end, start + start_offset, end + end_offset)
        slot_days = tuple(instant // _DAY for instant in instants)
        if slot_days != days:
            if objects:
                segments.append((",".join(objects), shown))
            objects, days = [], slot_days
            shown = tuple(sorted(set(days)))
        marks = [_PLACEHOLDERS[shown.index(d)] for d in days]
        clocks = [_clock_text(instant % _DAY) for instant in instants]
        objects.append(
            f'{{"start":"{marks[0]}T{clocks[0]}Z","end":"{marks[1]}T{clocks[1]}Z",'
            f'"localStart":"{marks[2]}T{clocks[2]}{start_suffix}",'
            f'"localEnd":"{marks[3]}T{clocks[3]}{end_suffix}"}}'
        )
    segments.append((",".join(objects), shown))
    return tuple(segments)


def _offset_at(zone: ZoneInfo, epoch_seconds: int) -> int:
    offset = datetime.fromtimestamp(epoch_seconds, zone).utcoffset()
    return 0 if offset is None else offset // timedelta(seconds=1)


@lru_cache(maxsize=4096)
def _date_text(day: int) -> str:
    return date.fromordinal(_EPOCH_ORDINAL + day).isoformat()


@lru_cache(maxsize=2048)
def _clock_text(second: int) -> str:
    return f"{second // 3600:02d}:{second // 60 % 60:02d}:{second % 60:02d}"


@lru_cache(maxsize=256)
def _offset_text(offset: int) -> str:
    """How msgspec writes this UTC offset after a time (``Z``, ``+08:00``)."""
    zone = UTC if offset == 0 else timezone(timedelta(seconds=offset))
    written = msgspec.json.encode(datetime(2000, 1, 1, tzinfo=zone)).decode()
    return written[len('"2000-01-01T00:00:00') : -1]
