from enum import StrEnum


class AdminTransactionsListTransactionsStatusType0Item(StrEnum):
    CANCELLED = "cancelled"
    CREATING = "creating"
    FAILED = "failed"
    MANUAL = "manual"
    OPEN = "open"
    PAID = "paid"
    PENDING = "pending"
    REFUNDED = "refunded"
    SETTLED = "settled"

    def __str__(self) -> str:
        return str(self.value)
