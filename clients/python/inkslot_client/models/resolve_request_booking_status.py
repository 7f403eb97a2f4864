from enum import StrEnum


class ResolveRequestBookingStatus(StrEnum):
    CANCELLED = "cancelled"
    COMPLETED = "completed"

    def __str__(self) -> str:
        return str(self.value)
