from enum import StrEnum


class SendCodeRequestPurpose(StrEnum):
    PHONE_CHANGE = "phone_change"
    SIGN_IN = "sign_in"
    UNLOCK = "unlock"

    def __str__(self) -> str:
        return str(self.value)
