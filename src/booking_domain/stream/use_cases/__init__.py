"""The stream's use cases, and their bundle (``StreamUseCases``)."""

from __future__ import annotations

from dataclasses import dataclass

from booking_domain.shared.use_case import UseCaseBundle
from booking_domain.stream.use_cases.replay import (
    KEPT_FOR,
    MAX_REPLAY,
    ForgetOldEvents,
    ReplayEvents,
    StreamDeps,
)


@dataclass(frozen=True, slots=True)
class StreamUseCases(UseCaseBundle[StreamDeps]):
    """What the composition root builds of this context; adding a use case is one field."""

    replay_events: ReplayEvents
    forget_old_events: ForgetOldEvents


__all__ = [
    "KEPT_FOR",
    "MAX_REPLAY",
    "ForgetOldEvents",
    "ReplayEvents",
    "StreamDeps",
    "StreamUseCases",
]
