"""The periodic rounds several contexts take part in, each one task: its steps are the
contexts' (``Step`` in their ``WORK``), run in the registry's order, one after the other;
a failing step ends the round's tick (the next tick is the retry).

- ``expire_holds``: the holds that ran out (bookings), then the invoices of those holds,
  cancelled at the provider by jobs of their own, then the refunds of what bookings owe
  back, paid by jobs (payments). The order is the rule: a hold expired in a tick has its
  invoice withdrawn in the same tick.
- ``purge``: what each context keeps no longer, each its own ``Step(PURGE, ...)``
  described in its module: the steps are independent of each other.
"""

from __future__ import annotations

from entrypoints.worker.work import Round

HOLDS = Round("expire_holds", cron=lambda settings: settings.expire_holds_cron)
PURGE = Round("purge", cron=lambda settings: settings.purge_cron)
ROUNDS = (HOLDS, PURGE)
