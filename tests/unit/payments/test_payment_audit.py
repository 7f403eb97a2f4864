"""Payment events in the audit trail: each deposit invoice's status change is one entry named
by the new status, a change of nothing the trail keeps is none."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from booking_domain.payments import invoices as inv
from booking_domain.payments.invoices import InvoiceStatus
from booking_domain.payments.published import deposit_audit_entry
from tests.unit.payments.test_payment_rules import T0, open_invoice, pending_booking


def test_a_new_invoice_is_reserved_and_each_status_names_its_entry() -> None:
    reserved = inv.reserve(pending_booking(), attempt=1, token_hash="t", now=T0)
    made = deposit_audit_entry(None, reserved, T0)
    assert made is not None and (made.action, made.before) == ("deposit.reserved", None)
    opened = open_invoice(pending_booking())
    for status, action in [(InvoiceStatus.PAID, "deposit.paid"),
                           (InvoiceStatus.CANCELLED, "deposit.cancelled")]:  # fmt: skip
        entry = deposit_audit_entry(opened, replace(opened, status=status), T0)
        assert entry is not None and entry.action == action
        assert entry.before is not None and entry.before["status"] == "open"
        assert entry.target == f"payment/{opened.id}"


@given(st.booleans())
def test_only_a_status_or_the_provider_cancel_makes_an_entry(cancel_due: bool) -> None:
    opened = replace(open_invoice(pending_booking()), cancel_due=cancel_due)
    assert deposit_audit_entry(opened, replace(opened, checked_at=T0), T0) is None
    flipped = deposit_audit_entry(opened, replace(opened, cancel_due=not cancel_due), T0)
    assert flipped is not None
    assert flipped.action == ("deposit.cancel_sent" if cancel_due else "deposit.cancel_due")


def test_every_status_has_an_action_of_its_own() -> None:
    opened = open_invoice(pending_booking())
    made = [deposit_audit_entry(None, replace(opened, status=s), T0) for s in InvoiceStatus]
    actions = {entry.action for entry in made if entry is not None}
    assert len(actions) == len(InvoiceStatus)
    assert all(action.startswith("deposit.") for action in actions)
