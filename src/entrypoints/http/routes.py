"""A context's HTTP surface: the ``ROUTES`` of ``entrypoints.http.<context>.routes``.

``build_app`` serves every registered context's routes, in the registry's order, each group
behind what it names: its controllers under ``/api/v1``, sign-in and sign-up behind their
rate limits, the sandbox's bank app only where the sandbox gateway takes payments, and
the few served at the root (``root``: calendar feeds).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from litestar import Controller

Controllers = Sequence[type[Controller]]


@dataclass(frozen=True, slots=True)
class Routes:
    controllers: Controllers = ()
    # Behind the per-minute limit per client address: sign-in, refresh, logout, password.
    sign_in: Controllers = ()
    # Behind that limit and the hourly sign-up limit (each probe of a taken email costs one).
    sign_up: Controllers = ()
    # Only where the sandbox gateway takes payments (its local bank app).
    sandbox: Controllers = ()
    # At the root, outside /api/v1: what other programs fetch by a link they were given
    # (a calendar feed, /cal/<token>.ics).
    root: Controllers = ()
