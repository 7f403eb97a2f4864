"""The kinds of controller: ``Public`` (anyone; a signed-in caller is known when a token
comes), ``SignedIn`` (a valid bearer token) and ``AdminOnly`` (an admin's token); every
controller is one of them. A controller names its context once, ``class
BookingsController(SignedIn, context="bookings")``: its handlers then get the caller
(``caller_dependencies``, which sets the controller's ``dependencies``) beside the context's
bundle. Guards only authenticate and check roles (docs/architecture.md, rule 5).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from litestar import Controller

from booking_domain.shared import Role
from booking_domain.shared.errors import DomainError
from entrypoints.http.auth import BEARER, authenticated, role_in
from entrypoints.http.caller import caller_dependencies
from entrypoints.http.problem_docs import CONTEXT, RAISES


class Public(Controller):
    def __init_subclass__(
        cls,
        *,
        context: str | None = None,
        raises: Sequence[type[DomainError]] = (),
        **kwargs: Any,
    ) -> None:
        """``raises``: the domain errors (categories or concrete) its operations' use cases
        raise, for the OpenAPI document (``problem_docs``); an operation may name its own
        (``opt=raises(...)``)."""
        super().__init_subclass__(**kwargs)
        declared = cls.__dict__.get("opt")  # a Controller's slots: a Mapping only if set
        opt = {**(declared if isinstance(declared, Mapping) else {}), RAISES: tuple(raises)}
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
