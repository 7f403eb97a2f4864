"""Accounts' background work: the hourly purge forgets the spent Telegram logins too old
to replay and the phone codes sent over a day ago."""

from __future__ import annotations

from booking_domain.accounts.use_cases import AccountUseCases
from entrypoints.worker.rounds import PURGE
from entrypoints.worker.work import Step, Work

WORK = Work(
    AccountUseCases,
    steps=(
        Step(PURGE, lambda accounts: accounts.purge_spent_telegram_logins()),
        Step(PURGE, lambda accounts: accounts.purge_phone_codes()),
    ),
)
