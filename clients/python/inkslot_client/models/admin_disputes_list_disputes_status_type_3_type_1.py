from enum import StrEnum


class AdminDisputesListDisputesStatusType3Type1(StrEnum):
    OPEN = "open"
    RESOLVED = "resolved"

    def __str__(self) -> str:
        return str(self.value)
