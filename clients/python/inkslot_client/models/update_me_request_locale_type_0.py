from enum import StrEnum


class UpdateMeRequestLocaleType0(StrEnum):
    EN = "en"
    MN = "mn"

    def __str__(self) -> str:
        return str(self.value)
