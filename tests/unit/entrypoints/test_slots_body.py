"""The rendered free-slots body is, byte for byte, what msgspec writes for ``SlotsView``:
for any ascending starts, any grid step and length, in every zone of the tz database, from
local mean time a century and more ago to DST changes to come."""

from __future__ import annotations

import struct
from datetime import UTC, datetime, timedelta
from itertools import pairwise
from pathlib import Path
from zoneinfo import TZPATH, available_timezones

from hypothesis import example, given, settings
from hypothesis import strategies as st
from litestar.serialization import encode_json

from booking_domain.catalog import ArtistProfile, ArtistStatus, SchedulingPolicy
from booking_domain.scheduling.use_cases import FreeSlots
from booking_domain.testing.builders import ARTIST_ID, ARTIST_USER, make_service
from entrypoints.http.scheduling.dto import SlotsView
from entrypoints.http.scheduling.slots_body import render_slots

ZONES = sorted(available_timezones())
NEW_YORK_SPRING_2026 = int(datetime(2026, 3, 8, 7, tzinfo=UTC).timestamp())  # 02:00 local
MINUTE, DAY = 60, 86_400


def answer(zone: str, step: int, minutes: int, epochs: list[int], more: bool) -> FreeSlots:
    created = datetime(2026, 1, 1, tzinfo=UTC)
    artist = ArtistProfile(
        id=ARTIST_ID, user_id=ARTIST_USER, display_name="Ink", time_zone=zone,
        policy=SchedulingPolicy(zone, slot_step=timedelta(seconds=step)),
        created_at=created, updated_at=created, status=ArtistStatus.APPROVED,
    )  # fmt: skip
    next_from = datetime.fromtimestamp(epochs[-1] + step, UTC) if more and epochs else None
    return FreeSlots(artist, make_service(minutes), tuple(epochs), next_from)


@st.composite
def starts(draw: st.DrawFn, step: int) -> list[int]:
    """Runs of back-to-back grid starts with gaps between them, on or off the grid."""
    base = draw(
        st.sampled_from((NEW_YORK_SPRING_2026 - DAY, -2_208_988_800))  # 2026, 1900
        | st.integers(-2_500_000_000, 4_200_000_000)  # 1890 .. 2103
    )
    epochs: list[int] = []
    at = base
    for _ in range(draw(st.integers(0, 6))):
        at += draw(st.integers(0, 3 * DAY // MINUTE)) * MINUTE + (step if epochs else 0)
        for _ in range(draw(st.integers(1, 40))):
            epochs.append(at)
            at += step
        at -= step
    return epochs


@given(st.data())
@settings(max_examples=400, deadline=None)
def test_the_rendered_body_is_what_msgspec_writes_for_the_view(data: st.DataObject) -> None:
    zone = data.draw(st.sampled_from(ZONES), label="zone")
    step = data.draw(st.sampled_from((1, 5, 15, 25, 60, 90, 1440)), label="step") * MINUTE
    minutes = data.draw(st.integers(1, 1440), label="minutes")
    epochs = data.draw(starts(step), label="epochs")
    found = answer(zone, step, minutes, epochs, data.draw(st.booleans(), label="more"))

    assert render_slots(found) == encode_json(SlotsView.of(found))


@given(
    zone=st.sampled_from(ZONES),
    first=st.integers(-2_500_000_000, 4_200_000_000),
    hours=st.integers(24, 72),
)
@example(zone="America/New_York", first=NEW_YORK_SPRING_2026 - DAY, hours=48)
@example(zone="Australia/Lord_Howe", first=int(datetime(2026, 4, 4, tzinfo=UTC).timestamp()),
         hours=48)  # fmt: skip
@example(zone="Asia/Kathmandu", first=-2_208_988_800, hours=24)  # +05:41:16 local mean time
@settings(max_examples=150, deadline=None)
def test_days_of_back_to_back_slots_cross_midnights_and_offset_changes(
    zone: str, first: int, hours: int
) -> None:
    step = 15 * MINUTE  # an artist open round the clock: runs longer than a day
    epochs = list(range(first - first % step, first + hours * 3600, step))
    found = answer(zone, step, 150, epochs, more=False)

    assert render_slots(found) == encode_json(SlotsView.of(found))


def test_no_slots_is_an_empty_list() -> None:
    found = answer("Asia/Ulaanbaatar", 15 * MINUTE, 60, [], more=False)

    assert render_slots(found) == encode_json(SlotsView.of(found))
    assert b'"items":[]' in render_slots(found)


def offset_changes(tzif: bytes) -> list[tuple[int, int]]:
    """(instant, new UTC offset) of each offset change in a TZif file (RFC 8536), from its
    64-bit data block when it has one."""
    version, counts = tzif[4], struct.unpack(">6l", tzif[20:44])
    if version >= ord("2"):  # skip the 32-bit block: its counts, times and records
        isut, isstd, leap, times, types, chars = counts
        skip = 44 + times * 5 + types * 6 + chars + leap * 8 + isstd + isut
        tzif, width, code = tzif[skip:], 8, "q"
        counts = struct.unpack(">6l", tzif[20:44])
    else:
        width, code = 4, "l"
    _, _, _, times, types, _ = counts
    at = 44
    instants = struct.unpack(f">{times}{code}", tzif[at : at + times * width])
    at += times * width
    kinds = tzif[at : at + times]
    at += times
    offsets = [struct.unpack(">lBB", tzif[at + 6 * i : at + 6 * i + 6])[0] for i in range(types)]
    changes, current = [], offsets[0]
    for instant, kind in zip(instants, kinds, strict=True):
        if offsets[kind] != current:
            changes.append((instant, offsets[kind]))
            current = offsets[kind]
    return changes


def test_no_zone_changes_its_offset_twice_within_the_span_one_reading_covers() -> None:
    """What the renderer's offset readings rely on, checked on this machine's tz database."""
    closest = []
    for key in ZONES:
        path = next((Path(root) / key for root in TZPATH if (Path(root) / key).is_file()), None)
        if path is None:  # the zone comes from the tzdata package: same data, another place
            continue
        changes = offset_changes(path.read_bytes())
        closest += [(b - a, key) for (a, _), (b, _) in pairwise(changes)]
    assert closest, "no TZif file read"
    assert min(closest)[0] > 2 * DAY, min(closest)


@given(zone=st.sampled_from(ZONES), minutes=st.integers(1, 1440))
@settings(max_examples=50, deadline=None)
def test_slots_at_the_end_of_year_9999_are_written_too(zone: str, minutes: int) -> None:
    last = int(datetime(9999, 12, 31, tzinfo=UTC).timestamp()) - minutes * MINUTE - 14 * 3600
    epochs = [last - 3 * 900, last - 2 * 900, last]
    found = answer(zone, 900, minutes, epochs, more=False)

    assert render_slots(found) == encode_json(SlotsView.of(found))
