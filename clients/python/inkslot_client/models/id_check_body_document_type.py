from enum import StrEnum


class IdCheckBodyDocumentType(StrEnum):
    DRIVING_LICENCE = "driving_licence"
    NATIONAL_ID = "national_id"
    OTHER = "other"
    PASSPORT = "passport"

    def __str__(self) -> str:
        return str(self.value)
