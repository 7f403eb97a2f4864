from enum import StrEnum


class AdminDisputesListDisputesStatusType2Type1(StrEnum):
    OPEN = "open"
    RESOLVED = "resolved"

    def __str__(self) -> str:
        return str(self.value)
