"""The schema as SQLAlchemy Core tables, one module per context: the single source for the
repositories and for Alembic (``migrations/env.py`` reads :func:`schema`).

Each module defines its context's tables on the one :data:`~base.metadata` when it is
imported: a context's tables join the schema by their module being here, and no list of
every context's tables is kept. A repository imports the module of the tables it reads;
:func:`schema` imports them all, for the comparison with the migrations.

Naming conventions give every constraint a stable name, so error translation can recognise
which constraint a violation came from: each module says what a violation of its tables'
unique and exclusion constraints means (``CONSTRAINT_ERRORS``, ``base.ConstraintErrors``),
and :func:`constraint_errors` gathers them the way :func:`schema` gathers the tables.
"""

from __future__ import annotations

import pkgutil
from collections.abc import Mapping
from functools import cache
from importlib import import_module
from types import ModuleType

import sqlalchemy as sa

from adapters.postgres.tables.base import EXPRESSION_INDEXES, ConstraintErrors, metadata
from booking_domain.shared import DomainError

# Tables another library owns in our database (the job queue's), created by our migrations
# from that library's own schema file and left out of comparisons with the metadata.
FOREIGN_TABLE_PREFIXES = ("procrastinate_",)


def is_ours(name: str | None, type_: str, parent_names: object) -> bool:
    """Alembic's ``include_name`` hook: skip tables (and their indexes) of other libraries,
    and the expression indexes only the migrations describe."""
    if type_ == "index" and name in EXPRESSION_INDEXES:
        return False
    if type_ == "table" and name is not None:
        return not name.startswith(FOREIGN_TABLE_PREFIXES)
    return True


def modules() -> list[ModuleType]:
    """Every module of this package, imported (its tables have joined the metadata)."""
    return [import_module(f"{__name__}.{m.name}") for m in pkgutil.iter_modules(__path__)]


def schema() -> sa.MetaData:
    """The metadata with every table of every module of this package (Alembic's target)."""
    modules()
    return metadata


def declared_constraint_errors(module: ModuleType) -> ConstraintErrors:
    """What ``module`` says a violation of each of its constraints means (none: nothing)."""
    declared: ConstraintErrors = getattr(module, "CONSTRAINT_ERRORS", {})
    return declared


@cache
def constraint_errors() -> Mapping[str, type[DomainError]]:
    """The domain error of every constraint a module maps to one, from every module of the
    package (the schema's whole, as :func:`schema`). ``ValueError`` for a constraint two
    modules claim: a constraint's meaning is its tables' module's alone."""
    claimed: dict[str, str] = {}
    found: dict[str, type[DomainError]] = {}
    for module in modules():
        for name, error in declared_constraint_errors(module).items():
            if name in claimed:
                raise ValueError(f"{name} is claimed by {claimed[name]} and {module.__name__}")
            claimed[name] = module.__name__
            if error is not None:
                found[name] = error
    return found


__all__ = [
    "FOREIGN_TABLE_PREFIXES",
    "constraint_errors",
    "declared_constraint_errors",
    "is_ours",
    "metadata",
    "modules",
    "schema",
]
