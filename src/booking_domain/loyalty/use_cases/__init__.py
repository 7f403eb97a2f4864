"""Loyalty's use cases, and their bundle (``LoyaltyUseCases``)."""

from __future__ import annotations

from dataclasses import dataclass

from booking_domain.loyalty.use_cases.deps import LoyaltyDeps
from booking_domain.loyalty.use_cases.earning import EarnPoints
from booking_domain.loyalty.use_cases.expiry import ExpirePoints
from booking_domain.loyalty.use_cases.programs import (
    GetArtistProgram,
    GetPlatformProgram,
    ProgramSettings,
    SetArtistProgram,
    SetPlatformProgram,
)
from booking_domain.loyalty.use_cases.standing import MyEntries, MyLoyalty, Standing
from booking_domain.shared.use_case import UseCaseBundle


@dataclass(frozen=True, slots=True)
class LoyaltyUseCases(UseCaseBundle[LoyaltyDeps]):
    get_platform_program: GetPlatformProgram
    set_platform_program: SetPlatformProgram
    get_artist_program: GetArtistProgram
    set_artist_program: SetArtistProgram
    my_loyalty: MyLoyalty
    my_entries: MyEntries
    earn_points: EarnPoints
    expire_points: ExpirePoints


__all__ = [
    "EarnPoints",
    "ExpirePoints",
    "GetArtistProgram",
    "GetPlatformProgram",
    "LoyaltyDeps",
    "LoyaltyUseCases",
    "MyEntries",
    "MyLoyalty",
    "ProgramSettings",
    "SetArtistProgram",
    "SetPlatformProgram",
    "Standing",
]
