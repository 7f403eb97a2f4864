from enum import StrEnum


class OpenDisputeRequestOnBehalfOfType3Type1(StrEnum):
    ARTIST = "artist"
    CUSTOMER = "customer"

    def __str__(self) -> str:
        return str(self.value)
