from enum import StrEnum


class FormBodyLocale(StrEnum):
    EN = "en"
    MN = "mn"

    def __str__(self) -> str:
        return str(self.value)
