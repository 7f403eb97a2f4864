"""The kinds of controller: ``Public`` (anyone; a signed-in caller is known when a token
comes), ``SignedIn`` (a valid bearer token) and ``AdminOnly`` (an admin's token); every
controller is one of them. A controller names its context once, ``class
BookingsController(SignedIn, context="bookings")``: its handlers then get the caller
(``caller_dependencies``, which sets the controller's ``dependencies``) beside the context's
bundle. Guards only authenticate and check roles (docs/architecture.md, rule 5).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from litestar import Controller

from booking_domain.shared import Role
from entrypoints.http.auth import BEARER, authenticated, role_in
from entrypoints.http.caller import caller_dependencies
from entrypoints.http.problem_docs import CONTEXT


class Public(Controller):
    def __init_subclass__(cls, *, context: str | None = None, **kwargs: Any) -> None:
        """``context``: the context whose bundle and caller its handlers get. What each
        operation raises is declared beside its route (``opt=raises_exactly(...)``, for the
        OpenAPI document: ``problem_docs``)."""
        super().__init_subclass__(**kwargs)
        declared = cls.__dict__.get("opt")  # a Controller's slots: a Mapping only if set
        opt = dict(declared) if isinstance(declared, Mapping) else {}
        if context is not None:
            cls.dependencies = caller_dependencies(context)
            opt[CONTEXT] = context
        cls.opt = opt


class SignedIn(Public):
    guards = [authenticated]
    security = BEARER


class AdminOnly(Public):
    guards = [authenticated, role_in(Role.ADMIN)]
    security = BEARER
