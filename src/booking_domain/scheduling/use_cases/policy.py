"""The artist's scheduling policy: slot step, notice, horizon, holds, cancellation notice and
daily cap (the owner or an admin changes it; ``SchedulingPolicy`` checks every value)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from datetime import timedelta
from types import MappingProxyType
from typing import Final

from booking_domain.catalog import ArtistProfile, load_editable_artist
from booking_domain.scheduling.use_cases.deps import SchedulingDeps
from booking_domain.shared.identity import Actor
from booking_domain.shared.ids import ArtistId
from booking_domain.shared.use_case import UseCase

# What a client may set each setting to, in the unit every edge takes it in (minutes; the
# horizon in days; the daily cap a count, 0 for none): the API's body and the console's form
# both read their bounds here.
POLICY_BOUNDS: Final[Mapping[str, tuple[int, int]]] = MappingProxyType(
    {
        "slot_step": (1, 1440),
        "minimum_notice": (0, 60 * 24 * 365),
        "horizon": (1, 730),
        "deposit_hold": (1, 60 * 24 * 7),
        "approval_hold": (1, 60 * 24 * 30),
        "free_cancellation_notice": (0, 60 * 24 * 365),
        "daily_cap": (0, 100),
    }
)


@dataclass(frozen=True, slots=True)
class PolicyFields:
    """Scheduling settings a client may change; ``None`` keeps the current value. A
    ``daily_cap`` of 0 removes the cap."""

    slot_step: timedelta | None = None
    minimum_notice: timedelta | None = None
    horizon: timedelta | None = None
    deposit_hold: timedelta | None = None
    approval_hold: timedelta | None = None
    free_cancellation_notice: timedelta | None = None
    daily_cap: int | None = None


class UpdateSchedulingPolicy(UseCase[SchedulingDeps]):
    async def __call__(
        self, actor: Actor, artist_id: ArtistId, changes: PolicyFields
    ) -> ArtistProfile:
        given = {
            f.name: getattr(changes, f.name)
            for f in fields(changes)
            if getattr(changes, f.name) is not None
        }
        if given.get("daily_cap") == 0:
            given["daily_cap"] = None
        async with self._deps.uow() as uow:
            artist = await load_editable_artist(uow.artists, actor, artist_id)
            policy = replace(artist.policy, **given)  # SchedulingPolicy checks every value
            updated = artist.edited(actor, self._deps.clock.now(), policy=policy)
            await uow.artists.update(updated)
            await uow.commit()
        return updated
