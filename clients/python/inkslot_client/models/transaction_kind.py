from enum import StrEnum


class TransactionKind(StrEnum):
    BALANCE = "balance"
    DEPOSIT = "deposit"
    REFUND = "refund"

    def __str__(self) -> str:
        return str(self.value)
