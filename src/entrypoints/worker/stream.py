"""The stream's background work: the hourly purge forgets the outbox events past their 7
days (each subject's newest stays)."""

from __future__ import annotations

from booking_domain.stream.use_cases import StreamUseCases
from entrypoints.worker.rounds import PURGE
from entrypoints.worker.work import Step, Work

WORK = Work(StreamUseCases, steps=(Step(PURGE, lambda stream: stream.forget_old_events()),))
