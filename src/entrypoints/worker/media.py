"""Media's background work: the hourly purge deletes the uploads not used a day after
they were requested, with their originals and variants (docs/media.md)."""

from __future__ import annotations

from booking_domain.media.use_cases import MediaUseCases
from entrypoints.worker.rounds import PURGE
from entrypoints.worker.work import Step, Work

WORK = Work(MediaUseCases, steps=(Step(PURGE, lambda media: media.purge_abandoned_uploads()),))
