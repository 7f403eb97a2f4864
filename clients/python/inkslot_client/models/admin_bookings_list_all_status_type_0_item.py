from enum import StrEnum


class AdminBookingsListAllStatusType0Item(StrEnum):
    CANCELLED = "cancelled"
    COMPLETED = "completed"
    CONFIRMED = "confirmed"
    DISPUTED = "disputed"
    NO_SHOW = "no_show"
    PENDING = "pending"

    def __str__(self) -> str:
        return str(self.value)
