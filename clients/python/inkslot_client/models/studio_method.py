from enum import StrEnum


class StudioMethod(StrEnum):
    BANK_TRANSFER = "bank_transfer"
    CARD_TERMINAL = "card_terminal"
    CASH = "cash"

    def __str__(self) -> str:
        return str(self.value)
