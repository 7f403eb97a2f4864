"""``ListTransactions``: the admins' ledger of deposits and refunds (``ledger.py``)."""

from __future__ import annotations

from booking_domain.payments.ledger import Transaction, TransactionFilter
from booking_domain.payments.use_cases.deps import PaymentsDeps
from booking_domain.shared.errors import PermissionDeniedError
from booking_domain.shared.identity import Actor
from booking_domain.shared.pages import Page, PageRequest
from booking_domain.shared.use_case import UseCase


class ListTransactions(UseCase[PaymentsDeps]):
    async def __call__(
        self, actor: Actor, where: TransactionFilter, page: PageRequest
    ) -> Page[Transaction]:
        if not actor.is_admin:
            raise PermissionDeniedError("Only admins read the ledger.")
        async with self._deps.uow(read_only=True) as uow:
            return await uow.transactions.list(where, page)
