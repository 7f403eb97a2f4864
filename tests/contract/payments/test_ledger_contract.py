"""The admins' ledger (deposits and refunds in one list), in memory and on PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from uuid import UUID

import pytest

from booking_domain.catalog import FixedDeposit
from booking_domain.payments import PaymentMethod, Refund, RefundId, RefundStatus
from booking_domain.payments import invoices as inv
from booking_domain.payments.invoices import InvoiceStatus
from booking_domain.payments.ledger import Transaction, TransactionFilter, TransactionKind
from booking_domain.shared import Money, PageRequest
from booking_domain.shared.ids import BookingId, new_uuid7
from booking_domain.shared.pages import Page
from tests.contract.bookings.test_bookings_contract import a_booking, store
from tests.support.builders import START
from tests.support.catalog import add_bookable_artist, add_user
from tests.support.pages import assert_counts_capped
from tests.support.storage import AnyUnitOfWorkFactory

pytestmark = pytest.mark.anyio
DEPOSIT = Money(3_000_000, "MNT")
MINUTE = timedelta(minutes=1)
INVOICE_STATUSES = list(InvoiceStatus)
REFUND_STATUSES = list(RefundStatus)


async def _ledger(uow_factory: AnyUnitOfWorkFactory) -> tuple[list[Transaction], BookingId]:
    """Two bookings: one with an invoice of every status and a refund of every status made a
    minute apart, interleaved; the other with one paid invoice. Returns every transaction,
    newest first, and the first booking's id."""
    artist = await add_bookable_artist(
        uow_factory, deposit=FixedDeposit(DEPOSIT), price=Money(10_000_000, "MNT")
    )
    customer = await add_user(uow_factory)
    first, event = a_booking(artist, customer)
    await store(uow_factory, first, event)
    second, event = a_booking(artist, customer, start=first.start + timedelta(days=1))
    await store(uow_factory, second, event)
    made: list[Transaction] = []
    async with uow_factory() as uow:
        for n, status in enumerate(INVOICE_STATUSES):
            at = START + 2 * n * MINUTE
            reserved = inv.reserve(first, attempt=n + 1, token_hash="h", now=START)
            paid_at = at if status is InvoiceStatus.PAID else None
            invoice = replace(
                reserved, status=status, paid_at=paid_at, created_at=at, updated_at=at
            )
            await uow.invoices.add(invoice)
            made.append(Transaction.of_deposit(invoice))
        assert first.customer_id is not None  # a customer's request
        for n, refund_status in enumerate(REFUND_STATUSES):
            at = START + (2 * n + 1) * MINUTE
            refund = Refund(
                id=RefundId(new_uuid7(int(at.timestamp() * 1000))), booking_id=first.id,
                customer_id=first.customer_id, artist_user_id=first.artist_user_id,
                amount=Money(100_000 * (n + 1), "MNT"), status=refund_status,
                payment_id=f"pay-{n}", method=PaymentMethod.P2P, reason="bank-app payment",
                created_at=at, updated_at=at,
            )  # fmt: skip
            await uow.refunds.add(refund)
            made.append(Transaction.of_refund(refund))
        at = START + 30 * MINUTE
        reserved = inv.reserve(second, attempt=1, token_hash="h", now=START)
        other = replace(
            reserved, status=InvoiceStatus.PAID, paid_at=at, created_at=at, updated_at=at
        )
        await uow.invoices.add(other)
        made.append(Transaction.of_deposit(other))
        await uow.commit()
    made.sort(key=lambda t: (t.created_at, t.id), reverse=True)
    return made, first.id


async def _list(
    uow_factory: AnyUnitOfWorkFactory, where: TransactionFilter, page: PageRequest | None = None
) -> tuple[list[UUID], int]:
    async with uow_factory(read_only=True) as uow:
        found = await uow.transactions.list(where, page or PageRequest(1, 100))
    return [t.id for t in found.items], found.total


async def test_every_transaction_is_listed_newest_first_as_stored(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    made, _ = await _ledger(uow_factory)
    async with uow_factory(read_only=True) as uow:
        found = await uow.transactions.list(TransactionFilter(), PageRequest(1, 100))
    assert list(found.items) == made
    assert found.total == len(made) == 10


async def test_pages_cut_the_same_order_and_past_the_end_is_empty(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    made, _ = await _ledger(uow_factory)
    ids = [t.id for t in made]
    pages = [await _list(uow_factory, TransactionFilter(), PageRequest(n, 3)) for n in (1, 2, 3, 4)]
    assert [p[0] for p in pages] == [ids[0:3], ids[3:6], ids[6:9], ids[9:10]]
    assert await _list(uow_factory, TransactionFilter(), PageRequest(5, 3)) == ([], 10)


FILTERS = [
    TransactionFilter(kinds=frozenset({TransactionKind.DEPOSIT})),
    TransactionFilter(kinds=frozenset({TransactionKind.REFUND})),
    TransactionFilter(statuses=frozenset({"paid", "manual"})),
    TransactionFilter(kinds=frozenset({TransactionKind.REFUND}), statuses=frozenset({"pending"})),
    TransactionFilter(awaiting_settlement=True),
    TransactionFilter(awaiting_settlement=False),
    TransactionFilter(awaiting_settlement=True, kinds=frozenset({TransactionKind.DEPOSIT})),
    TransactionFilter(created_from=START + 3 * MINUTE, created_before=START + 7 * MINUTE),
    TransactionFilter(statuses=frozenset({"open", "settled"}), created_from=START + 4 * MINUTE),
]


@pytest.mark.parametrize("where", FILTERS)
async def test_each_filter_lists_exactly_its_matches(
    uow_factory: AnyUnitOfWorkFactory, where: TransactionFilter
) -> None:
    made, _ = await _ledger(uow_factory)
    expected = [t.id for t in made if where.matches(t)]
    assert await _list(uow_factory, where) == (expected, len(expected))


async def test_awaiting_settlement_is_the_manual_refunds_and_a_booking_its_own(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    made, first = await _ledger(uow_factory)
    manual = [t.id for t in made if t.kind is TransactionKind.REFUND and t.status == "manual"]
    assert len(manual) == 1
    assert await _list(uow_factory, TransactionFilter(awaiting_settlement=True)) == (manual, 1)
    mine = [t.id for t in made if t.booking_id == first]
    assert await _list(uow_factory, TransactionFilter(booking_id=first)) == (mine, 9)


async def test_a_range_is_half_open(uow_factory: AnyUnitOfWorkFactory) -> None:
    made, _ = await _ledger(uow_factory)
    at: datetime = START + 2 * MINUTE  # the second invoice's moment
    where = TransactionFilter(created_from=at, created_before=at + MINUTE)
    ids, total = await _list(uow_factory, where)
    assert total == 1 and ids == [t.id for t in made if t.created_at == at]


async def test_the_total_is_counted_up_to_a_reach(uow_factory: AnyUnitOfWorkFactory) -> None:
    made, _ = await _ledger(uow_factory)  # deposits and refunds: two capped counts summed

    async def list_page(request: PageRequest) -> Page[Transaction]:
        async with uow_factory(read_only=True) as uow:
            return await uow.transactions.list(TransactionFilter(), request)

    await assert_counts_capped(list_page, len(made))
