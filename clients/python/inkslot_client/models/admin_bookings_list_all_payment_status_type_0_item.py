from enum import StrEnum


class AdminBookingsListAllPaymentStatusType0Item(StrEnum):
    INVOICED = "invoiced"
    PAID = "paid"
    PARTIALLY_REFUNDED = "partially_refunded"
    REFUNDED = "refunded"
    UNPAID = "unpaid"

    def __str__(self) -> str:
        return str(self.value)
