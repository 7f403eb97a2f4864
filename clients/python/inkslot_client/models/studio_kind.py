from enum import StrEnum


class StudioKind(StrEnum):
    ALL = "all"
    BALANCE = "balance"
    DEPOSIT = "deposit"

    def __str__(self) -> str:
        return str(self.value)
