from enum import StrEnum


class VerifyCodeRequestRole(StrEnum):
    ARTIST = "artist"
    CUSTOMER = "customer"

    def __str__(self) -> str:
        return str(self.value)
