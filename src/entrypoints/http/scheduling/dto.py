"""Wire formats of scheduling: the policy settings, weekly rules, date overrides and slots."""

from __future__ import annotations

import datetime as dt
from typing import Annotated
from uuid import UUID

import msgspec
from msgspec import UNSET, Meta, UnsetType

from booking_domain.scheduling import StoredOverride, StoredRule, format_clock
from booking_domain.scheduling.use_cases import (
    POLICY_BOUNDS,
    Availability,
    BlockFields,
    FreeSlots,
    OverrideFields,
    PolicyFields,
    RuleFields,
)
from booking_domain.shared import ArtistId
from entrypoints.http.wire import Dto, View, given, utc

Clock = Annotated[
    str, Meta(pattern=r"^([01][0-9]|2[0-4]):[0-5][0-9]$", description="HH:MM, 24:00 allowed")
]


def _artist(artist_id: UUID | None) -> ArtistId | None:
    return None if artist_id is None else ArtistId(artist_id)


def _minutes(
    value: int | UnsetType, unit: dt.timedelta = dt.timedelta(minutes=1)
) -> dt.timedelta | None:
    count = given(value)
    return None if count is None else count * unit


def _bounded(setting: str) -> Meta:
    """The bounds a setting takes (``POLICY_BOUNDS``: the console's form reads the same)."""
    low, high = POLICY_BOUNDS[setting]
    return Meta(ge=low, le=high)


class SettingsRequest(Dto, frozen=True):
    slot_step_minutes: Annotated[int, _bounded("slot_step")] | UnsetType = UNSET
    minimum_notice_minutes: Annotated[int, _bounded("minimum_notice")] | UnsetType = UNSET
    horizon_days: Annotated[int, _bounded("horizon")] | UnsetType = UNSET
    deposit_hold_minutes: Annotated[int, _bounded("deposit_hold")] | UnsetType = UNSET
    approval_hold_minutes: Annotated[int, _bounded("approval_hold")] | UnsetType = UNSET
    free_cancellation_minutes: Annotated[int, _bounded("free_cancellation_notice")] | UnsetType = (
        UNSET
    )
    daily_cap: Annotated[int, _bounded("daily_cap")] | UnsetType = UNSET

    def fields(self) -> PolicyFields:
        return PolicyFields(
            slot_step=_minutes(self.slot_step_minutes),
            minimum_notice=_minutes(self.minimum_notice_minutes),
            horizon=_minutes(self.horizon_days, dt.timedelta(days=1)),
            deposit_hold=_minutes(self.deposit_hold_minutes),
            approval_hold=_minutes(self.approval_hold_minutes),
            free_cancellation_notice=_minutes(self.free_cancellation_minutes),
            daily_cap=given(self.daily_cap),
        )


class WindowDto(Dto, frozen=True):
    start_time: Clock
    end_time: Clock


class RuleRequest(Dto, frozen=True):
    day: Annotated[int, Meta(ge=0, le=6, description="0 = Sunday .. 6 = Saturday")]
    start_time: Clock
    end_time: Clock
    artist_id: UUID | None = None  # admins name the artist; artists manage their own

    def fields(self) -> RuleFields:
        return RuleFields(self.day, self.start_time, self.end_time, _artist(self.artist_id))


class OverrideRequest(Dto, frozen=True):
    date: dt.date
    closed: bool = False
    windows: Annotated[list[WindowDto], Meta(max_length=24)] = msgspec.field(default_factory=list)
    artist_id: UUID | None = None

    def fields(self) -> OverrideFields:
        windows = tuple((w.start_time, w.end_time) for w in self.windows)
        return OverrideFields(self.date, self.closed, windows, _artist(self.artist_id))


class BlockRequest(Dto, frozen=True):
    """Part of a date to block: ``startTime``-``endTime`` (``24:00`` for the day's end)."""

    date: dt.date
    start_time: Clock
    end_time: Clock
    artist_id: UUID | None = None  # admins name the artist; artists block their own

    def fields(self) -> BlockFields:
        return BlockFields(self.date, self.start_time, self.end_time, _artist(self.artist_id))


class WindowView(View, frozen=True):
    start_time: str
    end_time: str


class RuleView(View, frozen=True):
    id: UUID
    artist_id: UUID
    day: int
    start_time: str
    end_time: str

    @classmethod
    def of(cls, r: StoredRule) -> RuleView:
        start, end = format_clock(r.rule.start_minute), format_clock(r.rule.end_minute)
        return cls(r.id, r.artist_id, r.rule.day, start, end)


class OverrideView(View, frozen=True):
    id: UUID
    artist_id: UUID
    date: dt.date
    closed: bool
    windows: list[WindowView]

    @classmethod
    def of(cls, o: StoredOverride) -> OverrideView:
        windows = [
            WindowView(format_clock(w.start_minute), format_clock(w.end_minute))
            for w in o.override.windows
        ]
        return cls(o.id, o.artist_id, o.override.on, o.override.closed, windows)


class AvailabilityView(View, frozen=True):
    artist_id: UUID
    time_zone: str
    rules: list[RuleView]
    overrides: list[OverrideView]

    @classmethod
    def of(cls, a: Availability) -> AvailabilityView:
        return cls(
            a.artist.id,
            a.artist.time_zone,
            [RuleView.of(r) for r in a.rules],
            [OverrideView.of(o) for o in a.overrides],
        )


class SlotView(View, frozen=True):
    start: dt.datetime
    end: dt.datetime
    local_start: dt.datetime  # encoded with the artist's offset, e.g. 2026-03-09T09:00:00+08:00
    local_end: dt.datetime


class SlotsView(View, frozen=True):
    """Free slots, earliest first. ``nextFrom`` is set when there are more in the range:
    ask again with ``from=nextFrom`` (and the same ``to``)."""

    artist_id: UUID
    service_id: UUID
    time_zone: str
    items: list[SlotView]
    next_from: dt.datetime | None = None

    @classmethod
    def of(cls, found: FreeSlots) -> SlotsView:
        zone = found.artist.policy.zone
        duration = found.service.duration
        items = []
        for start in found.starts:
            end = start + duration
            # msgspec writes aware datetimes in C; no per-slot isoformat in Python.
            items.append(SlotView(start, end, start.astimezone(zone), end.astimezone(zone)))
        next_from = None if found.next_from is None else utc(found.next_from)
        return cls(found.artist.id, found.service.id, found.artist.time_zone, items, next_from)
