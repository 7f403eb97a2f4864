from enum import StrEnum


class PaymentMethod(StrEnum):
    CARD = "card"
    P2P = "p2p"

    def __str__(self) -> str:
        return str(self.value)
