"""The schema as SQLAlchemy Core tables, one module per context: the single source for the
repositories and for Alembic (``migrations/env.py`` reads :func:`schema`).

Each module defines its context's tables on the one :data:`~base.metadata` when it is
imported: a context's tables join the schema by their module being here, and no list of
every context's tables is kept. A repository imports the module of the tables it reads;
:func:`schema` imports them all, for the comparison with the migrations.

Naming conventions give every constraint a stable name, so error translation can recognise
which constraint a violation came from.
"""

from __future__ import annotations

import pkgutil
from importlib import import_module

import sqlalchemy as sa

from adapters.postgres.tables.base import EXPRESSION_INDEXES, metadata

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


def schema() -> sa.MetaData:
    """The metadata with every table of every module of this package (Alembic's target)."""
    for module in pkgutil.iter_modules(__path__):
        import_module(f"{__name__}.{module.name}")
    return metadata


__all__ = ["FOREIGN_TABLE_PREFIXES", "is_ours", "metadata", "schema"]
