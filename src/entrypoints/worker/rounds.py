"""The periodic rounds several contexts take part in, each one task: its steps are the
contexts' (``Step`` in their ``WORK``), run in the registry's order, one after the other;
a failing step ends the round's tick (the next tick is the retry).

- ``expire_holds``: the holds that ran out (bookings), then the invoices of those holds,
  cancelled at the provider by jobs of their own, then the refunds of what bookings owe
  back, paid by jobs (payments). The order is the rule: a hold expired in a tick has its
  invoice withdrawn in the same tick.
- ``purge``: what each context keeps no longer (idempotency keys past their 24 hours,
  outbox events past their 7 days, uploads requested a day ago and never used, spent
  Telegram logins too old to replay, phone codes sent over a day ago, signed consents past
  their retention, the Telegram bot's updates of a day ago and its chat link tokens that ran
  out, the texts charged to accounts and the booking links' visitors of days before
  yesterday): the steps are independent of each other.
"""

from __future__ import annotations

from entrypoints.worker.work import Round

HOLDS = Round("expire_holds", cron=lambda settings: settings.expire_holds_cron)
PURGE = Round("purge", cron=lambda settings: settings.purge_cron)
ROUNDS = (HOLDS, PURGE)
