"""What a violated constraint means is said beside its table: each module of
``adapters/postgres/tables`` claims every unique and exclusion constraint of its own tables
(``CONSTRAINT_ERRORS``), and no other module's (docs/architecture.md, "Adding a bounded
context", step 6)."""

from __future__ import annotations

from types import ModuleType

import pytest
import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import ExcludeConstraint

from adapters.postgres import tables
from adapters.postgres.tables import constraint_errors, declared_constraint_errors
from booking_domain.shared import ConflictError


def _unique_constraints(module: ModuleType) -> set[str]:
    """The names of the unique and exclusion constraints and unique indexes of the tables
    ``module`` defines: what a request racing another could violate."""
    names: set[str] = set()
    for table in vars(module).values():
        if not isinstance(table, sa.Table):
            continue
        for constraint in table.constraints:
            if isinstance(constraint, sa.UniqueConstraint | ExcludeConstraint):
                names.add(str(constraint.name))
        names.update(str(index.name) for index in table.indexes if index.unique)
    return names


@pytest.mark.parametrize("module", tables.modules(), ids=lambda m: m.__name__.rsplit(".")[-1])
def test_a_module_claims_every_unique_constraint_of_its_tables_and_no_other(
    module: ModuleType,
) -> None:
    """A constraint missing here would be a bare ``conflict`` where the in-memory adapter
    raises the context's own error; one of another module's tables is that module's to
    claim. ``None`` says on purpose that no request can cause a violation."""
    claimed = set(declared_constraint_errors(module))
    theirs = _unique_constraints(module)
    assert sorted(theirs - claimed) == [], "say what a violation means in CONSTRAINT_ERRORS"
    assert sorted(claimed - theirs) == [], "a module claims only its own tables' constraints"


def test_a_constraint_is_claimed_by_one_module_and_every_claim_is_a_conflict() -> None:
    claims = [name for m in tables.modules() for name in declared_constraint_errors(m)]
    assert len(claims) == len(set(claims))
    mapped = constraint_errors()
    assert mapped["ex_bookings_artist_blocked"].__name__ == "SlotTakenError"
    assert mapped["uq_outbox_events_subject_sequence"].__name__ == "ConcurrentUpdateError"
    assert "uq_refresh_tokens_token_hash" not in mapped  # None: a bare conflict
    assert [n for n, error in mapped.items() if not issubclass(error, ConflictError)] == []


def test_two_modules_claiming_one_constraint_are_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first, second = ModuleType("first"), ModuleType("second")
    first.CONSTRAINT_ERRORS = {"uq_things_name": ConflictError}  # type: ignore[attr-defined]
    second.CONSTRAINT_ERRORS = {"uq_things_name": None}  # type: ignore[attr-defined]
    monkeypatch.setattr(tables, "modules", lambda: [first, second])
    with pytest.raises(ValueError, match="uq_things_name is claimed by first and second"):
        constraint_errors.__wrapped__()
