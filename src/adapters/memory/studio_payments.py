"""In-memory payments taken in the studio and the artists' receipt counters."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from adapters.memory.store import StagedTable, TableRepository
from booking_domain.payments.ports import StudioPaymentRepository
from booking_domain.payments.studio import StudioPayment, StudioPaymentId
from booking_domain.shared.errors import ConflictError
from booking_domain.shared.ids import ArtistId, BookingId, UserId


class InMemoryStudioPaymentRepository(
    TableRepository[StudioPaymentId, StudioPayment], StudioPaymentRepository
):
    def __init__(
        self,
        payments: StagedTable[StudioPaymentId, StudioPayment],
        counters: StagedTable[ArtistId, int],
    ) -> None:
        super().__init__(payments)
        self._counters = counters

    async def next_receipt_number(self, artist_id: ArtistId) -> int:
        # Writing units of work run one at a time; a rollback drops the staged counter.
        number = (self._counters.get(artist_id) or 0) + 1
        self._counters.put(artist_id, number)
        return number

    async def add(self, payment: StudioPayment) -> None:
        for other in self._rows.values():
            if (other.artist_id, other.receipt_number) == (
                payment.artist_id,
                payment.receipt_number,
            ):
                raise ConflictError(f"receipt {payment.receipt_number} is taken")
            if payment.idempotency_key is not None and (
                other.recorded_by,
                other.idempotency_key,
            ) == (payment.recorded_by, payment.idempotency_key):
                raise ConflictError("idempotency key taken")
        self._rows.put(payment.id, payment)

    async def get(
        self, payment_id: StudioPaymentId, *, for_update: bool = False
    ) -> StudioPayment | None:
        return self._rows.get(payment_id)

    async def by_idempotency_key(self, recorded_by: UserId, key: str) -> StudioPayment | None:
        return self._first(lambda p: p.recorded_by == recorded_by and p.idempotency_key == key)

    async def by_receipt_token(self, token_hash: str) -> StudioPayment | None:
        return self._first(lambda p: p.receipt_token_hash == token_hash)

    async def for_booking(self, booking_id: BookingId) -> Sequence[StudioPayment]:
        mine = [p for p in self._rows.values() if p.booking_id == booking_id]
        return sorted(mine, key=lambda p: p.receipt_number)

    async def update(self, payment: StudioPayment) -> None:
        self._rows.put(payment.id, payment)

    def _first(self, test: Callable[[StudioPayment], bool]) -> StudioPayment | None:
        return next((p for p in self._rows.values() if test(p)), None)
