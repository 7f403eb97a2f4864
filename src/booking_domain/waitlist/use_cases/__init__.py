"""Waitlist use cases, and their bundle (``WaitlistUseCases``)."""

from __future__ import annotations

from dataclasses import dataclass

from booking_domain.shared.use_case import UseCaseBundle
from booking_domain.waitlist.use_cases.answers import AcceptOffer, DeclineOffer, OfferAnswered
from booking_domain.waitlist.use_cases.artists import (
    GetWaitlistSettings,
    SettingsChange,
    UpdateWaitlistSettings,
    WaitlistStats,
)
from booking_domain.waitlist.use_cases.deps import WaitlistDeps
from booking_domain.waitlist.use_cases.entries import (
    MAX_LIVE,
    EntryView,
    GetEntry,
    Join,
    JoinWaitlist,
    LeaveWaitlist,
    MyWaitlist,
)
from booking_domain.waitlist.use_cases.reader import OfferFreedTimes


@dataclass(frozen=True, slots=True)
class WaitlistUseCases(UseCaseBundle[WaitlistDeps]):
    join: Join
    get_entry: GetEntry
    my_waitlist: MyWaitlist
    leave: LeaveWaitlist
    accept_offer: AcceptOffer
    decline_offer: DeclineOffer
    get_settings: GetWaitlistSettings
    update_settings: UpdateWaitlistSettings
    stats: WaitlistStats
    offer_freed_times: OfferFreedTimes


__all__ = [
    "MAX_LIVE",
    "AcceptOffer",
    "DeclineOffer",
    "EntryView",
    "GetEntry",
    "GetWaitlistSettings",
    "Join",
    "JoinWaitlist",
    "LeaveWaitlist",
    "MyWaitlist",
    "OfferAnswered",
    "OfferFreedTimes",
    "SettingsChange",
    "UpdateWaitlistSettings",
    "WaitlistDeps",
    "WaitlistStats",
    "WaitlistUseCases",
]
