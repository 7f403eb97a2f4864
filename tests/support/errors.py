"""Every ``DomainError`` subclass the core declares: what the error-table and translation
tests walk."""

from __future__ import annotations

import importlib
import pkgutil

import booking_domain
from booking_domain.shared import DomainError


def all_domain_errors() -> list[type[DomainError]]:
    """``DomainError`` and every subclass, after importing every module of the core (its
    test helpers aside)."""
    for module in pkgutil.walk_packages(booking_domain.__path__, "booking_domain."):
        if not module.name.startswith("booking_domain.testing"):
            importlib.import_module(module.name)
    found: list[type[DomainError]] = []
    pending = [DomainError]
    while pending:
        klass = pending.pop()
        found.append(klass)
        pending.extend(klass.__subclasses__())
    return found
