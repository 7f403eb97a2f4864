from enum import StrEnum


class AdminArtistsListProfilesStatusType3Type1(StrEnum):
    APPROVED = "approved"
    DRAFT = "draft"
    PENDING = "pending"
    REJECTED = "rejected"

    def __str__(self) -> str:
        return str(self.value)
