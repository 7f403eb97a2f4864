"""Consent's background work: the hourly purge deletes the signed consents past their
retention, 2,557 days (7 years) after their appointment (docs/consent.md)."""

from __future__ import annotations

from booking_domain.consent.use_cases import ConsentUseCases
from entrypoints.worker.rounds import PURGE
from entrypoints.worker.work import Step, Work

WORK = Work(ConsentUseCases, steps=(Step(PURGE, lambda consent: consent.purge()),))
